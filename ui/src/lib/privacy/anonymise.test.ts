import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { AnonymiseState, recordKeptText } from './anonymise.svelte';
import { anonymisePreview } from './fixtures';

afterEach(() => clearMocks());

const anonymised = { person_id: 9, texts_changed: 5, records_kept: [], file_cleaned: true };

describe('AnonymiseState', () => {
  it('loads the preview of the person it is opened for', async () => {
    const calls = recordIPC({ anonymise_preview: () => anonymisePreview() });
    const state = new AnonymiseState(vi.fn());

    await state.start(9);

    expect(calls).toEqual([{ cmd: 'anonymise_preview', args: { id: 9 } }]);
    expect(state.step).toBe('preview');
    expect(state.preview?.name).toBe('Şükrü Özdemir');
    expect(state.open).toBe(true);
  });

  it('cannot be confirmed until the user ticks that it cannot be undone', async () => {
    const calls = recordIPC({
      anonymise_preview: () => anonymisePreview(),
      anonymise_person: () => anonymised,
    });
    const state = new AnonymiseState(vi.fn());
    await state.start(9);

    expect(state.canConfirm).toBe(false);
    await state.confirm();
    expect(calls.some((c) => c.cmd === 'anonymise_person')).toBe(false);

    state.understood = true;
    expect(state.canConfirm).toBe(true);
  });

  it('anonymises once and then triggers the reload', async () => {
    const calls = recordIPC({
      anonymise_preview: () => anonymisePreview(),
      anonymise_person: () => anonymised,
    });
    const reload = vi.fn();
    const state = new AnonymiseState(reload);
    await state.start(9);
    state.understood = true;

    await Promise.all([state.confirm(), state.confirm()]);

    const runs = calls.filter((c) => c.cmd === 'anonymise_person');
    expect(runs, 'a double click must not anonymise twice').toEqual([
      { cmd: 'anonymise_person', args: { id: 9 } },
    ]);
    expect(state.step).toBe('done');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(reload).toHaveBeenCalledWith(anonymised);
    expect(state.close(), 'closing after success says the person was anonymised').toBe(true);
    expect(state.open).toBe(false);
  });

  it('offers nothing to confirm for a person anonymised before', async () => {
    recordIPC({ anonymise_preview: () => anonymisePreview({ already: true }) });
    const state = new AnonymiseState(vi.fn());
    await state.start(9);
    state.understood = true;

    expect(state.canConfirm).toBe(false);
  });

  it('shows the core’s refusal, keeps the preview and does not reload', async () => {
    const message = 'Die Person ist bereits anonymisiert.';
    recordIPC({
      anonymise_preview: () => anonymisePreview(),
      anonymise_person: () => {
        throw { code: 'conflict', message, field: null };
      },
    });
    const reload = vi.fn();
    const state = new AnonymiseState(reload);
    await state.start(9);
    state.understood = true;

    await state.confirm();

    expect(state.step).toBe('preview');
    expect(state.error?.code).toBe('conflict');
    expect(state.error?.message).toBe(message);
    expect(reload).not.toHaveBeenCalled();
    expect(state.close()).toBe(false);
  });

  it('says why the preview could not be loaded', async () => {
    recordIPC({
      anonymise_preview: () => {
        throw { code: 'not_found', message: 'Die Person gibt es nicht mehr.', field: null };
      },
    });
    const state = new AnonymiseState(vi.fn());
    await state.start(9);

    expect(state.step).toBe('failed');
    expect(state.error?.message).toBe('Die Person gibt es nicht mehr.');
    expect(state.canConfirm).toBe(false);
  });

  it('starts unticked for the next person', async () => {
    recordIPC({ anonymise_preview: (args) => anonymisePreview({ person_id: args.id as number }) });
    const state = new AnonymiseState(vi.fn());
    await state.start(9);
    state.understood = true;
    state.close();

    await state.start(10);

    expect(state.understood).toBe(false);
    expect(state.preview?.person_id).toBe(10);
  });
});

describe('recordKeptText', () => {
  it('names session, version, approval date and how the person appears', () => {
    expect(
      recordKeptText({
        session: 37,
        version: 1,
        approved_on: '2024-03-12',
        how: 'Teilnahme, Protokollführung',
      }),
    ).toBe('Protokoll der 37. Sitzung (Fassung 1), genehmigt am 12.03.2024: Teilnahme, Protokollführung');
  });

  it('leaves out a missing approval date', () => {
    expect(recordKeptText({ session: 4, version: 2, approved_on: null, how: 'Teilnahme' })).toBe(
      'Protokoll der 4. Sitzung (Fassung 2): Teilnahme',
    );
  });
});
