import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { MandateView, OrganisationDetail } from '../../lib/api/types';
import { OrganisationEditor } from '../../lib/organisations/organisation-editor.svelte';
import { organisation, recordIPC, type Handler } from '../../test/ipc';
import OrganisationDeleteDialog from './OrganisationDeleteDialog.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const mandate = { mandate: { id: 1 } } as unknown as MandateView;

async function setup(detail: () => OrganisationDetail, handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({ organisation_get: () => detail(), ...handlers });
  const editor = new OrganisationEditor();
  await editor.load(4);
  const ondone = vi.fn();
  render(OrganisationDeleteDialog, { props: { open: true, editor, ondone, onclose: vi.fn() } });
  return { calls, ondone, editor };
}

describe('OrganisationDeleteDialog', () => {
  it('offers to end the membership of one with mandates, never to delete it', async () => {
    let until: string | null = null;
    const { calls, ondone, editor } = await setup(
      () => ({
        organisation: organisation(4, { member_until: until }),
        mandates: [mandate],
        practice_examples: [],
      }),
      {
        organisation_end_membership: () => {
          until = '2025-09-21';
          return organisation(4, { member_until: until });
        },
      },
    );
    expect(screen.getByText('Organisation kann nicht gelöscht werden')).toBeTruthy();
    expect(screen.queryByTestId('confirm-ok')).toBeNull();

    await userEvent.click(screen.getByTestId('organisation-end-membership'));

    await waitFor(() => expect(ondone).toHaveBeenCalledWith('ended'));
    expect(calls.some((c) => c.cmd === 'organisation_delete')).toBe(false);
    expect(editor.input.member_until, 'the form shows the new "Mitglied bis"').toBe('21.09.2025');
  });

  it('deletes one without mandates, with ending the membership as the alternative', async () => {
    const { calls, ondone } = await setup(
      () => ({ organisation: organisation(4), mandates: [], practice_examples: [] }),
      { organisation_delete: () => null },
    );
    expect(screen.getByText(/wird endgültig gelöscht/)).toBeTruthy();
    expect(screen.getByTestId('organisation-end-membership').textContent).toContain(
      'Stattdessen Mitgliedschaft beenden',
    );

    await userEvent.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(ondone).toHaveBeenCalledWith('deleted'));
    expect(calls.find((c) => c.cmd === 'organisation_delete')?.args).toEqual({ id: 4 });
  });
});
