// The page of one recommendation (or of a new one): what it is about (title, topics, the
// practice examples behind it) and the text of its current version. Both are saved by one
// "Speichern": the first with `recommendation_update`, the text with `recommendation_save_draft`
// (a new recommendation with `recommendation_create`, which makes version 1). An adopted current
// version is locked: its text can only be continued as a new draft version n+1, which needs a
// note on what changed. Adopting and deleting go through here too, so the page always shows what
// the core answered.
//
// Answers can arrive late: whatever comes back after the page was switched to another
// recommendation changes nothing.

import * as api from '../api/api';
import { toUserError, type FieldMessage, type UserError } from '../api/errors';
import type {
  AdoptionInput,
  PracticeExampleRef,
  RecommendationDetail,
  RecommendationDraftInput,
  RecommendationInput,
  RecommendationVersion,
  SessionEntry,
} from '../api/types';
import type { DirtyRegistry } from '../shared/editor-state.svelte';
import { adoptionSessions } from './labels';

/** The page's fields in the order they appear: errors are focused in this order. */
export const RECOMMENDATION_FIELDS = [
  'title',
  'topic_ids',
  'practice_example_ids',
  'change_note',
  'body',
] as const;

/** The adoption dialog's fields. */
export const ADOPTION_FIELDS = ['session_id', 'published_on'] as const;

export const emptyRecommendationInput = (): RecommendationInput => ({
  title: '',
  topic_ids: [],
  practice_example_ids: [],
});

const emptyDraft = (): RecommendationDraftInput => ({ body: '', change_note: '' });

/** What the form starts with for a stored recommendation. */
export function recommendationToInput(detail: RecommendationDetail): RecommendationInput {
  return {
    title: detail.title,
    topic_ids: detail.topics.map((topic) => topic.id),
    practice_example_ids: detail.practice_examples.map((example) => example.id),
  };
}

/**
 * The text form's start: the current version's text; its note only while it is a draft (a later
 * draft's note can still be refined; an adopted version's note belongs to that version).
 */
