// The line difference between two versions of a recommendation's text: the longest common
// subsequence of lines, the rest marked as removed (only in the older text) or added (only in
// the newer one). Recommendations are a few dozen lines, so the quadratic table is no concern.

export type TextDiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n'));

/** What changed from `older` to `newer`, line by line, in reading order. */
export function lineDiff(older: string, newer: string): TextDiffLine[] {
  const a = lines(older);
  const b = lines(newer);
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] =
        a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const result: TextDiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      result.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      result.push({ kind: 'removed', text: a[i++] });
    } else {
      result.push({ kind: 'added', text: b[j++] });
    }
  }
  while (i < a.length) result.push({ kind: 'removed', text: a[i++] });
  while (j < b.length) result.push({ kind: 'added', text: b[j++] });
  return result;
}

/** True when the two texts differ in any line. */
export function changed(diff: readonly TextDiffLine[]): boolean {
  return diff.some((line) => line.kind !== 'same');
}
