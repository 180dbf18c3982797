// Name matching for typing a few letters of a name: case and accents ignored ("sukru" finds
// "Şükrü", "lukasz" finds "Łukasz"), umlauts also equal their transcriptions ("mueller" finds
// "Müller"), as the core's search does. Pure functions, no Svelte.

/** Letters NFD does not take apart into a base letter and a combining mark. */
const LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const SPECIAL = /[łßøđðıæœþ]/g;
const COMBINING = /\p{M}/gu;
const UMLAUT = /([aou])\u0308/g;
const WORD_BREAK = /[^\p{L}\p{N}]+/u;

function fold(text: string, transcribe: boolean): string {
  let decomposed = text.toLowerCase().normalize('NFD');
  if (transcribe) decomposed = decomposed.replace(UMLAUT, '$1e');
  return decomposed.replace(COMBINING, '').replace(SPECIAL, (letter) => LETTERS[letter] ?? letter);
}

/** "Özdemir, Şükrü" → "ozdemir, sukru": lower case, marks stripped, special letters spelt out. */
export function foldName(text: string): string {
  return fold(text, false);
}

/** How well `name` matches the typed words: 0 every word starts a name word, 1 inside, null none. */
export function matchRank(name: string, query: string): 0 | 1 | null {
  const words = foldName(query).split(WORD_BREAK).filter(Boolean);
  if (words.length === 0) return 0;
  let best: 0 | 1 | null = null;
  for (const folded of new Set([fold(name, false), fold(name, true)])) {
    if (!words.every((word) => folded.includes(word))) continue;
    const nameWords = folded.split(WORD_BREAK);
    const starts = words.every((word) => nameWords.some((part) => part.startsWith(word)));
    if (starts) return 0;
    best = 1;
  }
  return best;
}

/**
 * The items whose name matches, those where every typed word starts a name word first; otherwise
 * in their given order (the core's, by name). An empty query keeps every item.
 */
export function filterByName<T>(items: readonly T[], query: string, nameOf: (item: T) => string): T[] {
  if (query.trim() === '') return [...items];
  const ranked: { item: T; rank: number; index: number }[] = [];
  items.forEach((item, index) => {
    const rank = matchRank(nameOf(item), query);
    if (rank !== null) ranked.push({ item, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.map((entry) => entry.item);
}
