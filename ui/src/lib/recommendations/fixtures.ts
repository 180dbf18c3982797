// Records as the core sends them, for the recommendations area's tests (imported by tests only).

import type {
  RecommendationDetail,
  RecommendationListRow,
  RecommendationVersion,
  TopicRow,
} from '../api/types';

const HISTORY = {
  created_at: '2026-05-04T10:11:12',
  created_by: 'anna',
  updated_at: '2026-05-04T10:11:12',
  updated_by: 'anna',
};

export function topic(id: number, name: string): TopicRow {
  return {
    id,
    name,
    description: null,
    uses: { agenda_items: 0, practice_examples: 0, recommendations: 0 },
  };
}

export const TOPICS: TopicRow[] = [
  topic(1, 'Arbeitsmarkt'),
  topic(2, 'Bildung'),
  topic(3, 'Wohnen'),
];

export function row(
  id: number,
  title: string,
  overrides: Partial<RecommendationListRow> = {},
): RecommendationListRow {
  return {
    id,
    title,
    topics: [{ id: 1, name: 'Arbeitsmarkt' }],
    version: 1,
    status: 'draft',
    adopted_at_session: null,
    published_on: null,
    updated_at: '2026-05-04T10:11:12',
    ...overrides,
  };
}

export function version(
  number: number,
  overrides: Partial<RecommendationVersion> = {},
): RecommendationVersion {
  return {
    id: 100 + number,
    version: number,
    body: `Text der Fassung ${number}`,
    status: 'draft',
    adopted_at_session_id: null,
    adopted_at_session: null,
    published_on: null,
    change_note: null,
    created_at: '2026-05-04T10:11:12',
    created_by: 'anna',
    ...overrides,
  };
}

/** An adopted version, as adopted in the 38th session. */
export function adoptedVersion(
  number: number,
  overrides: Partial<RecommendationVersion> = {},
): RecommendationVersion {
  return version(number, {
    status: 'adopted',
    adopted_at_session_id: 7,
    adopted_at_session: '38. Sitzung, 21.09.2026',
    published_on: '2026-10-01',
    ...overrides,
  });
}

/** A recommendation; `versions` newest first, `editable` follows the current one. */
export function detail(
  id: number,
  versions: RecommendationVersion[] = [version(1)],
  overrides: Partial<RecommendationDetail> = {},
): RecommendationDetail {
  return {
    id,
    title: 'Anerkennung ausländischer Berufsabschlüsse beschleunigen',
    topics: [{ id: 1, name: 'Arbeitsmarkt' }],
    practice_examples: [{ id: 31, title: 'Welcome Center Jena', organisation: 'Stadt Jena' }],
    versions,
    editable: versions[0]?.status !== 'adopted',
    history: HISTORY,
    ...overrides,
  };
}
