import { describe, expect, it } from 'vitest';
import { UserError } from '../api/errors';
import { newestFirst, passphraseProblem, saveAsFileName } from './labels';
import type { BackupFile } from '../api/types';

describe('backup labels', () => {
  it('names a saved backup after the day, with .age when it is encrypted', () => {
    const day = new Date(2025, 8, 1, 23, 59);
    expect(saveAsFileName(false, day)).toBe('zirkel-sicherung-01-09-2025.sqlite3');
    expect(saveAsFileName(true, day)).toBe('zirkel-sicherung-01-09-2025.sqlite3.age');
  });

  it('puts the newest backup first, keeping a copy right after its original', () => {
    const file = (made_at: string, in_second_folder = false): BackupFile => ({
      path: `/${made_at}/${in_second_folder}`,
      file_name: made_at,
      made_at,
      reason: 'daily',
      size_bytes: 1,
      in_second_folder,
    });
    const sorted = newestFirst([
      file('2025-09-19T08:00:00'),
      file('2025-09-21T08:00:00'),
      file('2025-09-21T08:00:00', true),
      file('2025-09-20T08:00:00'),
    ]);
    expect(sorted.map((b) => [b.made_at.slice(0, 10), b.in_second_folder])).toEqual([
      ['2025-09-21', false],
      ['2025-09-21', true],
      ['2025-09-20', false],
      ['2025-09-19', false],
    ]);
  });

  it('tells a request for a passphrase from other refusals', () => {
    const asked = new UserError('validation', 'Diese Sicherung ist verschlüsselt.', 'passphrase');
    expect(passphraseProblem(asked)).toBe('Diese Sicherung ist verschlüsselt.');
    expect(passphraseProblem(new UserError('internal', 'ist keine Zirkel-Datenbank'))).toBeNull();
  });
});
