import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import {
  importPreview,
  memberList,
  memberRow,
  noOrganisations,
  previewRow,
  recordIPC,
  reference,
  storeInfo,
  type Handler,
} from '../../test/ipc';
import MembersView from './MembersView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

async function setup(handlers: Record<string, Handler>) {
  const calls = recordIPC({
    members_list: () =>
      memberList([memberRow(1, 'Weiß, Anna', { email: 'anna.weiss@herten.de' })]),
    ...handlers,
  });
  const app = new AppState();
  render(MembersView, { context: appContext(app) });
  await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(1));
  calls.length = 0;
  return { calls, app };
}

describe('MembersView transfers', () => {
  it('copies the e-mail list to the clipboard and says how many addresses', async () => {
    const { calls } = await setup({
      members_email_list: () => 'anna.weiss@herten.de',
      'plugin:clipboard-manager|write_text': () => null,
    });

    await userEvent.click(screen.getByTestId('members-emails'));

    await waitFor(() =>
      expect(screen.getByTestId('notice-success').textContent).toContain(
        '1 Adresse in die Zwischenablage kopiert (für das BCC-Feld)',
      ),
    );
    expect(calls.find((c) => c.cmd === 'plugin:clipboard-manager|write_text')?.args.text).toBe(
      'anna.weiss@herten.de',
    );
  });

  it('opens the export dialog from the toolbar', async () => {
    await setup({});
    await userEvent.click(screen.getByTestId('members-export'));
    expect(screen.getByTestId('export-dialog').hasAttribute('open')).toBe(true);
    expect((screen.getByTestId('export-format') as HTMLSelectElement).value).toBeTruthy();
  });

  it('imports from the toolbar and reloads the members and the organisations afterwards', async () => {
    const { calls } = await setup({
      'plugin:dialog|open': () => '/tmp/neu.xlsx',
      members_import_preview: () => importPreview([previewRow(2)]),
      members_import_commit: () => ({
        created: 1,
        updated: 0,
        skipped: 0,
        organisations_created: 1,
        mandates_created: 1,
        backup: null,
      }),
      reference_data: () => reference,
      organisations_list: () => noOrganisations,
      store_info: () => storeInfo({ people: 2 }),
    });

    await userEvent.click(screen.getByTestId('members-import'));
    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(1));
    await userEvent.click(screen.getByTestId('import-commit'));

    await waitFor(() => expect(screen.getByTestId('notice-success')).toBeTruthy());
    expect(screen.getByTestId('import-dialog').hasAttribute('open')).toBe(false);
    const after = calls.map((c) => c.cmd).slice(calls.findIndex((c) => c.cmd === 'members_import_commit') + 1);
    expect(after).toEqual(
      expect.arrayContaining(['members_list', 'organisations_list', 'reference_data']),
    );
  });
});
