// Messages about finished transfers (export, PDF, e-mail list, import) shown on the members
// screen after the dialog has closed. A new action replaces the previous messages.

export type Notice = {
  kind: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  /** Body lines, e.g. the path written or the figures of an import. */
  lines: string[];
};

export class Notices {
  items = $state<Notice[]>([]);

  /** Replaces the shown messages. */
  show(...notices: Notice[]): void {
    this.items = notices;
  }

  dismiss(index: number): void {
    this.items = this.items.filter((_, i) => i !== index);
  }

  clear(): void {
    this.items = [];
  }
}
