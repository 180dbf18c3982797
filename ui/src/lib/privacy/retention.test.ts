import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { retentionOverview } from './fixtures';
import { RetentionState } from './retention.svelte';

afterEach(() => clearMocks());

describe('RetentionState', () => {
  it('loads the rule and the former members it offers', async () => {
    recordIPC({ retention_overview: () => retentionOverview() });
    const retention = new RetentionState();
    await retention.load();

    expect(retention.years).toBe('5');
    expect(retention.candidates.map((c) => c.name)).toEqual(['Özdemir, Şükrü']);
    expect(retention.dirty).toBe(false);
  });

  it('saves the typed years and shows the new offer', async () => {
    const calls = recordIPC({
      retention_overview: () => retentionOverview(),
      retention_save: () => retentionOverview({ years: 10, candidates: [] }),
    });
    const retention = new RetentionState();
    await retention.load();
    retention.years = ' 10 ';
    expect(retention.dirty).toBe(true);

    expect(await retention.save()).toBe(true);

    expect(calls[1]).toEqual({ cmd: 'retention_save', args: { years: '10' } });
    expect(retention.candidates).toEqual([]);
    expect(retention.saved).toBe(true);
    expect(retention.dirty).toBe(false);
  });

  it('shows a refused value under the field, not as a general error', async () => {
    const message = 'Frist: bitte eine ganze Zahl von 1 bis 30 angeben.';
    recordIPC({
      retention_overview: () => retentionOverview(),
      retention_save: () => {
        throw { code: 'validation', field: 'retention_years', message };
      },
    });
    const retention = new RetentionState();
    await retention.load();
    retention.years = '99';

    expect(await retention.save()).toBe(false);

    expect(retention.yearsError).toBe(message);
    expect(retention.error).toBeNull();
    expect(retention.years, 'the typed value stays to be corrected').toBe('99');
    expect(retention.saved).toBe(false);
  });

  it('shows other failures as a general error', async () => {
    recordIPC({
      retention_overview: () => {
        throw { code: 'locked', message: 'Die Datenbank ist gesperrt.', field: null };
      },
    });
    const retention = new RetentionState();
    await retention.load();

    expect(retention.error?.message).toBe('Die Datenbank ist gesperrt.');
    expect(retention.yearsError).toBeNull();
  });

  it('reloads the offer after an anonymisation without losing typed years', async () => {
    let candidates = retentionOverview().candidates;
    recordIPC({ retention_overview: () => retentionOverview({ candidates }) });
    const retention = new RetentionState();
    await retention.load();
    retention.years = '7';
    candidates = [];

    await retention.reloadCandidates();

    expect(retention.candidates).toEqual([]);
    expect(retention.years).toBe('7');
  });
});
