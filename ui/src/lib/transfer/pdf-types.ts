// Local stand-ins for the PDF member-list types of the Rust core (src/pdf.rs, src/pdf/members.rs)
// until ts-rs generates them into `bindings.ts`. Written after the Rust definitions; delete this
// file and import from `../api/types` once the bindings carry them.

import type { MemberFilter } from '../api/types';

/** A column of the PDF member list; the name always comes first. */
export type MemberColumn =
  | 'name'
  | 'organisation'
  | 'role'
  | 'function'
  | 'email'
  | 'phone'
  | 'state'
  | 'since';

/** Grouped by organisation or one alphabetical list. */
export type Grouping = 'organisation' | 'alphabetical';

/** Options of the PDF member list. */
export type MemberListOptions = {
  /** Which members (the same filter as the members screen). */
  filter: MemberFilter;
  /** Columns in order; the name always comes first. */
  columns: MemberColumn[];
  /** Leave out people who have not consented to appear on shared lists. */
  consent_only: boolean;
  /** Grouped by organisation or one alphabetical list. */
  grouping: Grouping;
};

/** What `pdf_member_list` reports. */
export type PdfSummary = {
  /** The file written. */
  path: string;
  /** Number of pages. */
  pages: number;
  /** German warnings, e.g. characters the font cannot show. */
  warnings: string[];
};
