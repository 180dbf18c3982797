// Pure conversions between what the core sends (ISO dates, nullable text) and what the UI shows
// and sends back (TT.MM.JJJJ, empty strings). No Svelte, no IPC: easy to test.

import type {
  Mandate,
  MandateInput,
  Organisation,
  OrganisationInput,
  Person,
  PersonInput,
} from './api/types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const ISO_TIME = /[T ](\d{2}):(\d{2})/;

/** "2025-09-21" (or an ISO date-time) → "21.09.2025"; null, empty or unparsable → "". */
export function isoToGerman(iso: string | null | undefined): string {
  const match = iso ? ISO_DATE.exec(iso.trim()) : null;
  if (!match) return '';
  const [, year, month, day] = match;
  return `${day}.${month}.${year}`;
}

/** "2025-09-21T14:05:33" → "21.09.2025 14:05"; without a time only the date; null → "". */
export function germanDateTime(iso: string | null | undefined): string {
  const date = isoToGerman(iso);
  if (!date || !iso) return date;
  const time = ISO_TIME.exec(iso);
  return time ? `${date} ${time[1]}:${time[2]}` : date;
}

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** "21.09.2025" (or "5.1.2009") → "2025-09-21"; anything that is no calendar day → null. */
export function germanToIso(german: string): string | null {
  const match = GERMAN_DATE.exec(german.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Today as TT.MM.JJJJ, in local time. */
export function todayGerman(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getDate())}.${pad(now.getMonth() + 1)}.${now.getFullYear()}`;
}

const text = (value: string | null | undefined): string => value ?? '';

export function emptyPersonInput(): PersonInput {
  return {
    salutation: 'neutral',
    title: '',
    first_name: '',
    name_particle: '',
    last_name: '',
    function: '',
    email: '',
    phone: '',
    mobile: '',
    street: '',
    postal_code: '',
    city: '',
    consent_shared_lists: false,
    consent_date: '',
    notes: '',
  };
}

/** The form's starting values for a stored person. */
export function personToInput(person: Person): PersonInput {
  return {
    salutation: person.salutation,
    title: text(person.title),
    first_name: person.first_name,
    name_particle: text(person.name_particle),
    last_name: person.last_name,
    function: text(person.function),
    email: text(person.email),
    phone: text(person.phone),
    mobile: text(person.mobile),
    street: text(person.street),
    postal_code: text(person.postal_code),
    city: text(person.city),
    consent_shared_lists: person.consent_shared_lists,
    consent_date: isoToGerman(person.consent_date),
    notes: text(person.notes),
  };
}

export function emptyOrganisationInput(): OrganisationInput {
  return {
    name: '',
    kind: null,
    state: '',
    street: '',
    postal_code: '',
    city: '',
    website: '',
    member_since: '',
    member_until: '',
    notes: '',
    latitude: '',
    longitude: '',
  };
}

/** The form's starting values for a stored organisation. */
export function organisationToInput(organisation: Organisation): OrganisationInput {
  return {
    name: organisation.name,
    kind: organisation.kind,
    state: text(organisation.state),
    street: text(organisation.street),
    postal_code: text(organisation.postal_code),
    city: text(organisation.city),
    website: text(organisation.website),
    member_since: isoToGerman(organisation.member_since),
    member_until: isoToGerman(organisation.member_until),
    notes: text(organisation.notes),
    latitude: coordinate(organisation.latitude),
    longitude: coordinate(organisation.longitude),
  };
}

export function emptyMandateInput(personId: number): MandateInput {
  return {
    person_id: personId,
    organisation_id: null,
    role: null,
    start_date: '',
    end_date: '',
    notes: '',
  };
}

/** The form's starting values for a stored mandate. */
export function mandateToInput(mandate: Mandate): MandateInput {
  return {
    person_id: mandate.person_id,
    organisation_id: mandate.organisation_id,
    role: mandate.role,
    start_date: isoToGerman(mandate.start_date),
    end_date: isoToGerman(mandate.end_date),
    notes: text(mandate.notes),
  };
}

/** "2 Personen" / "1 Person": German count with the right noun form. */
export function countOf(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('de-DE')} ${n === 1 ? singular : plural}`;
}

/** Today as ISO date "2025-09-21", in local time (compare with ISO dates from the core). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A stored coordinate as the form shows it: German decimal comma, empty for none. */
export function coordinate(value: number | null): string {
  return value === null ? '' : String(value).replace('.', ',');
}
