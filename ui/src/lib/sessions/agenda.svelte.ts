// The agenda of the open session: its days with their start times, the items in order, and the
// one item being edited (the draft, agenda-draft.svelte.ts). Every change goes to the core, which
// answers with the whole fresh session detail (times and TOP numbers computed there); the board
// puts that answer into the session editor's `detail`. While a draft is edited, the core's preview
// of the agenda with the draft replaces the stored one on screen. Changes run one after another,
// so quick Alt+↓ presses move an item step by step.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { AgendaItemInput, DayPlan, ScheduledItem, SessionDetail, TopicRef } from '../api/types';
import {
  AgendaDraft,
  emptyAgendaInput,
  itemToInput,
  PREVIEW_DELAY_MS,
} from './agenda-draft.svelte';
import { dayLabel } from './labels';

/** Where the board reads and puts the session detail: the session editor. */
export type AgendaHost = { readonly id: number | null; detail: SessionDetail | null };

export class AgendaBoard {
  draft = $state<AgendaDraft | null>(null);
  /** The last refusal of a move, removal, day start or attachment. */
  error = $state<UserError | null>(null);
  /** A refused day start, by day. */
  dayErrors = $state<Record<string, string>>({});
  topics = $state.raw<TopicRef[]>([]);
  /** Said to screen readers after a move. */
  announcement = $state('');

  readonly #host: AgendaHost;
  readonly #delay: number;
  #queue: Promise<unknown> = Promise.resolve();
  #topicsLoaded = false;

  constructor(host: AgendaHost, options: { previewDelay?: number } = {}) {
    this.#host = host;
    this.#delay = options.previewDelay ?? PREVIEW_DELAY_MS;
  }

  get detail(): SessionDetail | null {
    return this.#host.detail;
  }

  get days(): DayPlan[] {
    return this.detail?.days ?? [];
  }

  /** The agenda as shown: the live preview while a draft is edited, else the stored one. */
  get agenda(): ScheduledItem[] {
    return this.draft?.preview ?? this.detail?.agenda ?? [];
  }

  /** The items of a day as shown, in order. */
  itemsOf(day: string): ScheduledItem[] {
    return this.agenda.filter((item) => item.day === day);
  }

  /** The stored items of a day, in order (moves count positions here). */
  storedOf(day: string): ScheduledItem[] {
    return (this.detail?.agenda ?? []).filter((item) => item.day === day);
  }

  startNew(day: string): void {
    this.#open(null, emptyAgendaInput(day), day);
  }

  edit(item: ScheduledItem): void {
    const stored = this.detail?.agenda.find((i) => i.id === item.id) ?? item;
    this.#open(stored.id, itemToInput(stored), stored.day);
  }

  close(): void {
    this.draft?.dispose();
    this.draft = null;
  }

  /** Saves the draft; on success the form closes and the fresh agenda is shown. */
  async saveDraft(): Promise<boolean> {
    const draft = this.draft;
    if (!draft) return false;
    const detail = await this.#serial(() => draft.save());
    if (!detail) return false;
    this.#apply(detail);
    if (this.draft === draft) this.close();
    return true;
  }

