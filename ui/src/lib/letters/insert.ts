// Inserting a placeholder such as "{name}" where the cursor stands in a text field.

/** `text` with `token` in place of the selection start…end; `caret` is where the cursor goes. */
export function insertAt(
  text: string,
  start: number | null,
  end: number | null,
  token: string,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start ?? text.length, text.length));
  const to = Math.max(from, Math.min(end ?? from, text.length));
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}

/** "name" → "{name}", as the template writes placeholders. */
export const placeholderToken = (name: string): string => `{${name}}`;

/** Problems of one placeholder, each with the person it concerns (null: every letter). */
export type ProblemGroup = {
  placeholder: string;
  entries: { person: string | null; message: string }[];
};

/** The core's problems grouped by placeholder, in the order they first appear. */
export function groupProblems(
  problems: readonly { placeholder: string; person: string | null; message: string }[],
): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const { placeholder, person, message } of problems) {
    let group = groups.get(placeholder);
    if (!group) {
      group = { placeholder, entries: [] };
      groups.set(placeholder, group);
    }
    group.entries.push({ person, message });
  }
  return [...groups.values()];
}
