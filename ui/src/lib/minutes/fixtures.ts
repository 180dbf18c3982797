// Records as the core sends them, for the minutes area's tests (imported by tests only).

import type {
  ActionItem,
  Decision,
  MinutesDetail,
  MinutesMeta,
  MinutesSection,
  MinutesVersion,
  PersonRef,
  SessionEntry,
} from '../api/types';
import { entry, session } from '../sessions/test-fixtures';

export function meta(id: number, overrides: Partial<MinutesMeta> = {}): MinutesMeta {
  return {
    id,
    session_id: 7,
    version: 1,
    status: 'draft',
    recorder_id: null,
    recorder_name: null,
    sent_on: null,
    approved_on: null,
    approved_at_session: null,
    approval_kind: null,
    approved_with_changes: null,
    written_deadline: null,
    written_replies: null,
    correction_reason: null,
    updated_at: '2026-09-22T16:00:00',
    ...overrides,
  };
}

export function decision(id: number, overrides: Partial<Decision> = {}): Decision {
  return {
    id,
    agenda_item_id: 11,
    text: 'Die Handlungsempfehlung wird angenommen.',
    votes_yes: null,
    votes_no: null,
    votes_abstain: null,
    ...overrides,
  };
}

export function actionItem(id: number, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    session_id: 7,
    session_number: 38,
    agenda_item_id: 11,
    text: `Aufgabe ${id}`,
    assignee_id: null,
    assignee_organisation_id: null,
    assignee: null,
    due_date: null,
    status: 'open',
    done_on: null,
    overdue: false,
    ...overrides,
  };
}

export function section(
  agendaItemId: number | null,
  overrides: Partial<MinutesSection> = {},
): MinutesSection {
  return {
    agenda_item_id: agendaItemId,
    number: agendaItemId === null ? null : agendaItemId - 10,
    title: agendaItemId === null ? 'Allgemeines' : `Punkt ${agendaItemId}`,
    notes: '',
    decisions: [],
    action_items: [],
    ...overrides,
  };
}

export function personRef(id: number, name: string, overrides: Partial<PersonRef> = {}): PersonRef {
  return { person_id: id, name, organisation: null, note: null, ...overrides };
}

export function version(n: number, overrides: Partial<MinutesVersion> = {}): MinutesVersion {
  return {
    id: 100 + n,
    version: n,
    status: 'draft',
    approved_on: null,
    correction_reason: null,
    is_current: true,
    ...overrides,
  };
}

/** Minutes of session 7 (the 38th) with a general section and TOP 1 (agenda item 11). */
export function minutesDetail(
  overrides: Partial<MinutesDetail> = {},
  minutes: MinutesMeta | null = meta(5),
): MinutesDetail {
  return {
    session: session(7, { status: 'held', first_day: '2026-03-16', last_day: '2026-03-17' }),
    minutes,
    locked: minutes?.status === 'approved',
    sections: [section(null), section(11, { title: 'Berichte aus den Kommunen' })],
    present: [personRef(1, 'Kowalski, Łukasz', { organisation: 'Stadt Jena' })],
    excused: [],
    represented: [],
    open_items: [],
    versions: minutes ? [version(minutes.version)] : [],
    to_approve: null,
    ...overrides,
  };
}

/** Approved minutes (39th session approved them on 21.09.2026). */
export function approvedDetail(overrides: Partial<MinutesDetail> = {}): MinutesDetail {
  return minutesDetail(
    overrides,
    meta(5, {
      status: 'approved',
      approved_on: '2026-09-21',
      approved_at_session: 39,
      approval_kind: 'session',
    }),
  );
}

/** The sessions list: the 37th (past), the 38th (past, held) and the 39th (next). */
export function sessionEntries(): SessionEntry[] {
  return [
    entry(8, { number: 39, first_day: '2026-09-21', last_day: '2026-09-22', status: 'invited' }, { when: 'next' }),
    entry(7, { number: 38, first_day: '2026-03-16', last_day: '2026-03-17', status: 'held' }, { when: 'past' }),
    entry(6, { number: 37, first_day: '2025-09-15', last_day: '2025-09-16', status: 'held' }, { when: 'past' }),
  ];
}