  /** Moves an item one place up (-1) or down (1) within its day; false when it cannot. */
  move(itemId: number, by: -1 | 1): Promise<boolean> {
    return this.#serial(async () => {
      const sessionId = this.#host.id;
      const item = this.detail?.agenda.find((i) => i.id === itemId);
      if (sessionId === null || !item) return false;
      const day = this.storedOf(item.day);
      const index = day.findIndex((i) => i.id === itemId);
      if (index + by < 0 || index + by >= day.length) return false;
      const detail = await this.#change(() => api.agendaMove(sessionId, itemId, by));
      if (!detail) return false;
      this.#announce(itemId);
      return true;
    });
  }

  /** Moves an item by several places, one step at a time. */
  async moveBy(itemId: number, steps: number): Promise<boolean> {
    const by = steps < 0 ? -1 : 1;
    for (let step = 0; step < Math.abs(steps); step++) {
      if (!(await this.move(itemId, by))) return false;
    }
    return true;
  }

  /** Drag and drop: the item takes the place of `targetId` in the same day. */
  moveTo(itemId: number, targetId: number): Promise<boolean> {
    const item = this.detail?.agenda.find((i) => i.id === itemId);
    if (!item || itemId === targetId) return Promise.resolve(false);
    const day = this.storedOf(item.day);
    const from = day.findIndex((i) => i.id === itemId);
    const to = day.findIndex((i) => i.id === targetId);
    if (from < 0 || to < 0) return Promise.resolve(false);
    return this.moveBy(itemId, to - from);
  }

  async remove(itemId: number): Promise<boolean> {
    const sessionId = this.#host.id;
    if (sessionId === null) return false;
    if (this.draft?.itemId === itemId) this.close();
    return (await this.#serial(() => this.#change(() => api.agendaRemove(sessionId, itemId)))) !== null;
  }

  /** Sets when a day starts ("HH:MM"); a refusal stands under that day's field. */
  async setDayStart(day: string, start: string): Promise<boolean> {
    const sessionId = this.#host.id;
    if (sessionId === null) return false;
    return this.#serial(async () => {
      try {
        this.#apply(await api.sessionSetDayStart(sessionId, day, start.trim()));
        this.dayErrors = withoutKey(this.dayErrors, day);
        return true;
      } catch (reason) {
        this.dayErrors = { ...this.dayErrors, [day]: toUserError(reason).message };
        return false;
      }
    });
  }

  /** "Anlage hinzufügen": the system's open dialog, then the file is copied into the store. */
  async addAttachment(itemId: number): Promise<boolean> {
    this.error = null;
    try {
      const path = await api.chooseOpenPath({
        title: 'Anlage hinzufügen',
        filters: [
          {
            name: 'Dokumente',
            extensions: ['pdf', 'docx', 'doc', 'odt', 'xlsx', 'xls', 'pptx', 'txt', 'jpg', 'png'],
          },
          { name: 'Alle Dateien', extensions: ['*'] },
        ],
      });
      if (path === null) return false;
      await api.attachmentAdd(itemId, path);
      await this.#reload();
      return true;
    } catch (reason) {
      this.error = toUserError(reason);
      return false;
    }
  }

  async openAttachment(id: number): Promise<void> {
    this.error = null;
    try {
      await api.attachmentOpen(id);
    } catch (reason) {
      this.error = toUserError(reason);
    }
  }

  async removeAttachment(id: number): Promise<boolean> {
    this.error = null;
    try {
      await api.attachmentRemove(id);
      await this.#reload();
      return true;
    } catch (reason) {
      this.error = toUserError(reason);
      return false;
    }
  }

  /** The topics to choose from, loaded once per page. */
  async loadTopics(): Promise<void> {
    if (this.#topicsLoaded) return;
    this.#topicsLoaded = true;
    try {
      this.topics = await api.topicsList();
    } catch (reason) {
      this.#topicsLoaded = false;
      this.error = toUserError(reason);
    }
  }

  #open(itemId: number | null, input: AgendaItemInput, origin: string) {
    const sessionId = this.#host.id;
    if (sessionId === null) return;
    this.close();
    this.error = null;
    this.draft = new AgendaDraft({
      sessionId,
      itemId,
      origin,
      input,
      isStored: (id) => this.detail?.agenda.some((item) => item.id === id) ?? false,
      delay: this.#delay,
    });
    void this.loadTopics();
  }

  /** Runs a change that answers with the fresh detail; the refusal goes to `error`. */
  async #change(operation: () => Promise<SessionDetail>): Promise<SessionDetail | null> {
    this.error = null;
    try {
      const detail = await operation();
      this.#apply(detail);
      return detail;
    } catch (reason) {
      this.error = toUserError(reason);
      return null;
    }
  }

  #apply(detail: SessionDetail) {
    this.#host.detail = detail;
    // The open draft's preview was computed on the old order.
    this.draft?.requestPreview();
  }

  async #reload() {
    const id = this.#host.id;
    if (id !== null) this.#apply(await api.sessionGet(id));
  }

  #announce(itemId: number) {
    const item = this.detail?.agenda.find((i) => i.id === itemId);
    if (!item) return;
    const position = this.storedOf(item.day).findIndex((i) => i.id === itemId) + 1;
    const top = item.number === null ? '' : `TOP ${item.number} `;
    const name = `${top}„${item.title}“`;
    this.announcement = `${name} steht jetzt an Stelle ${position} am ${dayLabel(item.day)}.`;
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  const rest = { ...record };
  delete rest[key];
  return rest;
}
