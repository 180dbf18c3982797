import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import type {
  BackupFile,
  BackupOverview,
  BackupSettings,
  BackupSummary,
} from '../../lib/api/types';
import { recordIPC, type Handler } from '../../test/ipc';
import BackupSection from './BackupSection.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const FOLDER = '/home/anna/.local/share/de.zirkel.desktop/backups';
const DATABASE = '/home/anna/.local/share/de.zirkel.desktop/zirkel.sqlite3';
const SECOND = '/mnt/netz/zirkel';
const RULES: BackupSettings = { keep_recent: 10, keep_daily: 14, keep_monthly: 12, second_folder: null };

function backup(name: string, overrides: Partial<BackupFile> = {}): BackupFile {
  return {
    path: `${overrides.in_second_folder ? SECOND : FOLDER}/${name}`,
    file_name: name,
    made_at: '2025-09-21T10:11:12',
    reason: 'manual',
    size_bytes: 620 * 1024,
    in_second_folder: false,
    ...overrides,
  };
}

const manual = backup('zirkel-20250921-101112-manual.sqlite3');
const daily = backup('zirkel-20250920-080005-daily.sqlite3', {
  made_at: '2025-09-20T08:00:05',
  reason: 'daily',
  size_bytes: 1.5 * 1024 * 1024,
});
const dailyCopy = backup('zirkel-20250920-080005-daily.sqlite3', {
  made_at: '2025-09-20T08:00:05',
  reason: 'daily',
  size_bytes: 1.5 * 1024 * 1024,
  in_second_folder: true,
});
const beforeImport = backup('zirkel-20250919-163000-import.sqlite3', {
  made_at: '2025-09-19T16:30:00',
  reason: 'import',
});

function overview(backups: BackupFile[], settings: BackupSettings = RULES): BackupOverview {
  return { database: DATABASE, folder: FOLDER, backups, settings };
}

const summary: BackupSummary = {
  path: '/media/usb/zirkel-sicherung-21-09-2025.sqlite3.age',
  encrypted: true,
  size_bytes: 300 * 1024,
  schema_version: 4,
  people: 60,
  organisations: 43,
  sessions: 5,
  minutes: 3,
  action_items: 12,
  practice_examples: 8,
  recommendations: 2,
  newest_change: '2025-09-21T09:45:00',
};

function setup(handlers: Record<string, Handler>) {
  const calls = recordIPC({
    backups_overview: () => overview([manual, daily, dailyCopy, beforeImport]),
    ...handlers,
  });
  const onrestored = vi.fn();
  render(BackupSection, { props: { onrestored } });
  return { calls, onrestored, user: userEvent.setup() };
}

const rowTexts = () =>
  screen.getAllByTestId('backup-row').map((row) => row.textContent?.replace(/\s+/g, ' ').trim());

