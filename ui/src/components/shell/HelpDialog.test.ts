import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { AppState, appContext, SCREENS } from '../../lib/app/app.svelte';
import { opensHelp, SCREEN_HELP, SHORTCUT_GROUPS } from '../../lib/help/help';
import AppHeader from './AppHeader.svelte';
import HelpDialog from './HelpDialog.svelte';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

function setup() {
  const app = new AppState();
  render(AppHeader, { context: appContext(app) });
  render(HelpDialog, { context: appContext(app) });
  return { app, user: userEvent.setup() };
}

const isOpen = () => screen.getByTestId('help-dialog').hasAttribute('open');

/** Escape on a modal dialog: the browser fires "cancel" on it. */
const escape = () =>
  fireEvent(screen.getByTestId('help-dialog'), new Event('cancel', { cancelable: true }));

describe('HelpDialog', () => {
  it('opens with F1, lists every screen and the shortcuts, and Escape closes it', async () => {
    setup();
    expect(isOpen()).toBe(false);
    await fireEvent.keyDown(window, { key: 'F1' });
    await waitFor(() => expect(isOpen()).toBe(true));

    const dialog = screen.getByTestId('help-dialog');
    expect(dialog.querySelector('h2')?.textContent).toBe('Hilfe und Tastenkürzel');
    const screens = screen.getByTestId('help-screens');
    for (const entry of SCREENS) {
      expect(screens.textContent, entry.label).toContain(entry.label);
      expect(screens.textContent).toContain(SCREEN_HELP[entry.id]);
    }
    const shortcuts = screen.getByTestId('help-shortcuts').textContent ?? '';
    for (const text of ['Strg+K', 'F1', 'Esc', 'Alt+↑', 'Pos1', 'Suche öffnen']) {
      expect(shortcuts, text).toContain(text);
    }
    expect(dialog.querySelectorAll('table')).toHaveLength(SHORTCUT_GROUPS.length);

    await escape();
    await waitFor(() => expect(isOpen()).toBe(false));
  });

  it('"?" opens it outside text fields only', async () => {
    setup();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await fireEvent.keyDown(input, { key: '?' });
    expect(isOpen(), 'typing "?" into a field is a character').toBe(false);

    const box = document.createElement('input');
    box.type = 'checkbox';
    document.body.append(box);
    await fireEvent.keyDown(box, { key: '?' });
    await waitFor(() => expect(isOpen()).toBe(true));
  });

  it('opens from the header button and gives the focus back to it on closing', async () => {
    const { user } = setup();
    const button = screen.getByTestId('help-open');
    expect(button.textContent).toContain('Hilfe');
    await user.click(button);
    await waitFor(() => expect(isOpen()).toBe(true));

    await user.click(screen.getByTestId('help-close'));
    await waitFor(() => expect(isOpen()).toBe(false));
    expect(document.activeElement).toBe(button);
  });
});

describe('opensHelp', () => {
  const key = (init: KeyboardEventInit, target?: HTMLElement) => {
    const event = new KeyboardEvent('keydown', init);
    if (target) Object.defineProperty(event, 'target', { value: target });
    return event;
  };

  it('takes F1 anywhere, "?" outside text fields, nothing with Ctrl or Alt', () => {
    const textarea = document.createElement('textarea');
    const button = document.createElement('button');
    expect(opensHelp(key({ key: 'F1' }, textarea))).toBe(true);
    expect(opensHelp(key({ key: '?' }, button))).toBe(true);
    expect(opensHelp(key({ key: '?' }, textarea))).toBe(false);
    expect(opensHelp(key({ key: '?', ctrlKey: true }, button))).toBe(false);
    expect(opensHelp(key({ key: 'F1', altKey: true }, button))).toBe(false);
    expect(opensHelp(key({ key: 'h' }, button))).toBe(false);
  });
});
