import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { LeaveGuard } from '../../lib/app/leave-guard.svelte';
import { letterheadSettings } from '../../lib/settings/fixtures';
import { recordIPC, type Handler } from '../../test/ipc';
import LetterheadSection from './LetterheadSection.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

function setup(handlers: Record<string, Handler>) {
  const calls = recordIPC(handlers);
  const guard = new LeaveGuard();
  render(LetterheadSection, { props: { guard } });
  return { calls, guard, user: userEvent.setup() };
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('LetterheadSection', () => {
  it('shows the saved fields and a preview of the logo the PDFs use', async () => {
    setup({ letterhead_get: () => letterheadSettings() });

    await waitFor(() =>
      expect(input('letterhead-group-name').value).toBe(
        'Kommunaler Qualitätszirkel zur Integrationspolitik',
      ),
    );
    expect(input('letterhead-secretariat-address').value).toContain('Marktplatz 1\n70173');
    const preview = screen.getByTestId('logo-preview') as HTMLImageElement;
    expect(preview.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(preview.alt).toBe('Standardlogo von Zirkel');
    expect(screen.getByTestId('logo-info').textContent?.replace(/\s+/g, ' ')).toContain(
      'Standardlogo · PNG, 96 × 96 Pixel, 5 KB',
    );
    expect(screen.queryByTestId('logo-default'), 'nothing to reset to').toBeNull();
  });

  it('saves the typed group name and says so; the guard sees unsaved changes before', async () => {
    const { calls, guard, user } = setup({
      letterhead_get: () => letterheadSettings(),
      letterhead_save: (args) =>
        letterheadSettings((args as { input: { group_name: string } }).input),
    });
    await waitFor(() => expect(input('letterhead-group-name').value).not.toBe(''));
    await user.clear(input('letterhead-group-name'));
    await user.type(input('letterhead-group-name'), 'Arbeitskreis Integration');
    expect(guard.dirty, 'leaving now would ask').toBe(true);

    await user.click(screen.getByTestId('letterhead-save'));

    expect(await screen.findByTestId('letterhead-saved')).toBeTruthy();
    const saved = calls.find((c) => c.cmd === 'letterhead_save');
    expect((saved?.args.input as { group_name: string }).group_name).toBe(
      'Arbeitskreis Integration',
    );
    expect(guard.dirty).toBe(false);
  });

  it('shows each refused field’s message under it and focuses the first', async () => {
    const { user } = setup({
      letterhead_get: () => letterheadSettings(),
      letterhead_save: () => {
        throw {
          code: 'validation',
          field: 'group_name',
          message: '2 Angaben sind nicht in Ordnung.',
          errors: [
            { field: 'group_name', message: 'Name der Gruppe: bitte angeben.' },
            { field: 'signature', message: 'Grußzeile: höchstens 3 Zeilen (jetzt 4).' },
          ],
        };
      },
    });
    await waitFor(() => expect(input('letterhead-group-name').value).not.toBe(''));
    await user.clear(input('letterhead-group-name'));
    await user.click(screen.getByTestId('letterhead-save'));

    await waitFor(() =>
      expect(document.getElementById('letterhead-group-name-error')?.textContent).toContain(
        'Name der Gruppe: bitte angeben.',
      ),
    );
    expect(document.getElementById('letterhead-signature-error')?.textContent).toContain(
      'höchstens 3 Zeilen',
    );
    expect(input('letterhead-group-name').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(input('letterhead-group-name')));
    expect(screen.queryByTestId('letterhead-error')).toBeNull();
  });

  it('"Abbrechen" puts the saved values back', async () => {
    const { user } = setup({ letterhead_get: () => letterheadSettings() });
    await waitFor(() => expect(input('letterhead-contact')).toBeTruthy());
    await user.type(input('letterhead-contact'), 'Frau Nguyễn');
    await user.click(screen.getByTestId('letterhead-cancel'));
    expect(input('letterhead-contact').value).toBe('');
  });

  it('chooses a logo and shows the new preview; offers the default logo then', async () => {
    const { calls, user } = setup({
      letterhead_get: () => letterheadSettings(),
      'plugin:dialog|open': () => '/home/amt/logo.jpg',
      logo_set: () =>
        letterheadSettings(
          {},
          {
            custom: true,
            format: 'jpeg',
            width: 400,
            height: 100,
            size_bytes: 30_000,
            data_url: 'data:image/jpeg;base64,/9j/4AAQ',
          },
        ).logo,
      logo_remove: () => letterheadSettings().logo,
    });
    await user.click(await screen.findByTestId('logo-choose'));

    await waitFor(() =>
      expect(screen.getByTestId('logo-info').textContent?.replace(/\s+/g, ' ')).toContain(
        'Eigenes Logo · JPEG, 400 × 100 Pixel, 30 KB',
      ),
    );
    expect(screen.getByTestId('logo-preview').getAttribute('src')).toBe(
      'data:image/jpeg;base64,/9j/4AAQ',
    );
    await user.click(screen.getByTestId('logo-default'));
    await waitFor(() => expect(screen.queryByTestId('logo-default')).toBeNull());
    expect(calls.at(-1)?.cmd).toBe('logo_remove');
  });

  it('shows a refused logo file under the logo', async () => {
    const { user } = setup({
      letterhead_get: () => letterheadSettings(),
      'plugin:dialog|open': () => '/home/amt/brief.pdf',
      logo_set: () => {
        throw {
          code: 'validation',
          field: 'logo',
          message: 'Logo: Die Datei „brief.pdf“ ist kein PNG- oder JPEG-Bild.',
        };
      },
    });
    await user.click(await screen.findByTestId('logo-choose'));
    expect((await screen.findByTestId('logo-error')).textContent).toContain(
      '„brief.pdf“ ist kein PNG- oder JPEG-Bild',
    );
  });
});
