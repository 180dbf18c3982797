import { describe, expect, it } from 'vitest';
import { groupProblems, insertAt, placeholderToken } from './insert';

describe('insertAt', () => {
  it('puts the token at the cursor and the cursor after it', () => {
    expect(insertAt('Guten Tag ,', 10, 10, '{anrede}')).toEqual({
      text: 'Guten Tag {anrede},',
      caret: 18,
    });
  });

  it('replaces a selection', () => {
    expect(insertAt('Sitzung XY am', 8, 10, '{sitzung}')).toEqual({
      text: 'Sitzung {sitzung} am',
      caret: 17,
    });
  });

  it('appends when the field never had a cursor', () => {
    expect(insertAt('Ort: ', null, null, '{ort}')).toEqual({ text: 'Ort: {ort}', caret: 10 });
  });

  it('writes placeholders in braces', () => {
    expect(placeholderToken('anmeldeschluss')).toBe('{anmeldeschluss}');
  });
});

describe('groupProblems', () => {
  it('groups by placeholder in first-seen order and keeps each person', () => {
    const groups = groupProblems([
      { placeholder: 'organisation', person: 'Müller, Anna', message: 'leer' },
      { placeholder: 'titel', person: null, message: 'unbekannt' },
      { placeholder: 'organisation', person: 'Özdemir, Şükrü', message: 'leer' },
    ]);
    expect(groups).toEqual([
      {
        placeholder: 'organisation',
        entries: [
          { person: 'Müller, Anna', message: 'leer' },
          { person: 'Özdemir, Şükrü', message: 'leer' },
        ],
      },
      { placeholder: 'titel', entries: [{ person: null, message: 'unbekannt' }] },
    ]);
  });
});
