import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import type { SessionDetail } from '../../lib/api/types';
import { SessionsState } from '../../lib/sessions/sessions.svelte';
import { detail, entry } from '../../lib/sessions/test-fixtures';
import { recordIPC, type Handler } from '../../test/ipc';
import SessionPage from './SessionPage.svelte';

vi.mock('./SessionAreaPanel.svelte', async () => ({
  default: (await import('./testing/AreaPanelStub.svelte')).default,
}));

afterEach(() => {
  cleanup();
  clearMocks();
});

async function setup(stored: SessionDetail, handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    session_get: () => stored,
    sessions_list: () => [entry(stored.session.id, stored.session, { when: 'next' })],
    ...handlers,
  });
  const list = new SessionsState();
  await list.load();
  list.selected = stored.session.id;
  const app = new AppState();
  render(SessionPage, { props: { list }, context: appContext(app) });
  await waitFor(() => expect(screen.getByTestId('session-form')).toBeTruthy());
  calls.length = 0;
  return { calls, list, app };
}

describe('SessionPage', () => {
  it('shows every problem of a refused save under its field at once and focuses the first', async () => {
    const problems = [
      { field: 'number', message: 'Nummer: Die 37. Sitzung gibt es schon.' },
      { field: 'last_day', message: 'Letzter Tag: Liegt vor dem ersten Tag.' },
      { field: 'registration_deadline', message: 'Anmeldeschluss: „31.02.2026“ ist kein Datum.' },
    ];
    const { calls } = await setup(detail(3), {
      session_update: () => {
        throw { code: 'validation', message: '3 Eingaben sind ungültig.', field: 'number', errors: problems };
      },
    });
    const user = userEvent.setup();

    await user.clear(screen.getByTestId('session-field-last_day'));
    await user.type(screen.getByTestId('session-field-last_day'), '20.09.2026');
    await user.click(screen.getByTestId('session-save'));

    await waitFor(() => expect(screen.getByTestId('session-error')).toBeTruthy());
    expect(calls.map((c) => c.cmd), 'one save, refused once').toEqual(['session_update']);
    expect(calls[0].args).toMatchObject({ id: 3, input: { number: 38, last_day: '20.09.2026' } });
    for (const { field, message } of problems) {
      const control = screen.getByTestId(`session-field-${field}`);
      expect(control.getAttribute('aria-invalid'), `${field} is marked`).toBe('true');
      expect(
        document.getElementById(`session-field-${field}-error`)?.textContent,
        `the message for ${field} stands under ${field}`,
      ).toContain(message);
    }
    expect(screen.getByTestId('session-field-title').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('session-error-list').querySelectorAll('li')).toHaveLength(3);
    expect(document.activeElement).toBe(screen.getByTestId('session-field-number'));
  });

  it('guards unsaved changes of the form', async () => {
    const { app } = await setup(detail(3));
    expect(app.guard.dirty).toBe(false);
    await userEvent.type(screen.getByTestId('session-field-title'), ' II');
    expect(app.guard.dirty).toBe(true);
  });

  it('disables "Löschen" and says why when the session has attendance or minutes', async () => {
    await setup(detail(3, [], { can_delete: false, attendance: 12 }));

    const remove = screen.getByTestId('session-delete') as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
    expect(remove.getAttribute('aria-describedby')).toBe('session-delete-hint');
    expect(screen.getByTestId('session-delete-hint').textContent).toContain(
      'Sitzungen mit Teilnahme oder Protokoll können nur abgesagt werden',
    );
    expect(screen.getByTestId('session-tab-attendance').textContent).toContain('Teilnahme (12)');
  });

  it('deletes a deletable session after asking once', async () => {
    const { calls, list } = await setup(detail(3), { session_delete: () => null });
    const user = userEvent.setup();

    expect((screen.getByTestId('session-delete') as HTMLButtonElement).disabled).toBe(false);
    await user.click(screen.getByTestId('session-delete'));
    expect(screen.getByTestId('session-delete-dialog').hasAttribute('open')).toBe(true);
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(list.selected).toBeNull());
    expect(calls[0]).toEqual({ cmd: 'session_delete', args: { id: 3 } });
  });

  it('sets the status, and asks before cancelling', async () => {
    let status: SessionDetail['session']['status'] = 'planned';
    const { calls } = await setup(detail(3), {
      session_get: () => detail(3, [], {}, { status }),
      session_set_status: (args) => {
        status = args.status as typeof status;
        return detail(3, [], {}, { status }).session;
      },
      session_cancel: () => {
        status = 'cancelled';
        return detail(3, [], {}, { status }).session;
      },
    });
    const user = userEvent.setup();

    await user.selectOptions(screen.getByTestId('session-status'), 'eingeladen');
    await waitFor(() => expect(screen.getByTestId('session-notice').textContent).toContain('eingeladen'));
    expect(calls[0]).toEqual({ cmd: 'session_set_status', args: { id: 3, status: 'invited' } });

    await user.selectOptions(screen.getByTestId('session-status'), 'abgesagt');
    expect(screen.getByTestId('session-cancel-dialog').hasAttribute('open')).toBe(true);
    expect(calls.some((c) => c.cmd === 'session_cancel'), 'nothing before the answer').toBe(false);
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(calls.some((c) => c.cmd === 'session_cancel')).toBe(true));
    await waitFor(() =>
      expect((screen.getByTestId('session-status') as HTMLSelectElement).value).toBe('cancelled'),
    );
  });

  it('copies the session as a template with the next number and opens the copy', async () => {
    const { calls, list } = await setup(detail(3), {
      session_copy: () => detail(9, [], {}, { number: 39, title: 'Neu' }).session,
      session_get: (args) => (args.id === 9 ? detail(9, [], {}, { number: 39 }) : detail(3)),
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('session-copy'));
    expect((screen.getByTestId('session-copy-number') as HTMLInputElement).value).toBe('39');
    expect((screen.getByTestId('session-copy-title') as HTMLInputElement).value).toBe(
      'Interkulturelle Öffnung der Verwaltung',
    );
    await user.type(screen.getByTestId('session-copy-first_day'), '20.09.2027');
    await user.click(screen.getByTestId('session-copy-save'));

    await waitFor(() => expect(list.selected).toBe(9));
    expect(calls.find((c) => c.cmd === 'session_copy')?.args).toEqual({
      id: 3,
      input: { number: 39, first_day: '20.09.2027', title: 'Interkulturelle Öffnung der Verwaltung' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('session-notice').textContent).toContain('39. Sitzung aus der Vorlage'),
    );
  });

  it('saves the agenda PDF where the user chooses, with the session in the file name', async () => {
    const { calls } = await setup(detail(3), {
      'plugin:dialog|save': () => '/home/anna/38. Sitzung – Tagesordnung.pdf',
      pdf_session: (args) => ({ path: args.path, pages: 2, warnings: [] }),
    });

    await userEvent.click(screen.getByTestId('session-output-agenda'));

    await waitFor(() => expect(screen.getByTestId('session-output-notice-success')).toBeTruthy());
    const dialog = calls.find((c) => c.cmd === 'plugin:dialog|save')?.args.options as {
      defaultPath: string;
    };
    expect(dialog.defaultPath).toBe('38. Sitzung – Tagesordnung.pdf');
    expect(calls.find((c) => c.cmd === 'pdf_session')?.args).toEqual({
      sessionId: 3,
      document: 'agenda',
      path: '/home/anna/38. Sitzung – Tagesordnung.pdf',
    });
    expect(screen.getByTestId('session-output-notice-success').textContent).toContain(
      'Tagesordnung gespeichert (2 Seiten)',
    );
  });

  it('mounts the attendance panel in its tab and reloads the counts when it changes', async () => {
    const { calls } = await setup(detail(3));
    const user = userEvent.setup();

    await user.click(screen.getByTestId('session-tab-attendance'));
    const panel = screen.getByTestId('area-panel-attendance');
    expect(panel.dataset.session).toBe('3');
    expect(panel.dataset.days).toBe('2026-09-21,2026-09-22');
    await user.click(screen.getByTestId('area-panel-change'));

    await waitFor(() => expect(calls.map((c) => c.cmd)).toContain('session_get'));
    expect(calls.map((c) => c.cmd)).toContain('sessions_list');
    await user.click(screen.getByTestId('session-tab-letters'));
    expect(screen.getByTestId('area-panel-letters')).toBeTruthy();
  });
});
