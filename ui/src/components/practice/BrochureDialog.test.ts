import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { brochurePlan } from '../../lib/practice/test-fixtures';
import { recordIPC, type Handler } from '../../test/ipc';
import BrochureDialog from './BrochureDialog.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

async function setup(handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    brochure_plan: () => brochurePlan(),
    brochure_set_order: (args) => brochurePlan(args.ids as number[]),
    ...handlers,
  });
  const onopenexample = vi.fn();
  render(BrochureDialog, { props: { open: true, onclose: vi.fn(), onopenexample } });
  await waitFor(() => expect(screen.getByTestId('brochure-row-11')).toBeTruthy());
  return { calls, onopenexample };
}

const order = () =>
  screen
    .getAllByRole('row')
    .map((row) => row.getAttribute('data-testid'))
    .filter((id): id is string => id?.startsWith('brochure-row-') ?? false)
    .map((id) => Number(id.slice('brochure-row-'.length)));

const setOrderCalls = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => c.cmd === 'brochure_set_order').map((c) => c.args.ids);

describe('BrochureDialog', () => {
  it('shows the included examples in brochure order with a line per chapter', async () => {
    await setup();

    expect(order()).toEqual([11, 12, 13]);
    expect(screen.getByTestId('brochure-chapter-0').textContent).toContain('Kapitel: Arbeitsmarkt');
    expect(screen.queryByTestId('brochure-chapter-1'), 'same main topic: same chapter').toBeNull();
    expect(screen.getByTestId('brochure-chapter-2').textContent).toContain('Kapitel: Bildung');
    expect(screen.getByTestId('brochure-up-11').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('brochure-down-13').hasAttribute('disabled')).toBe(true);
  });

  it('moves the focused row with Alt+ArrowDown, saves the new order and keeps the focus', async () => {
    const { calls } = await setup();
    const user = userEvent.setup();

    screen.getByTestId('brochure-row-11').focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');

    await waitFor(() => expect(order()).toEqual([12, 11, 13]));
    expect(setOrderCalls(calls)).toEqual([[12, 11, 13]]);
    expect(document.activeElement, 'the moved row keeps the focus').toBe(
      screen.getByTestId('brochure-row-11'),
    );

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(order()).toEqual([12, 13, 11]));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(setOrderCalls(calls), 'the last row cannot move further down').toEqual([
      [12, 11, 13],
      [12, 13, 11],
    ]);

    // ArrowUp alone goes to the neighbour without moving anything.
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByTestId('brochure-row-13'));
    expect(setOrderCalls(calls)).toHaveLength(2);
  });

  it('moves with the row buttons and by drag and drop', async () => {
    const { calls } = await setup();

    await userEvent.click(screen.getByTestId('brochure-up-13'));
    await waitFor(() => expect(order()).toEqual([11, 13, 12]));

    await fireEvent.dragStart(screen.getByTestId('brochure-row-12'));
    await fireEvent.dragOver(screen.getByTestId('brochure-row-11'));
    await fireEvent.drop(screen.getByTestId('brochure-row-11'));

    await waitFor(() => expect(order()).toEqual([12, 11, 13]));
    expect(setOrderCalls(calls)).toEqual([
      [11, 13, 12],
      [12, 11, 13],
    ]);
  });

  it('lists the examples left out, each with its reason', async () => {
    const { onopenexample } = await setup();

    const section = screen.getByTestId('brochure-left-out');
    expect(within(section).getByRole('heading').textContent).toContain(
      'Nicht in der Broschüre (2)',
    );
    expect(screen.getByTestId('brochure-left-21').textContent).toContain(
      'Entwurf – noch nicht mit der Kommune abgestimmt',
    );
    expect(screen.getByTestId('brochure-left-22').textContent).toContain(
      'mit der Kommune abgestimmt, aber noch nicht freigegeben',
    );

    await userEvent.click(within(screen.getByTestId('brochure-left-21')).getByRole('button'));
    expect(onopenexample).toHaveBeenCalledWith(21);
  });

  it('writes the brochure PDF and says how many pages it has', async () => {
    const { calls } = await setup({
      'plugin:dialog|save': () => '/tmp/Praxisbeispiele.pdf',
      pdf_brochure: () => ({ path: '/tmp/Praxisbeispiele.pdf', pages: 12, warnings: [] }),
    });

    await userEvent.click(screen.getByTestId('brochure-pdf'));

    await waitFor(() =>
      expect(screen.getByTestId('brochure-notice-success').textContent).toContain(
        '12 Seiten gespeichert',
      ),
    );
    expect(calls.find((c) => c.cmd === 'pdf_brochure')?.args).toEqual({
      path: '/tmp/Praxisbeispiele.pdf',
    });
  });

  it('shows a refused reorder and keeps the stored order', async () => {
    await setup({
      brochure_set_order: () => {
        throw {
          code: 'conflict',
          message: 'Nur freigegebene Praxisbeispiele stehen in der Broschüre.',
        };
      },
    });

    await userEvent.click(screen.getByTestId('brochure-down-11'));

    await waitFor(() =>
      expect(screen.getByTestId('brochure-error').textContent).toContain(
        'Nur freigegebene Praxisbeispiele stehen in der Broschüre.',
      ),
    );
    expect(order()).toEqual([11, 12, 13]);
  });
});
