import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import { OrganisationEditor } from '../../lib/organisations/organisation-editor.svelte';
import { recordIPC } from '../../test/ipc';
import OrganisationForm from './OrganisationForm.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('OrganisationForm', () => {
  it('shows both problems of a refused save at their fields at once', async () => {
    // The core lists the postcode first; the form still focuses "Art", which comes first on screen.
    const problems = [
      { field: 'postal_code', message: 'PLZ: „7017“ ist keine Postleitzahl (fünf Ziffern).' },
      { field: 'kind', message: 'Art: Bitte eine Art wählen.' },
    ];
    const summary = '2 Eingaben sind ungültig. Bitte die markierten Felder korrigieren.';
    const calls = recordIPC({
      organisation_create: () => {
        throw { code: 'validation', message: summary, field: 'postal_code', errors: problems };
      },
    });
    const onsaved = vi.fn();
    render(OrganisationForm, {
      props: { editor: new OrganisationEditor(), onsaved, oncancel: vi.fn() },
      context: appContext(new AppState()),
    });
    const user = userEvent.setup();

    await user.type(screen.getByTestId('organisation-name'), 'Stadt Jena');
    await user.type(screen.getByTestId('organisation-postal_code'), '7017');
    await user.click(screen.getByTestId('save'));

    await waitFor(() => expect(screen.getByTestId('organisation-error')).toBeTruthy());
    expect(calls).toHaveLength(1);
    for (const { field, message } of problems) {
      const control = screen.getByTestId(`organisation-${field}`);
      expect(control.getAttribute('aria-invalid'), `${field} is marked`).toBe('true');
      const error = document.getElementById(`organisation-${field}-error`);
      expect(error?.textContent, `the message for ${field} stands under ${field}`).toContain(
        message,
      );
    }
    expect(screen.getByTestId('organisation-name').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement, 'the first invalid field in form order gets the focus').toBe(
      screen.getByTestId('organisation-kind'),
    );

    // The summary lists both in form order; each entry leads to its field.
    const list = screen.getByTestId('organisation-error-list');
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      problems[1].message,
      problems[0].message,
    ]);
    await user.click(links[1]);
    expect(document.activeElement).toBe(screen.getByTestId('organisation-postal_code'));
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('keeps a single error as before: one message, one marked field, no list', async () => {
    const message = 'Website: „htp:/jena“ ist keine gültige Adresse.';
    recordIPC({
      organisation_create: () => {
        throw { code: 'validation', message, field: 'website' };
      },
    });
    render(OrganisationForm, {
      props: { editor: new OrganisationEditor(), onsaved: vi.fn(), oncancel: vi.fn() },
      context: appContext(new AppState()),
    });
    const user = userEvent.setup();

    await user.type(screen.getByTestId('organisation-website'), 'htp:/jena');
    await user.click(screen.getByTestId('save'));

    await waitFor(() => expect(screen.getByTestId('organisation-error')).toBeTruthy());
    expect(screen.getByTestId('organisation-error').textContent).toContain(
      'Bitte prüfen Sie die markierte Angabe.',
    );
    expect(screen.queryByTestId('organisation-error-list')).toBeNull();
    expect(document.getElementById('organisation-website-error')?.textContent).toContain(message);
    expect(document.activeElement).toBe(screen.getByTestId('organisation-website'));
  });

  it('fills Breitengrad and Längengrad from the municipality table for the town typed', async () => {
    const calls = recordIPC({
      organisation_coordinates_lookup: () => ({
        latitude: 50.9271,
        longitude: 11.5892,
        name: 'Jena',
      }),
    });
    const editor = new OrganisationEditor();
    render(OrganisationForm, {
      props: { editor, onsaved: vi.fn(), oncancel: vi.fn() },
      context: appContext(new AppState()),
    });
    const user = userEvent.setup();

    await user.type(screen.getByTestId('organisation-city'), 'Jena');
    await user.click(screen.getByTestId('organisation-coordinates-lookup'));

    await waitFor(() =>
      expect((screen.getByTestId('organisation-latitude') as HTMLInputElement).value).toBe(
        '50,9271',
      ),
    );
    expect(
      (screen.getByTestId('organisation-longitude') as HTMLInputElement).value,
      'German decimal comma, as the user would type it',
    ).toBe('11,5892');
    expect(calls).toEqual([
      { cmd: 'organisation_coordinates_lookup', args: { city: 'Jena', state: null } },
    ]);
    expect(screen.getByTestId('organisation-coordinates-notice').textContent).toContain('Jena');
    expect(editor.input.latitude, 'the values reach the input that is saved').toBe('50,9271');
  });

  it('says when the municipality table has no entry, and leaves the fields alone', async () => {
    recordIPC({ organisation_coordinates_lookup: () => null });
    render(OrganisationForm, {
      props: { editor: new OrganisationEditor(), onsaved: vi.fn(), oncancel: vi.fn() },
      context: appContext(new AppState()),
    });
    const user = userEvent.setup();

    await user.type(screen.getByTestId('organisation-city'), 'Atlantis');
    await user.type(screen.getByTestId('organisation-latitude'), '51,5');
    await user.click(screen.getByTestId('organisation-coordinates-lookup'));

    await waitFor(() =>
      expect(screen.getByTestId('organisation-coordinates-notice').textContent).toContain(
        'Kein Eintrag für „Atlantis“ im Gemeindeverzeichnis gefunden.',
      ),
    );
    expect((screen.getByTestId('organisation-latitude') as HTMLInputElement).value).toBe('51,5');
  });

  it('shows a refused coordinate under its field', async () => {
    const message = 'Breitengrad: 60 liegt nicht in Deutschland (47 bis 55,1).';
    recordIPC({
      organisation_create: () => {
        throw { code: 'validation', message, field: 'latitude' };
      },
    });
    render(OrganisationForm, {
      props: { editor: new OrganisationEditor(), onsaved: vi.fn(), oncancel: vi.fn() },
      context: appContext(new AppState()),
    });
    const user = userEvent.setup();

    await user.type(screen.getByTestId('organisation-name'), 'Stadt Jena');
    await user.type(screen.getByTestId('organisation-latitude'), '60');
    await user.type(screen.getByTestId('organisation-longitude'), '11,5');
    await user.click(screen.getByTestId('save'));

    await waitFor(() =>
      expect(document.getElementById('organisation-latitude-error')?.textContent).toContain(
        message,
      ),
    );
    expect(screen.getByTestId('organisation-latitude').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('organisation-latitude'));
  });
});
