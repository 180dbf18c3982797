import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../api/errors';
import { LeaveGuard } from '../app/leave-guard.svelte';
import { EditorState, type EditorSource } from './editor-state.svelte';

type Input = { name: string; email: string; postal_code: string; until: string };
type Stored = { id: number; name: string; email: string; postal_code: string; until: string };
type Detail = { record: Stored; history: boolean };

const FIELDS = ['name', 'email', 'postal_code', 'until'] as const;
const empty = (): Input => ({ name: '', email: '', postal_code: '', until: '' });
const stored = (id: number, overrides: Partial<Stored> = {}): Detail => ({
  record: { id, name: `Nr. ${id}`, email: '', postal_code: '', until: '', ...overrides },
  history: false,
});

/** A deferred promise, to let answers arrive in any order. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function source(overrides: Partial<EditorSource<Detail, Input, Stored>> = {}) {
  return {
    fields: FIELDS,
    empty,
    toInput: ({ record }: Detail): Input => ({
      name: record.name,
      email: record.email,
      postal_code: record.postal_code,
      until: record.until,
    }),
    idOf: (detail: Detail) => detail.record.id,
    get: vi.fn((id: number) => Promise.resolve(stored(id))),
    create: vi.fn((input: Input) => Promise.resolve({ id: 7, ...input })),
    update: vi.fn((id: number, input: Input) => Promise.resolve({ id, ...input })),
    remove: vi.fn(() => Promise.resolve(null)),
    ...overrides,
  };
}

/** An area editor with one operation of its own, as the person and organisation editors are. */
class TestEditor extends EditorState<Detail, Input, Stored> {
  end(operation: (id: number) => Promise<unknown>) {
    return this.act(operation);
  }
  beside(operation: () => Promise<unknown>) {
    return this.change(operation);
  }
}

const fourProblems = () =>
  new UserError('validation', '4 Eingaben sind ungültig.', 'postal_code', [
    { field: 'postal_code', message: 'PLZ: „123“ ist keine Postleitzahl (fünf Ziffern).' },
    { field: 'person_id', message: 'Person: unbekannt.' },
    { field: 'email', message: 'E-Mail: „a@b“ ist keine gültige E-Mail-Adresse.' },
    { field: 'name', message: 'Name: Bitte angeben.' },
  ]);

