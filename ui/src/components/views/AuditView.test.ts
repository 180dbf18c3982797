import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import type { AuditFilter } from '../../lib/api/types';
import { auditPage, auditRow } from '../../lib/privacy/fixtures';
import { recordIPC } from '../../test/ipc';
import AuditView from './AuditView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('AuditView', () => {
  it('shows the entries, the count, filters by user and pages to older entries', async () => {
    const calls = recordIPC({
      audit_log: (args) => {
        const { offset } = args.filter as AuditFilter;
        const count = Math.min(100, 130 - offset);
        return auditPage(
          Array.from({ length: count }, (_, i) => auditRow(offset + i + 1)),
          130,
        );
      },
    });
    render(AuditView, { context: appContext(new AppState()) });
    const user = userEvent.setup();

    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(100));
    expect(screen.getByTestId('audit-count').textContent).toContain('130 Einträge');
    const first = screen.getAllByTestId('audit-row')[0];
    expect(within(first).getAllByRole('cell').map((cell) => cell.textContent?.trim())).toEqual([
      '21.09.2025 14:05',
      'anna',
      'Person',
      'Özdemir, Şükrü',
      'geändert',
      'E-Mail, Telefon',
    ]);
    expect((screen.getByTestId('audit-newer') as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByTestId('audit-older'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(30));
    await user.selectOptions(screen.getByTestId('audit-filter-user'), 'ben');

    const filters = calls.map((c) => c.args.filter as AuditFilter);
    expect(filters.map((f) => [f.user, f.offset])).toEqual([
      [null, 0],
      [null, 100],
      ['ben', 0],
    ]);
    expect(screen.getByTestId('audit-table')).toBeTruthy();
  });
});
