// The members list: the generic list state over `members_list`, plus the reference date the core
// used. One instance lives at app level.

import * as api from '../api/api';
import type { MemberFilter, MemberList, MemberRow } from '../api/types';
import { ListState } from '../shared/list-state.svelte';

export function defaultMemberFilter(): MemberFilter {
  return {
    text: '',
    role: null,
    organisation_id: null,
    state: null,
    status: 'current',
    as_of: '',
    sort: 'name',
    direction: 'ascending',
  };
}

export class MembersState extends ListState<MemberRow, MemberFilter, MemberList> {
  /** The reference date the core used (ISO). */
  asOf = $state('');

  constructor() {
    super({ defaultFilter: defaultMemberFilter, fetch: api.membersList });
  }

  /** The error belongs under the Stichtag field rather than in an alert. */
  get asOfError(): string | null {
    return this.filterError('as_of');
  }

  protected override received(list: MemberList): void {
    this.asOf = list.as_of;
  }
}