describe('EditorState', () => {
  it('loads a record into the form and tracks whether anything was typed', async () => {
    const editor = new TestEditor(source());
    await editor.load(3);
    expect(editor.id).toBe(3);
    expect(editor.isNew).toBe(false);
    expect(editor.input).toEqual({ name: 'Nr. 3', email: '', postal_code: '', until: '' });
    expect(editor.dirty).toBe(false);
    editor.input.email = 'a@b.de';
    expect(editor.dirty).toBe(true);
    editor.discard();
    expect(editor.input.email).toBe('');
    expect(editor.dirty, 'discarding goes back to the stored values').toBe(false);
  });

  it('ignores a load answer that arrives after another record was opened', async () => {
    const slow = later<Detail>();
    const get = vi.fn((id: number) => (id === 1 ? slow.promise : Promise.resolve(stored(id))));
    const editor = new TestEditor(source({ get }));
    const first = editor.load(1);
    await editor.load(2);
    slow.resolve(stored(1));
    await first;
    expect(editor.id, 'a slow answer must not put record 1 into record 2’s form').toBe(2);
    expect(editor.input.name).toBe('Nr. 2');
    expect(editor.loading).toBe(false);
  });

  it('starting a new record drops a load still under way', async () => {
    const slow = later<Detail>();
    const editor = new TestEditor(source({ get: () => slow.promise }));
    const loading = editor.load(1);
    editor.startNew();
    slow.resolve(stored(1));
    await loading;
    expect(editor.isNew).toBe(true);
    expect(editor.input).toEqual(empty());
    expect(editor.loading).toBe(false);
  });

  it('clears the previous record when loading the next one fails', async () => {
    let fail = false;
    const get = vi.fn((id: number) =>
      fail
        ? Promise.reject({ code: 'not_found', message: 'Nicht gefunden.' })
        : Promise.resolve(stored(id)),
    );
    const editor = new TestEditor(source({ get }));
    await editor.load(1);
    fail = true;
    await editor.load(2);
    expect(editor.detail, 'saving must not update record 1 while record 2 is selected').toBeNull();
    expect(editor.error?.code).toBe('not_found');
  });

  it('follows the list selection', async () => {
    const src = source();
    const editor = new TestEditor(src);
    editor.show(4);
    await vi.waitFor(() => expect(editor.id).toBe(4));
    editor.show(4);
    expect(src.get, 'the shown record is not loaded again').toHaveBeenCalledTimes(1);
    editor.show(null);
    expect(editor.id).toBe(4);
    editor.show('new');
    expect(editor.isNew).toBe(true);
  });

  it('creates a new record, then shows it as stored', async () => {
    const src = source();
    const editor = new TestEditor(src);
    editor.startNew();
    editor.input.name = 'Łucja Wąs';
    const saved = await editor.save();
    expect(src.create).toHaveBeenCalledWith({ ...empty(), name: 'Łucja Wąs' });
    expect(saved?.id).toBe(7);
    expect(editor.id).toBe(7);
    expect(editor.dirty).toBe(false);
    expect(editor.saving).toBe(false);
  });

  it('updates a stored record by its id', async () => {
    const src = source();
    const editor = new TestEditor(src);
    await editor.load(5);
    editor.input.email = 'neu@jena.de';
    await editor.save();
    expect(src.update).toHaveBeenCalledWith(5, {
      name: 'Nr. 5',
      email: 'neu@jena.de',
      postal_code: '',
      until: '',
    });
  });

  it('keeps every problem of a refused save, each under its field, in form order', async () => {
    const editor = new TestEditor(source({ create: () => Promise.reject(fourProblems()) }));
    editor.startNew();
    editor.input.postal_code = '123';

    expect(await editor.save()).toBeNull();
    expect(editor.errors).toEqual({
      name: 'Name: Bitte angeben.',
      email: 'E-Mail: „a@b“ ist keine gültige E-Mail-Adresse.',
      postal_code: 'PLZ: „123“ ist keine Postleitzahl (fünf Ziffern).',
      person_id: 'Person: unbekannt.',
    });
    expect(
      editor.invalidFields,
      'the first invalid field is the first on screen, not the first the core listed',
    ).toEqual(['name', 'email', 'postal_code']);
    expect(editor.problems.map((p) => p.field)).toEqual([
      'name',
      'email',
      'postal_code',
      'person_id',
    ]);
    expect(editor.dirty, 'a refused save keeps what was typed').toBe(true);

    editor.discard();
    expect(editor.errors).toEqual({});
    expect(editor.invalidFields).toEqual([]);
  });

  it('drops the answer of a save when another record was opened meanwhile', async () => {
    const slow = later<Stored>();
    const editor = new TestEditor(source({ update: () => slow.promise }));
    await editor.load(1);
    editor.input.name = 'geändert';
    const saving = editor.save();
    await editor.load(2);
    slow.resolve({ ...stored(1).record, name: 'geändert' });
    expect(await saving).toBeNull();
    expect(editor.id).toBe(2);
    expect(editor.input.name).toBe('Nr. 2');
    expect(editor.saving).toBe(false);
  });

  it('refreshes after an operation: typed fields stay, the others take stored values', async () => {
    let until = '';
    const get = vi.fn((id: number) => Promise.resolve(stored(id, { until })));
    const editor = new TestEditor(source({ get }));
    await editor.load(1);
    editor.input.email = 'getippt@jena.de';

    const failure = await editor.end(() => {
      until = '21.09.2025';
      return Promise.resolve();
    });

    expect(failure).toBeNull();
    expect(editor.input.until, 'what the operation changed reaches the form').toBe('21.09.2025');
    expect(editor.input.email, 'what the user typed is not lost').toBe('getippt@jena.de');
    expect(editor.dirty).toBe(true);
    editor.discard();
    expect(editor.input).toEqual({ ...empty(), name: 'Nr. 1', until: '21.09.2025' });
  });

  it('shows an operation’s refusal in the form; one beside the form is only returned', async () => {
    const editor = new TestEditor(source());
    await editor.load(1);
    const refused = { code: 'locked', message: 'Gesperrt.' };

    const failure = await editor.end(() => Promise.reject(refused));
    expect(failure?.message).toBe('Gesperrt.');
    expect(editor.error).toBe(failure);

    editor.discard();
    const beside = await editor.beside(() => Promise.reject(refused));
    expect(beside?.code).toBe('locked');
    expect(editor.error, 'a mandate dialog shows its own errors').toBeNull();
  });

  it('returns the refusal of a delete instead of showing it', async () => {
    const editor = new TestEditor(
      source({ remove: () => Promise.reject({ code: 'conflict', message: 'Hat Historie.' }) }),
    );
    await editor.load(1);
    expect((await editor.remove())?.code).toBe('conflict');
    expect(editor.error).toBeNull();
    editor.startNew();
    expect(await editor.remove(), 'a new record has nothing to delete').toBeNull();
  });

  it('tells the leave guard about unsaved changes until it unregisters', async () => {
    const guard = new LeaveGuard();
    const editor = new TestEditor(source());
    const unregister = editor.registerWith(guard);
    expect(guard.dirty).toBe(false);
    editor.input.name = 'getippt';
    expect(guard.dirty).toBe(true);
    unregister();
    expect(guard.dirty, 'a closed form must not block leaving').toBe(false);
  });
});
