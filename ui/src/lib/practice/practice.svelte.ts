// The state of the Praxisbeispiele screen, kept in the AppState so that the filter and the open
// example survive switching screens, and so that search hits and other screens can open one:
// the filter (text, Themenfeld, Organisation, Bundesland, Freigabestatus), the rows the core
// answers with, the topics the filter and the form offer, and which example the page shows.
//
// The global search sets `selected` or `topicId` directly (or through `open` / `filterByTopic`)
// and then switches to the screen; the screen follows both (see `ensureLoaded`).

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type {
  PracticeExampleFilter,
  PracticeExampleRow,
  ReleaseStatus,
  TopicRow,
} from '../api/types';
import { SEARCH_DEBOUNCE_MS, type Selection } from '../shared/list-state.svelte';

/** The filter fields besides the topic, which lives in `topicId`. */
type OtherFilter = Omit<PracticeExampleFilter, 'topic_id'>;

function defaultOtherFilter(): OtherFilter {
  return { text: '', organisation_id: null, state: null, release_status: null };
}

export class PracticeExamplesState {
  /** The open practice example, or null for the list alone. */
  selected = $state<number | null>(null);
  /** The topic filter (a topic hit in the search opens the list filtered by it). */
  topicId = $state<number | null>(null);
  /** True while the page shows a new, unsaved example (then `selected` is null). */
  creating = $state(false);

  text = $state('');
  organisationId = $state<number | null>(null);
  state = $state<string | null>(null);
  releaseStatus = $state<ReleaseStatus | null>(null);

  /** Raw: rows are replaced by each answer, never changed in place. */
  rows = $state.raw<PracticeExampleRow[]>([]);
  /** How many examples there are without any filter. */
  total = $state(0);
  loading = $state(false);
  loaded = $state(false);
  error = $state<UserError | null>(null);

  /** Every topic, for the filter and the form's checkboxes (with their use counts). */
  topics = $state.raw<TopicRow[]>([]);
  topicsError = $state<UserError | null>(null);

  #request = 0;
  /** The filter of the latest request (JSON): a filter set from outside differs from it. */
  #requested: string | null = null;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  /** The filter as the core expects it. */
  get filter(): PracticeExampleFilter {
    return {
      text: this.text,
      topic_id: this.topicId,
      organisation_id: this.organisationId,
      state: this.state,
      release_status: this.releaseStatus,
    };
  }

  /**
   * What the page shows: an example, a new one, or nothing. An id set from outside wins over an
   * unsaved new one (the search sets `selected` directly).
   */
  get selection(): Selection {
    return this.selected ?? (this.creating ? 'new' : null);
  }

  /** True when any filter is set (the empty list then says "passt nicht" instead of "noch keine"). */
  get filtered(): boolean {
    const { text, topic_id, organisation_id, state, release_status } = this.filter;
    return (
      text.trim() !== '' ||
      topic_id !== null ||
      organisation_id !== null ||
      state !== null ||
      release_status !== null
    );
  }

  /** Opens one example (from a search hit or a link on another screen). */
  open(id: number): void {
    this.creating = false;
    this.selected = id;
  }

  /** Shows the examples of one topic. */
  filterByTopic(topicId: number): void {
    this.creating = false;
    this.selected = null;
    this.topicId = topicId;
  }

  /** Loads the rows for the current filter; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    this.#cancelDebounce();
    const request = ++this.#request;
    const filter = this.filter;
    this.#requested = JSON.stringify(filter);
    this.loading = true;
    try {
      const list = await api.practiceExamplesList(filter);
      if (request !== this.#request) return;
      this.rows = list.rows;
      this.total = list.total;
      this.error = null;
      this.loaded = true;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /**
   * Loads unless the shown rows already belong to the current filter: the screen calls it when
   * it appears and whenever `topicId` changes, so a topic set from outside filters the list.
   */
  ensureLoaded(): Promise<void> {
    if (this.loaded && this.#requested === JSON.stringify(this.filter)) return Promise.resolve();
    return this.load();
  }

  /** Search as you type: sets the text now, loads after a short pause. */
  search(text: string): void {
    this.text = text;
    this.#cancelDebounce();
    this.#debounce = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS);
  }

  setTopic(topicId: number | null): Promise<void> {
    this.topicId = topicId;
    return this.load();
  }

  setOrganisation(organisationId: number | null): Promise<void> {
    this.organisationId = organisationId;
    return this.load();
  }

  setState(state: string | null): Promise<void> {
    this.state = state;
    return this.load();
  }

  setReleaseStatus(status: ReleaseStatus | null): Promise<void> {
    this.releaseStatus = status;
    return this.load();
  }

  /** Back to the unfiltered list. */
  resetFilter(): Promise<void> {
    const other = defaultOtherFilter();
    this.text = other.text;
    this.organisationId = other.organisation_id;
    this.state = other.state;
    this.releaseStatus = other.release_status;
    this.topicId = null;
    return this.load();
  }

  /** Loads the topics; a topic filter whose topic is gone (merged, deleted) is dropped. */
  async loadTopics(): Promise<void> {
    try {
      this.topics = await api.topicsList();
      this.topicsError = null;
      if (this.topicId !== null && !this.topics.some((topic) => topic.id === this.topicId)) {
        this.topicId = null;
      }
    } catch (reason) {
      this.topicsError = toUserError(reason);
    }
  }

  /**
   * Shows another example (or a new one) once `confirmLeave` (the leave guard) agrees; true when
   * it is shown. Selecting what is already shown asks nothing.
   */
  async select(
    next: Selection,
    confirmLeave: () => Promise<boolean> = () => Promise.resolve(true),
  ): Promise<boolean> {
    if (next === this.selection) return true;
    if (!(await confirmLeave())) return false;
    this.creating = next === 'new';
    this.selected = next === 'new' ? null : next;
    return true;
  }

  /** Closes the page. */
  close(): void {
    this.creating = false;
    this.selected = null;
  }

  /** Back to the first start (for tests). */
  reset(): void {
    this.#cancelDebounce();
    this.#request++;
    this.#requested = null;
    this.selected = null;
    this.topicId = null;
    this.creating = false;
    this.text = '';
    this.organisationId = null;
    this.state = null;
    this.releaseStatus = null;
    this.rows = [];
    this.total = 0;
    this.loading = false;
    this.loaded = false;
    this.error = null;
    this.topics = [];
    this.topicsError = null;
  }

  #cancelDebounce() {
    if (this.#debounce !== undefined) {
      clearTimeout(this.#debounce);
      this.#debounce = undefined;
    }
  }
}
