// Answers of the settings commands for tests.

import type { AppFolders, LetterheadSettings, LogoPreview } from '../api/types';

export function logoPreview(overrides: Partial<LogoPreview> = {}): LogoPreview {
  return {
    custom: false,
    format: 'png',
    width: 96,
    height: 96,
    size_bytes: 4420,
    data_url: 'data:image/png;base64,iVBORw0KGgo=',
    ...overrides,
  };
}

export function letterheadSettings(
  input: Partial<LetterheadSettings['input']> = {},
  logo: Partial<LogoPreview> = {},
): LetterheadSettings {
  return {
    input: {
      group_name: 'Kommunaler Qualitätszirkel zur Integrationspolitik',
      secretariat_name: 'Geschäftsstelle des Qualitätszirkels',
      secretariat_address: 'Landeshauptstadt Stuttgart\nMarktplatz 1\n70173 Stuttgart',
      signature: 'Ihre Geschäftsstelle',
      contact: '',
      ...input,
    },
    logo: logoPreview(logo),
  };
}

export function appFolders(overrides: Partial<AppFolders> = {}): AppFolders {
  return {
    data_folder: '/home/amt/.local/share/de.zirkel.desktop',
    database: '/home/amt/.local/share/de.zirkel.desktop/zirkel.sqlite3',
    log_file: '/home/amt/.local/share/de.zirkel.desktop/logs/zirkel.log',
    ...overrides,
  };
}
