import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { anonymisePreview, retentionOverview } from '../../lib/privacy/fixtures';
import { recordIPC, type Handler } from '../../test/ipc';
import PrivacySection from './PrivacySection.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

function setup(handlers: Record<string, Handler>) {
  const calls = recordIPC(handlers);
  const onanonymised = vi.fn();
  render(PrivacySection, { props: { onanonymised } });
  return { calls, onanonymised, user: userEvent.setup() };
}

describe('PrivacySection', () => {
  it('lists the offered former members with organisations and last day', async () => {
    setup({ retention_overview: () => retentionOverview() });

    const row = await screen.findByTestId('retention-row');
    expect(row.textContent?.replace(/\s+/g, ' ')).toContain(
      'Özdemir, Şükrü Stadt Herten · zuletzt dabei 30.06.2018',
    );
    expect((screen.getByTestId('retention-years') as HTMLInputElement).value).toBe('5');
  });

  it('says when nobody is offered', async () => {
    setup({ retention_overview: () => retentionOverview({ candidates: [] }) });
    expect((await screen.findByTestId('retention-empty')).textContent).toContain('seit mehr als 5');
    expect(screen.queryByTestId('retention-list')).toBeNull();
  });

  it('shows a refused value under the years field', async () => {
    const message = 'Frist: bitte eine ganze Zahl von 1 bis 30 angeben.';
    const { user } = setup({
      retention_overview: () => retentionOverview(),
      retention_save: () => {
        throw { code: 'validation', field: 'retention_years', message };
      },
    });
    const field = (await screen.findByTestId('retention-years')) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('5'));
    await user.clear(field);
    await user.type(field, '99');
    await user.click(screen.getByTestId('retention-save'));

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = field.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy.split(' ').at(-1) ?? '')?.textContent).toContain(message);
    expect(screen.queryByTestId('retention-error')).toBeNull();
  });

  it('opens the anonymise dialog for an offered person and reloads the list afterwards', async () => {
    let candidates = retentionOverview().candidates;
    const { calls, onanonymised, user } = setup({
      retention_overview: () => retentionOverview({ candidates }),
      anonymise_preview: () => anonymisePreview(),
      anonymise_person: () => {
        candidates = [];
        return { person_id: 9, texts_changed: 0, records_kept: [], file_cleaned: true };
      },
    });
    await user.click(await screen.findByTestId('retention-anonymise'));

    expect(await screen.findByTestId('anonymise-records')).toBeTruthy();
    expect(calls.find((c) => c.cmd === 'anonymise_preview')?.args).toEqual({ id: 9 });
    await user.click(screen.getByTestId('anonymise-confirm-check'));
    await user.click(screen.getByTestId('anonymise-confirm'));

    await screen.findByTestId('anonymise-done');
    await waitFor(() => expect(screen.getByTestId('retention-empty')).toBeTruthy());
    expect(onanonymised).toHaveBeenCalledTimes(1);
  });
});
