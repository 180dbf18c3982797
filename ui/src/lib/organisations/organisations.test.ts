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
        throw { code: 'validation', field: 'postal_code', message: 'PLZ: „7017“ ist keine Postleitzahl (fünf Ziffern).' };
      },
    });
    const editor = new OrganisationEditor();
    editor.startNew();
    editor.input.name = 'Stadt Jena';
    editor.input.kind = 'city';
    editor.input.postal_code = '7017';

    expect(await editor.save()).toBeNull();
    expect(editor.errors).toEqual({ postal_code: 'PLZ: „7017“ ist keine Postleitzahl (fünf Ziffern).' });
    expect(editor.dirty).toBe(true);
    editor.discard();
    expect(editor.input).toEqual(emptyOrganisationInput());
    expect(editor.dirty).toBe(false);
  });
});
