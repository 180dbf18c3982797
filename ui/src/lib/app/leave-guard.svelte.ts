// Guards unsaved changes: open forms register a "dirty?" check; anything that would throw their
// values away (switching screens, selecting another row) asks `confirmLeave()` first, and the app
// shows one ConfirmDialog while `asking` is true.

export class LeaveGuard {
  asking = $state(false);
  // Not reactive on purpose: `dirty` is only asked imperatively, right before leaving.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #checks = new Set<() => boolean>();
  #answer: ((leave: boolean) => void) | null = null;

  /** Registers a form's check; returns the function that unregisters it. */
  register(isDirty: () => boolean): () => void {
    this.#checks.add(isDirty);
    return () => this.#checks.delete(isDirty);
  }

  get dirty(): boolean {
    for (const check of this.#checks) if (check()) return true;
    return false;
  }

  /** Resolves true when nothing is unsaved or the user agrees to discard it. */
  confirmLeave(): Promise<boolean> {
    if (!this.dirty) return Promise.resolve(true);
    this.#answer?.(false);
    this.asking = true;
    return new Promise((resolve) => {
      this.#answer = resolve;
    });
  }

  /** The user's answer in the dialog. */
  answer(leave: boolean): void {
    this.asking = false;
    const answer = this.#answer;
    this.#answer = null;
    answer?.(leave);
  }
}
