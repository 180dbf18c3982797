// Search answers for tests, shaped as the core sends them (docs/knowledge-contract.md, "Search").

import type { Marked, SearchGroup, SearchHit, SearchKind, SearchResults } from '../api/types';

/** Runs from a text where the matching words are written in [brackets]: "Şükrü [Özdemir]". */
export function marked(text: string): Marked[] {
  return text
    .split(/(\[[^\]]*\])/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('[') ? { text: part.slice(1, -1), hit: true } : { text: part, hit: false },
    );
}

export function hit(
  kind: SearchKind,
  id: number,
  title: string,
  overrides: Partial<Omit<SearchHit, 'title' | 'snippet'>> & { snippet?: string } = {},
): SearchHit {
  const { snippet = '', ...rest } = overrides;
  return {
    kind,
    id,
    title: marked(title),
    snippet: marked(snippet),
    context: '',
    session_id: null,
    ...rest,
  };
}

const LABELS: Record<SearchKind, string> = {
  person: 'Personen',
  organisation: 'Organisationen',
  session: 'Sitzungen',
  agenda_item: 'Tagesordnungspunkte',
  minutes_note: 'Protokollnotizen',
  decision: 'Beschlüsse',
  action_item: 'Aufgaben',
  practice_example: 'Praxisbeispiele',
  recommendation: 'Empfehlungen',
  topic: 'Themenfelder',
};

export function group(kind: SearchKind, hits: SearchHit[], more = false): SearchGroup {
  return { kind, label: LABELS[kind], hits, more };
}

export function results(query: string, groups: SearchGroup[]): SearchResults {
  return { query, groups, total: groups.reduce((sum, g) => sum + g.hits.length, 0) };
}

/** What "özdemir" finds in the demo data, more or less: a person, a note, a decision. */
export function oezdemir(query = 'oezdemir'): SearchResults {
  return results(query, [
    group('person', [
      hit('person', 12, 'Şükrü [Özdemir]', { context: 'Stadt Herten · Ständige Vertretung' }),
    ]),
    group(
      'minutes_note',
      [
        hit('minutes_note', 31, 'TOP 4 Interkulturelle Öffnung', {
          context: '38. Sitzung · TOP 4',
          snippet: 'Herr [Özdemir] stellt die Auswertung der Mitgliederbefragung vor',
          session_id: 7,
        }),
      ],
      true,
    ),
    group('decision', [
      hit('decision', 44, 'Auswertung bei Herrn [Özdemir]', {
        context: '37. Sitzung · TOP 2',
        session_id: 6,
      }),
    ]),
  ]);
}
