import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { AppState, SCREENS } from './lib/app/app.svelte';
import type { MemberRow, PersonInput } from './lib/api/types';
import {
  memberList,
  memberRow,
  noOrganisations,
  person,
  recordIPC,
  reference,
  storeInfo,
} from './test/ipc';

afterEach(() => {
  cleanup();
  clearMocks();
});

/** A tiny in-memory core: enough for the first-start flow. */
function fakeCore(options: { empty: boolean }) {
  let empty = options.empty;
  const rows: MemberRow[] = [];
  const calls = recordIPC({
    store_status: () => ({ database: storeInfo().path, problem: null, backups: [], can_recover: false }),
    store_info: () => storeInfo({ is_empty: empty, people: rows.length }),
    reference_data: () => reference,
    organisations_list: () => noOrganisations,
    members_list: () => memberList([...rows]),
    demo_load: () => {
      empty = false;
      rows.push(memberRow(1, 'Schmidt, Anna, Dr.'));
      return storeInfo({ people: 1 });
    },
    person_create: (args) => {
      const input = args.input as PersonInput;
      const id = rows.length + 100;
      rows.push(memberRow(id, `${input.last_name}, ${input.first_name}`));
      empty = false;
      return person(id, { first_name: input.first_name, last_name: input.last_name });
    },
    person_get: (args) => ({
      person: person(args.id as number),
      mandates: [],
      has_history: false,
    }),
    // The file chooser of the import, cancelled.
    'plugin:dialog|open': () => null,
  });
  return { calls };
}

const dialogOpen = (testid: string) => screen.getByTestId(testid).hasAttribute('open');

