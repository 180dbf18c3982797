import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { TOPICS, topicRow } from '../../lib/practice/test-fixtures';
import { recordIPC, type Handler } from '../../test/ipc';
import TopicsDialog from './TopicsDialog.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

async function setup(handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({ topics_list: () => TOPICS, ...handlers });
  const onchange = vi.fn();
  render(TopicsDialog, { props: { open: true, onclose: vi.fn(), onchange } });
  await waitFor(() => expect(screen.getByTestId('topic-row-1')).toBeTruthy());
  return { calls, onchange };
}

describe('TopicsDialog', () => {
  it('lists the topics with their use counts', async () => {
    await setup();

    expect(screen.getByTestId('topic-uses-1').textContent).toBe(
      '3 TOPs, 5 Praxisbeispiele, 2 Empfehlungen',
    );
    expect(screen.getByTestId('topic-uses-2').textContent).toBe('1 Praxisbeispiel');
    expect(screen.getByTestId('topic-uses-3').textContent).toBe('nicht verwendet');
  });

  it('offers deleting only an unused topic and says why not otherwise', async () => {
    await setup();

    const used = screen.getByTestId('topic-delete-1');
    expect(used.hasAttribute('disabled')).toBe(true);
    expect(used.getAttribute('aria-describedby')).toBe('topic-delete-hint-1');
    expect(screen.getByTestId('topic-delete-hint-1').textContent).toContain('zusammenführen');
    expect(screen.getByTestId('topic-delete-3').hasAttribute('disabled')).toBe(false);
    expect(screen.queryByTestId('topic-delete-hint-3')).toBeNull();
  });

  it('shows the core conflict when it refuses a delete (used meanwhile)', async () => {
    const message =
      'Wohnen wird noch von 3 Praxisbeispielen verwendet. Stattdessen zusammenführen …';
    const { calls, onchange } = await setup({
      topic_delete: () => {
        throw { code: 'conflict', message };
      },
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('topic-delete-3'));
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() =>
      expect(screen.getByTestId('topics-failure').textContent).toContain(message),
    );
    expect(calls.find((c) => c.cmd === 'topic_delete')?.args).toEqual({ id: 3 });
    expect(screen.getByTestId('topic-row-3'), 'the topic stays').toBeTruthy();
    expect(onchange).not.toHaveBeenCalled();
  });

  it('merges a topic into the chosen one after saying once what moves', async () => {
    let rows = TOPICS;
    const { calls, onchange } = await setup({
      topics_list: () => rows,
      topic_merge: () => {
        rows = [
          topicRow(2, 'Bildung', { agenda_items: 3, practice_examples: 6, recommendations: 2 }),
          rows[2],
        ];
        return rows[0];
      },
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('topic-merge-1'));
    expect(document.activeElement).toBe(screen.getByTestId('topic-merge-target'));
    const choices = [
      ...(screen.getByTestId('topic-merge-target') as HTMLSelectElement).options,
    ].map((o) => o.textContent);
    expect(choices, 'not into itself').toEqual(['– Themenfeld wählen –', 'Bildung', 'Wohnen']);
    expect(screen.getByTestId('topic-merge-go').hasAttribute('disabled')).toBe(true);
    await user.selectOptions(screen.getByTestId('topic-merge-target'), 'Bildung');
    await user.click(screen.getByTestId('topic-merge-go'));

    const confirm = screen.getByTestId('topic-merge-dialog');
    expect(confirm.textContent).toContain(
      '3 TOPs, 5 Praxisbeispiele, 2 Empfehlungen erhalten statt „Arbeitsmarkt“ das Themenfeld „Bildung“.',
    );
    expect(confirm.textContent).toContain('„Arbeitsmarkt“ wird danach gelöscht.');
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(screen.queryByTestId('topic-row-1')).toBeNull());
    expect(calls.find((c) => c.cmd === 'topic_merge')?.args).toEqual({ fromId: 1, intoId: 2 });
    expect(screen.getByTestId('topic-uses-2').textContent).toBe(
      '3 TOPs, 6 Praxisbeispiele, 2 Empfehlungen',
    );
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it('creates a topic; a refused name stands under the name field', async () => {
    const message = 'Name: Ein Themenfeld „Wohnen“ gibt es schon.';
    const { calls, onchange } = await setup({
      topic_create: () => {
        throw { code: 'validation', field: 'name', message };
      },
    });
    const user = userEvent.setup();

    await user.type(screen.getByTestId('topic-name'), 'wohnen');
    await user.type(screen.getByTestId('topic-description'), 'Zugang zu Wohnraum');
    await user.click(screen.getByTestId('topic-save'));

    await waitFor(() =>
      expect(document.getElementById('topic-name-error')?.textContent).toContain(message),
    );
    expect(calls.find((c) => c.cmd === 'topic_create')?.args).toEqual({
      input: { name: 'wohnen', description: 'Zugang zu Wohnraum' },
    });
    expect(screen.getByTestId('topic-name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('topic-name'));
    expect(onchange).not.toHaveBeenCalled();
  });

  it('renames a topic and reports the change', async () => {
    let rows = TOPICS;
    const { calls, onchange } = await setup({
      topics_list: () => rows,
      topic_update: (args) => {
        const input = args.input as { name: string; description: string };
        rows = rows.map((r) => (r.id === 2 ? { ...r, ...input } : r));
        return rows[1];
      },
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('topic-edit-2'));
    expect(document.activeElement).toBe(screen.getByTestId('topic-name'));
    expect((screen.getByTestId('topic-name') as HTMLInputElement).value).toBe('Bildung');
    await user.clear(screen.getByTestId('topic-name'));
    await user.type(screen.getByTestId('topic-name'), 'Bildung und Sprache');
    await user.click(screen.getByTestId('topic-save'));

    await waitFor(() =>
      expect(screen.getByTestId('topic-row-2').textContent).toContain('Bildung und Sprache'),
    );
    expect(calls.find((c) => c.cmd === 'topic_update')?.args).toEqual({
      id: 2,
      input: { name: 'Bildung und Sprache', description: '' },
    });
    expect(onchange).toHaveBeenCalledTimes(1);
  });
});
