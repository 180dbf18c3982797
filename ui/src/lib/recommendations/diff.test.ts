import { describe, expect, it } from 'vitest';
import { changed, lineDiff } from './diff';

describe('lineDiff', () => {
  it('marks removed and added lines around the unchanged ones', () => {
    const diff = lineDiff('Einleitung\nAlt\nSchluss', 'Einleitung\nNeu\nSchluss\nAnhang');
    expect(diff).toEqual([
      { kind: 'same', text: 'Einleitung' },
      { kind: 'removed', text: 'Alt' },
      { kind: 'added', text: 'Neu' },
      { kind: 'same', text: 'Schluss' },
      { kind: 'added', text: 'Anhang' },
    ]);
    expect(changed(diff)).toBe(true);
  });

  it('finds no change in the same text, whatever the line endings', () => {
    const diff = lineDiff('a\r\nb', 'a\nb');
    expect(changed(diff), 'Windows line endings are not a change').toBe(false);
  });

  it('handles an empty side', () => {
    expect(lineDiff('', 'a')).toEqual([{ kind: 'added', text: 'a' }]);
    expect(lineDiff('a', '')).toEqual([{ kind: 'removed', text: 'a' }]);
  });
});
