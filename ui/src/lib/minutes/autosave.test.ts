import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../api/errors';
import { Autosave, AUTOSAVE_DEBOUNCE_MS, AUTOSAVE_MAX_INTERVAL_MS } from './autosave.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** An autosave over a fake store that records every write and answers "10:42". */
function setup(answer: (text: string) => Promise<{ at: string }> = () => Promise.resolve({ at: '10:42' })) {
  const autosave = new Autosave();
  const writes: { key: string; text: string }[] = [];
  const type = (key: string, text: string) =>
    autosave.change(key, () => {
      writes.push({ key, text });
      return answer(text);
    });
  return { autosave, writes, type };
}

/** Types `text` letter by letter into `key`, one letter every `every` ms. */
async function typeSlowly(type: (key: string, text: string) => void, key: string, text: string, every: number) {
  for (let i = 1; i <= text.length; i++) {
    type(key, text.slice(0, i));
    await vi.advanceTimersByTimeAsync(every);
  }
}

describe('Autosave', () => {
  it('writes once after the pause, with the whole text', async () => {
    const { autosave, writes, type } = setup();
    await typeSlowly(type, 'general', 'Begrüßung', 50);
    expect(writes, 'nothing while the user is typing').toEqual([]);
    expect(autosave.label).toBe('Wird gespeichert …');

    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);

    expect(writes, 'one write per pause, not one per keystroke').toEqual([{ key: 'general', text: 'Begrüßung' }]);
    expect(autosave.label).toBe('Gespeichert 10:42');
    expect(autosave.dirty).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(writes, 'nothing more without typing').toHaveLength(1);
  });

  it('writes at least every two seconds while the user types on without a pause', async () => {
    const { writes, type } = setup();
    const text = 'x'.repeat(50);
    await typeSlowly(type, '11', text, 100); // 5 s of typing, never pausing for 800 ms

    expect(writes.length, 'the maximum interval bounds how long a burst stays unsaved').toBeGreaterThanOrEqual(2);
    for (const write of writes) expect(text.startsWith(write.text)).toBe(true);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(writes.at(-1)?.text, 'the last write has everything typed').toBe(text);
  });

  it('does not move the deadline with each keystroke', async () => {
    const { writes, type } = setup();
    await typeSlowly(type, '11', 'a'.repeat(AUTOSAVE_MAX_INTERVAL_MS / 100), 100);
    expect(writes).toHaveLength(1);
  });

  it('writes each section of a burst, and flush() writes at once', async () => {
    const { autosave, writes, type } = setup();
    type('general', 'Begrüßung');
    type('11', 'Bericht');
    type('general', 'Begrüßung durch Frau Weiß');

    await autosave.flush();

    expect(writes).toEqual([
      { key: 'general', text: 'Begrüßung durch Frau Weiß' },
      { key: '11', text: 'Bericht' },
    ]);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_INTERVAL_MS);
    expect(writes, 'flush() stops the timers').toHaveLength(2);
  });

  it('writes one after another, so an older text never lands after a newer one', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const { autosave, type } = setup(
      (text) =>
        new Promise((resolve) => {
          order.push(`start ${text}`);
          const done = () => {
            order.push(`end ${text}`);
            resolve({ at: '10:43' });
          };
          if (text === 'eins') release = done;
          else done();
        }),
    );
    type('general', 'eins');
    const first = autosave.flush();
    type('general', 'zwei');
    const second = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['start eins']);
    expect(autosave.dirty).toBe(true);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['start eins', 'end eins', 'start zwei', 'end zwei']);
    expect(autosave.label).toBe('Gespeichert 10:43');
  });

  it('says why a write was refused, and tries a passing failure again with the next write', async () => {
    let fail = true;
    const { autosave, writes, type } = setup(() =>
      fail
        ? Promise.reject(new UserError('internal', 'Die Datenbank ist gerade belegt.'))
        : Promise.resolve({ at: '10:44' }),
    );
    type('general', 'Begrüßung');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(autosave.label).toBe('Nicht gespeichert: Die Datenbank ist gerade belegt.');
    expect(autosave.dirty, 'the text is still unsaved').toBe(true);

    fail = false;
    type('11', 'Bericht');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(writes.map((w) => w.text)).toEqual(['Begrüßung', 'Begrüßung', 'Bericht']);
    expect(autosave.label).toBe('Gespeichert 10:44');
    expect(autosave.dirty).toBe(false);
  });

  it('does not try a refused write again (locked minutes stay locked)', async () => {
    const { autosave, writes, type } = setup(() =>
      Promise.reject(new UserError('locked', 'Das Protokoll ist genehmigt.')),
    );
    type('general', 'x');
    await autosave.flush();
    await autosave.flush();
    expect(writes).toHaveLength(1);
    expect(autosave.label).toBe('Nicht gespeichert: Das Protokoll ist genehmigt.');
  });

  it('says nothing is unsaved before the first keystroke', () => {
    const { autosave } = setup();
    expect(autosave.status).toEqual({ kind: 'idle' });
    expect(autosave.dirty).toBe(false);
  });
});
