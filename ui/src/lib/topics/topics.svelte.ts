// The topic manager (Themenfelder): every topic with how often it is used, and creating,
// renaming, merging and deleting topics. Self-contained, so both the Praxisbeispiele and the
// Empfehlungen screen can open it; one instance per open dialog.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { TopicInput, TopicRow, TopicUses } from '../api/types';
import { countOf } from '../format';

/** The form fields, in the order they appear. */
export const TOPIC_FIELDS = [
  'name',
  'description',
] as const satisfies readonly (keyof TopicInput)[];

export function emptyTopicInput(): TopicInput {
  return { name: '', description: '' };
}

/** How often a topic is used, e.g. "3 TOPs, 5 Praxisbeispiele, 2 Empfehlungen"; "nicht verwendet". */
export function usesText(uses: TopicUses): string {
  const parts = [
    uses.agenda_items > 0 ? countOf(uses.agenda_items, 'TOP', 'TOPs') : null,
    uses.practice_examples > 0
      ? countOf(uses.practice_examples, 'Praxisbeispiel', 'Praxisbeispiele')
      : null,
    uses.recommendations > 0 ? countOf(uses.recommendations, 'Empfehlung', 'Empfehlungen') : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : 'nicht verwendet';
}

export function usedCount(uses: TopicUses): number {
  return uses.agenda_items + uses.practice_examples + uses.recommendations;
}

/** Which topic the form edits: a new one, or an existing one by id. */
export type TopicEditing = { kind: 'new' } | { kind: 'edit'; id: number };

export class TopicsState {
  rows = $state.raw<TopicRow[]>([]);
  loading = $state(false);
  loaded = $state(false);
  /** A failed load, or a refused merge or delete (shown above the list). */
  error = $state<UserError | null>(null);

  editing = $state<TopicEditing>({ kind: 'new' });
  input = $state<TopicInput>(emptyTopicInput());
  /** The refusal of the last save: its messages stand under the fields. */
  formError = $state<UserError | null>(null);
  busy = $state(false);

  #request = 0;

  /** The message(s) under each form field, by field name. */
  readonly errors: Readonly<Record<string, string>> = $derived.by(() => {
    const byField: Record<string, string> = {};
    for (const field of TOPIC_FIELDS) {
      const message = this.formError?.messageFor(field);
      if (message) byField[field] = message;
    }
    return byField;
  });

  /** The form's first field with a problem, for the focus. */
  get firstInvalid(): string | null {
    return TOPIC_FIELDS.find((field) => this.errors[field]) ?? null;
  }

  /** The topic the form edits, when it edits one. */
  get edited(): TopicRow | null {
    const editing = this.editing;
    if (editing.kind !== 'edit') return null;
    return this.rows.find((row) => row.id === editing.id) ?? null;
  }

  byId(id: number): TopicRow | null {
    return this.rows.find((row) => row.id === id) ?? null;
  }

  async load(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const rows = await api.topicsList();
      if (request !== this.#request) return;
      this.rows = rows;
      this.loaded = true;
      this.error = null;
    } catch (reason) {
      if (request === this.#request) this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** The form for a new topic. */
  startNew(): void {
    this.editing = { kind: 'new' };
    this.input = emptyTopicInput();
    this.formError = null;
  }

  /** The form for renaming or describing one topic. */
  startEdit(row: TopicRow): void {
    this.editing = { kind: 'edit', id: row.id };
    this.input = { name: row.name, description: row.description ?? '' };
    this.formError = null;
  }

  /** Creates or updates; the stored topic, or null when the core refused (see `errors`). */
  async save(): Promise<TopicRow | null> {
    if (this.busy) return null;
    this.busy = true;
    this.formError = null;
    const input = $state.snapshot(this.input);
    const editing = this.editing;
    try {
      const saved =
        editing.kind === 'new'
          ? await api.topicCreate(input)
          : await api.topicUpdate(editing.id, input);
      this.startNew();
      await this.load();
      return saved;
    } catch (reason) {
      this.formError = toUserError(reason);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Moves every use of `fromId` to `intoId` and deletes `fromId`; the refusal, or null. */
  merge(fromId: number, intoId: number): Promise<UserError | null> {
    return this.#change(fromId, () => api.topicMerge(fromId, intoId));
  }

  /** Deletes an unused topic; the refusal (`conflict` when it is used), or null. */
  remove(id: number): Promise<UserError | null> {
    return this.#change(id, () => api.topicDelete(id));
  }

  async #change(gone: number, operation: () => Promise<unknown>): Promise<UserError | null> {
    if (this.busy) return null;
    this.busy = true;
    this.error = null;
    try {
      await operation();
      if (this.editing.kind === 'edit' && this.editing.id === gone) this.startNew();
      await this.load();
      return null;
    } catch (reason) {
      this.error = toUserError(reason);
      return this.error;
    } finally {
      this.busy = false;
    }
  }
}
