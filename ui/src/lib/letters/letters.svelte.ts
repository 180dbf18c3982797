// The invitation letter of a session: the template being edited (subject and body with
// placeholders), a live preview for one invited person, debounced while typing, the problems the
// core finds for every recipient, saving, and printing (one PDF, or one PDF per person).
// Printing uses the saved template, so unsaved edits are saved first, and never while the
// template has problems.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type {
  AttendanceRow,
  LetterPreview,
  LetterTemplate,
  Placeholder,
  PlaceholderProblem,
} from '../api/types';
import { countOf } from '../format';
import type { Notice } from '../transfer/notices.svelte';

export const PREVIEW_DEBOUNCE_MS = 200;

export class LettersState {
  readonly sessionId: number;
  template = $state<LetterTemplate>({ subject: '', body: '' });
  /** The template as stored, to know whether edits are unsaved. */
  saved = $state.raw<LetterTemplate>({ subject: '', body: '' });
  placeholders = $state.raw<Placeholder[]>([]);
  /** The session's attendance rows, to choose whose letter the preview shows. */
  recipients = $state.raw<AttendanceRow[]>([]);
  /** Null: the first invited person. */
  attendanceId = $state<number | null>(null);
  preview = $state.raw<LetterPreview | null>(null);
  previewError = $state<UserError | null>(null);
  loaded = $state(false);
  busy = $state(false);
  /** A refused load, save or print, with every problem the core names. */
  error = $state<UserError | null>(null);
  /** What failed, the title above `error`'s message. */
  errorTitle = $state('Nicht geladen');
  notice = $state<Notice | null>(null);

  #request = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(sessionId: number) {
    this.sessionId = sessionId;
  }

  get dirty(): boolean {
    return this.template.subject !== this.saved.subject || this.template.body !== this.saved.body;
  }

  get problems(): PlaceholderProblem[] {
    return this.preview?.problems ?? [];
  }

  /** Printing needs a preview without problems (and nothing else running). */
  get canPrint(): boolean {
    return !this.busy && this.preview !== null && this.problems.length === 0;
  }

  async load(): Promise<void> {
    try {
      const [template, placeholders, list] = await Promise.all([
        api.letterTemplateGet(),
        api.letterPlaceholders(),
        api.attendanceList(this.sessionId),
      ]);
      this.template = { ...template };
      this.saved = template;
      this.placeholders = placeholders;
      this.recipients = list.rows;
      this.loaded = true;
      this.error = null;
    } catch (reason) {
      this.error = api.toUserError(reason);
      this.errorTitle = 'Briefvorlage nicht geladen';
      return;
    }
    await this.refreshPreview();
  }

  setSubject(subject: string): void {
    this.template.subject = subject;
    this.schedulePreview();
  }

  setBody(body: string): void {
    this.template.body = body;
    this.schedulePreview();
  }

  chooseRecipient(attendanceId: number | null): void {
    this.attendanceId = attendanceId;
    void this.refreshPreview();
  }

  /** The preview follows typing after a short pause. */
  schedulePreview(): void {
    this.#cancel();
    this.#debounce = setTimeout(() => void this.refreshPreview(), PREVIEW_DEBOUNCE_MS);
  }

  /** Asks for the preview now; an older answer arriving late is ignored. */
  async refreshPreview(): Promise<void> {
    this.#cancel();
    const request = ++this.#request;
    try {
      const preview = await api.letterPreview(
        this.sessionId,
        $state.snapshot(this.template),
        this.attendanceId,
      );
      if (request !== this.#request) return;
      this.preview = preview;
      this.previewError = null;
    } catch (reason) {
      if (request !== this.#request) return;
      this.preview = null;
      this.previewError = api.toUserError(reason);
    }
  }

  /** "Vorlage speichern". */
  async save(): Promise<boolean> {
    return this.#action('Vorlage nicht gespeichert', async () => {
      await this.#save();
      this.notice = { kind: 'success', title: 'Vorlage gespeichert', lines: [] };
    });
  }

  /** "Briefe drucken (PDF)": one PDF with a letter for every recipient. */
  async printPdf(): Promise<boolean> {
    return this.#action('Briefe nicht gedruckt', async () => {
      if (!(await this.#ready())) return;
      const path = await api.chooseSavePath({
        title: 'Einladungsbriefe speichern',
        defaultPath: 'Einladungsbriefe.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (path === null) return;
      const summary = await api.pdfLetters(this.sessionId, path);
      this.notice = {
        kind: summary.warnings.length > 0 ? 'warning' : 'success',
        title: `Briefe als PDF mit ${countOf(summary.pages, 'Seite', 'Seiten')} gespeichert`,
        lines: [summary.path, ...summary.warnings],
      };
    });
  }

  /** "Einzeln für E-Mail (Ordner)": one PDF per recipient in a chosen folder. */
  async printFolder(): Promise<boolean> {
    return this.#action('Briefe nicht gespeichert', async () => {
      if (!(await this.#ready())) return;
      const dir = await api.chooseFolder({ title: 'Ordner für die einzelnen Briefe wählen' });
      if (dir === null) return;
      const files = await api.pdfLettersFolder(this.sessionId, dir);
      this.notice = {
        kind: 'success',
        title: `${countOf(files, 'Brief', 'Briefe')} als einzelne PDF-Dateien gespeichert`,
        lines: [dir],
      };
    });
  }

  dismissNotice(): void {
    this.notice = null;
  }

  /** Stops a pending preview (the panel is gone). */
  dispose(): void {
    this.#cancel();
  }

  async #save(): Promise<void> {
    const stored = await api.letterTemplateSave($state.snapshot(this.template));
    this.saved = stored;
    this.template = { ...stored };
  }

  /** A fresh preview without problems, and the edits saved: what the PDF will print. */
  async #ready(): Promise<boolean> {
    await this.refreshPreview();
    if (this.preview === null || this.problems.length > 0) return false;
    if (this.dirty) await this.#save();
    return true;
  }

  async #action(failure: string, run: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.notice = null;
    this.error = null;
    try {
      await run();
      return true;
    } catch (reason) {
      this.error = api.toUserError(reason);
      this.errorTitle = failure;
      return false;
    } finally {
      this.busy = false;
    }
  }

  #cancel(): void {
    if (this.#debounce !== undefined) clearTimeout(this.#debounce);
    this.#debounce = undefined;
  }
}