/** The texts the field's control names in aria-describedby: its hint and its error. */
function description(label: string): string {
  const control = screen.getByLabelText(label);
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

const validation = (field: string, message: string) => ({
  code: 'validation',
  message,
  field,
  errors: [{ field, message }],
});

describe('BackupSection', () => {
  it('shows where the data lies and lists the backups with German dates, reasons and sizes', async () => {
    setup({});

    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(4));
    expect(screen.getByTestId('backup-database').textContent).toContain(DATABASE);
    expect(screen.getByTestId('backup-folder').textContent).toContain(FOLDER);
    const [first, second, copy, last] = rowTexts();
    expect(first).toContain('21.09.2025 10:11');
    expect(first).toContain('Von Hand');
    expect(first).toContain('620 KB');
    expect(second).toContain('20.09.2025 08:00');
    expect(second).toContain('Täglich beim Start');
    expect(second).toContain('1,5 MB');
    expect(second).not.toContain('Zweiter Ordner');
    expect(copy).toContain('Zweiter Ordner');
    expect(last).toContain('Vor einem Import');
    expect(within(screen.getAllByTestId('backup-row')[0]).getByText('Wiederherstellen …')).toBeTruthy();
  });

  it('"Jetzt sichern" makes a backup, names its file and shows it in the list', async () => {
    const made = backup('zirkel-20250921-120000-manual.sqlite3', { made_at: '2025-09-21T12:00:00' });
    let backedUp = false;
    const { calls, user } = setup({
      backups_overview: () => overview(backedUp ? [made, manual] : [manual]),
      backup_now: () => {
        backedUp = true;
        return { path: made.path, second: null, second_problem: null, removed: 0 };
      },
    });
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(1));

    await user.click(screen.getByTestId('backup-now'));

    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(2));
    expect(rowTexts()[0]).toContain('21.09.2025 12:00');
    expect(screen.getByTestId('notice-success').textContent).toContain(
      'zirkel-20250921-120000-manual.sqlite3',
    );
    expect(screen.queryByTestId('notice-warning')).toBeNull();
    expect(calls.filter((c) => c.cmd === 'backup_now')).toHaveLength(1);
  });

  it('warns when the copy to the second folder failed, while the backup itself stands', async () => {
    const { user } = setup({
      backup_now: () => ({
        path: `${FOLDER}/zirkel-20250921-120000-manual.sqlite3`,
        second: null,
        second_problem: 'Der zweite Ordner „/mnt/netz/zirkel“ ist nicht erreichbar.',
        removed: 0,
      }),
    });
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(4));

    await user.click(screen.getByTestId('backup-now'));

    await waitFor(() =>
      expect(screen.getByTestId('notice-warning').textContent).toContain('nicht erreichbar'),
    );
    expect(screen.getByTestId('notice-success')).toBeTruthy();
  });

  it('refuses two different passphrases before asking for a file', async () => {
    const { calls, user } = setup({});
    await user.click(screen.getByTestId('backup-save-as'));
    await user.click(screen.getByLabelText('Mit Passphrase verschlüsseln (für USB-Stick)'));
    await user.type(screen.getByLabelText('Passphrase'), 'Rathaus-2025');
    await user.type(screen.getByLabelText('Wiederholen'), 'Rathaus-2026');
    await user.click(screen.getByTestId('backup-save-confirm'));

    await waitFor(() =>
      expect(description('Wiederholen')).toContain('Die beiden Passphrasen stimmen nicht überein.'),
    );
    expect(calls.some((c) => c.cmd === 'backup_save_as')).toBe(false);
    expect(calls.some((c) => c.cmd === 'plugin:dialog|save')).toBe(false);
    expect(screen.getByTestId('backup-save-as-dialog').textContent).toContain('Wiederholen');
  });

  it('saves an encrypted copy where the user chooses and says where and how large', async () => {
    const target = '/media/usb/zirkel-sicherung-21-09-2025.sqlite3.age';
    let offered = '';
    const { calls, user } = setup({
      'plugin:dialog|save': (args) => {
        offered = String((args.options as { defaultPath?: string }).defaultPath);
        return target;
      },
      backup_save_as: () => ({ path: target, size_bytes: 300 * 1024, encrypted: true }),
    });
    await user.click(screen.getByTestId('backup-save-as'));
    await user.click(screen.getByLabelText('Mit Passphrase verschlüsseln (für USB-Stick)'));
    await user.type(screen.getByLabelText('Passphrase'), 'Rathaus-2025');
    await user.type(screen.getByLabelText('Wiederholen'), 'Rathaus-2025');
    await user.click(screen.getByTestId('backup-save-confirm'));

    await waitFor(() => expect(screen.getByTestId('notice-success').textContent).toContain(target));
    expect(screen.getByTestId('notice-success').textContent).toContain('300 KB');
    expect(offered).toMatch(/^zirkel-sicherung-\d{2}-\d{2}-\d{4}\.sqlite3\.age$/);
    expect(calls.find((c) => c.cmd === 'backup_save_as')?.args).toEqual({
      path: target,
      passphrase: 'Rathaus-2025',
    });
  });

  it('shows the core refusing a short passphrase under the passphrase field', async () => {
    const { user } = setup({
      'plugin:dialog|save': () => '/media/usb/kurz.sqlite3.age',
      backup_save_as: () => {
        throw validation('passphrase', 'Die Passphrase muss mindestens 8 Zeichen lang sein.');
      },
    });
    await user.click(screen.getByTestId('backup-save-as'));
    await user.click(screen.getByLabelText('Mit Passphrase verschlüsseln (für USB-Stick)'));
    await user.type(screen.getByLabelText('Passphrase'), 'kurz');
    await user.type(screen.getByLabelText('Wiederholen'), 'kurz');
    await user.click(screen.getByTestId('backup-save-confirm'));

    await waitFor(() =>
      expect(description('Passphrase')).toContain('mindestens 8 Zeichen'),
    );
    expect(screen.queryByTestId('notice-success')).toBeNull();
  });

  it('asks for the passphrase of an encrypted backup, shows what it holds and restores with it', async () => {
    const encrypted = backup('zirkel-sicherung.sqlite3.age');
    const { calls, onrestored, user } = setup({
      backups_overview: () => overview([encrypted]),
      backup_inspect: (args) => {
        if (args.passphrase !== 'Rathaus-2025') {
          throw validation(
            'passphrase',
            'Diese Sicherung ist verschlüsselt. Bitte die Passphrase eingeben.',
          );
        }
        return summary;
      },
      backup_restore: () => ({
        restored: summary,
        backup_before: `${FOLDER}/zirkel-20250921-121500-restore.sqlite3`,
        anonymised_again: [4, 7],
      }),
    });
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(1));

    await user.click(screen.getByTestId('backup-restore'));
    await waitFor(() =>
      expect(description('Passphrase')).toContain('Diese Sicherung ist verschlüsselt.'),
    );
    expect(calls.some((c) => c.cmd === 'backup_restore')).toBe(false);
    await user.type(screen.getByLabelText('Passphrase'), 'Rathaus-2025');
    await user.click(screen.getByTestId('restore-unlock'));

    const contents = await screen.findByTestId('restore-summary');
    const text = contents.textContent?.replace(/\s+/g, ' ') ?? '';
    for (const expected of [
      'Personen60',
      'Organisationen43',
      'Sitzungen5',
      'Protokolle3',
      'Aufgaben12',
      'Praxisbeispiele8',
      'Empfehlungen2',
      'Letzte Änderung21.09.2025 09:45',
      'Schema-Version4',
      'verschlüsselt',
    ]) {
      expect(text.replaceAll(' ', '')).toContain(expected.replaceAll(' ', ''));
    }
    const dialog = screen.getByTestId('backup-restore-dialog');
    expect(dialog.textContent).toContain('werden durch den Stand dieser Sicherung ersetzt');
    expect(dialog.textContent).toContain('vorher automatisch gesichert');

    await user.click(screen.getByTestId('restore-confirm'));

    await waitFor(() =>
      expect(screen.getByTestId('restore-done').textContent).toContain(
        'zirkel-20250921-121500-restore.sqlite3',
      ),
    );
    expect(screen.getByTestId('restore-anonymised-again').textContent).toBe(
      '2 seit dieser Sicherung anonymisierte Personen wurden erneut anonymisiert.',
    );
    expect(calls.find((c) => c.cmd === 'backup_restore')?.args).toEqual({
      path: encrypted.path,
      passphrase: 'Rathaus-2025',
    });
    expect(onrestored).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('restore-close'));
    expect(onrestored).toHaveBeenCalledTimes(1);
  });

  it('restores a file chosen in the open dialog through the same checks', async () => {
    const chosen = '/media/usb/zirkel-sicherung-01-09-2025.sqlite3';
    const { calls, user } = setup({
      'plugin:dialog|open': () => chosen,
      backup_inspect: () => ({ ...summary, path: chosen, encrypted: false }),
    });
    await user.click(screen.getByTestId('backup-restore-file'));

    await screen.findByTestId('restore-summary');
    expect(calls.find((c) => c.cmd === 'backup_inspect')?.args).toEqual({
      path: chosen,
      passphrase: null,
    });
    expect(screen.getByTestId('restore-summary').textContent).not.toContain('verschlüsselt');
  });

  it('says why a file cannot be restored and offers no restore', async () => {
    const { user } = setup({
      'plugin:dialog|open': () => '/home/anna/Dokumente/brief.docx',
      backup_inspect: () => {
        throw {
          code: 'internal',
          message: '„/home/anna/Dokumente/brief.docx“ ist keine Zirkel-Datenbank.',
          field: null,
          errors: [],
        };
      },
    });
    await user.click(screen.getByTestId('backup-restore-file'));

    await waitFor(() =>
      expect(screen.getByTestId('restore-failed').textContent).toContain('keine Zirkel-Datenbank'),
    );
    expect(screen.queryByTestId('restore-confirm')).toBeNull();
  });

  it('shows every problem of the rules under its field', async () => {
    const { calls, user } = setup({
      'plugin:dialog|open': () => 'netz/zirkel',
      backup_settings_save: () => {
        throw {
          code: 'validation',
          message: 'Bitte die markierten Angaben korrigieren.',
          field: 'keep_daily',
          errors: [
            { field: 'keep_daily', message: 'Tägliche Sicherungen: bitte 1 bis 1000 Tage.' },
            { field: 'second_folder', message: 'Zweiter Ordner: bitte einen vollständigen Pfad.' },
          ],
        };
      },
    });
    const daysField = await screen.findByLabelText('Tägliche Sicherungen (Tage)');
    await user.clear(daysField);
    await user.type(daysField, '0');
    await user.click(screen.getByTestId('backup-second_folder-choose'));
    await waitFor(() =>
      expect((screen.getByTestId('backup-second_folder') as HTMLInputElement).value).toBe(
        'netz/zirkel',
      ),
    );
    await user.click(screen.getByTestId('backup-rules-save'));

    await waitFor(() =>
      expect(description('Tägliche Sicherungen (Tage)')).toContain('bitte 1 bis 1000 Tage'),
    );
    expect(description('Zweiter Ordner (z. B. Netzlaufwerk)')).toContain(
      'bitte einen vollständigen Pfad',
    );
    expect(description('Letzte Sicherungen behalten')).toBe('');
    expect(calls.find((c) => c.cmd === 'backup_settings_save')?.args).toEqual({
      settings: { keep_recent: 10, keep_daily: 0, keep_monthly: 12, second_folder: 'netz/zirkel' },
    });
  });

  it('refuses a count that is no whole number without asking the core', async () => {
    const { calls, user } = setup({});
    const recent = await screen.findByLabelText('Letzte Sicherungen behalten');
    await user.clear(recent);
    await user.type(recent, 'zehn');
    await user.click(screen.getByTestId('backup-rules-save'));

    await waitFor(() => expect(description('Letzte Sicherungen behalten')).toContain('ganze Zahl'));
    expect(calls.some((c) => c.cmd === 'backup_settings_save')).toBe(false);
  });

  it('stores the rules and can remove the second folder', async () => {
    const { calls, user } = setup({
      backups_overview: () => overview([manual], { ...RULES, second_folder: SECOND }),
      backup_settings_save: (args) => args.settings,
    });
    await waitFor(() =>
      expect((screen.getByTestId('backup-second_folder') as HTMLInputElement).value).toBe(SECOND),
    );
    await user.click(screen.getByTestId('backup-second_folder-remove'));
    await user.click(screen.getByTestId('backup-rules-save'));

    await screen.findByTestId('backup-rules-saved');
    expect(calls.find((c) => c.cmd === 'backup_settings_save')?.args).toEqual({
      settings: { ...RULES, second_folder: null },
    });
  });

  it('"Datenbank prüfen" says the database is fine, or lists what it found', async () => {
    let sound = true;
    const { user } = setup({
      store_check: () => ({
        path: DATABASE,
        integrity: [],
        foreign_keys: sound ? [] : ['Teilnahme 12 verweist auf die fehlende Person 99.'],
        search_index: sound ? [] : ['Person 7 fehlt im Suchindex.'],
      }),
    });
    await user.click(screen.getByTestId('backup-check'));
    await waitFor(() =>
      expect(screen.getByTestId('backup-check-result').textContent).toContain(
        'Die Datenbank ist in Ordnung.',
      ),
    );

    sound = false;
    await user.click(screen.getByTestId('backup-check'));
    await waitFor(() =>
      expect(screen.getByTestId('backup-check-result').textContent).toContain(
        'Teilnahme 12 verweist auf die fehlende Person 99.',
      ),
    );
    const result = screen.getByTestId('backup-check-result').textContent ?? '';
    expect(result).toContain('Person 7 fehlt im Suchindex.');
    expect(result).not.toContain('in Ordnung');
  });
});
