// German labels and pure formatting of the sessions area: statuses, kinds of agenda items, the
// term of a session ("21.–22.09.2026"), times ("09:00–09:45"), gaps and overlaps, file names and
// sizes. No Svelte, no IPC: easy to test.

import type {
  AgendaKind,
  SessionDocument,
  SessionStatus,
  Slot,
  Speaker,
} from '../api/types';
import { isoToGerman } from '../format';

export const STATUS_LABELS: Record<SessionStatus, string> = {
  planned: 'geplant',
  invited: 'eingeladen',
  held: 'durchgeführt',
  cancelled: 'abgesagt',
};

export const STATUSES = Object.keys(STATUS_LABELS) as SessionStatus[];

export const KIND_LABELS: Record<AgendaKind, string> = {
  talk: 'Vortrag',
  discussion: 'Diskussion',
  report: 'Bericht',
  visit: 'Besuch/Exkursion',
  break: 'Pause',
};

export const KINDS = Object.keys(KIND_LABELS) as AgendaKind[];

/** The PDFs of a session, in the order the outputs offer them. */
export const DOCUMENTS: readonly { document: SessionDocument; label: string; file: string }[] = [
  { document: 'agenda', label: 'Tagesordnung (PDF)', file: 'Tagesordnung' },
  { document: 'sign_in', label: 'Unterschriftenliste (PDF)', file: 'Unterschriftenliste' },
  { document: 'badges', label: 'Namensschilder (PDF)', file: 'Namensschilder' },
  { document: 'table_cards', label: 'Tischkarten (PDF)', file: 'Tischkarten' },
  { document: 'session_file', label: 'Sitzungsmappe (PDF)', file: 'Sitzungsmappe' },
];

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * When a session takes place: "21.09.2026" for one day, "21.–22.09.2026" within a month,
 * "30.09.–01.10.2026" across months, "30.12.2026–02.01.2027" across years.
 */
export function sessionTerm(firstDay: string, lastDay: string | null | undefined): string {
  const first = ISO.exec(firstDay);
  const last = lastDay ? ISO.exec(lastDay) : null;
  if (!first) return '';
  if (!last || last[0] === first[0]) return isoToGerman(firstDay);
  const [, y1, m1, d1] = first;
  const [, y2, m2, d2] = last;
  if (y1 !== y2) return `${d1}.${m1}.${y1}–${d2}.${m2}.${y2}`;
  if (m1 !== m2) return `${d1}.${m1}.–${d2}.${m2}.${y2}`;
  return `${d1}.–${d2}.${m2}.${y2}`;
}

/** The year of an ISO date, or null. */
export function yearOf(iso: string): number | null {
  const match = ISO.exec(iso);
  return match ? Number(match[1]) : null;
}

const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];

/** "2026-09-21" → "Montag, 21.09.2026". */
export function dayLabel(iso: string): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const weekday = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])).getUTCDay();
  return `${WEEKDAYS[weekday]}, ${isoToGerman(iso)}`;
}

/** "09:00:00" or "09:00" → "09:00"; anything else as it is. */
export function hhmm(time: string | null | undefined): string {
  if (!time) return '';
  const match = /^(\d{1,2}):(\d{2})/.exec(time.trim());
  return match ? `${match[1].padStart(2, '0')}:${match[2]}` : time;
}

/** "09:00–09:45". */
export function timeRange(slot: Slot): string {
  return `${hhmm(slot.start)}–${hhmm(slot.end)}`;
}

const minutes = (n: number) => `${n.toLocaleString('de-DE')} ${n === 1 ? 'Minute' : 'Minuten'}`;

/** "15 Minuten Lücke" before a fixed start, or null when the item follows on. */
export function gapText(slot: Slot): string | null {
  return slot.gap_minutes > 0 ? `${minutes(slot.gap_minutes)} Lücke` : null;
}

/** "10 Minuten Überschneidung" with the previous item, or null. */
export function overlapText(slot: Slot): string | null {
  return slot.overlap_minutes > 0 ? `${minutes(slot.overlap_minutes)} Überschneidung` : null;
}

/** "45 Min." for the duration column. */
export function durationText(value: number | null): string {
  return value === null ? '' : `${value.toLocaleString('de-DE')} Min.`;
}

/** "Dr. Anna Weiß, Welcome Center Stuttgart". */
export function speakerNames(speakers: readonly Speaker[]): string {
  return speakers.map((speaker) => speaker.name).join(', ');
}

/** "512 Bytes", "12 KB", "1,2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('de-DE')} Bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('de-DE')} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}

/** "38. Sitzung", the start of every file name of a session. */
export function sessionName(number: number): string {
  return `${number}. Sitzung`;
}

/** "38. Sitzung – Tagesordnung.pdf". */
export function documentFileName(number: number, document: SessionDocument): string {
  const file = DOCUMENTS.find((d) => d.document === document)?.file ?? document;
  return `${sessionName(number)} – ${file}.pdf`;
}

/**
 * What a number field holds: the digits typed, as a number, or null when empty. Anything else
 * typed is dropped, so the field shows what is sent.
 */
export function digitsToNumber(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}

export const numberToText = (value: number | null): string => (value === null ? '' : String(value));
