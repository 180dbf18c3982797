import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { defaultOrganisationFilter, OrganisationsState } from './organisations.svelte';
import { OrganisationEditor } from './organisation-editor.svelte';
import { emptyOrganisationInput } from '../format';

afterEach(() => clearMocks());

describe('OrganisationsState', () => {
  it('sends filter and sort to organisations_list', async () => {
    const calls = recordIPC({ organisations_list: () => ({ rows: [], total: 31 }) });
    const organisations = new OrganisationsState();
    await organisations.setFilter('kind', 'district');
    await organisations.toggleSort('people');
    await organisations.toggleSort('people');

    expect(calls.map((c) => c.args.filter)).toEqual([
      { ...defaultOrganisationFilter(), kind: 'district' },
      { ...defaultOrganisationFilter(), kind: 'district', sort: 'people', direction: 'ascending' },
      { ...defaultOrganisationFilter(), kind: 'district', sort: 'people', direction: 'descending' },
    ]);
    expect(organisations.total).toBe(31);
  });
});

describe('OrganisationEditor', () => {
  it('keeps a validation message at its field and stays dirty', async () => {
    recordIPC({
      organisation_create: () => {
        throw {
          code: 'validation',
          field: 'postal_code',
          message: 'PLZ: „7017“ ist keine Postleitzahl (fünf Ziffern).',
        };
      },
    });
    const editor = new OrganisationEditor();
    editor.startNew();
    editor.input.name = 'Stadt Jena';
    editor.input.kind = 'city';
    editor.input.postal_code = '7017';

    expect(await editor.save()).toBeNull();
    expect(editor.errors).toEqual({
      postal_code: 'PLZ: „7017“ ist keine Postleitzahl (fünf Ziffern).',
    });
    expect(editor.dirty).toBe(true);
    editor.discard();
    expect(editor.input).toEqual(emptyOrganisationInput());
    expect(editor.dirty).toBe(false);
  });

  it('drops a coordinates answer that arrives after the form moved to another record', async () => {
    let answer: (value: unknown) => void = () => {};
    recordIPC({
      organisation_coordinates_lookup: () => new Promise((resolve) => (answer = resolve)),
    });
    const editor = new OrganisationEditor();
    editor.startNew();
    editor.input.city = 'Jena';
    const lookup = editor.lookupCoordinates();
    await Promise.resolve();
    editor.startNew();
    answer({ latitude: 50.9271, longitude: 11.5892, name: 'Jena' });
    await lookup;

    expect(editor.input.latitude, "one record's coordinates never land in another's form").toBe('');
    expect(editor.lookupNotice).toBeNull();
    expect(editor.lookingUp).toBe(false);
  });

  it('asks for the town before looking anything up', async () => {
    const calls = recordIPC({});
    const editor = new OrganisationEditor();
    await editor.lookupCoordinates();
    expect(calls).toEqual([]);
    expect(editor.lookupNotice?.message).toBe('Bitte zuerst den Ort eintragen.');
  });
});
