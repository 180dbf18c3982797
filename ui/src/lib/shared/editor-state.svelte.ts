// The state of a detail form, whatever it edits: the stored record, the values as typed, whether
// they differ (for the leave guard), saving, and every field error of a refused save. An area
// builds on it with its record types and its own operations (deactivate, end a membership …).
//
// Answers can arrive late: a load, save or refresh whose answer comes after the form was switched
// to another record changes nothing, so a slow answer never puts one record's values into
// another's form.

import { toUserError, type FieldMessage, type UserError } from '../api/errors';
import type { LeaveGuard } from '../app/leave-guard.svelte';
import type { Selection } from './list-state.svelte';

/** How an editor reaches the core for its kind of record. */
export type EditorSource<Detail, Input, Saved extends { id: number }> = {
  /** The form's fields in the order they appear: errors are listed and focused in this order. */
  fields: readonly (keyof Input & string)[];
  /** The values of an empty form (a new record). */
  empty: () => Input;
  /** The form's starting values for a stored record. */
  toInput: (detail: Detail) => Input;
  /** The id of the stored record. */
  idOf: (detail: Detail) => number;
  get: (id: number) => Promise<Detail>;
  create: (input: Input) => Promise<Saved>;
  update: (id: number, input: Input) => Promise<Saved>;
  remove: (id: number) => Promise<unknown>;
};

/** What a form component needs of its editor (see components/shared/EditorForm.svelte). */
export interface FormEditor<Saved> {
  readonly fields: readonly string[];
  readonly saving: boolean;
  readonly error: UserError | null;
  readonly problems: readonly FieldMessage[];
  readonly invalidFields: readonly string[];
  save(): Promise<Saved | null>;
}

