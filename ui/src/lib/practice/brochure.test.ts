import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { BrochureState, moveBy, moveOnto } from './brochure.svelte';
import { brochurePlan } from './test-fixtures';

afterEach(() => clearMocks());

describe('brochure order', () => {
  it('moves one example by places, clamped to the ends', () => {
    expect(moveBy([11, 12, 13], 11, 1)).toEqual([12, 11, 13]);
    expect(moveBy([11, 12, 13], 13, -1)).toEqual([11, 13, 12]);
    expect(moveBy([11, 12, 13], 11, -1), 'the first cannot go further up').toEqual([11, 12, 13]);
    expect(moveBy([11, 12, 13], 99, 1), 'an unknown id changes nothing').toEqual([11, 12, 13]);
  });

  it('puts a dropped example where the one it was dropped on is', () => {
    expect(moveOnto([11, 12, 13], 11, 13), 'dragged down: after the target').toEqual([12, 13, 11]);
    expect(moveOnto([11, 12, 13], 13, 11), 'dragged up: before the target').toEqual([13, 11, 12]);
  });
});

describe('BrochureState', () => {
  it('saves a move with brochure_set_order and shows the core answer', async () => {
    const calls = recordIPC({
      brochure_plan: () => brochurePlan(),
      brochure_set_order: (args) => brochurePlan(args.ids as number[]),
    });
    const brochure = new BrochureState();
    await brochure.load();

    expect(await brochure.move(12, -1)).toBe(true);
    expect(await brochure.move(12, -1), 'already first: nothing to save').toBe(false);

    expect(calls.filter((c) => c.cmd === 'brochure_set_order').map((c) => c.args)).toEqual([
      { ids: [12, 11, 13] },
    ]);
    expect(brochure.ids).toEqual([12, 11, 13]);
  });

  it('puts the old order back when the core refuses', async () => {
    recordIPC({
      brochure_plan: () => brochurePlan(),
      brochure_set_order: () => {
        throw { code: 'conflict', message: 'Die Broschüre wurde inzwischen geändert.' };
      },
    });
    const brochure = new BrochureState();
    await brochure.load();

    expect(await brochure.moveOnto(11, 13)).toBe(false);

    expect(brochure.ids, 'the shown order is the stored one').toEqual([11, 12, 13]);
    expect(brochure.error?.message).toBe('Die Broschüre wurde inzwischen geändert.');
  });

  it('writes the PDF where the user chose and reports pages and warnings', async () => {
    const calls = recordIPC({
      'plugin:dialog|save': () => '/tmp/Praxisbeispiele.pdf',
      pdf_brochure: () => ({
        path: '/tmp/Praxisbeispiele.pdf',
        pages: 12,
        warnings: ['„Jobbrücke“: Zeichen ẞ ersetzt.'],
      }),
    });
    const brochure = new BrochureState();

    await brochure.writePdf();

    expect(calls.find((c) => c.cmd === 'plugin:dialog|save')?.args).toMatchObject({
      options: {
        defaultPath: 'Praxisbeispiele.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      },
    });
    expect(calls.find((c) => c.cmd === 'pdf_brochure')?.args).toEqual({
      path: '/tmp/Praxisbeispiele.pdf',
    });
    expect(brochure.notices.map((n) => [n.kind, n.title])).toEqual([
      ['success', 'Broschüre als PDF: 12 Seiten gespeichert'],
      ['warning', 'Hinweis zur Broschüre'],
    ]);
  });

  it('writes nothing and says nothing when the save dialog is cancelled', async () => {
    const calls = recordIPC({ 'plugin:dialog|save': () => null });
    const brochure = new BrochureState();

    await brochure.writePdf();

    expect(calls.map((c) => c.cmd)).toEqual(['plugin:dialog|save']);
    expect(brochure.notices).toEqual([]);
  });
});
