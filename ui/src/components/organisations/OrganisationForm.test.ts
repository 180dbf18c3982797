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
      expect(error?.textContent, `the message for ${field} stands under ${field}`).toContain(message);
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
});
