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

/**
 * A core whose store could not be opened until `store_recover` succeeds; `backup_inspect` answers
 * meanwhile (it only reads the chosen file).
 */
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
    backup_inspect: (args) => ({ ...restored, path: String(args.path) }),
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
    expect(within(rows[0]).getByText('Diese Sicherung wiederherstellen …')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'store_info' || c.cmd === 'reference_data')).toBe(false);
    expect(
      calls.some((c) => c.cmd === 'backup_inspect' || c.cmd === 'store_recover'),
      'showing the list must neither check nor restore a backup',
    ).toBe(false);
  });

  it('shows what the chosen backup holds, restores it only on confirmation and starts the app', async () => {
    const { calls, user } = damagedCore([newest, older]);
    await screen.findByTestId('recovery-view');

    await user.click(screen.getAllByTestId('recovery-restore')[0]);

    const summary = await screen.findByTestId('recovery-summary');
    expect(line(summary, 'Personen'), 'the people count of the backup').toBe('60');
    expect(line(summary, 'Letzte Änderung'), 'the newest change in the backup').toBe(
      '20.09.2025 16:29',
    );
    expect(screen.getByTestId('recovery-file').textContent).toContain(newest.path);
    expect(calls.filter((c) => c.cmd === 'backup_inspect').map((c) => c.args)).toEqual([
      { path: newest.path, passphrase: null },
    ]);
    expect(
      calls.some((c) => c.cmd === 'store_recover'),
      'nothing may be restored before "Diese Sicherung einsetzen"',
    ).toBe(false);
    expect(screen.queryByTestId('recovery-done')).toBeNull();

    const confirm = screen.getByTestId('recovery-confirm');
    expect(confirm.textContent).toContain('Diese Sicherung einsetzen');
    await user.click(confirm);

    await waitFor(() => expect(screen.getByTestId('recovery-moved').textContent).toContain(MOVED));
    expect(calls.filter((c) => c.cmd === 'store_recover').map((c) => c.args)).toEqual([
      { file: newest.path, passphrase: null },
    ]);
    const inspected = calls.findIndex((c) => c.cmd === 'backup_inspect');
    const recovered = calls.findIndex((c) => c.cmd === 'store_recover');
    expect(inspected, 'the backup is checked before it is put in place').toBeLessThan(recovered);
    expect(screen.getByTestId('recovery-contents').textContent).toContain('60');
    await user.click(screen.getByTestId('recovery-continue'));

    await waitFor(() => expect(screen.queryByTestId('recovery-view')).toBeNull());
    await waitFor(() =>
      expect(screen.getByTestId('member-row').textContent).toContain('Özdemir, Şükrü'),
    );
    expect(screen.getByTestId('nav-members')).toBeTruthy();
  });

  it('restores nothing when the check is cancelled', async () => {
    const { calls, user } = damagedCore([newest]);
    await screen.findByTestId('recovery-view');

    await user.click(screen.getByTestId('recovery-restore'));
    await screen.findByTestId('recovery-summary');
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));

    await waitFor(() => expect(screen.queryByTestId('recovery-summary')).toBeNull());
    expect(screen.getByTestId('recovery-restore')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'store_recover'), 'cancelled, so nothing restored').toBe(
      false,
    );
  });

  it('asks for the passphrase of an encrypted file at the check and recovers with it', async () => {
    const usb = '/media/usb/zirkel-sicherung-20-09-2025.sqlite3.age';
    const refuse = (passphrase: unknown) => {
      const message =
        passphrase === null
          ? 'Diese Sicherung ist verschlüsselt. Bitte die Passphrase eingeben.'
          : 'Die Passphrase passt nicht zu dieser Sicherung.';
      const errors = [{ field: 'passphrase', message }];
      throw { code: 'validation', message, field: 'passphrase', errors };
    };
    const { calls, user } = damagedCore([], {
      'plugin:dialog|open': () => usb,
      backup_inspect: (args) => {
        if (args.passphrase !== 'Rathaus-2025') refuse(args.passphrase);
        return { ...restored, path: usb, encrypted: true };
      },
      store_recover: (args) => {
        if (args.passphrase !== 'Rathaus-2025') refuse(args.passphrase);
        return { restored: { ...restored, path: usb, encrypted: true }, damaged_moved_to: MOVED };
      },
    });
    await screen.findByTestId('recovery-view');

    await user.click(screen.getByTestId('recovery-choose'));
    const dialog = await screen.findByTestId('recovery-dialog');
    await waitFor(() =>
      expect(dialog.textContent).toContain('Diese Sicherung ist verschlüsselt.'),
    );
    expect(
      calls.some((c) => c.cmd === 'store_recover'),
      'the passphrase is asked for at the check, not at the restore',
    ).toBe(false);
    await user.type(within(dialog).getByLabelText('Passphrase'), 'Rathaus-2024');
    await user.click(screen.getByTestId('recovery-unlock'));
    await waitFor(() => expect(dialog.textContent).toContain('passt nicht'));
    await user.type(within(dialog).getByLabelText('Passphrase'), 'Rathaus-2025');
    await user.click(screen.getByTestId('recovery-unlock'));

    const summary = await screen.findByTestId('recovery-summary');
    expect(line(summary, 'Verschlüsselung')).toBe('verschlüsselt');
    expect(line(summary, 'Personen')).toBe('60');
    expect(calls.filter((c) => c.cmd === 'backup_inspect').map((c) => c.args)).toEqual([
      { path: usb, passphrase: null },
      { path: usb, passphrase: 'Rathaus-2024' },
      { path: usb, passphrase: 'Rathaus-2025' },
    ]);
    expect(calls.some((c) => c.cmd === 'store_recover')).toBe(false);

    await user.click(screen.getByTestId('recovery-confirm'));

    await screen.findByTestId('recovery-done');
    expect(
      calls.filter((c) => c.cmd === 'store_recover').map((c) => c.args),
      'the passphrase the check accepted is the one the recovery uses',
    ).toEqual([{ file: usb, passphrase: 'Rathaus-2025' }]);
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

  it('says why a file cannot be used, restores nothing and offers another', async () => {
    const foreign = '/home/anna/Dokumente/adressen.sqlite3';
    const usb = '/media/usb/zirkel-sicherung-20-09-2025.sqlite3';
    const chosen = [foreign, usb];
    const { calls, user } = damagedCore([], {
      'plugin:dialog|open': () => chosen.shift() ?? null,
      backup_inspect: (args) => {
        if (args.path === foreign) {
          throw {
            code: 'internal',
            message: 'Die Datei „adressen.sqlite3“ ist keine Zirkel-Datenbank.',
            field: null,
            errors: [],
          };
        }
        return { ...restored, path: String(args.path) };
      },
    });
    await screen.findByTestId('recovery-view');

    await user.click(screen.getByTestId('recovery-choose'));

    await waitFor(() =>
      expect(screen.getByTestId('recovery-refused').textContent).toContain(
        'ist keine Zirkel-Datenbank',
      ),
    );
    expect(screen.queryByTestId('recovery-confirm'), 'a refused file offers no restore').toBeNull();
    expect(calls.some((c) => c.cmd === 'store_recover')).toBe(false);

    await user.click(screen.getByTestId('recovery-choose-other'));

    await screen.findByTestId('recovery-summary');
    expect(screen.queryByTestId('recovery-refused')).toBeNull();
    expect(screen.getByTestId('recovery-file').textContent).toContain(usb);
    expect(calls.filter((c) => c.cmd === 'backup_inspect').map((c) => c.args.path)).toEqual([
      foreign,
      usb,
    ]);
    expect(calls.some((c) => c.cmd === 'store_recover')).toBe(false);
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
    await user.click(await screen.findByTestId('recovery-confirm'));

    await waitFor(() =>
      expect(screen.getByTestId('recovery-error').textContent).toContain('ist beschädigt'),
    );
    expect(screen.queryByTestId('recovery-done')).toBeNull();
    expect(screen.getByTestId('recovery-summary')).toBeTruthy();
    expect(screen.getByTestId('recovery-restore')).toBeTruthy();
  });
});

/** The value of one line of what a backup holds, e.g. "60" for "Personen". */
function line(contents: HTMLElement, label: string): string | undefined {
  const term = within(contents).getByText(label);
  return term.nextElementSibling?.textContent?.trim();
}
