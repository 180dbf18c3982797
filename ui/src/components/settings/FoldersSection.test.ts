import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { appFolders } from '../../lib/settings/fixtures';
import { recordIPC } from '../../test/ipc';
import FoldersSection from './FoldersSection.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('FoldersSection', () => {
  it('shows the data folder and the log file, each opening its folder', async () => {
    const calls = recordIPC({
      app_folders: () => appFolders(),
      data_folder_open: () => null,
      log_folder_open: () => null,
    });
    render(FoldersSection);
    const user = userEvent.setup();

    expect((await screen.findByTestId('folders-data')).textContent?.trim()).toBe(
      '/home/amt/.local/share/de.zirkel.desktop',
    );
    expect(screen.getByTestId('folders-log').textContent?.trim()).toBe(
      '/home/amt/.local/share/de.zirkel.desktop/logs/zirkel.log',
    );
    await user.click(screen.getByTestId('folders-data-open'));
    await user.click(screen.getByTestId('folders-log-open'));
    expect(calls.map((c) => c.cmd)).toEqual(['app_folders', 'data_folder_open', 'log_folder_open']);
  });

  it('says when this session writes no log file, and shows a failure to open a folder', async () => {
    recordIPC({
      app_folders: () => appFolders({ log_file: null }),
      data_folder_open: () => {
        throw { code: 'conflict', message: 'Der Ordner „/x“ konnte nicht geöffnet werden.' };
      },
    });
    render(FoldersSection);
    const user = userEvent.setup();

    expect((await screen.findByTestId('folders-log')).textContent).toContain(
      'keine Protokolldatei',
    );
    expect(screen.queryByTestId('folders-log-open')).toBeNull();
    await user.click(screen.getByTestId('folders-data-open'));
    expect((await screen.findByTestId('folders-error')).textContent).toContain(
      'konnte nicht geöffnet werden',
    );
  });
});
