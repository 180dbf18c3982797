// German labels and pure shaping of the Empfehlungen screen: statuses, "Fassung 2", "in der 38.
// Sitzung", the sessions the adoption dialog offers, and the list grouped by topic. No Svelte, no
// IPC: easy to test.

import type {
  RecommendationListRow,
  RecommendationStatus,
  SessionEntry,
  TopicRef,
} from '../api/types';
import { sessionName, sessionTerm } from '../sessions/labels';

export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  draft: 'Entwurf',
  adopted: 'beschlossen',
};

/** "Fassung 2". */
export function versionLabel(version: number): string {
  return `Fassung ${version}`;
}

/** "in der 38. Sitzung"; empty when never adopted. */
export function adoptedIn(sessionNumber: number | null): string {
  return sessionNumber === null ? '' : `in der ${sessionName(sessionNumber)}`;
}

/** One topic's part of the list. `topic` null: recommendations without any topic (older data). */
export type RecommendationGroup = { topic: TopicRef | null; rows: RecommendationListRow[] };

const byGermanName = (a: TopicRef, b: TopicRef) =>
  a.name.localeCompare(b.name, 'de', { sensitivity: 'base' }) || a.id - b.id;

/**
 * The list grouped by topic, topics in German alphabetical order, each group's rows in the
 * core's order (by title). A recommendation with several topics appears under each of them, so
 * whoever looks under one topic finds all that belong there. With `onlyTopic` (the topic filter)
 * only that topic's group is shown: the others would repeat rows the user filtered for.
 */
export function groupByTopic(
  rows: readonly RecommendationListRow[],
  onlyTopic: number | null = null,
): RecommendationGroup[] {
  const groups = new Map<number, { topic: TopicRef; rows: RecommendationListRow[] }>();
  const without: RecommendationListRow[] = [];
  for (const row of rows) {
    if (row.topics.length === 0) without.push(row);
    for (const topic of row.topics) {
      if (onlyTopic !== null && topic.id !== onlyTopic) continue;
      const group = groups.get(topic.id) ?? { topic: { id: topic.id, name: topic.name }, rows: [] };
      if (!group.rows.some((r) => r.id === row.id)) group.rows.push(row);
      groups.set(topic.id, group);
    }
  }
  const sorted: RecommendationGroup[] = [...groups.values()].sort((a, b) =>
    byGermanName(a.topic, b.topic),
  );
  if (without.length > 0 && onlyTopic === null) sorted.push({ topic: null, rows: without });
  return sorted;
}

/** "39. Sitzung, 16.–17.09.2027": a session in the adoption dialog's select. */
export function sessionChoiceLabel(entry: SessionEntry): string {
  const { number, first_day, last_day } = entry.session;
  return `${sessionName(number)}, ${sessionTerm(first_day, last_day)}`;
}

/** The sessions a recommendation can be adopted at: newest first, cancelled ones left out. */
export function adoptionSessions(entries: readonly SessionEntry[]): SessionEntry[] {
  return entries
    .filter((entry) => entry.session.status !== 'cancelled')
    .sort(
      (a, b) =>
        b.session.first_day.localeCompare(a.session.first_day) ||
        b.session.number - a.session.number,
    );
}

/**
 * The session the adoption dialog proposes: the most recent one that has taken place (a
 * recommendation is adopted in a meeting, so mostly in the last one); none when no session has
 * taken place yet, so the user has to choose.
 */
export function proposedSession(entries: readonly SessionEntry[]): number | null {
  const held = adoptionSessions(entries).find(
    (entry) => entry.when === 'past' || entry.session.status === 'held',
  );
  return held?.session.id ?? null;
}
