// The Protokolle screen: the sessions to choose from, the chosen session's minutes
// (`MinutesDetail`), the notes as typed (autosaved per section), decisions and action items, the
// report on open items from earlier sessions, and the workflow Entwurf → versandt → genehmigt
// (→ Korrektur as a new version), with PDFs and the differences between versions. Every write
// answers with what the core stored, and the screen shows that. Pending notes are written before
// anything that replaces what the screen shows (another session, a workflow step).
//
// The notes as typed are the source of truth for their minutes: a fresh detail of the same
// minutes (after adding a decision, say) may carry older notes while a write is under way, so it
// never replaces them; another minutes (session, correction) starts from the core's text.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type {
  ActionItem,
  ActionItemInput,
  ActionStatus,
  ApprovalInput,
  DecisionInput,
  MinutesDetail,
  MinutesMeta,
  SectionDiff,
  Session,
  SessionEntry,
} from '../api/types';
import { countOf } from '../format';
import type { Notice } from '../transfer/notices.svelte';
import { Autosave } from './autosave.svelte';
import { approvalToSend } from './drafts.svelte';
import { chooserOrder, defaultSessionId, minutesFileName, sectionKey, versionLabel } from './labels';

export type MinutesTab = 'minutes' | 'tasks';

/**
 * The one decision or action item form open on the screen (`id` null: a new one in the section
 * `key`). One at a time, so the form's field ids are unique.
 */
export type OpenForm = { kind: 'decision' | 'action'; key: string; id: number | null };

/** Which minutes the approval dialog approves: whose session (running number), where by default. */
export type Approving = { minutesId: number; number: number; atSession: number | null };

/** The differences between two versions, as shown under the versions list. */
export type ShownDiff = { from: number; to: number; sections: SectionDiff[] };

export class MinutesState {
  tab = $state<MinutesTab>('minutes');
  /** The sessions to choose from, newest first. */
  sessions = $state.raw<SessionEntry[]>([]);
  sessionId = $state<number | null>(null);
  detail = $state.raw<MinutesDetail | null>(null);
  /** The notes as typed, by section key ("general" or the agenda item's id). */
  notes = $state<Record<string, string>>({});
  loading = $state(false);
  /** The sessions or the minutes could not be loaded. */
  error = $state<UserError | null>(null);
  /** A refused step outside a form (start, recorder, removal, open item, PDF). */
  failure = $state<UserError | null>(null);
  /** What the last step did ("Als versandt markiert.", a PDF written …). */
  notice = $state<Notice | null>(null);
  busy = $state(false);
  diff = $state.raw<ShownDiff | null>(null);
  /** Open items of earlier sessions the user confirmed as "weiter offen" (this visit only). */
  keptOpen = $state<number[]>([]);
  form = $state<OpenForm | null>(null);
  /** The approval dialog is open for these minutes. */
  approving = $state<Approving | null>(null);
  readonly autosave: Autosave;

  #request = 0;
  #notesOf: number | null = null;

  constructor(autosave: Autosave = new Autosave()) {
    this.autosave = autosave;
  }

  get minutes(): MinutesMeta | null {
    return this.detail?.minutes ?? null;
  }

  get session(): Session | null {
    return this.detail?.session ?? null;
  }

  get locked(): boolean {
    return this.detail?.locked ?? false;
  }

  /** Whether the form `kind` is open for `id` (null: the new one) in section `key`. */
  isOpen(kind: OpenForm['kind'], key: string, id: number | null): boolean {
    const form = this.form;
    return form !== null && form.kind === kind && form.key === key && form.id === id;
  }

  /** Running numbers of the sessions after session `number`: where its minutes can be approved. */
  numbersAfter(number: number): number[] {
    return this.sessions
      .filter((entry) => entry.session.number > number && entry.session.status !== 'cancelled')
      .map((entry) => entry.session.number)
      .sort((a, b) => a - b);
  }

  /** Opens the approval of this session's minutes: at the next session by default. */
  openApproval(): void {
    const minutes = this.minutes;
    const session = this.session;
    if (!minutes || !session) return;
    const atSession = this.numbersAfter(session.number)[0] ?? null;
    this.approving = { minutesId: minutes.id, number: session.number, atSession };
  }

  /** Opens the approval of the previous session's minutes ("zur Genehmigung"): at this one. */
  openPreviousApproval(): void {
    const previous = this.detail?.to_approve;
    if (!previous) return;
    const atSession = this.session?.number ?? null;
    this.approving = { minutesId: previous.minutes_id, number: previous.number, atSession };
  }

  /** Loads the sessions; keeps the chosen one if it is still there, else opens the default. */
  async load(): Promise<void> {
    this.loading = true;
    try {
      this.sessions = chooserOrder(await api.sessionsList(null, null));
      const known = this.sessions.some((entry) => entry.session.id === this.sessionId);
      this.sessionId = known ? this.sessionId : defaultSessionId(this.sessions);
      this.error = null;
    } catch (reason) {
      this.error = toUserError(reason);
      this.loading = false;
      return;
    }
    await this.reload();
  }

