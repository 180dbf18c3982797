import { describe, expect, it } from 'vitest';
import { entry } from '../sessions/test-fixtures';
import { meta } from './fixtures';
import {
  defaultSessionId,
  lockedNotice,
  minutesFileName,
  sectionTitle,
  statusText,
  votesText,
} from './labels';

describe('minutes labels', () => {
  it('titles sections by TOP, and the part outside the agenda "Allgemeines"', () => {
    expect(sectionTitle({ agenda_item_id: 11, number: 3, title: 'Berichte' })).toBe('TOP 3 Berichte');
    expect(sectionTitle({ agenda_item_id: null, number: null, title: '' })).toBe('Allgemeines');
  });

  it('says the status with its date, and the version after a correction', () => {
    expect(statusText(meta(1))).toBe('Entwurf');
    expect(statusText(meta(1, { status: 'sent', sent_on: '2026-04-02' }))).toBe('versandt am 02.04.2026');
    expect(statusText(meta(1, { status: 'draft', version: 2 }))).toBe('Entwurf · Fassung 2');
  });

  it('says where approved minutes were approved', () => {
    const approved = meta(1, { status: 'approved', approved_on: '2026-09-21', approved_at_session: 39 });
    expect(lockedNotice({ ...approved, approval_kind: 'session' })).toBe(
      'Genehmigt am 21.09.2026 in der 39. Sitzung – nur lesbar. Änderungen nur über eine Korrektur.',
    );
    expect(lockedNotice({ ...approved, approval_kind: 'written' })).toContain('im Umlaufverfahren');
  });

  it('shows only the votes recorded', () => {
    expect(votesText({ votes_yes: 12, votes_no: 0, votes_abstain: 1 })).toBe('Ja 12 · Nein 0 · Enthaltung 1');
    expect(votesText({ votes_yes: null, votes_no: null, votes_abstain: null })).toBeNull();
  });

  it('names the PDF after the session', () => {
    expect(minutesFileName(38)).toBe('Protokoll 38. Sitzung.pdf');
    expect(minutesFileName(38, 1)).toBe('Protokoll 38. Sitzung, Fassung 1.pdf');
  });

  it('opens the latest held session, never a cancelled or a coming one', () => {
    const entries = [
      entry(9, { number: 40, first_day: '2027-03-01' }, { when: 'upcoming' }),
      entry(8, { number: 39, first_day: '2026-09-21', status: 'cancelled' }, { when: 'past' }),
      entry(7, { number: 38, first_day: '2026-03-16', status: 'held' }, { when: 'past' }),
    ];
    expect(defaultSessionId(entries)).toBe(7);
    expect(defaultSessionId([entries[0]]), 'without a past one, the first').toBe(9);
    expect(defaultSessionId([])).toBeNull();
  });
});
