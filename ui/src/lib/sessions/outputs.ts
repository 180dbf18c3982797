// The outputs of a session: its PDFs (agenda, sign-in sheet, badges, table cards, session file)
// and its calendar file. Each asks where to save with the system's dialog, writes, and says what
// happened in German; cancelling the dialog writes nothing and says nothing.

import * as api from '../api/api';
import type { Session, SessionDocument } from '../api/types';
import { countOf } from '../format';
import { DOCUMENTS, documentFileName, sessionName } from './labels';

export type Output = SessionDocument | 'ics';

export type OutputNotice = {
  kind: 'success' | 'warning' | 'danger';
  title: string;
  lines: string[];
};

/** What the user sees on the button of an output. */
export function outputLabel(output: Output): string {
  if (output === 'ics') return 'Kalender (ICS)';
  return DOCUMENTS.find((d) => d.document === output)?.label ?? output;
}

/** Writes one output; what to tell the user, or null when the save dialog was cancelled. */
export async function saveOutput(session: Session, output: Output): Promise<OutputNotice[] | null> {
  const name = outputLabel(output).replace(/ \((PDF|ICS)\)$/, '');
  try {
    if (output === 'ics') {
      const path = await api.chooseSavePath({
        title: 'Kalenderdatei speichern',
        defaultPath: `${sessionName(session.number)}.ics`,
        filters: [{ name: 'iCalendar', extensions: ['ics'] }],
      });
      if (path === null) return null;
      await api.sessionIcs(session.id, path);
      return [
        {
          kind: 'success',
          title: 'Kalenderdatei gespeichert',
          lines: [path, 'Sie lässt sich in Outlook und anderen Kalendern öffnen.'],
        },
      ];
    }
    const path = await api.chooseSavePath({
      title: `${name} speichern`,
      defaultPath: documentFileName(session.number, output),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (path === null) return null;
    const summary = await api.pdfSession(session.id, output, path);
    return [
      {
        kind: 'success',
        title: `${name} gespeichert (${countOf(summary.pages, 'Seite', 'Seiten')})`,
        lines: [summary.path],
      },
      ...summary.warnings.map((warning) => ({
        kind: 'warning' as const,
        title: `Hinweis zu: ${name}`,
        lines: [warning],
      })),
    ];
  } catch (reason) {
    return [
      { kind: 'danger', title: `${name} nicht gespeichert`, lines: [api.toUserError(reason).message] },
    ];
  }
}
