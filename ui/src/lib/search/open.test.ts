// AppState.openHit: every kind of search hit opens on its screen, through the leave guard.

import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { AppState } from '../app/app.svelte';
import { minutesDetail, sessionEntries } from '../minutes/fixtures';
import { hit } from './fixtures';

afterEach(() => {
  clearMocks();
  // The sessions and minutes screens keep their state in module-level instances.
  const app = new AppState();
  app.sessions.reset();
  app.minutes.reset();
});

/** An app with a form that has unsaved changes, whose leave question answers `leave`. */
function dirtyApp(leave: boolean) {
  const app = new AppState();
  const unregister = app.guard.register(() => true);
  const answering = setInterval(() => {
    if (app.guard.asking) {
      unregister();
      app.guard.answer(leave);
    }
  }, 1);
  return { app, done: () => clearInterval(answering) };
}

describe('AppState.openHit', () => {
  it('opens a person on the members screen, selected', async () => {
    const app = new AppState();
    app.screen = 'overview';
    expect(await app.openHit(hit('person', 12, 'Şükrü [Özdemir]'))).toBe(true);
    expect(app.screen).toBe('members');
    expect(app.members.selected).toBe(12);
  });

  it('opens an organisation on the organisations screen, selected', async () => {
    const app = new AppState();
    expect(await app.openHit(hit('organisation', 3, 'Stadt [Jena]'))).toBe(true);
    expect(app.screen).toBe('organisations');
    expect(app.organisations.selected).toBe(3);
  });

  it('opens a session, and an agenda item on its session page with the agenda', async () => {
    const app = new AppState();
    await app.openHit(hit('session', 4, '39. [Sitzung]', { session_id: 4 }));
    expect(app.screen).toBe('sessions');
    expect(app.sessions.selected).toBe(4);

    app.sessions.tab = 'letters';
    await app.openHit(hit('agenda_item', 81, '[Berichte]', { session_id: 7 }));
    expect(app.sessions.selected, 'the page of the item’s session').toBe(7);
    expect(app.sessions.tab, 'where the item is').toBe('agenda');
  });

  it('opens a note, decision or action item in the minutes of its session', async () => {
    const calls = recordIPC({
      minutes_get: () => minutesDetail(),
      sessions_list: () => sessionEntries(),
    });
    const app = new AppState();
    app.minutes.tab = 'tasks';
    expect(await app.openHit(hit('decision', 44, '[Auswertung]', { session_id: 6 }))).toBe(true);
    expect(app.screen).toBe('minutes');
    expect(app.minutes.tab, 'the minutes, not the open tasks').toBe('minutes');
    expect(app.minutes.sessionId).toBe(6);
    expect(calls).toContainEqual({ cmd: 'minutes_get', args: { sessionId: 6 } });

    await app.openHit(hit('action_item', 45, '[Liste]', { session_id: 7 }));
    expect(app.minutes.sessionId).toBe(7);
    // The screen's own load on mounting keeps the session the hit chose.
    await app.minutes.load();
    expect(app.minutes.sessionId).toBe(7);
  });

  it('does not open minutes for a hit without a session', async () => {
    const app = new AppState();
    expect(await app.openHit(hit('minutes_note', 31, 'TOP 4', { session_id: null }))).toBe(false);
    expect(app.screen).toBe('members');
  });

  it('opens practice examples, recommendations and a topic’s examples', async () => {
    const app = new AppState();
    await app.openHit(hit('practice_example', 5, '[Lotsen]'));
    expect(app.screen).toBe('practice_examples');
    expect(app.practiceExamples.selected).toBe(5);

    await app.openHit(hit('topic', 2, '[Arbeitsmarkt]'));
    expect(app.screen).toBe('practice_examples');
    expect(app.practiceExamples.topicId).toBe(2);
    expect(app.practiceExamples.selected, 'the filtered list, not an example').toBeNull();

    await app.openHit(hit('recommendation', 8, '[Willkommensbehörde]'));
    expect(app.screen).toBe('recommendations');
    expect(app.recommendations.selected).toBe(8);
  });

  it('keeps unsaved changes when the user says so, on another screen or the same one', async () => {
    const elsewhere = dirtyApp(false);
    elsewhere.app.screen = 'organisations';
    expect(await elsewhere.app.openHit(hit('person', 12, 'Şükrü [Özdemir]'))).toBe(false);
    elsewhere.done();
    expect(elsewhere.app.screen).toBe('organisations');
    expect(elsewhere.app.members.selected).toBeNull();

    // Already on the members screen, another person would replace the changed form just as well.
    const here = dirtyApp(false);
    here.app.members.selected = 3;
    expect(await here.app.openHit(hit('person', 12, 'Şükrü [Özdemir]'))).toBe(false);
    here.done();
    expect(here.app.members.selected).toBe(3);
  });

  it('asks once, not twice, when leaving another screen with unsaved changes', async () => {
    const { app, done } = dirtyApp(true);
    let asked = 0;
    const confirmLeave = app.guard.confirmLeave.bind(app.guard);
    app.guard.confirmLeave = () => {
      if (app.guard.dirty) asked++;
      return confirmLeave();
    };
    app.screen = 'sessions';
    expect(await app.openHit(hit('practice_example', 5, '[Lotsen]'))).toBe(true);
    done();
    expect(asked).toBe(1);
    expect(app.screen).toBe('practice_examples');
    expect(app.practiceExamples.selected).toBe(5);
  });
});
