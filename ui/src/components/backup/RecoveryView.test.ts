import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import { AppState } from '../../lib/app/app.svelte';
import type { BackupFile, BackupSummary, StoreStatus } from '../../lib/api/types';
import {
  memberList,
  memberRow,
  noOrganisations,
  recordIPC,
  reference,
  storeInfo,
  type Handler,
} from '../../test/ipc';

afterEach(() => {
  cleanup();
  clearMocks();
});

const DATABASE = '/home/anna/.local/share/de.zirkel.desktop/zirkel.sqlite3';
const FOLDER = '/home/anna/.local/share/de.zirkel.desktop/backups';
const DAMAGED =
  'Die Datenbank „zirkel.sqlite3“ ist beschädigt (database disk image is malformed). Sie wurde nicht verändert. Bitte die neueste Sicherung wiederherstellen.';
const MOVED = `${DATABASE}.beschaedigt-20250921-101500`;

function backup(name: string, made_at: string, reason: BackupFile['reason']): BackupFile {
  return {
    path: `${FOLDER}/${name}`,
    file_name: name,
    made_at,
    reason,
    size_bytes: 612 * 1024,
    in_second_folder: false,
  };
}

const older = backup('zirkel-20250919-080000-daily.sqlite3', '2025-09-19T08:00:00', 'daily');
const newest = backup('zirkel-20250920-163000-import.sqlite3', '2025-09-20T16:30:00', 'import');

const restored: BackupSummary = {
  path: newest.path,
  encrypted: false,
  size_bytes: 612 * 1024,
  schema_version: 4,
  people: 60,
  organisations: 43,
  sessions: 5,
  minutes: 3,
  action_items: 12,
  practice_examples: 8,
  recommendations: 2,
  newest_change: '2025-09-20T16:29:00',
};

/** A core whose store could not be opened until `store_recover` succeeds. */
function damagedCore(backups: BackupFile[], handlers: Record<string, Handler> = {}) {
  let open = false;
  const status = (): StoreStatus =>
    open
      ? { database: DATABASE, problem: null, backups: [], can_recover: false }
      : { database: DATABASE, problem: DAMAGED, backups, can_recover: true };
  const unavailable = () => {
    if (!open) throw { code: 'store_unavailable', message: DAMAGED, field: null, errors: [] };
  };
  const calls = recordIPC({
    store_status: status,
    store_recover: (args) => {
      open = true;
      return { restored: { ...restored, path: String(args.file) }, damaged_moved_to: MOVED };
    },
    store_info: () => (unavailable(), storeInfo({ people: 1 })),
    reference_data: () => (unavailable(), reference),
    organisations_list: () => (unavailable(), noOrganisations),
    members_list: () => (unavailable(), memberList([memberRow(1, 'Özdemir, Şükrü')])),
    ...handlers,
  });
  const app = new AppState();
  render(App, { props: { app } });
  return { calls, app, user: userEvent.setup() };
}