  /** Shows another session's minutes, once the notes typed so far are written. */
  async select(sessionId: number): Promise<void> {
    if (sessionId === this.sessionId && this.detail) return;
    await this.flush();
    this.sessionId = sessionId;
    this.diff = null;
    this.notice = null;
    this.failure = null;
    this.keptOpen = [];
    this.form = null;
    this.approving = null;
    await this.reload();
  }

  /**
   * Opens a session's minutes from another screen (a search hit): the Protokolle tab with that
   * session. The screen's `load()` on mounting keeps it, since it is among the sessions.
   */
  async open(sessionId: number): Promise<void> {
    const fromTasks = this.tab === 'tasks';
    this.tab = 'minutes';
    // The tasks tab may have changed its action items: shown afresh, as switching tabs does.
    if (fromTasks && sessionId === this.sessionId) await this.reload();
    else await this.select(sessionId);
  }

  /** Loads the chosen session's minutes; an older answer arriving late is ignored. */
  async reload(): Promise<void> {
    const sessionId = this.sessionId;
    const request = ++this.#request;
    if (sessionId === null) {
      this.detail = null;
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const detail = await api.minutesGet(sessionId);
      if (request !== this.#request) return;
      this.#receive(detail);
      this.error = null;
    } catch (reason) {
      if (request === this.#request) this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Writes the notes typed so far (leaving the screen, before a workflow step). */
  flush(): Promise<void> {
    return this.autosave.flush();
  }

  notesOf(agendaItemId: number | null): string {
    return this.notes[sectionKey(agendaItemId)] ?? '';
  }

  /** The user typed in a section's notes: shown at once, written by the autosave. */
  typeNotes(agendaItemId: number | null, text: string): void {
    const minutes = this.minutes;
    if (!minutes || this.locked) return;
    const key = sectionKey(agendaItemId);
    this.notes[key] = text;
    this.autosave.change(`${minutes.id}:${key}`, () =>
      api.minutesSaveNotes(minutes.id, agendaItemId, text),
    );
  }

  /** "Protokoll beginnen". */
  start(): Promise<boolean> {
    return this.#step(() => api.minutesStart(this.#sessionIdOrThrow()));
  }

  setRecorder(personId: number | null): Promise<boolean> {
    return this.#step(() => api.minutesSetRecorder(this.#minutesIdOrThrow(), personId));
  }

  /** Adds a decision to a section; the refusal (for the form) or null. */
  addDecision(agendaItemId: number | null, input: DecisionInput): Promise<UserError | null> {
    return this.#form(() => api.decisionAdd(this.#minutesIdOrThrow(), agendaItemId, input));
  }

  updateDecision(id: number, input: DecisionInput): Promise<UserError | null> {
    return this.#form(() => api.decisionUpdate(id, input));
  }

  removeDecision(id: number): Promise<boolean> {
    return this.#step(() => api.decisionRemove(id));
  }

  addAction(agendaItemId: number | null, input: ActionItemInput): Promise<UserError | null> {
    return this.#form(() => api.actionAdd(this.#minutesIdOrThrow(), agendaItemId, input));
  }

  async updateAction(id: number, input: ActionItemInput): Promise<UserError | null> {
    try {
      this.#replaceItem(await api.actionUpdate(id, input));
      return null;
    } catch (reason) {
      return toUserError(reason);
    }
  }

  async removeAction(id: number): Promise<boolean> {
    return this.#run(async () => {
      await api.actionRemove(id);
      const detail = this.detail;
      if (!detail) return;
      this.detail = {
        ...detail,
        sections: detail.sections.map((section) => ({
          ...section,
          action_items: section.action_items.filter((item) => item.id !== id),
        })),
      };
    });
  }

  /** "Bericht: offene Aufgaben": an earlier session's item is done (today), or open again. */
  async setOpenItemStatus(item: ActionItem, status: ActionStatus): Promise<boolean> {
    return this.#run(async () => {
      this.#replaceItem(await api.actionSetStatus(item.id, status, ''));
      this.keptOpen = this.keptOpen.filter((id) => id !== item.id);
    });
  }

  /** "weiter offen": stays open; reopens it if it was just marked done by mistake. */
  async keepOpen(item: ActionItem): Promise<boolean> {
    if (item.status !== 'open') return this.setOpenItemStatus(item, 'open');
    if (!this.keptOpen.includes(item.id)) this.keptOpen = [...this.keptOpen, item.id];
    return true;
  }

  /** "Als versandt markieren" on `date`; the refusal (for the dialog) or null. */
  async send(date: string): Promise<UserError | null> {
    await this.flush();
    return this.#form(() => api.minutesSend(this.#minutesIdOrThrow(), date));
  }

