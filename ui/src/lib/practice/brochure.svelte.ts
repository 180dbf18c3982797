// The brochure of the released practice examples: which are in it and in what order, which are
// left out and why, reordering (buttons, Alt+arrow keys, drag and drop all end in one
// `brochure_set_order`) and writing the PDF. One instance per open brochure dialog.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { BrochureEntry, BrochurePlan } from '../api/types';
import { countOf } from '../format';

/** What the PDF button reports. */
export type BrochureNotice = {
  kind: 'success' | 'warning' | 'danger';
  title: string;
  lines: string[];
};

export const BROCHURE_FILE_NAME = 'Praxisbeispiele.pdf';

/** `ids` with `id` moved `by` places (clamped to the ends); the same order when it cannot move. */
export function moveBy(ids: readonly number[], id: number, by: number): number[] {
  const from = ids.indexOf(id);
  if (from < 0) return [...ids];
  const to = Math.max(0, Math.min(ids.length - 1, from + by));
  const order = ids.filter((other) => other !== id);
  order.splice(to, 0, id);
  return order;
}

/** `ids` with `id` put where `target` is (dropped onto it: before it when moving up, after when down). */
export function moveOnto(ids: readonly number[], id: number, target: number): number[] {
  const to = ids.indexOf(target);
  if (to < 0 || !ids.includes(id)) return [...ids];
  return moveBy(ids, id, to - ids.indexOf(id));
}

export class BrochureState {
  plan = $state.raw<BrochurePlan | null>(null);
  loading = $state(false);
  /** A failed load or a refused reorder. */
  error = $state<UserError | null>(null);
  /** True while a reorder is on its way: further moves wait for its answer. */
  saving = $state(false);
  writing = $state(false);
  notices = $state<BrochureNotice[]>([]);

  #request = 0;

  get included(): BrochureEntry[] {
    return this.plan?.included ?? [];
  }

  get ids(): number[] {
    return this.included.map((entry) => entry.id);
  }

  async load(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const plan = await api.brochurePlan();
      if (request !== this.#request) return;
      this.plan = plan;
      this.error = null;
    } catch (reason) {
      if (request === this.#request) this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Moves one example up (-1) or down (1); false when it is at that end or a move is running. */
  move(id: number, by: -1 | 1): Promise<boolean> {
    return this.setOrder(moveBy(this.ids, id, by));
  }

  /** Drag and drop: puts the dragged example where the one it was dropped on is. */
  moveOnto(id: number, target: number): Promise<boolean> {
    return this.setOrder(moveOnto(this.ids, id, target));
  }

  /**
   * Shows the new order at once and saves it; the core's answer replaces the plan, a refusal puts
   * the old order back and is shown. False when nothing changed or a move is still running.
   */
  async setOrder(ids: number[]): Promise<boolean> {
    const plan = this.plan;
    if (plan === null || this.saving) return false;
    if (JSON.stringify(ids) === JSON.stringify(this.ids)) return false;
    const request = ++this.#request;
    this.plan = {
      ...plan,
      included: ids.flatMap((id) => plan.included.filter((entry) => entry.id === id)),
    };
    this.saving = true;
    this.error = null;
    try {
      const answer = await api.brochureSetOrder(ids);
      if (request === this.#request) this.plan = answer;
      return true;
    } catch (reason) {
      if (request === this.#request) {
        this.plan = plan;
        this.error = toUserError(reason);
      }
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Asks where to save, writes the PDF (the shell opens it) and reports; cancelling says nothing. */
  async writePdf(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      const path = await api.chooseSavePath({
        title: 'Broschüre speichern',
        defaultPath: BROCHURE_FILE_NAME,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (path === null) return;
      const summary = await api.pdfBrochure(path);
      this.notices = [
        {
          kind: 'success',
          title: `Broschüre als PDF: ${countOf(summary.pages, 'Seite', 'Seiten')} gespeichert`,
          lines: [summary.path],
        },
        ...summary.warnings.map((warning) => ({
          kind: 'warning' as const,
          title: 'Hinweis zur Broschüre',
          lines: [warning],
        })),
      ];
    } catch (reason) {
      this.notices = [
        {
          kind: 'danger',
          title: 'Broschüre nicht gespeichert',
          lines: [toUserError(reason).message],
        },
      ];
    } finally {
      this.writing = false;
    }
  }

  dismiss(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }
}
