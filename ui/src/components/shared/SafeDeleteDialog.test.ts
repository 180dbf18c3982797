import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { UserError } from '../../lib/api/errors';
import SafeDeleteDialog from './SafeDeleteDialog.svelte';

afterEach(() => cleanup());

const deleting = createRawSnippet(() => ({
  render: () => '<p>Wird endgültig gelöscht.</p>',
}));
const keeping = createRawSnippet((conflict: () => UserError | null) => ({
  render: () => `<p>${conflict()?.message ?? 'Hat Historie.'}</p>`,
}));

type Options = {
  deletable?: boolean;
  alternative?: boolean;
  remove?: () => Promise<UserError | null>;
  run?: () => Promise<UserError | null>;
};

function setup({
  deletable = true,
  alternative = true,
  remove = () => Promise.resolve(null),
  run = () => Promise.resolve(null),
}: Options = {}) {
  const ondone = vi.fn();
  const onclose = vi.fn();
  const removeSpy = vi.fn(remove);
  const runSpy = vi.fn(run);
  const view = render(SafeDeleteDialog, {
    props: {
      open: true,
      title: 'Eintrag löschen?',
      keepTitle: 'Eintrag kann nicht gelöscht werden',
      deletable,
      alternative: alternative
        ? {
            label: 'Deaktivieren',
            insteadLabel: 'Stattdessen deaktivieren',
            testid: 'alternative',
            run: runSpy,
          }
        : null,
      remove: removeSpy,
      testid: 'delete-dialog',
      onclose,
      ondone,
      deleting,
      keeping,
    },
  });
  return { ondone, onclose, remove: removeSpy, run: runSpy, view };
}

const buttons = () =>
  [...screen.getByTestId('delete-dialog').querySelectorAll('footer button')].map((b) =>
    b.textContent?.trim(),
  );

describe('SafeDeleteDialog', () => {
  it('says what deleting does and offers the safe alternative beside it', async () => {
    const { ondone, remove, run } = setup();
    expect(screen.getByText('Eintrag löschen?')).toBeTruthy();
    expect(screen.getByText('Wird endgültig gelöscht.')).toBeTruthy();
    expect(buttons()).toEqual(['Abbrechen', 'Stattdessen deaktivieren', 'Endgültig löschen']);
    expect(screen.getByTestId('confirm-ok').className).toContain('kern-btn--primary');
    expect(screen.getByTestId('alternative').className).toContain('kern-btn--secondary');

    await userEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(ondone).toHaveBeenCalledWith('deleted'));
    expect(remove).toHaveBeenCalledTimes(1);
    expect(run).not.toHaveBeenCalled();
  });

  it('offers only the alternative for a record with history', async () => {
    const { ondone, remove } = setup({ deletable: false });
    expect(screen.getByText('Eintrag kann nicht gelöscht werden')).toBeTruthy();
    expect(screen.getByText('Hat Historie.')).toBeTruthy();
    expect(buttons(), 'nothing may delete a record with history').toEqual([
      'Abbrechen',
      'Deaktivieren',
    ]);
    expect(screen.getByTestId('alternative').className).toContain('kern-btn--primary');

    await userEvent.click(screen.getByTestId('alternative'));
    await waitFor(() => expect(ondone).toHaveBeenCalledWith('alternative'));
    expect(remove).not.toHaveBeenCalled();
  });

  it('turns the core’s conflict into the offer of the alternative, with its reason', async () => {
    const conflict = new UserError('conflict', 'Der Eintrag hat Mandate.');
    const { ondone } = setup({ remove: () => Promise.resolve(conflict) });

    await userEvent.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(screen.getByText('Der Eintrag hat Mandate.')).toBeTruthy());
    expect(screen.getByText('Eintrag kann nicht gelöscht werden')).toBeTruthy();
    expect(buttons()).toEqual(['Abbrechen', 'Deaktivieren']);
    expect(ondone).not.toHaveBeenCalled();
  });

  it('only explains and closes when neither deleting nor the alternative is possible', async () => {
    const { onclose } = setup({ deletable: false, alternative: false });
    expect(buttons()).toEqual(['Schließen']);
    await userEvent.click(screen.getByTestId('confirm-cancel'));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('shows any other refusal in the dialog and stays open', async () => {
    const { ondone } = setup({
      run: () => Promise.resolve(new UserError('locked', 'Die Datenbank ist gesperrt.')),
    });
    await userEvent.click(screen.getByTestId('alternative'));
    await waitFor(() => expect(screen.getByText('Die Datenbank ist gesperrt.')).toBeTruthy());
    expect(screen.getByText('Das hat nicht geklappt')).toBeTruthy();
    expect(ondone).not.toHaveBeenCalled();
    expect(buttons(), 'a failed alternative is no conflict: deleting stays possible').toContain(
      'Endgültig löschen',
    );
  });

  it('forgets a conflict when closed, so the next opening starts over', async () => {
    const conflict = new UserError('conflict', 'Der Eintrag hat Mandate.');
    const { view } = setup({ remove: () => Promise.resolve(conflict) });
    await userEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(buttons()).not.toContain('Endgültig löschen'));

    await view.rerender({ open: false });
    await view.rerender({ open: true });
    expect(buttons()).toContain('Endgültig löschen');
  });
});
