/**
 * Host-neutral description of a generated sheet. Every host (Office.js, .xlsx, the browser) writes
 * exactly this, so all faces of the product agree to the cell.
 */

/** Which generated sheet: hosts use this, not the (localised) name, to recognise their own sheets. */
export type OutputRole = 'ranking' | 'checks' | 'details';

export interface OutLink {
  /** Target in this workbook (cluster workbook sheets or generated sheets). */
  sheet: string;
  cell: string;
}

export interface OutCell {
  /** null for an empty cell. Text is always written as text, never interpreted as a formula. */
  value: string | number | boolean | null;
  /** Excel number format for numbers (e.g. `0.00`); text cells are written with format `@`. */
  format?: string;
  /** Hyperlink to a cell of this workbook. */
  link?: OutLink;
  style?: 'title' | 'subtitle' | 'header' | 'error' | 'warning' | 'info' | 'invalid' | 'total';
}

export interface OutputSheet {
  role: OutputRole;
  /** Sheet name to create, e.g. `Xếp hạng`; a host picks a free variant when a user's sheet has it. */
  name: string;
  /** Rows from A1; ragged rows allowed. */
  rows: OutCell[][];
  /** Width per column in characters (Excel's column width unit). */
  columnWidths: number[];
  /** The data table: header row and body, as an A1 range; hosts make it an Excel table / autofilter. */
  table: { range: string; name: string; headerRow: number } | null;
  /** Rows frozen at the top (title + header). */
  freezeRows: number;
  /** Column letter of the totals, for hosts that add conditional formatting or a chart. */
  totalsColumn?: string;
}