  /** The present, excused and represented people's addresses on the clipboard (for BCC). */
  async copyEmailList(): Promise<void> {
    await this.#run(async () => {
      const list = await api.minutesEmailList(this.#sessionIdOrThrow());
      const count = list.split(';').filter((address) => address.trim() !== '').length;
      if (count === 0) {
        this.notice = { kind: 'info', title: 'Keine E-Mail-Adressen', lines: [] };
        return;
      }
      await api.copyText(list);
      this.notice = {
        kind: 'success',
        title: `${countOf(count, 'Adresse', 'Adressen')} in der Zwischenablage`,
        lines: ['Anwesende, Entschuldigte und Vertretene, durch Semikolon getrennt, für das BCC-Feld.'],
      };
    });
  }

  /**
   * Approves minutes: this session's or (from the hint) the previous session's. The screen then
   * shows this session's minutes as they are now.
   */
  async approve(minutesId: number, input: ApprovalInput): Promise<UserError | null> {
    await this.flush();
    try {
      const approved = await api.minutesApprove(minutesId, approvalToSend(input));
      if (approved.session.id === this.sessionId) this.#receive(approved);
      else await this.reload();
      this.notice = { kind: 'success', title: 'Protokoll genehmigt.', lines: [] };
      return null;
    } catch (reason) {
      return toUserError(reason);
    }
  }

  /** "Korrektur anlegen": a new version as a draft; the approved one is kept. */
  async correct(reason: string): Promise<UserError | null> {
    await this.flush();
    const error = await this.#form(() => api.minutesCorrect(this.#minutesIdOrThrow(), reason));
    if (!error && this.minutes) {
      this.notice = {
        kind: 'success',
        title: `${versionLabel(this.minutes.version)} als Entwurf angelegt.`,
        lines: ['Die genehmigte Fassung bleibt unverändert erhalten.'],
      };
    }
    return error;
  }

  /** Saves the minutes (or one version of them) as a PDF where the user chooses. */
  async savePdf(version: number | null = null): Promise<void> {
    const session = this.session;
    if (!session) return;
    await this.flush();
    await this.#run(async () => {
      const path = await api.chooseSavePath({
        title: 'Protokoll speichern',
        defaultPath: minutesFileName(session.number, version),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (path === null) return;
      const summary = await api.minutesPdf(session.id, version, path);
      this.notice = {
        kind: 'success',
        title: `Protokoll gespeichert (${countOf(summary.pages, 'Seite', 'Seiten')})`,
        lines: [summary.path, ...summary.warnings],
      };
    });
  }

  /** Shows what changed from version `from` to version `to`. */
  async showDiff(from: number, to: number): Promise<void> {
    const sessionId = this.sessionId;
    if (sessionId === null) return;
    await this.#run(async () => {
      this.diff = { from, to, sections: await api.minutesDiff(sessionId, from, to) };
    });
  }

  dismissNotice(): void {
    this.notice = null;
  }

  /** Back to the first start (for tests). */
  reset(): void {
    this.autosave.dispose();
    this.#request++;
    this.tab = 'minutes';
    this.sessions = [];
    this.sessionId = null;
    this.detail = null;
    this.notes = {};
    this.#notesOf = null;
    this.error = null;
    this.failure = null;
    this.notice = null;
    this.diff = null;
    this.keptOpen = [];
    this.form = null;
    this.approving = null;
  }

  #receive(detail: MinutesDetail): void {
    const minutesId = detail.minutes?.id ?? null;
    const notes = minutesId === this.#notesOf ? { ...this.notes } : {};
    for (const section of detail.sections) {
      const key = sectionKey(section.agenda_item_id);
      notes[key] ??= section.notes;
    }
    this.notes = notes;
    if (minutesId !== this.#notesOf || detail.locked) this.form = null;
    this.#notesOf = minutesId;
    this.detail = detail;
  }

  /** Puts a changed action item wherever the detail shows it. */
  #replaceItem(changed: ActionItem): void {
    const detail = this.detail;
    if (!detail) return;
    const swap = (items: ActionItem[]) => items.map((item) => (item.id === changed.id ? changed : item));
    this.detail = {
      ...detail,
      sections: detail.sections.map((section) => ({ ...section, action_items: swap(section.action_items) })),
      open_items: swap(detail.open_items),
    };
  }

  #minutesIdOrThrow(): number {
    const id = this.minutes?.id;
    if (id === undefined) throw new Error('Das Protokoll ist noch nicht begonnen.');
    return id;
  }

  #sessionIdOrThrow(): number {
    if (this.sessionId === null) throw new Error('Keine Sitzung gewählt.');
    return this.sessionId;
  }

  /** A write answering with the detail, from a form: the refusal, or null once shown. */
  async #form(write: () => Promise<MinutesDetail>): Promise<UserError | null> {
    try {
      this.#receive(await write());
      return null;
    } catch (reason) {
      return toUserError(reason);
    }
  }

  /** A write answering with the detail, outside a form: a refusal goes to `failure`. */
  #step(write: () => Promise<MinutesDetail>): Promise<boolean> {
    return this.#run(async () => this.#receive(await write()));
  }

  async #run(action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.failure = null;
    try {
      await action();
      return true;
    } catch (reason) {
      this.failure = toUserError(reason);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** The Protokolle screen's state, kept while the user is on other screens. */
export const minutesScreen = new MinutesState();
