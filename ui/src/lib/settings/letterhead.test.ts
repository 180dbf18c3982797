import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { letterheadSettings } from './fixtures';
import { LetterheadState } from './letterhead.svelte';

afterEach(() => clearMocks());

describe('LetterheadState', () => {
  it('loads the saved fields and the logo, and is not dirty', async () => {
    recordIPC({ letterhead_get: () => letterheadSettings() });
    const letterhead = new LetterheadState();
    await letterhead.load();

    expect(letterhead.input.group_name).toBe('Kommunaler Qualitätszirkel zur Integrationspolitik');
    expect(letterhead.logo?.custom).toBe(false);
    expect(letterhead.dirty).toBe(false);
  });

  it('saves every field as typed and shows what the core stored', async () => {
    const calls = recordIPC({
      letterhead_get: () => letterheadSettings(),
      letterhead_save: (args) =>
        letterheadSettings((args as { input: { group_name: string } }).input),
    });
    const letterhead = new LetterheadState();
    await letterhead.load();
    letterhead.input.signature = 'Şükrü Özdemir\nNguyễn Thị';
    expect(letterhead.dirty).toBe(true);

    expect(await letterhead.save()).toBe(true);

    expect(calls[1].cmd).toBe('letterhead_save');
    expect(calls[1].args).toEqual({
      input: {
        group_name: 'Kommunaler Qualitätszirkel zur Integrationspolitik',
        secretariat_name: 'Geschäftsstelle des Qualitätszirkels',
        secretariat_address: 'Landeshauptstadt Stuttgart\nMarktplatz 1\n70173 Stuttgart',
        signature: 'Şükrü Özdemir\nNguyễn Thị',
        contact: '',
      },
    });
    expect(letterhead.justSaved).toBe(true);
    expect(letterhead.dirty).toBe(false);
  });

  it('puts every refused field’s message under that field and keeps what was typed', async () => {
    recordIPC({
      letterhead_get: () => letterheadSettings(),
      letterhead_save: () => {
        throw {
          code: 'validation',
          field: 'group_name',
          message: '2 Angaben sind nicht in Ordnung.',
          errors: [
            { field: 'group_name', message: 'Name der Gruppe: bitte angeben.' },
            { field: 'secretariat_address', message: 'Anschrift: höchstens 6 Zeilen (jetzt 7).' },
          ],
        };
      },
    });
    const letterhead = new LetterheadState();
    await letterhead.load();
    letterhead.input.group_name = '';

    expect(await letterhead.save()).toBe(false);

    expect(letterhead.errors.group_name).toBe('Name der Gruppe: bitte angeben.');
    expect(letterhead.errors.secretariat_address).toContain('höchstens 6 Zeilen');
    expect(letterhead.errors.signature).toBeNull();
    expect(letterhead.error, 'field problems are not a general error').toBeNull();
    expect(letterhead.input.group_name).toBe('');
    expect(letterhead.dirty).toBe(true);
  });

  it('"Abbrechen" restores the saved values', async () => {
    recordIPC({ letterhead_get: () => letterheadSettings() });
    const letterhead = new LetterheadState();
    await letterhead.load();
    letterhead.input.contact = 'Frau Łukasiewicz';
    letterhead.cancel();
    expect(letterhead.input.contact).toBe('');
    expect(letterhead.dirty).toBe(false);
  });

  it('chooses a logo in the open dialog and stores it through the core', async () => {
    const calls = recordIPC({
      letterhead_get: () => letterheadSettings(),
      'plugin:dialog|open': () => '/home/amt/Bilder/logo.jpg',
      logo_set: () => ({ ...letterheadSettings({}, { custom: true, format: 'jpeg' }).logo }),
    });
    const letterhead = new LetterheadState();
    await letterhead.load();

    await letterhead.chooseLogo();

    const dialog = calls.find((c) => c.cmd === 'plugin:dialog|open');
    expect(JSON.stringify(dialog?.args)).toContain('"extensions":["png","jpg","jpeg"]');
    expect(calls.at(-1)).toEqual({ cmd: 'logo_set', args: { path: '/home/amt/Bilder/logo.jpg' } });
    expect(letterhead.logo?.custom).toBe(true);
    expect(letterhead.logo?.format).toBe('jpeg');
  });

  it('stores nothing when the dialog is cancelled, and shows a refused file’s message', async () => {
    let answer: string | null = null;
    const calls = recordIPC({
      letterhead_get: () => letterheadSettings(),
      'plugin:dialog|open': () => answer,
      logo_set: () => {
        throw {
          code: 'validation',
          field: 'logo',
          message: 'Logo: Die Datei „brief.pdf“ ist kein PNG- oder JPEG-Bild.',
        };
      },
    });
    const letterhead = new LetterheadState();
    await letterhead.load();

    await letterhead.chooseLogo();
    expect(calls.some((c) => c.cmd === 'logo_set')).toBe(false);

    answer = '/home/amt/brief.pdf';
    await letterhead.chooseLogo();
    expect(letterhead.logoError).toContain('kein PNG- oder JPEG-Bild');
    expect(letterhead.logo?.custom, 'the logo before stays').toBe(false);
  });

  it('"Standardlogo verwenden" removes the chosen logo', async () => {
    const calls = recordIPC({
      letterhead_get: () => letterheadSettings({}, { custom: true }),
      logo_remove: () => letterheadSettings().logo,
    });
    const letterhead = new LetterheadState();
    await letterhead.load();
    await letterhead.removeLogo();
    expect(calls.at(-1)?.cmd).toBe('logo_remove');
    expect(letterhead.logo?.custom).toBe(false);
  });
});
