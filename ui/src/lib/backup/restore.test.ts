import { describe, expect, it } from 'vitest';
import type { BackupSummary } from '../api/types';
import { RestoreState } from './restore.svelte';

const restored = {} as BackupSummary;

describe('RestoreState.anonymisedAgain', () => {
  it('says nothing when nobody had to be anonymised again', () => {
    const restore = new RestoreState();
    restore.report = { restored, backup_before: '/tmp/b', anonymised_again: [] };
    expect(restore.anonymisedAgain).toBeNull();
  });

  it('counts the people anonymised again, in singular and plural', () => {
    const restore = new RestoreState();
    restore.report = { restored, backup_before: '/tmp/b', anonymised_again: [3] };
    expect(restore.anonymisedAgain).toBe(
      '1 seit dieser Sicherung anonymisierte Person wurde erneut anonymisiert.',
    );
    restore.report = { restored, backup_before: '/tmp/b', anonymised_again: [3, 4, 5] };
    expect(restore.anonymisedAgain).toBe(
      '3 seit dieser Sicherung anonymisierte Personen wurden erneut anonymisiert.',
    );
  });
});
