import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { AgendaItemInput, ScheduledItem, SessionDetail } from '../../lib/api/types';
import { AgendaBoard } from '../../lib/sessions/agenda.svelte';
import { SessionEditor } from '../../lib/sessions/session-editor.svelte';
import { detail, item, slot } from '../../lib/sessions/test-fixtures';
import { recordIPC, type Handler } from '../../test/ipc';
import AgendaEditor from './AgendaEditor.svelte';
import AgendaOpenItems from './AgendaOpenItems.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const DAY = '2026-09-21';
const A = item(11, { number: 1, title: 'Begrüßung', slot: slot('09:00', '09:15'), duration_minutes: 15 });
const B = item(12, { number: 2, title: 'Berichte aus den Kommunen', slot: slot('09:15', '10:00') });
const C = item(13, { number: 3, title: 'Welcome Center', slot: slot('10:00', '11:00'), duration_minutes: 60 });

/** Renumbers like the core: TOPs follow the order, breaks have none. */
const renumber = (agenda: ScheduledItem[]) => {
  let top = 0;
  return agenda.map((i) => ({ ...i, number: i.kind === 'break' ? null : ++top }));
};

async function setup(agenda: ScheduledItem[], handlers: Record<string, Handler> = {}) {
  let current: SessionDetail = detail(7, agenda);
  const calls = recordIPC({
    session_get: () => current,
    topics_list: () => [
      { id: 1, name: 'Interkulturelle Öffnung' },
      { id: 2, name: 'Bildung' },
    ],
    agenda_preview: () => current.agenda,
    agenda_move: (args) => {
      const list = [...current.agenda];
      const from = list.findIndex((i) => i.id === args.itemId);
      const [moved] = list.splice(from, 1);
      list.splice(from + (args.by as number), 0, moved);
      current = { ...current, agenda: renumber(list) };
      return current;
    },
    ...handlers,
  });
  const editor = new SessionEditor();
  await editor.load(7);
  calls.length = 0;
  const board = new AgendaBoard(editor);
  render(AgendaEditor, { props: { board } });
  return { calls, board, editor };
}

const rowIds = (day = DAY) =>
  within(screen.getByTestId(`agenda-day-${day}`))
    .getAllByRole('row')
    .map((row) => row.getAttribute('data-testid'))
    .filter((id): id is string => /^agenda-item-\d+$/.test(id ?? ''));

