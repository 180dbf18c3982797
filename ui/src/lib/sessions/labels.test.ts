import { describe, expect, it } from 'vitest';
import {
  dayLabel,
  digitsToNumber,
  documentFileName,
  durationText,
  fileSize,
  gapText,
  hhmm,
  overlapText,
  sessionTerm,
  timeRange,
} from './labels';
import { slot } from './test-fixtures';

describe('session labels', () => {
  it('writes the term of a session the German way, as short as it stays clear', () => {
    expect(sessionTerm('2026-09-21', '2026-09-21'), 'one day').toBe('21.09.2026');
    expect(sessionTerm('2026-09-21', null), 'no last day').toBe('21.09.2026');
    expect(sessionTerm('2026-09-21', '2026-09-22'), 'within a month').toBe('21.–22.09.2026');
    expect(sessionTerm('2026-09-30', '2026-10-01'), 'across months').toBe('30.09.–01.10.2026');
    expect(sessionTerm('2026-12-31', '2027-01-01'), 'across years').toBe('31.12.2026–01.01.2027');
  });

  it('shows times as HH:MM, with an en dash between start and end', () => {
    expect(hhmm('09:05:00')).toBe('09:05');
    expect(hhmm('9:05')).toBe('09:05');
    expect(timeRange(slot('09:00', '09:45'))).toBe('09:00–09:45');
  });

  it('names a gap or overlap before a fixed start in German, singular for one minute', () => {
    expect(gapText(slot('10:00', '10:30', 15))).toBe('15 Minuten Lücke');
    expect(gapText(slot('10:00', '10:30', 1))).toBe('1 Minute Lücke');
    expect(gapText(slot('10:00', '10:30'))).toBeNull();
    expect(overlapText(slot('10:00', '10:30', 0, 10))).toBe('10 Minuten Überschneidung');
    expect(overlapText(slot('10:00', '10:30'))).toBeNull();
  });

  it('labels days with their weekday and sizes in German units', () => {
    expect(dayLabel('2026-09-21')).toBe('Montag, 21.09.2026');
    expect(fileSize(512)).toBe('512 Bytes');
    expect(fileSize(12 * 1024)).toBe('12 KB');
    expect(fileSize(1.25 * 1024 * 1024)).toBe('1,3 MB');
    expect(durationText(45)).toBe('45 Min.');
    expect(durationText(null)).toBe('');
  });

  it('names the files of a session by its number', () => {
    expect(documentFileName(38, 'agenda')).toBe('38. Sitzung – Tagesordnung.pdf');
    expect(documentFileName(38, 'sign_in')).toBe('38. Sitzung – Unterschriftenliste.pdf');
  });

  it('keeps only the digits of a number field, and nothing typed as null', () => {
    expect(digitsToNumber('45')).toBe(45);
    expect(digitsToNumber('4a5')).toBe(45);
    expect(digitsToNumber('')).toBeNull();
    expect(digitsToNumber('abc')).toBeNull();
  });
});
