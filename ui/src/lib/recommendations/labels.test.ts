import { describe, expect, it } from 'vitest';
import { entry } from '../sessions/test-fixtures';
import { row } from './fixtures';
import {
  adoptedIn,
  adoptionSessions,
  groupByTopic,
  proposedSession,
  sessionChoiceLabel,
} from './labels';

const work = { id: 1, name: 'Arbeitsmarkt' };
const school = { id: 2, name: 'Bildung' };
const outlook = { id: 4, name: 'Ärztliche Versorgung' };

describe('groupByTopic', () => {
  const rows = [
    row(1, 'Anerkennung beschleunigen', { topics: [work, school] }),
    row(2, 'Sprachkitas ausbauen', { topics: [school] }),
    row(3, 'Dolmetschpool', { topics: [outlook] }),
  ];

  it('lists a recommendation under each of its topics, topics in German order', () => {
    const groups = groupByTopic(rows);
    expect(groups.map((g) => g.topic?.name), 'Ä sorts with A, not after Z').toEqual([
      'Arbeitsmarkt',
      'Ärztliche Versorgung',
      'Bildung',
    ]);
    expect(groups[0].rows.map((r) => r.id)).toEqual([1]);
    expect(groups[2].rows.map((r) => r.id), 'the core order (by title) within a topic').toEqual([
      1, 2,
    ]);
  });

  it('shows only the filtered topic, so a row is not repeated under its other topics', () => {
    const groups = groupByTopic(rows, 2);
    expect(groups.map((g) => g.topic?.id)).toEqual([2]);
    expect(groups[0].rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it('keeps recommendations without a topic in a last group', () => {
    const groups = groupByTopic([...rows, row(9, 'Alt', { topics: [] })]);
    expect(groups.at(-1)).toEqual({ topic: null, rows: [expect.objectContaining({ id: 9 })] });
  });
});

describe('sessions of the adoption dialog', () => {
  const entries = [
    entry(3, { number: 38, first_day: '2026-09-21', last_day: '2026-09-22', status: 'held' }, {
      when: 'past',
    }),
    entry(5, { number: 40, first_day: '2027-09-16', last_day: '2027-09-17' }, { when: 'next' }),
    entry(4, { number: 39, first_day: '2027-03-15', last_day: '2027-03-15', status: 'cancelled' }),
    entry(2, { number: 37, first_day: '2026-03-10', last_day: '2026-03-10' }, { when: 'past' }),
  ];

  it('offers the sessions newest first, without cancelled ones, labelled with their term', () => {
    const offered = adoptionSessions(entries);
    expect(offered.map((e) => e.session.number)).toEqual([40, 38, 37]);
    expect(sessionChoiceLabel(offered[0])).toBe('40. Sitzung, 16.–17.09.2027');
    expect(sessionChoiceLabel(offered[2])).toBe('37. Sitzung, 10.03.2026');
  });

  it('proposes the most recent session that took place, none before the first one', () => {
    expect(proposedSession(entries), 'the 38th, not the next (40th)').toBe(3);
    expect(proposedSession([entries[1]])).toBeNull();
  });

  it('says where it was adopted', () => {
    expect(adoptedIn(38)).toBe('in der 38. Sitzung');
    expect(adoptedIn(null)).toBe('');
  });
});
