import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { AnonymiseState } from '../../lib/privacy/anonymise.svelte';
import { anonymisePreview } from '../../lib/privacy/fixtures';
import AnonymiseDialog from './AnonymiseDialog.svelte';

afterEach(() => clearMocks());

describe('AnonymiseDialog', () => {
  it('asks once, anonymises, and closes on "Schließen"', async () => {
    recordIPC({
      anonymise_preview: () => anonymisePreview(),
      anonymise_person: () => ({
        person_id: 9,
        texts_changed: 1,
        records_kept: [],
        file_cleaned: true,
      }),
    });
    const reload = vi.fn();
    const state = new AnonymiseState(reload);
    render(AnonymiseDialog, { anonymise: state });
    await state.start(9);
    const confirm = await screen.findByTestId('anonymise-confirm');
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    const check = screen.getByTestId('anonymise-confirm-check');
    await fireEvent.click(check.querySelector('input') ?? check);
    await waitFor(() => expect((confirm as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(confirm);
    await screen.findByTestId('anonymise-done');
    expect(reload).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByTestId('anonymise-close'));
    expect(state.open).toBe(false);
    expect(state.step).toBe('closed');
  });
});
