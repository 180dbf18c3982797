// The state of the Empfehlungen screen, kept in the AppState so that the filter and the open
// recommendation survive switching screens, and so that search hits can open one: the filter
// (text, topic), the rows as `recommendations_list` sends them (sorted by title), the same rows
// grouped by topic for the screen, the topics to filter by, which recommendation the page shows
// (or a new one), and the report of the last PDF.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { RecommendationFilter, RecommendationListRow, TopicRow } from '../api/types';
import { countOf } from '../format';
import type { Notice } from '../transfer/notices.svelte';
import { groupByTopic, type RecommendationGroup } from './labels';

export const RECOMMENDATION_SEARCH_DEBOUNCE_MS = 150;

/** The file name the save dialog proposes for the PDF of all adopted recommendations. */
export const RECOMMENDATIONS_PDF_NAME = 'Handlungsempfehlungen.pdf';

export const defaultRecommendationFilter = (): RecommendationFilter => ({ text: '', topic_id: null });

export class RecommendationsState {
  /** The open recommendation, or null for the list alone (or a new one, see `creating`). */
  selected = $state<number | null>(null);
  filter = $state<RecommendationFilter>(defaultRecommendationFilter());
  rows = $state.raw<RecommendationListRow[]>([]);
  /** The topics to filter by and to choose from on the page, sorted by name. */
  topics = $state.raw<TopicRow[]>([]);
  loading = $state(false);
  loaded = $state(false);
  /** The list or the topics could not be loaded. */
  error = $state<UserError | null>(null);
  /** What the last PDF did, or why it failed. */
  notice = $state<Notice | null>(null);
  busy = $state(false);
  /**
   * Bumped when something outside the page changed what it shows (the topic manager merged or
   * renamed a topic): the open page reloads unless the user is typing.
   */
  outsideChanges = $state(0);

  /** The rows grouped by topic, as the screen shows them. */
  readonly groups: RecommendationGroup[] = $derived(groupByTopic(this.rows, this.filter.topic_id));

  // A new recommendation is only being written while nothing is selected: a search hit that sets
  // `selected` from outside ends it without anyone having to know about this flag.
  #creating = $state(false);
  #request = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  /** The page shows the form for a new recommendation. */
  get creating(): boolean {
    return this.#creating && this.selected === null;
  }

  /** The page is open (one recommendation or a new one). */
  get pageOpen(): boolean {
    return this.selected !== null || this.creating;
  }

  /** Opens one recommendation (from a search hit or a practice example's page). */
  open(id: number): void {
    this.selected = id;
    this.#creating = false;
  }

  /**
   * Shows another recommendation (or, with "new", an empty page) once `confirmLeave` (the leave
   * guard) agrees; true when it is shown. Selecting what is already shown asks nothing.
   */
  async select(
    next: number | 'new',
    confirmLeave: () => Promise<boolean> = () => Promise.resolve(true),
  ): Promise<boolean> {
    if (next === 'new' ? this.creating : next === this.selected) return true;
    if (!(await confirmLeave())) return false;
    if (next === 'new') {
      this.selected = null;
      this.#creating = true;
    } else {
      this.open(next);
    }
    return true;
  }

  /** Back to the list alone. */
  close(): void {
    this.selected = null;
    this.#creating = false;
  }

  /** Tells the open page that what it shows may have changed elsewhere. */
  changedElsewhere(): void {
    this.outsideChanges++;
  }

  /** Loads the rows for the filter; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    this.#cancelDebounce();
    const request = ++this.#request;
    this.loading = true;
    try {
      const rows = await api.recommendationsList($state.snapshot(this.filter));
      if (request !== this.#request) return;
      this.rows = rows;
      this.error = null;
      this.loaded = true;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Loads the topics (after the topic manager changed them, too). */
  async loadTopics(): Promise<void> {
    try {
      this.topics = await api.topicsList();
    } catch (reason) {
      this.error = toUserError(reason);
    }
  }

  /** Search as you type: sets the text now, loads after a short pause. */
  search(text: string): void {
    this.filter.text = text;
    this.#cancelDebounce();
    this.#debounce = setTimeout(() => void this.load(), RECOMMENDATION_SEARCH_DEBOUNCE_MS);
  }

  setTopic(topicId: number | null): Promise<void> {
    this.filter.topic_id = topicId;
    return this.load();
  }

  /** Saves the latest adopted version of each recommendation, by topic, as a PDF. */
  async savePdf(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const path = await api.chooseSavePath({
        title: 'Empfehlungen als PDF speichern',
        defaultPath: RECOMMENDATIONS_PDF_NAME,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (path === null) return;
      const summary = await api.pdfRecommendations(path);
      this.notice = {
        kind: summary.warnings.length > 0 ? 'warning' : 'success',
        title: `${countOf(summary.pages, 'Seite', 'Seiten')} gespeichert`,
        lines: [summary.path, ...summary.warnings],
      };
    } catch (reason) {
      this.notice = {
        kind: 'danger',
        title: 'PDF nicht gespeichert',
        lines: [toUserError(reason).message],
      };
    } finally {
      this.busy = false;
    }
  }

  /** Back to the first start (for tests). */
  reset(): void {
    this.#cancelDebounce();
    this.#request++;
    this.selected = null;
    this.#creating = false;
    this.filter = defaultRecommendationFilter();
    this.rows = [];
    this.topics = [];
    this.loading = false;
    this.loaded = false;
    this.error = null;
    this.notice = null;
    this.busy = false;
  }

  #cancelDebounce() {
    if (this.#debounce !== undefined) {
      clearTimeout(this.#debounce);
      this.#debounce = undefined;
    }
  }
}
