// "Auskunft (PDF)" / "Auskunft (JSON)" of a person (DSGVO Art. 15): ask where to save it, with
// the name `Auskunft-<Nachname>-<TT.MM.JJJJ>`, then let the core write it (docs/privacy-contract.md).

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { Person } from '../api/types';
import { countOf, todayGerman } from '../format';

export type ReportFormat = 'pdf' | 'json';

const FILTERS: Record<ReportFormat, api.FileFilter> = {
  pdf: { name: 'PDF-Dokument', extensions: ['pdf'] },
  json: { name: 'JSON-Datei', extensions: ['json'] },
};

/** Characters no file system takes in a name (Windows is the strictest). */
const FORBIDDEN = /[\\/:*?"<>|]+/g;

/** The suggested file name: `Auskunft-Özdemir-21.09.2025.pdf`. */
export function reportFileName(person: Person, format: ReportFormat, now?: Date): string {
  const name = person.last_name.replace(FORBIDDEN, '-').trim() || 'Person';
  return `Auskunft-${name}-${todayGerman(now)}.${format}`;
}

/** What was written, for the panel's notice. */
export type ReportSaved = { title: string; path: string };

export class ReportState {
  busy = $state(false);
  saved = $state.raw<ReportSaved | null>(null);
  error = $state<UserError | null>(null);

  /** Asks for the file and writes the report; cancelling the dialog changes nothing. */
  async save(person: Person, format: ReportFormat, now?: Date): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      const path = await api.chooseSavePath({
        title: format === 'pdf' ? 'Auskunft als PDF speichern' : 'Auskunft als JSON speichern',
        defaultPath: reportFileName(person, format, now),
        filters: [FILTERS[format]],
      });
      if (path === null) return false;
      const summary = await api.personReportSave(person.id, path);
      this.saved = {
        title:
          summary.pages > 0
            ? `Auskunft als PDF mit ${countOf(summary.pages, 'Seite', 'Seiten')} gespeichert`
            : 'Auskunft als JSON gespeichert',
        path: summary.path,
      };
      return true;
    } catch (reason) {
      this.error = api.toUserError(reason);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Forgets the last notice and error (another person is shown). */
  reset(): void {
    this.saved = null;
    this.error = null;
  }
}