/** The part of the leave guard an editor registers with. */
export type DirtyRegistry = Pick<LeaveGuard, 'register'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class EditorState<Detail, Input extends object, Saved extends { id: number }>
  implements FormEditor<Saved>
{
  /** The stored record with what is shown beside it; null for a new one (or while loading). */
  detail = $state<Detail | null>(null);
  input: Input;
  /** The last refusal of a load, save or action, shown as a summary alert. */
  error = $state<UserError | null>(null);
  loading = $state(false);
  saving = $state(false);

  readonly fields: readonly (keyof Input & string)[];

  /** Every problem of the last refusal, in form order; problems of other fields come last. */
  readonly problems: readonly FieldMessage[] = $derived.by(() => {
    const position = (field: string) => {
      const index = (this.fields as readonly string[]).indexOf(field);
      return index < 0 ? this.fields.length : index;
    };
    return [...(this.error?.errors ?? [])].sort((a, b) => position(a.field) - position(b.field));
  });

  /** The form's fields with a problem, in form order: the first one gets the focus. */
  readonly invalidFields: readonly string[] = $derived.by(() =>
    this.fields.filter((field) => this.problems.some((problem) => problem.field === field)),
  );

  /** The message(s) under each field, by field name. */
  readonly errors: Readonly<Record<string, string>> = $derived.by(() => {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.problems) {
      byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
    }
    return byField;
  });

  readonly #source: EditorSource<Detail, Input, Saved>;
  /** The values as stored (JSON), to tell whether anything was typed. */
  #original = $state('');
  /** Bumped whenever the form switches to another record: older answers are then dropped. */
  #generation = 0;
  /** Bumped by every refresh and save: only the latest reload of the same record counts. */
  #refresh = 0;

  constructor(source: EditorSource<Detail, Input, Saved>) {
    this.#source = source;
    this.fields = source.fields;
    const input = source.empty();
    this.input = $state(input);
    this.#original = JSON.stringify(input);
  }

  /** The stored record's id; null for a new one. */
  get id(): number | null {
    return this.detail === null ? null : this.#source.idOf(this.detail);
  }

  get isNew(): boolean {
    return this.detail === null;
  }

  get dirty(): boolean {
    return JSON.stringify(this.input) !== this.#original;
  }

  /**
   * Registers the dirty check with the leave guard; returns the unregistering function, so a
   * component can write `$effect(() => editor.registerWith(app.guard))`.
   */
  registerWith(guard: DirtyRegistry): () => void {
    return guard.register(() => this.dirty);
  }

  /** Follows the list's selection: an empty form for "new", a load for another id. */
  show(selection: Selection): void {
    if (selection === 'new') this.startNew();
    else if (selection !== null && selection !== this.id) void this.load(selection);
  }

  startNew(): void {
    this.#generation++;
    this.detail = null;
    this.#reset(this.#source.empty());
    this.loading = false;
  }

  async load(id: number): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    try {
      const detail = await this.#source.get(id);
      if (generation !== this.#generation) return;
      this.detail = detail;
      this.#reset(this.#source.toInput(detail));
    } catch (reason) {
      if (generation !== this.#generation) return;
      // Never leave the previous record's form up under the new selection.
      this.detail = null;
      this.#reset(this.#source.empty());
      this.error = toUserError(reason);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /**
   * Reloads the stored record (after an action changed it) without losing what is being typed:
   * fields the user changed keep their typed value, all others take the stored one.
   */
  async refresh(): Promise<void> {
    const id = this.id;
    if (id === null || this.loading) return;
    const generation = this.#generation;
    const request = ++this.#refresh;
    const detail = await this.#source.get(id);
    if (generation !== this.#generation || request !== this.#refresh) return;
    const typed = $state.snapshot(this.input) as Input;
    const original = JSON.parse(this.#original) as Input;
    const stored = this.#source.toInput(detail);
    const merged = { ...stored };
    for (const key of Object.keys(stored) as (keyof Input)[]) {
      if (!same(typed[key], original[key])) merged[key] = typed[key];
    }
    this.detail = detail;
    this.#original = JSON.stringify(stored);
    this.input = merged;
  }

  /**
   * Creates or updates; returns the stored record, or null when the core refused (then `error`
   * holds every problem) or the form was switched to another record meanwhile.
   */
  async save(): Promise<Saved | null> {
    const generation = this.#generation;
    this.#refresh++;
    this.saving = true;
    this.error = null;
    const input = $state.snapshot(this.input) as Input;
    const id = this.id;
    try {
      const saved =
        id === null ? await this.#source.create(input) : await this.#source.update(id, input);
      const detail = await this.#source.get(saved.id);
      if (generation !== this.#generation) return null;
      this.detail = detail;
      this.#reset(this.#source.toInput(detail));
      return saved;
    } catch (reason) {
      if (generation === this.#generation) this.error = toUserError(reason);
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Throws away what was typed. */
  discard(): void {
    this.input = JSON.parse(this.#original) as Input;
    this.error = null;
  }

  /** Deletes the record; a refusal (e.g. "conflict": it has history) is returned, not shown. */
  async remove(): Promise<UserError | null> {
    const id = this.id;
    if (id === null) return null;
    try {
      await this.#source.remove(id);
      return null;
    } catch (reason) {
      return toUserError(reason);
    }
  }

  /**
   * Runs an operation on the shown record (deactivate, end a membership …) and refreshes it; a
   * refusal is shown in the form's alert and returned.
   */
  protected async act(operation: (id: number) => Promise<unknown>): Promise<UserError | null> {
    const id = this.id;
    if (id === null) return null;
    this.error = null;
    try {
      await operation(id);
      await this.refresh();
      return null;
    } catch (reason) {
      this.error = toUserError(reason);
      return this.error;
    }
  }

  /**
   * Changes something beside the record (a mandate, in its own dialog) and refreshes; a refusal
   * is only returned, for that dialog to show.
   */
  protected async change(operation: () => Promise<unknown>): Promise<UserError | null> {
    try {
      await operation();
      await this.refresh();
      return null;
    } catch (reason) {
      return toUserError(reason);
    }
  }

  #reset(input: Input) {
    this.input = input;
    this.#original = JSON.stringify(input);
    this.error = null;
  }
}
