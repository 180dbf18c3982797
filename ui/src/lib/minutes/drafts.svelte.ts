// The forms of the minutes area: a decision, an action item, the approval and the other
// workflow dialogs. A draft holds the values as typed and every field error of a refused save,
// keyed by the input's field names (text, due_date, done_on, votes_yes, …), so each message can
// stand under its field; problems of no shown field are listed apart.

import type { FieldMessage, UserError } from '../api/errors';
import type {
  ActionItem,
  ActionItemInput,
  ApprovalInput,
  Decision,
  DecisionInput,
} from '../api/types';
import { isoToGerman, todayGerman } from '../format';

export class FormDraft<Input> {
  input: Input;
  error = $state<UserError | null>(null);
  saving = $state(false);
  readonly #fields: readonly string[];

  /** The problems of the last refused save, by the form's field names (the core uses them). */
  readonly problems: readonly FieldMessage[] = $derived.by(() =>
    (this.error?.errors ?? []).map(({ field, message }) => ({ field, message })),
  );

  /** The message(s) under each field of the last refused save. */
  readonly errors: Readonly<Record<string, string>> = $derived.by(() => {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.problems) {
      byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
    }
    return byField;
  });

  /** `fields`: the fields the form shows, in form order. */
  constructor(input: Input, fields: readonly string[]) {
    this.input = $state(input);
    this.#fields = fields;
  }

  /** The problems no shown field can carry (or the message of an error without fields). */
  get unplaced(): readonly FieldMessage[] {
    if (!this.error) return [];
    if (this.error.errors.length === 0) return [{ field: '', message: this.error.message }];
    return this.problems.filter((problem) => !this.#fields.includes(problem.field));
  }

  /** The first field with a problem, in form order. */
  get firstInvalid(): string | null {
    return this.#fields.find((field) => field in this.errors) ?? null;
  }

  /** The input as plain data, to send. */
  snapshot(): Input {
    return $state.snapshot(this.input) as Input;
  }

  /** Runs `save` with the input; true when it went through, else `error` says why. */
  async submit(save: (input: Input) => Promise<UserError | null>): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    try {
      this.error = await save(this.snapshot());
      return this.error === null;
    } finally {
      this.saving = false;
    }
  }
}

export const DECISION_FIELDS = ['text', 'votes_yes', 'votes_no', 'votes_abstain'] as const;
/** The core reports the text and the votes as `body`; the messages name which. */

export function decisionInput(decision: Decision | null = null): DecisionInput {
  return {
    text: decision?.text ?? '',
    votes_yes: decision?.votes_yes ?? null,
    votes_no: decision?.votes_no ?? null,
    votes_abstain: decision?.votes_abstain ?? null,
  };
}

/** Who is responsible for an action item: a person or an organisation of the register, or free text. */
export type AssigneeKind = 'person' | 'organisation' | 'text';

export const ACTION_FIELDS = [
  'text',
  'assignee_id',
  'assignee_organisation_id',
  'assignee_text',
  'due_date',
  'status',
  'done_on',
] as const;
export function actionInput(item: ActionItem | null = null): ActionItemInput {
  const byRegister = item !== null && (item.assignee_id !== null || item.assignee_organisation_id !== null);
  return {
    text: item?.text ?? '',
    assignee_id: item?.assignee_id ?? null,
    assignee_organisation_id: item?.assignee_organisation_id ?? null,
    assignee_text: byRegister ? '' : (item?.assignee ?? ''),
    due_date: isoToGerman(item?.due_date),
    status: item?.status ?? 'open',
    done_on: isoToGerman(item?.done_on),
  };
}

export function assigneeKind(input: ActionItemInput): AssigneeKind {
  if (input.assignee_organisation_id !== null) return 'organisation';
  if (input.assignee_id !== null) return 'person';
  return input.assignee_text.trim() !== '' ? 'text' : 'person';
}

/** Switching the kind of assignee forgets the other kinds' values: only one is sent. */
export function withAssigneeKind(input: ActionItemInput, kind: AssigneeKind): ActionItemInput {
  return {
    ...input,
    assignee_id: kind === 'person' ? input.assignee_id : null,
    assignee_organisation_id: kind === 'organisation' ? input.assignee_organisation_id : null,
    assignee_text: kind === 'text' ? input.assignee_text : '',
  };
}

export const APPROVAL_FIELDS = [
  'at_session',
  'date',
  'written_deadline',
  'written_replies',
  'changes',
] as const;


/**
 * The approval dialog's start: in a session (`atSession`, if known); the date left empty, which
 * the core takes as that session's first day.
 */
export function approvalInput(atSession: number | null): ApprovalInput {
  return {
    kind: 'session',
    at_session: atSession,
    date: '',
    changes: '',
    written_deadline: '',
    written_replies: '',
  };
}

/** Approval by written procedure has no session to take the date from: today, unless typed. */
export function withApprovalKind(input: ApprovalInput, kind: ApprovalInput['kind'], now?: Date) {
  const date = kind === 'written' && input.date.trim() === '' ? todayGerman(now) : input.date;
  return { ...input, kind, date };
}

/** What is sent: only the values of the chosen kind of approval. */
export function approvalToSend(input: ApprovalInput): ApprovalInput {
  return input.kind === 'session'
    ? { ...input, written_deadline: '', written_replies: '' }
    : { ...input, at_session: null };
}
