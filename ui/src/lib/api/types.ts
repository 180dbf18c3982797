// Types shared with the Rust core.
//
// TEMPORARY: hand-written from src/model/*.rs and CONTRACT.md until the generated `bindings.ts`
// (ts-rs) exists; then this file only re-exports from it. The rest of the UI imports types from
// here, never from `bindings.ts` directly, so the switch touches one file.

export type Direction = 'ascending' | 'descending';
export type OrganisationKind =
  | 'city'
  | 'district'
  | 'federal_agency'
  | 'umbrella_association'
  | 'research_institute'
  | 'foundation'
  | 'other';
export type Role = 'permanent' | 'deputy' | 'guest' | 'secretariat' | 'partner';
export type Salutation = 'ms' | 'mr' | 'neutral';
export type MemberStatus = 'current' | 'former' | 'all';
export type MemberSort =
  | 'name'
  | 'organisation'
  | 'role'
  | 'function'
  | 'email'
  | 'phone'
  | 'state'
  | 'since';
export type OrganisationSort = 'name' | 'kind' | 'state' | 'city' | 'member_since' | 'people';
export type OrganisationStatus = 'all' | 'current' | 'former';

export type History = {
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
};

export type StoreInfo = {
  path: string;
  schema_version: number;
  is_empty: boolean;
  people: number;
  organisations: number;
};

export type Person = {
  id: number;
  salutation: Salutation;
  title: string | null;
  first_name: string;
  name_particle: string | null;
  last_name: string;
  function: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  consent_shared_lists: boolean;
  consent_date: string | null;
  notes: string | null;
  active: boolean;
  history: History;
};

export type PersonInput = {
  salutation: Salutation;
  title: string;
  first_name: string;
  name_particle: string;
  last_name: string;
  function: string;
  email: string;
  phone: string;
  mobile: string;
  street: string;
  postal_code: string;
  city: string;
  consent_shared_lists: boolean;
  consent_date: string;
  notes: string;
};

export type Mandate = {
  id: number;
  person_id: number;
  organisation_id: number;
  role: Role;
  start_date: string;
  end_date: string | null;
  notes: string | null;
};

export type MandateView = {
  mandate: Mandate;
  person_name: string;
  organisation_name: string;
  current: boolean;
};

export type MandateInput = {
  person_id: number;
  organisation_id: number | null;
  role: Role | null;
  start_date: string;
  end_date: string;
  notes: string;
};

export type PersonDetail = {
  person: Person;
  mandates: Array<MandateView>;
  has_history: boolean;
};

export type MemberFilter = {
  text: string;
  role: Role | null;
  organisation_id: number | null;
  state: string | null;
  status: MemberStatus;
  as_of: string;
  sort: MemberSort;
  direction: Direction;
};

export type MemberRow = {
  person_id: number;
  name: string;
  title: string | null;
  first_name: string;
  name_particle: string | null;
  last_name: string;
  organisation_id: number | null;
  organisation: string | null;
  organisation_kind: OrganisationKind | null;
  role: Role | null;
  function: string | null;
  email: string | null;
  phone: string | null;
  state: string | null;
  since: string | null;
  until: string | null;
  current: boolean;
  active: boolean;
};

export type MemberList = {
  rows: Array<MemberRow>;
  total: number;
  as_of: string;
};

export type Organisation = {
  id: number;
  name: string;
  kind: OrganisationKind;
  state: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  website: string | null;
  member_since: string | null;
  member_until: string | null;
  notes: string | null;
  history: History;
};

export type OrganisationInput = {
  name: string;
  kind: OrganisationKind | null;
  state: string;
  street: string;
  postal_code: string;
  city: string;
  website: string;
  member_since: string;
  member_until: string;
  notes: string;
};

export type OrganisationFilter = {
  text: string;
  kind: OrganisationKind | null;
  state: string | null;
  status: OrganisationStatus;
  sort: OrganisationSort;
  direction: Direction;
};

export type OrganisationRow = {
  id: number;
  name: string;
  kind: OrganisationKind;
  state: string | null;
  city: string | null;
  member_since: string | null;
  member_until: string | null;
  representatives: Array<string>;
};

export type OrganisationList = {
  rows: Array<OrganisationRow>;
  total: number;
};

export type OrganisationDetail = {
  organisation: Organisation;
  mandates: Array<MandateView>;
};

/** A value of a Rust enum with its German label, as `reference_data` sends it. */
export type Choice<T extends string> = { value: T; label: string };

export type ReferenceData = {
  states: Array<string>;
  organisation_kinds: Array<Choice<OrganisationKind>>;
  roles: Array<Choice<Role>>;
  salutations: Array<Choice<Salutation>>;
};
