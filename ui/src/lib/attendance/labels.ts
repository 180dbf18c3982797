// German labels of the attendance area and the short day label "Di, 21.09.".

import type { AttendanceStatus } from '../api/types';

/** Every status, in the order of the status select and the counts. */
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = [
  'invited',
  'registered',
  'declined',
  'attended',
  'excused',
  'represented',
];

export const ATTENDANCE_STATUS_LABELS: Readonly<Record<AttendanceStatus, string>> = {
  invited: 'eingeladen',
  registered: 'angemeldet',
  declined: 'abgesagt',
  attended: 'teilgenommen',
  excused: 'entschuldigt',
  represented: 'vertreten',
};

const WEEKDAYS = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'];

/** "2025-09-21" → "So, 21.09."; unparsable text is returned as it is. */
export function dayLabel(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  // UTC, so the weekday never depends on the computer's time zone.
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  return `${WEEKDAYS[weekday]}, ${day}.${month}.`;
}
