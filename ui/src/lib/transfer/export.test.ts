import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { memberList, memberRow, recordIPC, type Handler } from '../../test/ipc';
import { defaultMemberFilter, MembersState } from '../members/members.svelte';
import { ExportState } from './export.svelte';
import { DEFAULT_EXPORT_COLUMNS } from './labels';
import { Notices } from './notices.svelte';

afterEach(() => clearMocks());

async function setup(handlers: Record<string, Handler>) {
  const calls = recordIPC({
    members_list: () => memberList([memberRow(1, 'Weiß, Anna'), memberRow(2, 'Öztürk, Deniz')], 40),
    ...handlers,
  });
  const members = new MembersState();
  members.filter.role = 'deputy';
  members.filter.state = 'Bayern';
  members.filter.sort = 'organisation';
  await members.load();
  const notices = new Notices();
  const exporter = new ExportState(members, notices);
  calls.length = 0;
  return { calls, members, notices, exporter };
}

const filter = { ...defaultMemberFilter(), role: 'deputy', state: 'Bayern', sort: 'organisation' };

describe('ExportState', () => {
  it('exports the view as the user sees it: filter, chosen columns, consent flag, chosen path', async () => {
    const { calls, exporter, notices } = await setup({
      'plugin:dialog|save': () => '/home/anna/Mitglieder Bayern.xlsx',
      members_export: () => ({ rows: 2, path: '/home/anna/Mitglieder Bayern.xlsx' }),
    });
    exporter.openDialog();
    exporter.format = 'xlsx';
    exporter.setColumns('none');
    exporter.setColumn('email', true);
    exporter.setColumn('last_name', true);
    exporter.consentOnly = false;

    expect(await exporter.save()).toBe(true);

    expect(calls.map((c) => c.cmd)).toEqual(['plugin:dialog|save', 'members_export']);
    expect(calls[0].args.options).toMatchObject({
      defaultPath: 'Mitgliederliste.xlsx',
      filters: [{ extensions: ['xlsx'] }],
    });
    expect(calls[1].args).toEqual({
      format: 'xlsx',
      // The core's column order, not the order of the clicks.
      options: { filter, columns: ['last_name', 'email'], consent_only: false },
      path: '/home/anna/Mitglieder Bayern.xlsx',
    });
    expect(exporter.open).toBe(false);
    expect(notices.items).toEqual([
      {
        kind: 'success',
        title: '2 Personen exportiert nach /home/anna/Mitglieder Bayern.xlsx',
        lines: [],
      },
    ]);
  });

  it('invokes nothing when the save dialog is cancelled', async () => {
    const { calls, exporter, notices } = await setup({ 'plugin:dialog|save': () => null });
    exporter.openDialog();

    expect(await exporter.save()).toBe(false);

    expect(calls.map((c) => c.cmd)).toEqual(['plugin:dialog|save']);
    expect(exporter.open).toBe(true);
    expect(exporter.busy).toBe(false);
    expect(notices.items).toEqual([]);
  });

  it('starts with the core’s default columns and consent only', async () => {
    const { calls, exporter } = await setup({
      'plugin:dialog|save': () => '/tmp/liste.csv',
      members_export: () => ({ rows: 2, path: '/tmp/liste.csv' }),
    });
    await exporter.save();
    expect(calls[1].args).toEqual({
      format: 'csv',
      options: { filter, columns: [...DEFAULT_EXPORT_COLUMNS], consent_only: true },
      path: '/tmp/liste.csv',
    });
  });

  it('writes the PDF member list and shows pages and each warning', async () => {
    const warnings = [
      'Die Schrift kann Arabisch nicht darstellen; „ليلى حداد“ steht als „[lyl Hdd]“ in der Liste.',
      'Zweiter Hinweis.',
    ];
    const { calls, exporter, notices } = await setup({
      'plugin:dialog|save': () => '/tmp/Mitgliederliste.pdf',
      pdf_member_list: () => ({ path: '/tmp/Mitgliederliste.pdf', pages: 3, warnings }),
    });
    exporter.openDialog('pdf');
    exporter.grouping = 'alphabetical';
    exporter.setPdfColumn('phone', false);
    exporter.setPdfColumn('state', true);
    exporter.setPdfColumn('name', false); // the name always stays

    expect(await exporter.save()).toBe(true);

    expect(calls[0].args.options).toMatchObject({
      defaultPath: 'Mitgliederliste.pdf',
      filters: [{ extensions: ['pdf'] }],
    });
    expect(calls[1]).toEqual({
      cmd: 'pdf_member_list',
      args: {
        options: {
          filter,
          columns: ['name', 'organisation', 'function', 'email', 'state'],
          consent_only: true,
          grouping: 'alphabetical',
        },
        path: '/tmp/Mitgliederliste.pdf',
      },
    });
    expect(notices.items.map((n) => [n.kind, n.title])).toEqual([
      ['success', 'PDF mit 3 Seiten gespeichert'],
      ['warning', 'Hinweis zur PDF-Mitgliederliste'],
      ['warning', 'Hinweis zur PDF-Mitgliederliste'],
    ]);
    expect(notices.items.slice(1).map((n) => n.lines[0])).toEqual(warnings);
  });

  it('keeps the dialog open with the core’s German error', async () => {
    const message = 'Die Datei „/schreibgeschützt/liste.csv“ kann nicht geschrieben werden.';
    const { exporter, notices } = await setup({
      'plugin:dialog|save': () => '/schreibgeschützt/liste.csv',
      members_export: () => {
        throw { code: 'internal', message, field: null };
      },
    });
    exporter.openDialog();

    expect(await exporter.save()).toBe(false);

    expect(exporter.open).toBe(true);
    expect(exporter.error?.message).toBe(message);
    expect(notices.items).toEqual([]);
  });

  it('refuses to save a CSV without columns', async () => {
    const { calls, exporter } = await setup({});
    exporter.setColumns('none');
    expect(exporter.blocker).toBe('Bitte mindestens eine Spalte wählen.');
    expect(await exporter.save()).toBe(false);
    expect(calls).toEqual([]);
  });

  it('copies the e-mail list of the view to the clipboard for the BCC field', async () => {
    const list = 'anna.weiss@muenchen.de; deniz.oeztuerk@herten.de';
    const { calls, exporter, notices } = await setup({
      members_email_list: () => list,
      'plugin:clipboard-manager|write_text': () => null,
    });

    await exporter.copyEmails();

    expect(calls[0]).toEqual({
      cmd: 'members_email_list',
      args: { options: { filter, columns: [], consent_only: true } },
    });
    expect(calls[1].cmd).toBe('plugin:clipboard-manager|write_text');
    expect(calls[1].args.text).toBe(list);
    expect(notices.items[0].kind).toBe('success');
    expect(notices.items[0].title).toBe(
      '2 Adressen in die Zwischenablage kopiert (für das BCC-Feld)',
    );
  });

  it('says so when the view has no addresses and leaves the clipboard alone', async () => {
    const { calls, exporter, notices } = await setup({ members_email_list: () => '' });

    await exporter.copyEmails();

    expect(calls.map((c) => c.cmd)).toEqual(['members_email_list']);
    expect(notices.items[0].kind).toBe('info');
    expect(notices.items[0].title).toBe('Keine E-Mail-Adressen');
  });
});
