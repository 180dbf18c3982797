import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { person, recordIPC } from '../../test/ipc';
import { ReportState, reportFileName } from './report.svelte';

afterEach(() => clearMocks());

const now = new Date(2025, 8, 21, 10, 0);

describe('reportFileName', () => {
  it('is Auskunft-<Nachname>-<TT.MM.JJJJ> with the format’s ending', () => {
    expect(reportFileName(person(9), 'pdf', now)).toBe('Auskunft-Özdemir-21.09.2025.pdf');
    expect(reportFileName(person(9), 'json', now)).toBe('Auskunft-Özdemir-21.09.2025.json');
  });

  it('keeps no character a file system refuses', () => {
    expect(reportFileName(person(9, { last_name: 'Weiß/Schmidt' }), 'pdf', now)).toBe(
      'Auskunft-Weiß-Schmidt-21.09.2025.pdf',
    );
  });
});

describe('ReportState', () => {
  it('asks where to save, then writes the report there', async () => {
    const path = '/home/anna/Auskunft-Özdemir-21.09.2025.pdf';
    const calls = recordIPC({
      'plugin:dialog|save': () => path,
      person_report_save: () => ({ path, pages: 3, warnings: [] }),
    });
    const report = new ReportState();

    expect(await report.save(person(9), 'pdf', now)).toBe(true);

    const options = calls[0].args.options as { defaultPath: string; filters: unknown[] };
    expect(options.defaultPath).toBe('Auskunft-Özdemir-21.09.2025.pdf');
    expect(options.filters).toEqual([{ name: 'PDF-Dokument', extensions: ['pdf'] }]);
    expect(calls[1]).toEqual({ cmd: 'person_report_save', args: { id: 9, path } });
    expect(report.saved).toEqual({ title: 'Auskunft als PDF mit 3 Seiten gespeichert', path });
  });

  it('says JSON for a report without pages', async () => {
    const path = '/tmp/a.json';
    recordIPC({
      'plugin:dialog|save': () => path,
      person_report_save: () => ({ path, pages: 0, warnings: [] }),
    });
    const report = new ReportState();
    await report.save(person(9), 'json', now);

    expect(report.saved?.title).toBe('Auskunft als JSON gespeichert');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const calls = recordIPC({ 'plugin:dialog|save': () => null });
    const report = new ReportState();

    expect(await report.save(person(9), 'pdf', now)).toBe(false);
    expect(calls.map((c) => c.cmd)).toEqual(['plugin:dialog|save']);
    expect(report.saved).toBeNull();
    expect(report.busy).toBe(false);
  });

  it('keeps the core’s German message when writing fails', async () => {
    recordIPC({
      'plugin:dialog|save': () => '/tmp/a.txt',
      person_report_save: () => {
        throw { code: 'validation', field: 'path', message: 'Bitte als .pdf oder .json speichern.' };
      },
    });
    const report = new ReportState();
    await report.save(person(9), 'pdf', now);

    expect(report.error?.messageFor('path')).toBe('Bitte als .pdf oder .json speichern.');
    expect(report.saved).toBeNull();
  });
});
