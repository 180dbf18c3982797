// Autosave of the minutes' notes: every change is kept as the latest write of its key (one per
// section) and written once typing pauses (`debounceMs` after the last keystroke), and also at
// least every `maxIntervalMs` while the user types on without a pause, so a long burst is never
// only in the window. Writes run one after another, in the order they were taken, so an older
// text can never overwrite a newer one. `flush()` writes what is pending now (leaving the screen,
// switching the session, before a workflow step). One status line for the whole screen says what
// happened: "Wird gespeichert …", "Gespeichert 10:42", "Nicht gespeichert: …".

import { toUserError } from '../api/errors';
import type { SavedAt } from '../api/types';

/** The pause after the last keystroke before the notes are written. */
export const AUTOSAVE_DEBOUNCE_MS = 800;
/** While typing on without a pause, the notes are written at least this often. */
export const AUTOSAVE_MAX_INTERVAL_MS = 2000;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string };

/** One write of one key's latest value; answers with the time the core saved it. */
export type Write = () => Promise<SavedAt>;

type Pending = { write: Write; sequence: number };

export class Autosave {
  status = $state.raw<SaveStatus>({ kind: 'idle' });

  readonly #debounceMs: number;
  readonly #maxIntervalMs: number;
  // Not reactive on purpose: only `status` is shown; the rest is asked imperatively.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pending = new Map<string, Pending>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #latest = new Map<string, number>();
  #sequence = 0;
  #writing = 0;
  #queue: Promise<void> = Promise.resolve();
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #deadline: ReturnType<typeof setTimeout> | undefined;

  constructor(options: { debounceMs?: number; maxIntervalMs?: number } = {}) {
    this.#debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
    this.#maxIntervalMs = options.maxIntervalMs ?? AUTOSAVE_MAX_INTERVAL_MS;
  }

  /** Something is typed but not written yet, or a write is under way. */
  get dirty(): boolean {
    return this.#pending.size > 0 || this.#writing > 0;
  }

  /** The status line. */
  get label(): string {
    switch (this.status.kind) {
      case 'idle':
        return 'Notizen werden beim Tippen gespeichert.';
      case 'saving':
        return 'Wird gespeichert …';
      case 'saved':
        return `Gespeichert ${this.status.at}`;
      case 'failed':
        return `Nicht gespeichert: ${this.status.message}`;
    }
  }

  /** A new value for `key`: replaces the key's pending write and (re)starts the timers. */
  change(key: string, write: Write): void {
    const sequence = ++this.#sequence;
    this.#latest.set(key, sequence);
    this.#pending.set(key, { write, sequence });
    this.status = { kind: 'saving' };
    if (this.#debounce !== undefined) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.flush(), this.#debounceMs);
    // The deadline is not moved by further keystrokes: it bounds how long a burst stays unsaved.
    this.#deadline ??= setTimeout(() => void this.flush(), this.#maxIntervalMs);
  }

  /** Writes everything pending now; resolves once it (and any write before it) is done. */
  flush(): Promise<void> {
    this.#stopTimers();
    if (this.#pending.size === 0) return this.#queue;
    const batch = [...this.#pending.entries()];
    this.#pending.clear();
    this.#writing += batch.length;
    this.#queue = this.#queue.then(() => this.#run(batch));
    return this.#queue;
  }

  /** Stops the timers without writing (what is pending stays for a later `flush()`). */
  dispose(): void {
    this.#stopTimers();
  }

  async #run(batch: [string, Pending][]): Promise<void> {
    let failure: string | null = null;
    let at: string | null = null;
    for (const [key, pending] of batch) {
      try {
        at = (await pending.write()).at;
      } catch (reason) {
        const error = toUserError(reason);
        failure = error.message;
        // A passing failure (busy store, lost IPC) is tried again with the next write, unless
        // a newer value of the key has come since; a refusal (locked, invalid) would only be
        // refused again.
        const passing = error.code === 'internal' || error.code === 'conflict';
        if (passing && this.#latest.get(key) === pending.sequence) this.#pending.set(key, pending);
      } finally {
        this.#writing--;
      }
    }
    if (failure !== null) this.status = { kind: 'failed', message: failure };
    else if (this.#writing > 0 || this.#debounce !== undefined) this.status = { kind: 'saving' };
    // Still pending without a timer: a failure of an earlier batch, whose status stays shown.
    else if (this.#pending.size === 0 && at !== null) this.status = { kind: 'saved', at };
  }

  #stopTimers(): void {
    if (this.#debounce !== undefined) clearTimeout(this.#debounce);
    if (this.#deadline !== undefined) clearTimeout(this.#deadline);
    this.#debounce = undefined;
    this.#deadline = undefined;
  }
}
