// German labels and pure formatting of the minutes area: statuses of minutes and action items,
// section titles ("TOP 3 Titel", "Allgemeines"), votes, the lock notice, file names, and which
// session the Protokolle screen opens with. No Svelte, no IPC: easy to test.

import type {
  ActionStatus,
  Decision,
  MinutesMeta,
  MinutesSection,
  MinutesStatus,
  SessionEntry,
} from '../api/types';
import { isoToGerman } from '../format';
import { sessionName, sessionTerm } from '../sessions/labels';

export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  draft: 'Entwurf',
  sent: 'versandt',
  approved: 'genehmigt',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'offen',
  done: 'erledigt',
  dropped: 'entfallen',
};

export const ACTION_STATUSES = Object.keys(ACTION_STATUS_LABELS) as ActionStatus[];

/** The key of a section in test ids and maps: the agenda item's id, "general" for Allgemeines. */
export function sectionKey(agendaItemId: number | null): string {
  return agendaItemId === null ? 'general' : String(agendaItemId);
}

/** "TOP 3 Berichte aus den Kommunen"; "Allgemeines" for the part outside the agenda. */
export function sectionTitle(section: Pick<MinutesSection, 'agenda_item_id' | 'number' | 'title'>) {
  if (section.agenda_item_id === null) return 'Allgemeines';
  return section.number === null ? section.title : `TOP ${section.number} ${section.title}`;
}

/** "Fassung 2". */
export function versionLabel(version: number): string {
  return `Fassung ${version}`;
}

/** "Entwurf", "versandt am 12.10.2026", "genehmigt am 23.03.2027", with "· Fassung 2" after a correction. */
export function statusText(meta: MinutesMeta): string {
  const label = MINUTES_STATUS_LABELS[meta.status];
  const on =
    meta.status === 'sent' && meta.sent_on
      ? ` am ${isoToGerman(meta.sent_on)}`
      : meta.status === 'approved' && meta.approved_on
        ? ` am ${isoToGerman(meta.approved_on)}`
        : '';
  const version = meta.version > 1 ? ` · ${versionLabel(meta.version)}` : '';
  return `${label}${on}${version}`;
}

/** Where approved minutes were approved: "in der 39. Sitzung" or "im Umlaufverfahren". */
export function approvalPlace(meta: MinutesMeta): string {
  if (meta.approval_kind === 'written') return 'im Umlaufverfahren';
  return meta.approved_at_session !== null ? `in der ${sessionName(meta.approved_at_session)}` : '';
}

/** The notice over approved minutes. */
export function lockedNotice(meta: MinutesMeta): string {
  const on = meta.approved_on ? ` am ${isoToGerman(meta.approved_on)}` : '';
  const place = approvalPlace(meta);
  return `Genehmigt${on}${place ? ` ${place}` : ''} – nur lesbar. Änderungen nur über eine Korrektur.`;
}

/** "Ja 12 · Nein 0 · Enthaltung 1"; null when no votes were recorded. */
export function votesText(decision: Pick<Decision, 'votes_yes' | 'votes_no' | 'votes_abstain'>) {
  const parts: [string, number | null][] = [
    ['Ja', decision.votes_yes],
    ['Nein', decision.votes_no],
    ['Enthaltung', decision.votes_abstain],
  ];
  const given = parts.filter(([, votes]) => votes !== null);
  return given.length === 0 ? null : given.map(([label, votes]) => `${label} ${votes}`).join(' · ');
}

/** "Protokoll 38. Sitzung.pdf"; an older version: "Protokoll 38. Sitzung, Fassung 1.pdf". */
export function minutesFileName(number: number, version: number | null = null): string {
  const suffix = version === null ? '' : `, ${versionLabel(version)}`;
  return `Protokoll ${sessionName(number)}${suffix}.pdf`;
}

/** "38." for the session column. */
export function numberLabel(number: number): string {
  return `${number}.`;
}

/** "38. Sitzung, 21.–22.09.2026: Interkulturelle Öffnung" for the session chooser. */
export function sessionOptionLabel(entry: SessionEntry): string {
  const { number, first_day, last_day, title, status } = entry.session;
  const cancelled = status === 'cancelled' ? ' (abgesagt)' : '';
  return `${sessionName(number)}, ${sessionTerm(first_day, last_day)}: ${title}${cancelled}`;
}

/** The sessions for the chooser: newest first. */
export function chooserOrder(entries: readonly SessionEntry[]): SessionEntry[] {
  return [...entries].sort(
    (a, b) => b.session.first_day.localeCompare(a.session.first_day) || b.session.number - a.session.number,
  );
}

/**
 * The session the screen opens with: the most recent one that has taken place (past or marked
 * held, never a cancelled one); without any, the first of the list.
 */
export function defaultSessionId(entries: readonly SessionEntry[]): number | null {
  const held = chooserOrder(entries).filter(
    (entry) =>
      entry.session.status !== 'cancelled' &&
      (entry.when === 'past' || entry.session.status === 'held'),
  );
  return held[0]?.session.id ?? entries[0]?.session.id ?? null;
}
