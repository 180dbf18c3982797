// The glossary (docs/glossary.md) is used: no UI text under ui/src uses a word its table "Zu
// vermeidende Wörter" rules out. UI text is what is left of a .svelte/.ts file without comments,
// import lines and <style> blocks; tests, test data and the generated bindings are not UI text.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Vitest runs in ui/ (jsdom gives this module no file: URL).
const SRC = resolve(process.cwd(), 'src');
const GLOSSARY = resolve(process.cwd(), '..', 'docs', 'glossary.md');

type Avoided = { word: string; instead: string };

/** The rows of the section "Zu vermeidende Wörter": every `word` of the first column. */
function avoidedWords(markdown: string): Avoided[] {
  const section = markdown.split(/^## Zu vermeidende Wörter\s*$/m)[1];
  if (section === undefined) throw new Error('docs/glossary.md has no section "Zu vermeidende Wörter"');
  const body = section.split(/^## /m)[0];
  const words: Avoided[] = [];
  for (const line of body.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // | words | instead | why |  →  ['', words, instead, why, '']
    if (cells.length < 4 || /^-+$/.test(cells[1]) || cells[1] === 'Nicht verwenden') continue;
    for (const [, word] of cells[1].matchAll(/`([^`]+)`/g)) words.push({ word, instead: cells[2] });
  }
  return words;
}

/** What a user can read of a source file: without comments, imports and styles. */
function uiText(source: string): string {
  return source
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/^\s*import\s[^;]*;?\s*$/gm, '')
    .replace(/\bfrom\s+'[^']*'/g, '');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The avoided words `text` uses as whole words (case as written in the glossary). */
function findAvoided(text: string, words: Avoided[]): string[] {
  return words
    .filter(({ word }) =>
      new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(word)}(?![\\p{L}\\p{N}_-])`, 'u').test(text),
    )
    .map(({ word }) => word);
}

function uiFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['test', 'testing'].includes(entry.name) ? [] : uiFiles(path);
    if (!/\.(svelte|ts)$/.test(entry.name)) return [];
    if (/\.test\.ts$|(^|-)fixtures\.ts$|^bindings\.ts$/.test(entry.name)) return [];
    return [path];
  });
}

describe('glossary', () => {
  const words = avoidedWords(readFileSync(GLOSSARY, 'utf8'));

  it('reads the table of avoided words', () => {
    const listed = words.map((w) => w.word);
    expect(listed).toContain('Backup');
    expect(listed).toContain('Meeting');
    expect(listed).toContain('eMail');
    expect(words.find((w) => w.word === 'Backup')?.instead).toContain('Datensicherung');
  });

  it('finds an avoided word in text and markup, but not in comments, imports or longer words', () => {
    const source = [
      "import BackupSection from '../backup/BackupSection.svelte';",
      '// Backup of the store',
      '<!-- Meeting notes -->',
      '<p>Das Backup ist fertig.</p>',
      "const label = 'Meetingraum';",
      'placeholder="Ihre eMail"',
    ].join('\n');
    expect(findAvoided(uiText(source), words).sort()).toEqual(['Backup', 'eMail']);
  });

  it('no UI text under ui/src uses an avoided word', () => {
    const files = uiFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((path) => {
      const found = findAvoided(uiText(readFileSync(path, 'utf8')), words);
      return found.map((word) => {
        const instead = words.find((w) => w.word === word)?.instead;
        return `${relative(SRC, path)}: „${word}“ (stattdessen: ${instead})`;
      });
    });
    expect(hits, 'see docs/glossary.md').toEqual([]);
  });
});