describe('App', () => {
  it('offers the demo on an empty store and loads it', async () => {
    const { calls } = fakeCore({ empty: true });
    render(App, { props: { app: new AppState() } });
    const user = userEvent.setup();

    await waitFor(() => expect(dialogOpen('welcome-dialog')).toBe(true));
    expect(screen.getByText('Willkommen bei Zirkel')).toBeTruthy();
    await user.click(screen.getByTestId('demo-load'));

    await waitFor(() => expect(dialogOpen('welcome-dialog')).toBe(false));
    expect(calls.filter((c) => c.cmd === 'demo_load')).toHaveLength(1);
    await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(1));
    expect(screen.getByTestId('member-row').textContent).toContain('Schmidt, Anna, Dr.');
  });

  it('offers three ways on an empty store; "Mitglieder importieren" asks for the file', async () => {
    const { calls } = fakeCore({ empty: true });
    const app = new AppState();
    app.screen = 'overview';
    render(App, { props: { app } });
    const user = userEvent.setup();

    await waitFor(() => expect(dialogOpen('welcome-dialog')).toBe(true));
    const welcome = screen.getByTestId('welcome-dialog');
    expect(within(welcome).getByTestId('demo-load').textContent).toContain('Demodaten laden');
    expect(within(welcome).getByTestId('welcome-import').textContent).toContain(
      'Mitglieder importieren',
    );
    expect(within(welcome).getByTestId('demo-skip').textContent).toContain('Leer beginnen');

    // A cancelled file chooser: the members screen stays, with its own offer to import.
    calls.length = 0;
    await user.click(within(welcome).getByTestId('welcome-import'));
    await waitFor(() => expect(dialogOpen('welcome-dialog')).toBe(false));
    expect(app.screen).toBe('members');
    await waitFor(() => expect(calls.some((c) => c.cmd === 'plugin:dialog|open')).toBe(true));
    expect(await screen.findByTestId('members-empty-import')).toBeTruthy();
  });

  it('does not offer the demo when the store has data', async () => {
    fakeCore({ empty: false });
    const app = new AppState();
    render(App, { props: { app } });
    await waitFor(() => expect(app.info).not.toBeNull());
    expect(dialogOpen('welcome-dialog')).toBe(false);
  });

  it('runs the end-to-end flow: start empty, add Şükrü Özdemir, see the row', async () => {
    const { calls } = fakeCore({ empty: true });
    render(App, { props: { app: new AppState() } });
    const user = userEvent.setup();

    await waitFor(() => expect(dialogOpen('welcome-dialog')).toBe(true));
    await user.click(screen.getByTestId('demo-skip'));
    expect(dialogOpen('welcome-dialog')).toBe(false);

    await user.click(screen.getByTestId('new-person'));
    await user.type(screen.getByTestId('person-first_name'), 'Şükrü');
    await user.type(screen.getByTestId('person-last_name'), 'Özdemir');
    await user.click(screen.getByTestId('save'));

    await waitFor(() =>
      expect(screen.getAllByTestId('member-row').map((r) => r.textContent)).toEqual([
        expect.stringContaining('Özdemir, Şükrü'),
      ]),
    );
    const created = calls.find((c) => c.cmd === 'person_create');
    expect(created?.args.input).toMatchObject({ first_name: 'Şükrü', last_name: 'Özdemir' });
    expect(calls.some((c) => c.cmd === 'demo_load')).toBe(false);
    // The new person stays open and selected.
    await waitFor(() =>
      expect(screen.getByTestId('member-row').getAttribute('aria-selected')).toBe('true'),
    );
  });

  it('asks before unsaved changes are thrown away by switching screens', async () => {
    fakeCore({ empty: false });
    const app = new AppState();
    render(App, { props: { app } });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('new-person'));
    await user.type(screen.getByTestId('person-first_name'), 'Łucja');
    await user.click(screen.getByTestId('nav-organisations'));

    await waitFor(() => expect(dialogOpen('leave-dialog')).toBe(true));
    await user.click(within(screen.getByTestId('leave-dialog')).getByText('Weiter bearbeiten'));
    await waitFor(() => expect(dialogOpen('leave-dialog')).toBe(false));
    expect(app.screen).toBe('members');
    expect((screen.getByTestId('person-first_name') as HTMLInputElement).value).toBe('Łucja');

    await user.click(screen.getByTestId('nav-organisations'));
    await waitFor(() => expect(dialogOpen('leave-dialog')).toBe(true));
    await user.click(within(screen.getByTestId('leave-dialog')).getByText('Verwerfen'));
    await waitFor(() => expect(app.screen).toBe('organisations'));
  });

  it('gives every navigation link the test id nav-<screen id>', async () => {
    fakeCore({ empty: false });
    const app = new AppState();
    render(App, { props: { app } });
    const user = userEvent.setup();

    for (const { id } of SCREENS) expect(screen.getByTestId(`nav-${id}`)).toBeTruthy();
    expect(screen.queryByTestId('nav-mitglieder')).toBeNull();
    await user.click(screen.getByTestId('nav-organisations'));
    await waitFor(() => expect(app.screen).toBe('organisations'));
    await user.click(screen.getByTestId('nav-members'));
    await waitFor(() => expect(app.screen).toBe('members'));
    expect(screen.getByTestId('nav-members').getAttribute('aria-current')).toBe('page');
  });

  it('shows the letterhead, the folders, the backup settings and the privacy rule', async () => {
    recordIPC({
      store_status: () => ({ database: storeInfo().path, problem: null, backups: [], can_recover: false }),
      store_info: () => storeInfo(),
      reference_data: () => reference,
      organisations_list: () => noOrganisations,
      members_list: () => memberList([]),
      backups_overview: () => ({
        database: storeInfo().path,
        folder: '/tmp/zirkel/backups',
        backups: [],
        settings: { keep_recent: 10, keep_daily: 14, keep_monthly: 12, second_folder: null },
      }),
      retention_overview: () => ({ years: 5, cutoff: '2020-09-21', candidates: [] }),
      letterhead_get: () => ({
        input: {
          group_name: 'Qualitätszirkel',
          secretariat_name: '',
          secretariat_address: '',
          signature: '',
          contact: '',
        },
        logo: {
          custom: false,
          format: 'png',
          width: 96,
          height: 96,
          size_bytes: 4420,
          data_url: 'data:image/png;base64,iVBORw0KGgo=',
        },
      }),
      app_folders: () => ({
        data_folder: '/tmp/zirkel',
        database: storeInfo().path,
        log_file: '/tmp/zirkel/logs/zirkel.log',
      }),
    });
    render(App, { props: { app: new AppState() } });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('nav-settings'));
    expect(screen.queryByTestId('settings-later'), 'the "later" note is gone').toBeNull();
    await waitFor(() =>
      expect(
        (screen.getByTestId('letterhead-group-name') as HTMLInputElement).value,
      ).toBe('Qualitätszirkel'),
    );
    expect(screen.getByTestId('folders-data').textContent).toContain('/tmp/zirkel');
    await waitFor(() =>
      expect(screen.getByTestId('backup-folder').textContent).toContain('/tmp/zirkel/backups'),
    );
    await waitFor(() => expect(screen.getByTestId('retention-empty')).toBeTruthy());
    expect(screen.getByTestId('privacy-section').textContent).toContain('Datenschutz');
  });

  it('reaches the audit log from the side navigation', async () => {
    recordIPC({
      store_status: () => ({ database: storeInfo().path, problem: null, backups: [], can_recover: false }),
      store_info: () => storeInfo(),
      reference_data: () => reference,
      organisations_list: () => noOrganisations,
      members_list: () => memberList([]),
      audit_log: () => ({ rows: [], total: 0, users: [], entities: [], actions: [] }),
    });
    const app = new AppState();
    render(App, { props: { app } });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('nav-audit'));

    await waitFor(() => expect(app.screen).toBe('audit'));
    expect(screen.getByTestId('nav-audit').textContent?.trim()).toBe('Änderungsprotokoll');
    expect((await screen.findByTestId('audit-empty')).textContent).toContain('Noch keine Einträge');
    expect(screen.getByTestId('audit-count').textContent).toContain('0 Einträge');
  });
});
