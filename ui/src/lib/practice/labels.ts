// German labels of the practice examples area, and the pure conversions between what the core
// sends (ISO dates, nullable text) and what the form shows and sends back. No Svelte, no IPC.

import type { PracticeExampleDetail, PracticeExampleInput, ReleaseStatus } from '../api/types';
import { isoToGerman } from '../format';

/** The release states in their order: a draft is agreed with the municipality, then released. */
export const RELEASE_STATUSES = [
  'draft',
  'agreed',
  'released',
] as const satisfies readonly ReleaseStatus[];

/** The full label, for the form and the filter. */
export const RELEASE_LABELS: Record<ReleaseStatus, string> = {
  draft: 'Entwurf',
  agreed: 'mit Kommune abgestimmt',
  released: 'zur Veröffentlichung freigegeben',
};

/** The short label, for the list's narrow "Freigabe" column. */
export const RELEASE_SHORT_LABELS: Record<ReleaseStatus, string> = {
  draft: 'Entwurf',
  agreed: 'abgestimmt',
  released: 'freigegeben',
};

/** The form fields, in the order they appear (errors are listed and focused in this order). */
export const PRACTICE_FIELDS = [
  'title',
  'organisation_id',
  'contact_person_id',
  'topic_ids',
  'summary',
  'body',
  'target_groups',
  'since',
  'link',
  'release_status',
] as const satisfies readonly (keyof PracticeExampleInput)[];

export function emptyPracticeInput(): PracticeExampleInput {
  return {
    title: '',
    organisation_id: null,
    contact_person_id: null,
    topic_ids: [],
    summary: '',
    body: '',
    target_groups: '',
    since: '',
    link: '',
    release_status: 'draft',
  };
}

/** The form's starting values for a stored example; the main (first) topic stays first. */
export function practiceToInput(detail: PracticeExampleDetail): PracticeExampleInput {
  return {
    title: detail.title,
    organisation_id: detail.organisation_id,
    contact_person_id: detail.contact_person_id,
    topic_ids: detail.topics.map((topic) => topic.id),
    summary: detail.summary ?? '',
    body: detail.body ?? '',
    target_groups: detail.target_groups ?? '',
    since: isoToGerman(detail.since),
    link: detail.link ?? '',
    release_status: detail.release_status,
  };
}

/**
 * The topic ids with `topicId` checked or unchecked. A newly checked topic goes last, so the
 * main topic (the first, whose chapter the example opens in the brochure) stays where it is.
 */
export function toggleTopic(ids: readonly number[], topicId: number, on: boolean): number[] {
  const others = ids.filter((id) => id !== topicId);
  return on ? [...others, topicId] : others;
}

/** The topic ids with `topicId` moved to the front: it becomes the main topic. */
export function makeMainTopic(ids: readonly number[], topicId: number): number[] {
  return ids.includes(topicId) ? [topicId, ...ids.filter((id) => id !== topicId)] : [...ids];
}
