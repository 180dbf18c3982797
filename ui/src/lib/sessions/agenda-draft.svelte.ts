// One agenda item being added or edited (the draft): the values as typed, every field error of a
// refused save, and the core's preview of the whole agenda with the draft, asked for once typing
// pauses, so the times of the day follow as the user types. Saving answers with the fresh
// session detail for the board (agenda.svelte.ts) to show.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { AgendaItemInput, ScheduledItem, SessionDetail } from '../api/types';
import { hhmm } from './labels';

/** The pause after the last keystroke before the preview is asked for. */
export const PREVIEW_DELAY_MS = 150;

/** The form fields, in the order they appear (errors are focused in this order). */
export const AGENDA_FIELDS = [
  'kind',
  'title',
  'day',
  'start_time',
  'duration_minutes',
  'place',
  'description',
  'speakers',
  'topic_ids',
  'standing',
  'internal',
] as const satisfies readonly (keyof AgendaItemInput)[];

export function emptyAgendaInput(day: string): AgendaItemInput {
  return {
    day,
    start_time: '',
    duration_minutes: null,
    kind: 'talk',
    title: '',
    description: '',
    place: '',
    internal: false,
    standing: false,
    speakers: [],
    topic_ids: [],
  };
}

/** The form's starting values for a stored item. */
export function itemToInput(item: ScheduledItem): AgendaItemInput {
  return {
    day: item.day,
    start_time: hhmm(item.start_time),
    duration_minutes: item.duration_minutes,
    kind: item.kind,
    title: item.title,
    description: item.description ?? '',
    place: item.place ?? '',
    internal: item.internal,
    standing: item.standing,
    speakers: item.speakers.map(({ person_id, name }) => ({ person_id, name })),
    topic_ids: item.topics.map((topic) => topic.id),
  };
}

/** One agenda item being added or edited, with the core's live preview of the agenda. */
export class AgendaDraft {
  readonly sessionId: number;
  /** Null for a new item. */
  readonly itemId: number | null;
  /** The day whose section shows the form: where it was opened, even if the day is changed. */
  readonly origin: string;
  input: AgendaItemInput;
  /** The whole agenda as it would be with the draft; null until the first answer. */
  preview = $state.raw<ScheduledItem[] | null>(null);
  previewError = $state<UserError | null>(null);
  error = $state<UserError | null>(null);
  saving = $state(false);

  /** The message(s) under each field of the last refused save. */
  readonly errors: Readonly<Record<string, string>> = $derived.by(() => {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.error?.errors ?? []) {
      byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
    }
    return byField;
  });

  /** The fields with a problem, in form order: the first one gets the focus. */
  readonly invalidFields: readonly string[] = $derived.by(() =>
    AGENDA_FIELDS.filter((field) => field in this.errors),
  );

  readonly #isStored: (id: number) => boolean;
  readonly #original: string;
  readonly #delay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request = 0;

  constructor(options: {
    sessionId: number;
    itemId: number | null;
    origin: string;
    input: AgendaItemInput;
    isStored: (id: number) => boolean;
    delay?: number;
  }) {
    this.sessionId = options.sessionId;
    this.itemId = options.itemId;
    this.origin = options.origin;
    this.input = $state(options.input);
    this.#original = JSON.stringify(options.input);
    this.#isStored = options.isStored;
    this.#delay = options.delay ?? PREVIEW_DELAY_MS;
  }

  get isNew(): boolean {
    return this.itemId === null;
  }

  get dirty(): boolean {
    return JSON.stringify(this.input) !== this.#original;
  }

  /** True for the entry of the preview that is this draft. */
  isDraft(item: ScheduledItem): boolean {
    return this.itemId !== null ? item.id === this.itemId : !this.#isStored(item.id);
  }

  /** The draft as the preview schedules it (its times, gap and overlap). */
  get scheduled(): ScheduledItem | null {
    return this.preview?.find((item) => this.isDraft(item)) ?? null;
  }

  /** Asks for the preview once typing pauses. */
  requestPreview(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.refreshPreview();
    }, this.#delay);
  }

  /** Asks for the preview now; an older answer arriving late is ignored. */
  async refreshPreview(): Promise<void> {
    const request = ++this.#request;
    try {
      const items = await api.agendaPreview(this.sessionId, this.itemId, this.#snapshot());
      if (request !== this.#request) return;
      this.preview = items;
      this.previewError = null;
    } catch (reason) {
      // The core never refuses a half-typed draft; anything else is shown beside the form and
      // the last preview stays.
      if (request === this.#request) this.previewError = toUserError(reason);
    }
  }

  /** Stops pending previews (the form closed). */
  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#request++;
  }

  /** Adds or updates the item: the fresh session detail, or null (then `error` says why). */
  async save(): Promise<SessionDetail | null> {
    if (this.saving) return null;
    this.saving = true;
    this.error = null;
    const input = this.#snapshot();
    try {
      return this.itemId === null
        ? await api.agendaAdd(this.sessionId, input)
        : await api.agendaUpdate(this.sessionId, this.itemId, input);
    } catch (reason) {
      this.error = toUserError(reason);
      return null;
    } finally {
      this.saving = false;
    }
  }

  #snapshot(): AgendaItemInput {
    return $state.snapshot(this.input) as AgendaItemInput;
  }
}
