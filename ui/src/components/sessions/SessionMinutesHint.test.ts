import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import { minutesScreen } from '../../lib/minutes/minutes.svelte';
import { recordIPC } from '../../test/ipc';
import SessionMinutesHint from './SessionMinutesHint.svelte';

afterEach(() => clearMocks());

describe('SessionMinutesHint', () => {
  it('offers the previous minutes for approval and opens this session in the minutes screen', async () => {
    const calls = recordIPC({
      minutes_get: (args) => ({
        session: { id: args.sessionId },
        minutes: null,
        to_approve:
          args.sessionId === 39
            ? { session_id: 38, number: 38, minutes_id: 7, status: 'sent' }
            : null,
        sections: [],
        present: [],
        excused: [],
        represented: [],
        open_items: [],
        versions: [],
        locked: false,
      }),
    });
    const app = new AppState();
    render(SessionMinutesHint, {
      props: { sessionId: 39 },
      context: appContext(app),
    });
    const hint = await screen.findByTestId('session-minutes-hint');
    expect(hint.textContent).toContain('Protokoll der 38. Sitzung');
    await userEvent.setup().click(screen.getByTestId('session-minutes-open'));
    await waitFor(() => expect(app.screen).toBe('minutes'));
    expect(minutesScreen.sessionId).toBe(39);
    expect(calls.filter((c) => c.cmd === 'minutes_get').map((c) => c.args.sessionId)).toContain(39);
  });
});
