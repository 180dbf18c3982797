/** A column of a DataTable. */
export type Column<Key extends string> = {
  key: Key;
  label: string;
  /** Sortable when the core can sort by it. */
  sortable?: boolean;
  /** CSS width, e.g. "18%" or "8rem". */
  width?: string;
};
