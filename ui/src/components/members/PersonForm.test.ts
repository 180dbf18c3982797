import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import { PersonEditor } from '../../lib/members/person-editor.svelte';
import { emptyPersonInput } from '../../lib/format';
import { person, recordIPC } from '../../test/ipc';
import PersonForm from './PersonForm.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

function renderForm(editor = new PersonEditor()) {
  const onsaved = vi.fn();
  const oncancel = vi.fn();
  render(PersonForm, {
    props: { editor, onsaved, oncancel },
    context: appContext(new AppState()),
  });
  return { editor, onsaved, oncancel };
}

describe('PersonForm', () => {
  it('creates a person with the names exactly as typed', async () => {
    const calls = recordIPC({
      person_create: () => person(41, { first_name: 'Şükrü', last_name: 'Łukaszewicz-Özdemir' }),
      person_get: () => ({
        person: person(41, { first_name: 'Şükrü', last_name: 'Łukaszewicz-Özdemir' }),
        mandates: [],
        has_history: false,
      }),
    });
    const { onsaved } = renderForm();
    const user = userEvent.setup();

    await user.type(screen.getByTestId('person-first_name'), 'Şükrü');
    await user.type(screen.getByTestId('person-last_name'), 'Łukaszewicz-Özdemir');
    await user.type(screen.getByTestId('person-email'), 'sukru@herten.de');
    await user.selectOptions(screen.getByTestId('person-salutation'), 'Herr');
    await user.click(screen.getByTestId('save'));

    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(calls[0]).toEqual({
      cmd: 'person_create',
      args: {
        input: {
          ...emptyPersonInput(),
          salutation: 'mr',
          first_name: 'Şükrü',
          last_name: 'Łukaszewicz-Özdemir',
          email: 'sukru@herten.de',
        },
      },
    });
    expect(onsaved.mock.calls[0][0]).toMatchObject({ id: 41 });
  });

  it('shows the core validation message under the field it names', async () => {
    const message = 'E-Mail: „sukru@herten“ ist keine gültige E-Mail-Adresse.';
    recordIPC({
      person_create: () => {
        throw { code: 'validation', field: 'email', message };
      },
    });
    const { onsaved } = renderForm();
    const user = userEvent.setup();

    await user.type(screen.getByTestId('person-first_name'), 'Şükrü');
    await user.type(screen.getByTestId('person-last_name'), 'Özdemir');
    await user.type(screen.getByTestId('person-email'), 'sukru@herten');
    await user.click(screen.getByTestId('save'));

    const email = screen.getByTestId('person-email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const errorId = email.getAttribute('aria-describedby');
    expect(errorId).toBe('person-email-error');
    expect(document.getElementById(errorId!)?.textContent).toContain(message);
    // Only the named field is marked; the summary alert repeats the message.
    expect(screen.getByTestId('person-last_name').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('person-error').textContent).toContain(message);
    // The user is taken to the field and nothing counts as saved.
    expect(document.activeElement).toBe(email);
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('shows every problem of a refused save at its field at once and focuses the first', async () => {
    const problems = [
      { field: 'first_name', message: 'Vorname: Bitte einen Vornamen angeben.' },
      { field: 'email', message: 'E-Mail: „sukru@herten“ ist keine gültige E-Mail-Adresse.' },
      { field: 'postal_code', message: 'PLZ: „4569“ ist keine Postleitzahl (fünf Ziffern).' },
    ];
    const summary = '3 Eingaben sind ungültig. Bitte die markierten Felder korrigieren.';
    const calls = recordIPC({
      person_create: () => {
        throw { code: 'validation', message: summary, field: 'first_name', errors: problems };
      },
    });
    const { onsaved } = renderForm();
    const user = userEvent.setup();

    await user.type(screen.getByTestId('person-last_name'), 'Özdemir');
    await user.type(screen.getByTestId('person-email'), 'sukru@herten');
    await user.type(screen.getByTestId('person-postal_code'), '4569');
    await user.click(screen.getByTestId('save'));

    await waitFor(() => expect(screen.getByTestId('person-error')).toBeTruthy());
    expect(calls.map((c) => c.cmd), 'one save, refused once').toEqual(['person_create']);
    for (const { field, message } of problems) {
      const control = screen.getByTestId(`person-${field}`);
      expect(control.getAttribute('aria-invalid'), `${field} is marked`).toBe('true');
      expect(control.getAttribute('aria-describedby')).toBe(`person-${field}-error`);
      expect(
        document.getElementById(`person-${field}-error`)?.textContent,
        `the message for ${field} stands under ${field}, not only in the summary`,
      ).toContain(message);
    }
    expect(screen.getByTestId('person-last_name').getAttribute('aria-invalid')).toBeNull();
    // The summary names the count and lists every message, in form order.
    const alert = screen.getByTestId('person-error');
    expect(alert.textContent).toContain('Bitte prüfen Sie die markierten Angaben.');
    expect(alert.textContent).toContain(summary);
    const listed = screen.getByTestId('person-error-list').querySelectorAll('li');
    expect([...listed].map((li) => li.textContent?.trim())).toEqual(problems.map((p) => p.message));
    expect(document.activeElement, 'the first invalid field in form order gets the focus').toBe(
      screen.getByTestId('person-first_name'),
    );
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('updates an existing person by id and keeps unsaved edits marked as dirty', async () => {
    const stored = person(5, { email: 'alt@herten.de' });
    const calls = recordIPC({
      person_get: () => ({ person: stored, mandates: [], has_history: true }),
      person_update: (args) => ({ ...stored, email: (args.input as { email: string }).email }),
    });
    const editor = new PersonEditor();
    await editor.load(5);
    renderForm(editor);
    const user = userEvent.setup();

    expect(editor.dirty).toBe(false);
    const email = screen.getByTestId('person-email') as HTMLInputElement;
    expect(email.value).toBe('alt@herten.de');
    await user.clear(email);
    await user.type(email, 'neu@herten.de');
    expect(editor.dirty).toBe(true);
    await user.click(screen.getByTestId('save'));

    await waitFor(() => expect(calls.some((c) => c.cmd === 'person_update')).toBe(true));
    const update = calls.find((c) => c.cmd === 'person_update')!;
    expect(update.args.id).toBe(5);
    expect((update.args.input as { email: string }).email).toBe('neu@herten.de');
  });
});
