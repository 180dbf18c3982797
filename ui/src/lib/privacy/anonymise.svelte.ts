// "Anonymisieren …" of a person (DSGVO Art. 17, docs/privacy-contract.md): load what it will do,
// ask once ("Ich habe verstanden …"), anonymise, then let the screen that opened it reload. One
// instance per place that offers it (the person panel, the retention list).

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { Anonymised, AnonymisePreview, RecordKept } from '../api/types';
import { isoToGerman } from '../format';

/** closed → loading → preview (or failed) → running → done; a refusal goes back to preview. */
export type AnonymiseStep = 'closed' | 'loading' | 'failed' | 'preview' | 'running' | 'done';

/** "Protokoll der 37. Sitzung (Fassung 1), genehmigt am 12.03.2024: Teilnahme, …". */
export function recordKeptText(record: RecordKept): string {
  const approved = record.approved_on ? `, genehmigt am ${isoToGerman(record.approved_on)}` : '';
  const how = record.how ? `: ${record.how}` : '';
  return `Protokoll der ${record.session}. Sitzung (Fassung ${record.version})${approved}${how}`;
}

export class AnonymiseState {
  step = $state<AnonymiseStep>('closed');
  personId = $state<number | null>(null);
  preview = $state.raw<AnonymisePreview | null>(null);
  result = $state.raw<Anonymised | null>(null);
  /** The one confirmation: the checkbox "Ich habe verstanden …". */
  understood = $state(false);
  error = $state<UserError | null>(null);

  readonly #afterAnonymised: (result: Anonymised) => Promise<void> | void;
  #request = 0;

  /** `afterAnonymised` reloads what showed the person (panel, lists) once it is anonymised. */
  constructor(afterAnonymised: (result: Anonymised) => Promise<void> | void) {
    this.#afterAnonymised = afterAnonymised;
  }

  get open(): boolean {
    return this.step !== 'closed';
  }

  get busy(): boolean {
    return this.step === 'loading' || this.step === 'running';
  }

  /** Only a loaded preview of someone not yet anonymised, and only once confirmed. */
  get canConfirm(): boolean {
    return this.step === 'preview' && this.preview !== null && !this.preview.already && this.understood;
  }

  /** Opens the dialog for person `id` and loads the preview. */
  async start(id: number): Promise<void> {
    const request = ++this.#request;
    this.personId = id;
    this.preview = null;
    this.result = null;
    this.understood = false;
    this.error = null;
    this.step = 'loading';
    try {
      const preview = await api.anonymisePreview(id);
      if (request !== this.#request) return;
      this.preview = preview;
      this.step = 'preview';
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = api.toUserError(reason);
      this.step = 'failed';
    }
  }

  /** "Endgültig anonymisieren": runs once, then reloads through `afterAnonymised`. */
  async confirm(): Promise<void> {
    if (!this.canConfirm || this.personId === null) return;
    const request = this.#request;
    this.step = 'running';
    this.error = null;
    try {
      const result = await api.anonymisePerson(this.personId);
      if (request !== this.#request) return;
      this.result = result;
      this.step = 'done';
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = api.toUserError(reason);
      this.step = 'preview';
      return;
    }
    await this.#afterAnonymised(this.result);
  }

  /**
   * Closes the dialog unless it is anonymising (a preview still loading is dropped); true when
   * the person was anonymised.
   */
  close(): boolean {
    if (this.step === 'running') return false;
    const done = this.step === 'done';
    this.#request++;
    this.step = 'closed';
    this.understood = false;
    return done;
  }
}
