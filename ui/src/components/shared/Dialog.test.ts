import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import Dialog from './Dialog.svelte';

afterEach(() => cleanup());

const body = createRawSnippet(() => ({ render: () => '<p>Inhalt</p>' }));

describe('Dialog', () => {
  it('opens modally, is labelled by its title and reports Escape as close', async () => {
    const onclose = vi.fn();
    render(Dialog, { props: { open: true, title: 'Titel', onclose, children: body, testid: 'd' } });
    const dialog = screen.getByTestId('d') as HTMLDialogElement;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Titel');

    // Escape makes the browser fire "cancel" on a modal dialog.
    const cancel = new Event('cancel', { cancelable: true });
    await fireEvent(dialog, cancel);
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(cancel.defaultPrevented).toBe(true);
  });

  it('closes with its close button', async () => {
    const onclose = vi.fn();
    render(Dialog, { props: { open: true, title: 'Titel', onclose, children: body } });
    await fireEvent.click(screen.getByText('Schließen').closest('button')!);
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});