export function versionToDraft(version: RecommendationVersion | null): RecommendationDraftInput {
  if (!version) return emptyDraft();
  return {
    body: version.body,
    change_note: version.status === 'draft' ? (version.change_note ?? '') : '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class RecommendationEditor {
  /** The stored recommendation; null for a new one (or while loading). */
  detail = $state.raw<RecommendationDetail | null>(null);
  input = $state<RecommendationInput>(emptyRecommendationInput());
  draft = $state<RecommendationDraftInput>(emptyDraft());
  /** The chosen practice examples with title and organisation, in the order chosen. */
  examples = $state.raw<PracticeExampleRef[]>([]);
  /** Over an adopted current version: the user began writing version n+1. */
  newVersion = $state(false);
  loading = $state(false);
  saving = $state(false);
  /** The last refusal of a load or save; field problems are shown under their fields. */
  error = $state<UserError | null>(null);
  /** The sessions the adoption dialog offers, newest first (loaded when it opens). */
  sessions = $state.raw<SessionEntry[]>([]);

  #originalInput = $state(JSON.stringify(emptyRecommendationInput()));
  #originalDraft = $state(JSON.stringify(emptyDraft()));
  #generation = 0;

  get id(): number | null {
    return this.detail?.id ?? null;
  }

  get isNew(): boolean {
    return this.detail === null;
  }

  /** The current version (newest first: the first one). */
  get current(): RecommendationVersion | null {
    return this.detail?.versions[0] ?? null;
  }

  /** The current version is a draft (or the recommendation is new): its text can be changed. */
  get editable(): boolean {
    return this.detail === null || this.detail.editable;
  }

  /** The text field takes input: a draft, or the new version begun over an adopted one. */
  get textEditable(): boolean {
    return this.editable || this.newVersion;
  }

  /** "Was hat sich geändert?" is asked: for every version after the first. */
  get asksChangeNote(): boolean {
    if (this.newVersion) return true;
    const current = this.current;
    return current !== null && current.status === 'draft' && current.version > 1;
  }

  get inputDirty(): boolean {
    return JSON.stringify(this.input) !== this.#originalInput;
  }

  get draftDirty(): boolean {
    return this.newVersion || JSON.stringify(this.draft) !== this.#originalDraft;
  }

  /** Anything typed that is not stored (for the leave guard). */
  get dirty(): boolean {
    return this.inputDirty || (this.textEditable && this.draftDirty);
  }

  /** Nothing was ever adopted: the core still lets it be deleted. */
  get canDelete(): boolean {
    return this.detail !== null && this.detail.versions.every((v) => v.status === 'draft');
  }

  /** The current draft can be adopted: stored, a draft, nothing unsaved that would be lost. */
  get canAdopt(): boolean {
    return this.detail !== null && this.detail.editable && !this.dirty;
  }

  /** The message(s) under one field of the last refused save; null when it is fine. */
  errorFor(field: string): string | null {
    return this.error?.messageFor(field) ?? null;
  }

  /** The first field with a problem, in page order. */
  get firstInvalid(): string | null {
    return RECOMMENDATION_FIELDS.find((field) => this.errorFor(field) !== null) ?? null;
  }

  /** Problems no shown field carries (or the message of an error without fields). */
  get unplaced(): readonly FieldMessage[] {
    const error = this.error;
    if (!error) return [];
    if (error.errors.length === 0) return [{ field: '', message: error.message }];
    const shown: readonly string[] = RECOMMENDATION_FIELDS;
    return error.errors.filter((problem) => !shown.includes(problem.field));
  }

  /** Registers the dirty check with the leave guard; returns the unregistering function. */
  registerWith(guard: DirtyRegistry): () => void {
    return guard.register(() => this.dirty);
  }

  /** Follows the screen's selection: a load for another id, an empty page for a new one. */
  show(selected: number | null, creating: boolean): void {
    if (selected !== null) {
      if (selected !== this.id) void this.load(selected);
    } else if (creating) {
      this.startNew();
    }
  }

  startNew(): void {
    this.#generation++;
    this.detail = null;
    this.loading = false;
    this.#reset(null);
  }

  async load(id: number): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    try {
      const detail = await api.recommendationGet(id);
      if (generation !== this.#generation) return;
      this.#reset(detail);
    } catch (reason) {
      if (generation !== this.#generation) return;
      // Never leave the previous recommendation up under the new selection.
      this.#reset(null);
      this.error = toUserError(reason);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  toggleTopic(id: number, on: boolean): void {
    const others = this.input.topic_ids.filter((topic) => topic !== id);
    this.input.topic_ids = on ? [...others, id] : others;
  }

  /** The practice examples chosen in the chooser replace the previous choice. */
  setExamples(examples: readonly PracticeExampleRef[]): void {
    this.examples = [...examples];
    this.input.practice_example_ids = examples.map((example) => example.id);
  }

  removeExample(id: number): void {
    this.setExamples(this.examples.filter((example) => example.id !== id));
  }

  /** Over an adopted version: start version n+1 from its text, with an empty change note. */
  beginNewVersion(): void {
    if (this.editable || this.newVersion) return;
    this.newVersion = true;
    this.draft = { body: this.current?.body ?? '', change_note: '' };
  }

  /** Drops the begun version: the adopted text is shown again. */
  cancelNewVersion(): void {
    this.newVersion = false;
    this.draft = JSON.parse(this.#originalDraft) as RecommendationDraftInput;
    this.error = null;
  }

  /**
   * Saves what changed; returns the stored recommendation, or null when the core refused (then
   * `error` holds every problem, each shown under its field) or the page was switched meanwhile.
   * What the core took stays stored even when the other part is refused.
   */
  async save(): Promise<RecommendationDetail | null> {
    if (this.saving) return null;
    const generation = this.#generation;
    const input = $state.snapshot(this.input) as RecommendationInput;
    const draft = $state.snapshot(this.draft) as RecommendationDraftInput;
    this.saving = true;
    this.error = null;
    try {
      const id = this.id;
      if (id === null) {
        const created = await api.recommendationCreate(input, { ...draft, change_note: '' });
        if (generation !== this.#generation) return null;
        this.#reset(created);
        return created;
      }
      let stored = this.detail;
      if (this.inputDirty) {
        stored = await api.recommendationUpdate(id, input);
        if (generation !== this.#generation) return null;
        this.#keepTyping(stored, draft);
      }
      if (this.textEditable && this.draftDirty) {
        const note = this.asksChangeNote ? draft.change_note : '';
        stored = await api.recommendationSaveDraft(id, { body: draft.body, change_note: note });
        if (generation !== this.#generation) return null;
        this.#reset(stored);
      }
      return stored;
    } catch (reason) {
      if (generation === this.#generation) this.error = toUserError(reason);
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Loads the sessions for the adoption dialog; a refusal is returned for the dialog. */
  async loadSessions(): Promise<UserError | null> {
    try {
      this.sessions = adoptionSessions(await api.sessionsList(null, null));
      return null;
    } catch (reason) {
      return toUserError(reason);
    }
  }

  /** The current draft becomes "beschlossen"; a refusal is returned for the dialog to show. */
  async adopt(adoption: AdoptionInput): Promise<UserError | null> {
    const id = this.id;
    if (id === null) return null;
    const generation = this.#generation;
    try {
      const adopted = await api.recommendationAdopt(id, adoption);
      if (generation === this.#generation) this.#reset(adopted);
      return null;
    } catch (reason) {
      return toUserError(reason);
    }
  }

  /** Deletes it; a refusal (`conflict`: a version is adopted) is returned as the core words it. */
  async remove(): Promise<UserError | null> {
    const id = this.id;
    if (id === null) return null;
    try {
      await api.recommendationDelete(id);
      this.#generation++;
      this.#reset(null);
      return null;
    } catch (reason) {
      return toUserError(reason);
    }
  }

  /** Throws away what was typed. */
  discard(): void {
    this.input = JSON.parse(this.#originalInput) as RecommendationInput;
    this.draft = JSON.parse(this.#originalDraft) as RecommendationDraftInput;
    this.examples = this.detail?.practice_examples ?? [];
    this.newVersion = false;
    this.error = null;
  }

  #reset(detail: RecommendationDetail | null) {
    this.detail = detail;
    const input = detail ? recommendationToInput(detail) : emptyRecommendationInput();
    const draft = versionToDraft(detail?.versions[0] ?? null);
    this.input = input;
    this.draft = draft;
    this.examples = detail?.practice_examples ?? [];
    this.newVersion = false;
    this.#originalInput = JSON.stringify(input);
    this.#originalDraft = JSON.stringify(draft);
    this.error = null;
  }

  // The title, topics and examples are stored; the text is not yet (it follows, or was refused):
  // keep it as typed, with the begun version, over the new detail.
  #keepTyping(detail: RecommendationDetail, draft: RecommendationDraftInput) {
    const newVersion = this.newVersion;
    this.detail = detail;
    const input = recommendationToInput(detail);
    this.input = input;
    this.examples = detail.practice_examples;
    this.#originalInput = JSON.stringify(input);
    const stored = versionToDraft(detail.versions[0] ?? null);
    this.#originalDraft = JSON.stringify(stored);
    this.newVersion = newVersion && !detail.editable;
    this.draft = same(draft, stored) ? stored : draft;
  }
}
