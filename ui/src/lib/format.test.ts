import { describe, expect, it } from 'vitest';
import type { Mandate, Organisation, Person } from './api/types';
import {
  countOf,
  germanDateTime,
  germanToIso,
  isoToGerman,
  mandateToInput,
  organisationToInput,
  personToInput,
  todayGerman,
  todayIso,
} from './format';

const history = {
  created_at: '2025-09-21T10:11:12',
  created_by: 'anna',
  updated_at: '2025-09-22T08:05:00',
  updated_by: 'ben',
};

describe('isoToGerman', () => {
  it('turns an ISO date into TT.MM.JJJJ with leading zeros', () => {
    expect(isoToGerman('2025-09-21')).toBe('21.09.2025');
    expect(isoToGerman('2009-01-05')).toBe('05.01.2009');
  });
  it('takes the date part of a date-time', () => {
    expect(isoToGerman('2025-09-21T23:59:59')).toBe('21.09.2025');
  });
  it('shows nothing for missing or unparsable values', () => {
    expect(isoToGerman(null)).toBe('');
    expect(isoToGerman(undefined)).toBe('');
    expect(isoToGerman('')).toBe('');
    expect(isoToGerman('21.09.2025')).toBe('');
  });
});

describe('germanDateTime', () => {
  it('shows date and minutes, without seconds', () => {
    expect(germanDateTime('2025-09-21T14:05:33')).toBe('21.09.2025 14:05');
    expect(germanDateTime('2025-09-21 14:05:33')).toBe('21.09.2025 14:05');
  });
  it('falls back to the date alone', () => {
    expect(germanDateTime('2025-09-21')).toBe('21.09.2025');
    expect(germanDateTime(null)).toBe('');
  });
});

describe('today', () => {
  it('uses the local calendar day', () => {
    const day = new Date(2025, 0, 3, 23, 30);
    expect(todayGerman(day)).toBe('03.01.2025');
    expect(todayIso(day)).toBe('2025-01-03');
  });
});

describe('countOf', () => {
  it('uses singular for one and German digit grouping', () => {
    expect(countOf(1, 'Person', 'Personen')).toBe('1 Person');
    expect(countOf(10000, 'Person', 'Personen')).toBe('10.000 Personen');
    expect(countOf(0, 'Person', 'Personen')).toBe('0 Personen');
  });
});

describe('personToInput', () => {
  const person: Person = {
    id: 7,
    salutation: 'mr',
    title: 'Dr.',
    first_name: 'Şükrü',
    name_particle: null,
    last_name: 'Özdemir',
    function: 'Integrationsbeauftragter',
    email: 'sukru.oezdemir@herten.de',
    phone: null,
    mobile: '0170 123456',
    street: null,
    postal_code: '45699',
    city: 'Herten',
    consent_shared_lists: true,
    consent_date: '2024-03-01',
    notes: null,
    active: true,
    anonymised_at: null,
    history,
  };

  it('turns null into empty text and ISO dates into TT.MM.JJJJ', () => {
    expect(personToInput(person)).toEqual({
      salutation: 'mr',
      title: 'Dr.',
      first_name: 'Şükrü',
      name_particle: '',
      last_name: 'Özdemir',
      function: 'Integrationsbeauftragter',
      email: 'sukru.oezdemir@herten.de',
      phone: '',
      mobile: '0170 123456',
      street: '',
      postal_code: '45699',
      city: 'Herten',
      consent_shared_lists: true,
      consent_date: '01.03.2024',
      notes: '',
    });
  });
});

describe('organisationToInput', () => {
  it('keeps the kind, converts membership dates and shows coordinates with a comma', () => {
    const organisation: Organisation = {
      id: 3,
      name: 'Landeshauptstadt Stuttgart',
      kind: 'city',
      state: 'Baden-Württemberg',
      street: null,
      postal_code: '70173',
      city: 'Stuttgart',
      website: null,
      member_since: '2009-01-01',
      member_until: null,
      notes: null,
      latitude: 48.7746,
      longitude: null,
      history,
    };
    expect(organisationToInput(organisation)).toEqual({
      name: 'Landeshauptstadt Stuttgart',
      kind: 'city',
      state: 'Baden-Württemberg',
      street: '',
      postal_code: '70173',
      city: 'Stuttgart',
      website: '',
      member_since: '01.01.2009',
      member_until: '',
      notes: '',
      latitude: '48,7746',
      longitude: '',
    });
  });
});

describe('mandateToInput', () => {
  it('keeps ids and role, converts dates, empties an open end', () => {
    const mandate: Mandate = {
      id: 11,
      person_id: 7,
      organisation_id: 3,
      role: 'deputy',
      start_date: '2020-02-29',
      end_date: null,
      notes: 'Łódź-Partnerschaft',
    };
    expect(mandateToInput(mandate)).toEqual({
      person_id: 7,
      organisation_id: 3,
      role: 'deputy',
      start_date: '29.02.2020',
      end_date: '',
      notes: 'Łódź-Partnerschaft',
    });
  });
});

describe('germanToIso', () => {
  it('reads TT.MM.JJJJ, also without leading zeros', () => {
    expect(germanToIso('21.09.2025')).toBe('2025-09-21');
    expect(germanToIso(' 5.1.2009 ')).toBe('2009-01-05');
  });
  it('refuses what is no calendar day, so a filter never sends an impossible date', () => {
    expect(germanToIso('31.02.2025')).toBeNull();
    expect(germanToIso('2025-09-21')).toBeNull();
    expect(germanToIso('morgen')).toBeNull();
    expect(germanToIso('')).toBeNull();
  });
});
