// Where the links of the Übersicht lead. A recent change, a map dot, the next session and an
// overdue item open their record the way a search hit does (AppState.openHit: the record's
// screen, once the leave guard allowed leaving), so one place knows how each kind is shown.

import type { RecentChange, SearchHit } from '../api/types';
import type { AppState } from '../app/app.svelte';
import { minutesScreen } from '../minutes/minutes.svelte';

type Target = Pick<SearchHit, 'kind' | 'id' | 'session_id'>;

function open(app: AppState, { kind, id, session_id }: Target): Promise<boolean> {
  return app.openHit({ kind, id, session_id, title: [], snippet: [], context: '' });
}

/** The organisations screen with the organisation selected. */
export const openOrganisation = (app: AppState, id: number) =>
  open(app, { kind: 'organisation', id, session_id: null });

/** The sessions screen with the session's page open. */
export const openSession = (app: AppState, id: number) =>
  open(app, { kind: 'session', id, session_id: id });

/** The Protokolle screen on a session's minutes (where its action items are). */
export async function openMinutes(app: AppState, sessionId: number): Promise<boolean> {
  if (!(await app.navigate('minutes'))) return false;
  await minutesScreen.open(sessionId);
  return true;
}

/** The Protokolle screen on its tab "Offene Aufgaben". */
export async function openTasks(app: AppState): Promise<boolean> {
  if (!(await app.navigate('minutes'))) return false;
  minutesScreen.tab = 'tasks';
  return true;
}

/** Opens what a recent change was made to; false when it is gone or leaving was refused. */
export function openChange(app: AppState, change: RecentChange): Promise<boolean> {
  if (!change.exists) return Promise.resolve(false);
  return open(app, change);
}
