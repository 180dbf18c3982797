import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { memberList, memberRow, recordIPC, type Handler } from '../../test/ipc';
import { defaultMemberFilter, MembersState } from '../../lib/members/members.svelte';
import { ExportState } from '../../lib/transfer/export.svelte';
import { Notices } from '../../lib/transfer/notices.svelte';
import ExportDialog from './ExportDialog.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

async function setup(handlers: Record<string, Handler>) {
  const calls = recordIPC({
    members_list: () => memberList([memberRow(1, 'Weiß, Anna'), memberRow(2, 'Öztürk, Deniz')]),
    ...handlers,
  });
  const members = new MembersState();
  members.filter.text = 'herten';
  await members.load();
  calls.length = 0;
  const exporter = new ExportState(members, new Notices());
  exporter.openDialog();
  render(ExportDialog, { props: { exporter } });
  return { calls, exporter };
}

describe('ExportDialog', () => {
  it('sends the current filter, the ticked columns and the consent flag with the chosen path', async () => {
    const { calls, exporter } = await setup({
      'plugin:dialog|save': () => 'C:\\Users\\anna\\Mitgliederliste.csv',
      members_export: () => ({ rows: 2, path: 'C:\\Users\\anna\\Mitgliederliste.csv' }),
    });
    const user = userEvent.setup();
    expect(screen.getByTestId('export-note').textContent).toContain(
      'Exportiert werden die 2 Personen der aktuellen Ansicht (Filter und Sortierung)',
    );

    await user.selectOptions(screen.getByTestId('export-format'), 'CSV (UTF-8, Komma)');
    await user.click(screen.getByRole('button', { name: 'Keine' }));
    await user.click(screen.getByLabelText('Nachname'));
    await user.click(screen.getByLabelText('Einwilligung am'));
    await user.click(screen.getByLabelText('Nur Personen mit Einwilligung zur Weitergabe'));
    await user.click(screen.getByTestId('export-save'));

    await waitFor(() => expect(exporter.open).toBe(false));
    expect(calls.map((c) => c.cmd)).toEqual(['plugin:dialog|save', 'members_export']);
    expect(calls[1].args).toEqual({
      format: 'csv_utf8',
      options: {
        filter: { ...defaultMemberFilter(), text: 'herten' },
        columns: ['last_name', 'consent_date'],
        consent_only: false,
      },
      path: 'C:\\Users\\anna\\Mitgliederliste.csv',
    });
  });

  it('invokes nothing after a cancelled save dialog and stays open', async () => {
    const { calls, exporter } = await setup({ 'plugin:dialog|save': () => null });
    await userEvent.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(exporter.busy).toBe(false));
    expect(calls.map((c) => c.cmd)).toEqual(['plugin:dialog|save']);
    expect(exporter.open).toBe(true);
  });

  it('offers PDF columns and grouping, with the name always included', async () => {
    await setup({});
    await userEvent.selectOptions(screen.getByTestId('export-format'), 'PDF-Mitgliederliste');
    expect((screen.getByLabelText('Name') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Name') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText('Gliederung')).toBeTruthy();
  });

  it('shows the core’s error inside the dialog', async () => {
    const message = 'Die Datei kann nicht geschrieben werden: Zugriff verweigert.';
    await setup({
      'plugin:dialog|save': () => '/tmp/x.csv',
      members_export: () => {
        throw { code: 'internal', message, field: null };
      },
    });
    await userEvent.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(screen.getByTestId('export-error').textContent).toContain(message));
  });
});
