// The organisation list: the generic list state over `organisations_list`. Lives at app level.

import * as api from '../api/api';
import type { OrganisationFilter, OrganisationList, OrganisationRow } from '../api/types';
import { ListState } from '../shared/list-state.svelte';

export function defaultOrganisationFilter(): OrganisationFilter {
  return { text: '', kind: null, state: null, status: 'all', sort: 'name', direction: 'ascending' };
}

export class OrganisationsState extends ListState<
  OrganisationRow,
  OrganisationFilter,
  OrganisationList
> {
  constructor() {
    super({ defaultFilter: defaultOrganisationFilter, fetch: api.organisationsList });
  }
}