describe('RecoveryView', () => {
  it('offers no restore while another Zirkel window holds the store', async () => {
    const held = 'Die Datenbank „/x/zirkel.sqlite3“ ist bereits in einem anderen Zirkel-Fenster geöffnet.';
    recordIPC({
      store_status: () => ({ database: DATABASE, problem: held, backups: [newest], can_recover: false }),
      store_info: () => {
        throw { code: 'store_unavailable', message: held, field: null, errors: [] };
      },
      reference_data: () => reference,
      organisations_list: () => noOrganisations,
      members_list: () => memberList([]),
    });
    render(App, { props: { app: new AppState() } });

    await screen.findByTestId('recovery-view');
    expect(screen.getByTestId('recovery-problem').textContent).toContain('anderen Zirkel-Fenster');
    expect(screen.queryAllByTestId('recovery-restore')).toHaveLength(0);
    expect(screen.getByText(/im bereits geöffneten\s+Zirkel-Fenster weiterarbeiten/)).toBeTruthy();
  });

  it('replaces the app when the store cannot be opened and loads nothing else', async () => {
    const { calls } = damagedCore([older, newest]);

    const view = await screen.findByTestId('recovery-view');
    expect(screen.getByTestId('recovery-problem').textContent).toContain('ist beschädigt');
    expect(screen.getByTestId('recovery-database').textContent).toContain(DATABASE);
    expect(screen.queryByTestId('nav-members')).toBeNull();
    const rows = within(view).getAllByTestId('recovery-backup');
    expect(rows.map((row) => row.textContent?.replace(/\s+/g, ' '))).toEqual([
      expect.stringContaining('20.09.2025 16:30'),
      expect.stringContaining('19.09.2025 08:00'),
    ]);
    expect(rows[0].textContent).toContain('Vor einem Import');
    expect(within(rows[0]).getByText('Diese Sicherung wiederherstellen')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'store_info' || c.cmd === 'reference_data')).toBe(false);
  });

  it('restores the chosen backup, says where the damaged file went and then starts the app', async () => {
    const { calls, user } = damagedCore([newest, older]);
    await screen.findByTestId('recovery-view');

    await user.click(screen.getAllByTestId('recovery-restore')[0]);

    await waitFor(() => expect(screen.getByTestId('recovery-moved').textContent).toContain(MOVED));
    expect(calls.find((c) => c.cmd === 'store_recover')?.args).toEqual({
      file: newest.path,
      passphrase: null,
    });
    expect(screen.getByTestId('recovery-contents').textContent).toContain('60');
    await user.click(screen.getByTestId('recovery-continue'));

    await waitFor(() => expect(screen.queryByTestId('recovery-view')).toBeNull());
    await waitFor(() =>
      expect(screen.getByTestId('member-row').textContent).toContain('Özdemir, Şükrü'),
    );
    expect(screen.getByTestId('nav-members')).toBeTruthy();
  });

  it('asks for the passphrase of an encrypted file and recovers with it', async () => {
    const usb = '/media/usb/zirkel-sicherung-20-09-2025.sqlite3.age';
    let open = false;
    const { calls, user } = damagedCore([], {
      'plugin:dialog|open': () => usb,
      store_recover: (args) => {
        if (args.passphrase !== 'Rathaus-2025') {
          const message =
            args.passphrase === null
              ? 'Diese Sicherung ist verschlüsselt. Bitte die Passphrase eingeben.'
              : 'Die Passphrase passt nicht zu dieser Sicherung.';
          throw { code: 'validation', message, field: 'passphrase', errors: [{ field: 'passphrase', message }] };
        }
        open = true;
        return { restored: { ...restored, path: usb, encrypted: true }, damaged_moved_to: MOVED };
      },
    });
    await screen.findByTestId('recovery-view');
    expect(open).toBe(false);

    await user.click(screen.getByTestId('recovery-choose'));
    const dialog = await screen.findByTestId('recovery-passphrase-dialog');
    await waitFor(() => expect(dialog.textContent).toContain('Diese Sicherung ist verschlüsselt.'));
    await user.type(within(dialog).getByLabelText('Passphrase'), 'Rathaus-2024');
    await user.click(screen.getByTestId('recovery-unlock'));
    await waitFor(() => expect(dialog.textContent).toContain('passt nicht'));
    await user.type(within(dialog).getByLabelText('Passphrase'), 'Rathaus-2025');
    await user.click(screen.getByTestId('recovery-unlock'));

    await screen.findByTestId('recovery-done');
    expect(calls.filter((c) => c.cmd === 'store_recover').map((c) => c.args)).toEqual([
      { file: usb, passphrase: null },
      { file: usb, passphrase: 'Rathaus-2024' },
      { file: usb, passphrase: 'Rathaus-2025' },
    ]);
    expect(screen.getByTestId('recovery-contents').textContent).toContain('verschlüsselt');
  });

  it('says what to do when no backup lies beside the database', async () => {
    damagedCore([]);

    const none = await screen.findByTestId('recovery-none');
    expect(none.textContent).toContain('keine Sicherung');
    expect(none.textContent).toContain('IT');
    expect(screen.getByTestId('recovery-choose').textContent).toContain(
      'Andere Sicherungsdatei wählen …',
    );
  });

  it('keeps the screen and says why when the backup cannot replace the database', async () => {
    const { user } = damagedCore([newest], {
      store_recover: () => {
        throw {
          code: 'internal',
          message: 'Die Sicherung „zirkel-20250920-163000-import.sqlite3“ ist beschädigt.',
          field: null,
          errors: [],
        };
      },
    });
    await screen.findByTestId('recovery-view');
    await user.click(screen.getByTestId('recovery-restore'));

    await waitFor(() =>
      expect(screen.getByTestId('recovery-error').textContent).toContain('ist beschädigt'),
    );
    expect(screen.queryByTestId('recovery-done')).toBeNull();
    expect(screen.getByTestId('recovery-restore')).toBeTruthy();
  });
});
