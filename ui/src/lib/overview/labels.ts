// German texts of the Übersicht that follow from its figures.

/** "heute", "morgen", "in 12 Tagen"; a session already running: "läuft seit 1 Tag". */
export function daysUntilText(days: number): string {
  if (days === 0) return 'heute';
  if (days === 1) return 'morgen';
  if (days > 1) return `in ${days.toLocaleString('de-DE')} Tagen`;
  const since = -days;
  return `läuft seit ${since.toLocaleString('de-DE')} ${since === 1 ? 'Tag' : 'Tagen'}`;
}

/** "34 von 40" as a share for a bar: 0 when nobody was invited. */
export function share(part: number, whole: number): number {
  return whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0;
}
