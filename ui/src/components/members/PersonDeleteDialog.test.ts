import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { PersonEditor } from '../../lib/members/person-editor.svelte';
import { person, recordIPC, type Handler } from '../../test/ipc';
import PersonDeleteDialog from './PersonDeleteDialog.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

async function setup(hasHistory: boolean, handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    person_get: () => ({ person: person(9), mandates: [], has_history: hasHistory }),
    ...handlers,
  });
  const editor = new PersonEditor();
  await editor.load(9);
  const ondone = vi.fn();
  const onclose = vi.fn();
  render(PersonDeleteDialog, { props: { open: true, editor, ondone, onclose } });
  return { calls, ondone, onclose };
}

describe('PersonDeleteDialog', () => {
  it('offers only deactivation for a person with history', async () => {
    const { calls, ondone } = await setup(true, { person_deactivate: () => person(9, { active: false }) });
    expect(screen.getByText('Person kann nicht gelöscht werden')).toBeTruthy();
    expect(screen.queryByTestId('confirm-ok')).toBeNull();

    await userEvent.click(screen.getByTestId('person-deactivate'));

    await waitFor(() => expect(ondone).toHaveBeenCalledWith('deactivated'));
    expect(calls.map((c) => c.cmd)).toContain('person_deactivate');
    expect(calls.some((c) => c.cmd === 'person_delete')).toBe(false);
  });

  it('deletes a person without history after saying it is final', async () => {
    const { calls, ondone } = await setup(false, { person_delete: () => null });
    expect(screen.getByText(/endgültig gelöscht/)).toBeTruthy();

    await userEvent.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(ondone).toHaveBeenCalledWith('deleted'));
    expect(calls.find((c) => c.cmd === 'person_delete')?.args).toEqual({ id: 9 });
  });

  it('turns the core’s conflict into the offer to deactivate instead', async () => {
    const message = 'Die Person hat Mandate und kann nur deaktiviert werden.';
    const { ondone } = await setup(false, {
      person_delete: () => {
        throw { code: 'conflict', message, field: null };
      },
    });

    await userEvent.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(screen.getByText(message)).toBeTruthy());
    expect(screen.getByTestId('person-deactivate').textContent).toContain('Deaktivieren');
    expect(screen.queryByTestId('confirm-ok')).toBeNull();
    expect(ondone).not.toHaveBeenCalled();
  });
});
