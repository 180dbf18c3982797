// The content of the help panel ("Hilfe und Tastenkürzel"): what each screen is for, and every
// keyboard shortcut the app has, grouped by where it works. Each entry names the component that
// implements it, so a new shortcut is added here beside its handler; help.test.ts checks that
// the panel and the code agree on the keys that are tested there.

import type { Screen } from '../app/app.svelte';

/** One shortcut: the keys as printed on a German keyboard, and what they do. */
export type Shortcut = { keys: string[]; action: string };
export type ShortcutGroup = { title: string; shortcuts: Shortcut[] };

/** One line per screen, in navigation order (the ids of SCREENS). */
export const SCREEN_HELP: Record<Screen, string> = {
  overview:
    'Die nächste Sitzung mit dem Stand der Anmeldungen, offene und überfällige Aufgaben, die letzten Änderungen, die Mitglieder auf der Karte und die Teilnahme je Sitzung.',
  members:
    'Die Personen des Arbeitskreises mit ihren Mandaten: anlegen, bearbeiten, filtern (auch zu einem Stichtag), importieren, als Liste, PDF oder E-Mail-Liste ausgeben.',
  organisations:
    'Die Mitgliedskommunen und Partner: Art, Bundesland, Adresse, wer sie wann vertreten hat, ihre Praxisbeispiele und die Sitzungen, die sie ausgerichtet haben.',
  sessions:
    'Die Sitzungen: Termin und Ort, Tagesordnung mit Tagesordnungspunkten (TOP), Teilnahme, Einladung und die Unterlagen als PDF oder Kalendereintrag.',
  minutes:
    'Das Protokoll einer Sitzung mit Notizen je TOP, Beschlüssen und Aufgaben, Versand und Genehmigung; dazu die offenen Aufgaben aller Sitzungen.',
  practice_examples:
    'Die Praxisbeispiele der Mitgliedskommunen nach Themenfeldern, ihr Freigabestatus und die Broschüre der freigegebenen Beispiele.',
  recommendations:
    'Die Handlungsempfehlungen nach Themenfeldern, jede Fassung vom Entwurf bis zum Beschluss, mit den Praxisbeispielen, auf die sie sich stützen.',
  settings:
    'Name und Anschrift der Geschäftsstelle, Logo und Briefkopf, Datensicherung und Wiederherstellung, Datenschutz.',
  audit:
    'Wer wann was geändert hat: Bereich, Objekt, Vorgang und die Namen der geänderten Felder, nie deren Inhalt.',
};

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    // AppHeader.svelte, HelpDialog.svelte, Dialog.svelte, App.svelte (skip link)
    title: 'Überall',
    shortcuts: [
      { keys: ['Strg+K'], action: 'Suche öffnen; noch einmal: zurück in das Suchfeld' },
      { keys: ['F1'], action: 'Diese Hilfe öffnen' },
      { keys: ['?'], action: 'Diese Hilfe öffnen (außerhalb von Eingabefeldern)' },
      { keys: ['Esc'], action: 'Den geöffneten Dialog schließen' },
      { keys: ['Tab', 'Umschalt+Tab'], action: 'Zum nächsten / vorigen Bedienelement' },
      { keys: ['Tab'], action: 'Als Erstes im Fenster: „Zum Inhalt springen“ (mit Enter), an der Navigation vorbei' },
    ],
  },
  {
    // SearchPalette.svelte
    title: 'Suche',
    shortcuts: [
      { keys: ['↑', '↓'], action: 'Vorigen / nächsten Treffer wählen' },
      { keys: ['Enter'], action: 'Den gewählten Treffer öffnen' },
      { keys: ['Esc'], action: 'Suche schließen' },
    ],
  },
  {
    // DataTable.svelte, SessionTable.svelte, PracticeTable.svelte, RecommendationTable.svelte
    title: 'Listen (Mitglieder, Organisationen, Sitzungen, Praxisbeispiele, Empfehlungen)',
    shortcuts: [
      { keys: ['↑', '↓'], action: 'Vorige / nächste Zeile' },
      { keys: ['Bild↑', 'Bild↓'], action: 'Seitenweise (Mitglieder, Organisationen)' },
      { keys: ['Pos1', 'Ende'], action: 'Erste / letzte Zeile' },
      { keys: ['Enter', 'Leertaste'], action: 'Die Zeile öffnen' },
      { keys: ['Enter'], action: 'In Datumsfiltern (Stichtag, von, bis): Filter anwenden' },
    ],
  },
  {
    // SessionTabs.svelte, MinutesView.svelte
    title: 'Reiter (Sitzung, Protokolle)',
    shortcuts: [
      { keys: ['←', '→'], action: 'Vorigen / nächsten Reiter zeigen' },
      { keys: ['Pos1', 'Ende'], action: 'Ersten / letzten Reiter zeigen' },
    ],
  },
  {
    // AgendaItemRow.svelte, AgendaDay.svelte
    title: 'Tagesordnung',
    shortcuts: [
      { keys: ['↑', '↓'], action: 'Vorigen / nächsten Tagesordnungspunkt' },
      { keys: ['Alt+↑', 'Alt+↓'], action: 'Den Tagesordnungspunkt nach oben / unten verschieben' },
      { keys: ['Enter'], action: 'Den Tagesordnungspunkt bearbeiten' },
      { keys: ['Entf'], action: 'Den Tagesordnungspunkt entfernen (fragt vorher)' },
      { keys: ['Enter'], action: 'Im Feld „Beginn“: die Anfangszeit des Tages speichern' },
    ],
  },
  {
    // SignInScreen.svelte, signin.svelte.ts
    title: 'Anwesenheit erfassen',
    shortcuts: [
      { keys: ['Buchstaben'], action: 'Namen filtern' },
      { keys: ['↑', '↓'], action: 'Vorige / nächste Person' },
      { keys: ['Enter'], action: 'Die gewählte Person als anwesend ankreuzen oder das Kreuz entfernen' },
      { keys: ['Esc'], action: 'Den Filter leeren; bei leerem Filter: fertig' },
    ],
  },
  {
    // BrochureDialog.svelte
    title: 'Broschüre',
    shortcuts: [
      { keys: ['↑', '↓'], action: 'Voriges / nächstes Praxisbeispiel' },
      { keys: ['Alt+↑', 'Alt+↓'], action: 'Das Praxisbeispiel in der Reihenfolge verschieben' },
    ],
  },
  {
    // GermanyMap.svelte
    title: 'Übersicht',
    shortcuts: [
      { keys: ['Tab'], action: 'Auf der Karte von Punkt zu Punkt' },
      { keys: ['Enter'], action: 'Die Organisation des Punkts öffnen' },
    ],
  },
];

/** True when the key goes to a field the user types into (then "?" is a character, not help). */
export function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return false;
}

/** F1 anywhere, or "?" outside a text field, without Ctrl/Alt/Meta. */
export function opensHelp(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return false;
  if (event.key === 'F1') return true;
  return event.key === '?' && !typesText(event.target);
}
