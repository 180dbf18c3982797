// Records as the core sends them, for the practice examples and topics tests (imported by tests
// only).

import type {
  BrochurePlan,
  PracticeExampleDetail,
  PracticeExampleRow,
  TopicRow,
  TopicUses,
} from '../api/types';

const HISTORY = {
  created_at: '2026-05-04T10:11:12',
  created_by: 'anna',
  updated_at: '2026-05-04T10:11:12',
  updated_by: 'anna',
};

export function topicRow(id: number, name: string, uses: Partial<TopicUses> = {}): TopicRow {
  return {
    id,
    name,
    description: null,
    uses: { agenda_items: 0, practice_examples: 0, recommendations: 0, ...uses },
  };
}

export const TOPICS: TopicRow[] = [
  topicRow(1, 'Arbeitsmarkt', { agenda_items: 3, practice_examples: 5, recommendations: 2 }),
  topicRow(2, 'Bildung', { practice_examples: 1 }),
  topicRow(3, 'Wohnen'),
];

export function practiceRow(
  id: number,
  overrides: Partial<PracticeExampleRow> = {},
): PracticeExampleRow {
  return {
    id,
    title: 'Welcome Center für internationale Fachkräfte',
    organisation_id: 7,
    organisation: 'Stadt Jena',
    state: 'Thüringen',
    topics: [{ id: 1, name: 'Arbeitsmarkt' }],
    release_status: 'released',
    since: '2021-03-01',
    brochure_position: 1,
    updated_at: '2026-05-04T10:11:12',
    ...overrides,
  };
}

export function practiceDetail(
  id: number,
  overrides: Partial<PracticeExampleDetail> = {},
): PracticeExampleDetail {
  return {
    id,
    title: 'Welcome Center für internationale Fachkräfte',
    organisation_id: 7,
    organisation: 'Stadt Jena',
    contact_person_id: 12,
    contact_person: 'Özdemir, Şükrü',
    topics: [{ id: 1, name: 'Arbeitsmarkt' }],
    summary: 'Eine Anlaufstelle für Fachkräfte und Betriebe.',
    body: 'Das Welcome Center berät **mehrsprachig**.',
    target_groups: 'Fachkräfte, Betriebe',
    since: '2021-03-01',
    link: 'https://www.jena.de/welcome',
    release_status: 'released',
    brochure_position: 1,
    recommendations: [],
    history: HISTORY,
    ...overrides,
  };
}

export function brochurePlan(order: number[] = [11, 12, 13]): BrochurePlan {
  const entries: Record<number, BrochurePlan['included'][number]> = {
    11: { id: 11, title: 'Welcome Center', organisation: 'Stadt Jena', topic: 'Arbeitsmarkt' },
    12: { id: 12, title: 'Jobbrücke', organisation: 'Kreis Unna', topic: 'Arbeitsmarkt' },
    13: { id: 13, title: 'Lernpaten', organisation: 'Stadt Herten', topic: 'Bildung' },
  };
  return {
    included: order.map((id) => entries[id]),
    left_out: [
      {
        id: 21,
        title: 'Sprachcafé',
        organisation: 'Stadt Erlangen',
        reason: 'Entwurf – noch nicht mit der Kommune abgestimmt',
      },
      {
        id: 22,
        title: 'Wohnungslotsen',
        organisation: null,
        reason: 'mit der Kommune abgestimmt, aber noch nicht freigegeben',
      },
    ],
  };
}
