// Closing the window asks first: the guard of api.ts keeps the window open while the answer is
// "no" and lets it close (destroy) on "yes". Driven through Tauri's own event mocks, so the real
// `onCloseRequested` of @tauri-apps/api runs.

import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { guardWindowClose } from './api';

afterEach(() => clearMocks());

function recordWindowCalls(): string[] {
  const calls: string[] = [];
  mockWindows('main');
  mockIPC((cmd) => {
    calls.push(cmd);
    return null;
  }, { shouldMockEvents: true });
  return calls;
}

const settle = () => new Promise((done) => setTimeout(done, 20));

describe('guardWindowClose', () => {
  it('keeps the window open while the user does not agree, and closes it when they do', async () => {
    const calls = recordWindowCalls();
    let answer = false;
    let asked = 0;
    await guardWindowClose(async () => {
      asked += 1;
      return answer;
    });

    await emit('tauri://close-requested');
    await settle();
    expect(asked).toBe(1);
    expect(calls).not.toContain('plugin:window|destroy');

    answer = true;
    await emit('tauri://close-requested');
    await settle();
    expect(asked).toBe(2);
    expect(calls).toContain('plugin:window|destroy');
  });
});
