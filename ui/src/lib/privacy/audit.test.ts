import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import type { AuditFilter } from '../api/types';
import { AUDIT_PAGE_SIZE, AuditState } from './audit.svelte';
import { auditPage, auditRow } from './fixtures';

afterEach(() => clearMocks());

const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => auditRow(from + i));

const sent = (calls: { args: Record<string, unknown> }[]) =>
  calls.map((c) => c.args.filter as AuditFilter);

describe('AuditState', () => {
  it('asks for the newest 100 entries without filters and keeps the choices', async () => {
    const calls = recordIPC({ audit_log: () => auditPage(rows(1, 3), 3) });
    const audit = new AuditState();
    await audit.load();

    expect(sent(calls)).toEqual([
      {
        user: null,
        entity: null,
        entity_id: null,
        action: null,
        from: null,
        until: null,
        offset: 0,
        limit: AUDIT_PAGE_SIZE,
      },
    ]);
    expect(audit.rows).toHaveLength(3);
    expect(audit.total).toBe(3);
    expect(audit.users).toEqual(['anna', 'ben']);
    expect(audit.entities).toContainEqual(['person', 'Person']);
    expect(audit.hasOlder).toBe(false);
  });

  it('passes every filter to the core, dates as ISO days', async () => {
    const calls = recordIPC({ audit_log: () => auditPage([]) });
    const audit = new AuditState();
    await audit.setFilter('user', 'anna');
    await audit.setFilter('entity', 'person');
    await audit.setFilter('action', 'update');
    audit.input.from = '1.9.2025';
    audit.input.until = '21.09.2025';
    await audit.applyDates();

    expect(sent(calls).at(-1)).toMatchObject({
      user: 'anna',
      entity: 'person',
      action: 'update',
      from: '2025-09-01',
      until: '2025-09-21',
      offset: 0,
    });
  });

  it('pages by 100 and goes back to the newest entries when a filter changes', async () => {
    const calls = recordIPC({
      audit_log: (args) => {
        const { offset } = args.filter as AuditFilter;
        return auditPage(rows(offset + 1, Math.min(100, 250 - offset)), 250);
      },
    });
    const audit = new AuditState();
    await audit.load();
    expect(audit.hasNewer).toBe(false);

    await audit.older();
    await audit.older();
    expect(audit.range).toBe('201–250');
    expect(audit.hasOlder, 'the last page has no older one').toBe(false);
    await audit.older();
    await audit.newer();
    await audit.setFilter('user', 'ben');

    expect(sent(calls).map((f) => f.offset)).toEqual([0, 100, 200, 100, 0]);
  });

  it('shows a date that is no day at its field and does not ask the core', async () => {
    const calls = recordIPC({ audit_log: () => auditPage([]) });
    const audit = new AuditState();
    audit.input.from = '31.02.2025';

    await audit.applyDates();

    expect(calls).toEqual([]);
    expect(audit.dateErrors.from).toMatch(/^Von: „31\.02\.2025“ ist kein gültiges Datum/);
    audit.input.from = '';
    await audit.applyDates();
    expect(audit.dateErrors).toEqual({});
    expect(calls).toHaveLength(1);
  });

  it('keeps the page when the core fails and says why', async () => {
    let fail = false;
    recordIPC({
      audit_log: () => {
        if (fail) throw { code: 'locked', message: 'Die Datenbank ist gesperrt.', field: null };
        return auditPage(rows(1, 2));
      },
    });
    const audit = new AuditState();
    await audit.load();
    fail = true;
    await audit.setFilter('action', 'create');

    expect(audit.error?.message).toBe('Die Datenbank ist gesperrt.');
    expect(audit.rows).toHaveLength(2);
    expect(audit.loading).toBe(false);
  });
});