describe('AgendaEditor', () => {
  it('shows one section per day with its start and the items with TOP, time and title', async () => {
    await setup([A, B, item(20, { day: '2026-09-22', number: 4, kind: 'break', title: 'Pause' })]);

    expect(screen.getByTestId(`agenda-day-${DAY}`).textContent).toContain('Montag, 21.09.2026');
    expect((screen.getByTestId(`agenda-day-start-${DAY}`) as HTMLInputElement).value).toBe('09:00');
    expect(rowIds()).toEqual(['agenda-item-11', 'agenda-item-12']);
    expect(screen.getByTestId('agenda-item-number-12').textContent).toBe('2');
    expect(screen.getByTestId('agenda-item-time-12').textContent).toBe('09:15–10:00');
    expect(screen.getByTestId('agenda-item-title-12').textContent).toBe('Berichte aus den Kommunen');
    expect(rowIds('2026-09-22')).toEqual(['agenda-item-20']);
    expect(screen.getByTestId('agenda-add-2026-09-22')).toBeTruthy();
  });

  it('moves the focused item down with Alt+ArrowDown and keeps the focus on it', async () => {
    const { calls } = await setup([A, B, C]);
    const user = userEvent.setup();

    screen.getByTestId('agenda-item-11').focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');

    await waitFor(() => expect(rowIds()).toEqual(['agenda-item-12', 'agenda-item-11', 'agenda-item-13']));
    expect(calls).toEqual([{ cmd: 'agenda_move', args: { sessionId: 7, itemId: 11, by: 1 } }]);
    expect(screen.getByTestId('agenda-item-number-11').textContent, 'TOP numbers from the answer').toBe('2');
    expect(screen.getByTestId('agenda-item-number-12').textContent).toBe('1');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('agenda-item-11')));
    expect(screen.getByTestId('agenda-announcement').textContent).toContain('an Stelle 2');

    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].args.by).toBe(-1);
  });

  it('does not move the first item up, and offers arrow buttons for the mouse', async () => {
    const { calls } = await setup([A, B, C]);
    const user = userEvent.setup();

    expect((screen.getByTestId('agenda-item-up-11') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('agenda-item-down-13') as HTMLButtonElement).disabled).toBe(true);
    screen.getByTestId('agenda-item-11').focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(calls).toEqual([]);

    await user.click(screen.getByTestId('agenda-item-up-13'));
    await waitFor(() => expect(rowIds()).toEqual(['agenda-item-11', 'agenda-item-13', 'agenda-item-12']));
    expect(calls[0].args).toEqual({ sessionId: 7, itemId: 13, by: -1 });
  });

  it('moves a dragged row to where it is dropped, step by step', async () => {
    const { calls } = await setup([A, B, C]);

    await fireEvent.dragStart(screen.getByTestId('agenda-item-11'));
    await fireEvent.dragOver(screen.getByTestId('agenda-item-13'));
    await fireEvent.drop(screen.getByTestId('agenda-item-13'));

    await waitFor(() => expect(rowIds()).toEqual(['agenda-item-12', 'agenda-item-13', 'agenda-item-11']));
    expect(calls.map((c) => [c.cmd, c.args.itemId, c.args.by])).toEqual([
      ['agenda_move', 11, 1],
      ['agenda_move', 11, 1],
    ]);
  });

  it('shows a gap or an overlap before a fixed start in words', async () => {
    await setup([
      A,
      item(12, { number: 2, start_time: '09:30', slot: slot('09:30', '10:15', 15) }),
      item(13, { number: 3, start_time: '10:05', slot: slot('10:05', '11:05', 0, 10) }),
    ]);

    expect(screen.getByTestId('agenda-item-gap-12').textContent).toBe('15 Minuten Lücke');
    expect(screen.getByTestId('agenda-item-overlap-13').textContent?.trim()).toBe(
      '10 Minuten Überschneidung',
    );
    expect(screen.queryByTestId('agenda-item-gap-11')).toBeNull();
  });

  it('computes the times live while a duration is typed', async () => {
    const { calls } = await setup([A, B, C], {
      agenda_preview: (args) => {
        const minutes = (args.input as AgendaItemInput).duration_minutes ?? 0;
        const end = `${String(9 + Math.floor((15 + minutes) / 60)).padStart(2, '0')}:${String((15 + minutes) % 60).padStart(2, '0')}`;
        const later = end === '10:15' ? slot('10:15', '11:15') : C.slot;
        return [A, { ...B, duration_minutes: minutes, slot: slot('09:15', end) }, { ...C, slot: later }];
      },
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('agenda-item-edit-12'));
    const duration = screen.getByTestId('agenda-field-duration_minutes') as HTMLInputElement;
    expect(duration.value).toBe('45');
    await user.clear(duration);
    await user.type(duration, '60');

    await waitFor(() => expect(screen.getByTestId('agenda-item-time-13').textContent).toBe('10:15–11:15'));
    expect(screen.getByTestId('agenda-draft-time').textContent).toBe('09:15–10:15');
    const previews = calls.filter((c) => c.cmd === 'agenda_preview');
    expect(previews.at(-1)?.args).toMatchObject({ sessionId: 7, itemId: 12, input: { duration_minutes: 60 } });
    expect(previews.length, 'debounced: not one call per keystroke').toBeLessThan(4);
    expect(calls.some((c) => c.cmd === 'agenda_update'), 'a preview never saves').toBe(false);
  });

  it('adds an item to the day it was asked for, with every refused field marked at once', async () => {
    let refused = true;
    const { calls } = await setup([A], {
      agenda_add: () => {
        if (refused) {
          refused = false;
          throw {
            code: 'validation',
            message: '2 Eingaben sind ungültig.',
            field: 'title',
            errors: [
              { field: 'title', message: 'Titel: Bitte einen Titel angeben.' },
              { field: 'duration_minutes', message: 'Dauer: Bitte die Dauer in Minuten angeben.' },
            ],
          };
        }
        return detail(7, [A, item(30, { day: '2026-09-22', number: 2, title: 'Stadtrundgang', kind: 'visit' })]);
      },
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('agenda-add-2026-09-22'));
    expect((screen.getByTestId('agenda-field-day') as HTMLSelectElement).value).toBe('2026-09-22');
    await user.click(screen.getByTestId('agenda-item-save'));

    await waitFor(() =>
      expect(screen.getByTestId('agenda-field-title').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(screen.getByTestId('agenda-field-duration_minutes').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('agenda-field-duration_minutes-error')?.textContent).toContain(
      'Dauer: Bitte die Dauer in Minuten angeben.',
    );
    expect(document.activeElement).toBe(screen.getByTestId('agenda-field-title'));

    await user.selectOptions(screen.getByTestId('agenda-field-kind'), 'Besuch/Exkursion');
    await user.type(screen.getByTestId('agenda-field-title'), 'Stadtrundgang');
    await user.type(screen.getByTestId('agenda-field-duration_minutes'), '90');
    await user.type(screen.getByTestId('agenda-field-place'), 'Welcome Center');
    await user.click(screen.getByTestId('agenda-topic-2'));
    await user.type(screen.getByTestId('agenda-speaker-search'), 'Dr. Weiß');
    await user.click(screen.getByTestId('agenda-speaker-free'));
    await user.click(screen.getByTestId('agenda-item-save'));

    await waitFor(() => expect(screen.queryByTestId('agenda-form')).toBeNull());
    expect(calls.filter((c) => c.cmd === 'agenda_add').at(-1)?.args).toEqual({
      sessionId: 7,
      input: {
        day: '2026-09-22',
        start_time: '',
        duration_minutes: 90,
        kind: 'visit',
        title: 'Stadtrundgang',
        description: '',
        place: 'Welcome Center',
        internal: false,
        standing: false,
        speakers: [{ person_id: null, name: 'Dr. Weiß' }],
        topic_ids: [2],
      },
    });
    expect(rowIds('2026-09-22')).toEqual(['agenda-item-30']);
  });

  it('offers people from the register as speakers', async () => {
    const { calls } = await setup([A], {
      members_list: () => ({
        rows: [
          {
            person_id: 5, name: 'Weiß, Anna, Dr.', title: 'Dr.', first_name: 'Anna', name_particle: null,
            last_name: 'Weiß', organisation_id: 1, organisation: 'Stadt Stuttgart', organisation_kind: 'city',
            role: 'permanent', function: null, email: null, phone: null, state: null, since: null,
            until: null, current: true, active: true,
          },
        ],
        total: 1,
        as_of: '2026-09-21',
      }),
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('agenda-item-edit-11'));
    await user.type(screen.getByTestId('agenda-speaker-search'), 'weiss');
    await user.click(await screen.findByTestId('agenda-speaker-option-5'));

    expect(screen.getByTestId('agenda-speaker-0').textContent).toContain('Dr. Anna Weiß');
    const search = calls.find((c) => c.cmd === 'members_list')?.args.filter as { text: string; status: string };
    expect(search).toMatchObject({ text: 'weiss', status: 'all' });
  });

  it('removes an item after asking once', async () => {
    const { calls } = await setup([A, B], { agenda_remove: () => detail(7, [A]) });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('agenda-item-remove-12'));
    expect(screen.getByTestId('agenda-remove-dialog').textContent).toContain('Berichte aus den Kommunen');
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(rowIds()).toEqual(['agenda-item-11']));
    expect(calls).toEqual([{ cmd: 'agenda_remove', args: { sessionId: 7, itemId: 12 } }]);
  });

  it('saves a day start when the field is left', async () => {
    const { calls } = await setup([A], {
      session_set_day_start: (args) => ({
        ...detail(7, [{ ...A, slot: slot('08:30', '08:45') }]),
        days: [{ day: DAY, start: args.start as string }, { day: '2026-09-22', start: '09:00' }],
      }),
    });
    const user = userEvent.setup();

    const start = screen.getByTestId(`agenda-day-start-${DAY}`);
    await user.clear(start);
    await user.type(start, '08:30');
    await user.tab();

    await waitFor(() => expect(screen.getByTestId('agenda-item-time-11').textContent).toBe('08:30–08:45'));
    expect(calls).toEqual([
      { cmd: 'session_set_day_start', args: { sessionId: 7, day: DAY, start: '08:30' } },
    ]);
  });

  it('lists, adds, opens and removes attachments of an item', async () => {
    const withFile = { ...A, attachments: [{ id: 40, file_name: 'Programm.pdf', media_type: 'application/pdf', size: 20480 }] };
    let current = detail(7, [A]);
    const { calls } = await setup([A], {
      session_get: () => current,
      'plugin:dialog|open': () => '/home/anna/Programm.pdf',
      attachment_add: () => {
        current = detail(7, [withFile]);
        return withFile.attachments[0];
      },
      attachment_open: () => null,
      attachment_remove: () => {
        current = detail(7, [A]);
        return null;
      },
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('agenda-item-attach-11'));
    await waitFor(() => expect(screen.getByTestId('agenda-attachment-40').textContent).toContain('Programm.pdf'));
    expect(calls.find((c) => c.cmd === 'attachment_add')?.args).toEqual({
      itemId: 11,
      path: '/home/anna/Programm.pdf',
    });
    expect(screen.getByTestId('agenda-item-11').textContent).toContain('20 KB');

    await user.click(screen.getByTestId('agenda-attachment-40'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'attachment_open')).toBe(true));

    await user.click(screen.getByTestId('agenda-attachment-remove-40'));
    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.queryByTestId('agenda-attachment-40')).toBeNull());
    expect(calls.find((c) => c.cmd === 'attachment_remove')?.args).toEqual({ id: 40 });
  });
});

describe('AgendaEditor: the report of open action items', () => {
  it('lists the open items of earlier sessions under the agenda', () => {
    render(AgendaOpenItems, {
      props: {
        items: [
          {
            id: 5,
            session_id: 1,
            session_number: 38,
            agenda_item_id: null,
            text: 'Leitfaden verschicken',
            assignee_id: null,
            assignee_organisation_id: null,
            assignee: 'Geschäftsstelle',
            due_date: '2027-01-31',
            status: 'open',
            done_on: null,
            overdue: true,
          },
        ],
      },
    });
    const block = screen.getByTestId('agenda-open-items');
    expect(block.textContent).toContain('Bericht: offene Aufgaben');
    expect(block.textContent).toContain('Leitfaden verschicken');
    expect(block.textContent).toContain('38. Sitzung, Geschäftsstelle, fällig 31.01.2027, überfällig');
  });
});
