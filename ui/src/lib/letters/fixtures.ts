// Test data for the letters tests: a preview as the core sends it. Imported by tests only.

import type { LetterPreview, PlaceholderProblem } from '../api/types';

export function letterPreview(
  problems: PlaceholderProblem[] = [],
  overrides: Partial<LetterPreview> = {},
): LetterPreview {
  return {
    recipient: 'Şükrü Özdemir',
    address: ['Herrn', 'Şükrü Özdemir', 'Stadt Herten', 'Kurt-Schumacher-Str. 2', '45699 Herten'],
    date: '01.09.2026',
    subject: 'Einladung zur 42. Sitzung',
    paragraphs: ['Sehr geehrter Herr Özdemir,', 'wir laden ein.'],
    problems,
    ...overrides,
  };
}
