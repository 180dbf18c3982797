import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import EmptyState from './EmptyState.svelte';

afterEach(() => cleanup());

const text = createRawSnippet(() => ({ render: () => '<p>Hier führen Sie die Personen.</p>' }));
const actions = createRawSnippet(() => ({
  render: () => '<button type="button" data-testid="first-action">Person anlegen</button>',
}));

describe('EmptyState', () => {
  it('"nothing yet": says what the place is for and offers the first action, no reset', () => {
    render(EmptyState, {
      props: { title: 'Noch keine Mitglieder', children: text, actions, testid: 'e' },
    });
    const box = screen.getByTestId('e');
    expect(box.dataset.empty).toBe('none');
    expect(box.textContent).toContain('Noch keine Mitglieder');
    expect(box.textContent).toContain('Hier führen Sie die Personen.');
    expect(screen.getByTestId('first-action').textContent).toBe('Person anlegen');
    expect(screen.queryByTestId('e-reset')).toBeNull();
    expect(screen.queryByText('Filter zurücksetzen')).toBeNull();
  });

  it('"no hit": offers "Filter zurücksetzen", which calls onreset', async () => {
    const onreset = vi.fn();
    render(EmptyState, {
      props: { kind: 'filtered', title: 'Keine Person gefunden', onreset, testid: 'e' },
    });
    expect(screen.getByTestId('e').dataset.empty).toBe('filtered');
    const reset = screen.getByTestId('e-reset');
    expect(reset.textContent?.trim()).toBe('Filter zurücksetzen');
    await userEvent.click(reset);
    expect(onreset).toHaveBeenCalledTimes(1);
  });

  it('shows no action row when there is nothing to offer', () => {
    render(EmptyState, { props: { title: 'Noch keine Änderungen.', testid: 'e' } });
    expect(screen.getByTestId('e').querySelector('button')).toBeNull();
  });
});
