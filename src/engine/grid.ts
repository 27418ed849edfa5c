/**
 * Grids: the only shape in which hosts hand workbook content to the engine.
 * A host (Office.js, .xlsx file) reads cells and fills these; the engine never sees a host object.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`, kept apart from text that merely looks like one. */
export interface CellError {
  readonly error: string;
}

export type CellValue = number | string | boolean | null | CellError;

export interface GridSheet {
  name: string;
  /** Rows of cells starting at `origin`; rows may be ragged, missing cells are empty. */
  values: CellValue[][];
  /** A1 address of `values[0][0]`; default `A1`. */
  origin?: string;
  /** Font name per cell, same shape as `values` (for TCVN3/VNI detection). */
  fonts?: (string | null | undefined)[][];
  /** Merged ranges in sheet coordinates, e.g. `A1:F1`. */
  merges?: string[];
  /** Sheet is hidden or very hidden. */
  hidden?: boolean;
  /** 1-based sheet row numbers that are hidden. */
  hiddenRows?: number[];
}

export interface GridWorkbook {
  /** File name as the secretary knows it (`HoanKiem.xlsx`); the open workbook's name for the Office host. */
  file: string;
  sheets: GridSheet[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.replace(/[\s\u00a0\u200b\ufeff]/g, '') === '');
}

/** 0-based column index -> letters (0 -> A, 26 -> AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters -> 0-based column index (A -> 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface CellRef {
  /** 0-based sheet row. */
  row: number;
  /** 0-based sheet column. */
  col: number;
}

export function parseAddress(a1: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

export function formatAddress(ref: CellRef): string {
  return `${columnLetters(ref.col)}${ref.row + 1}`;
}

/** Parses `A1:C3` (or a single cell) into its corners. */
export function parseRange(range: string): { start: CellRef; end: CellRef } | null {
  const [a, b] = range.split(':');
  const start = parseAddress(a ?? '');
  const end = b === undefined ? start : parseAddress(b);
  if (!start || !end) return null;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** Read access to a grid sheet in sheet coordinates, hiding `origin` arithmetic from parsers. */
export class SheetView {
  readonly originRow: number;
  readonly originCol: number;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly hiddenRowSet: Set<number>;

  constructor(readonly sheet: GridSheet) {
    const o = parseAddress(sheet.origin ?? 'A1') ?? { row: 0, col: 0 };
    this.originRow = o.row;
    this.originCol = o.col;
    this.rowCount = sheet.values.length;
    let cols = 0;
    for (const r of sheet.values) if (r && r.length > cols) cols = r.length;
    this.colCount = cols;
    this.hiddenRowSet = new Set(sheet.hiddenRows ?? []);
  }

  /** Value at grid-relative (r, c); undefined cells read as null. */
  value(r: number, c: number): CellValue {
    const row = this.sheet.values[r];
    if (!row) return null;
    const v = row[c];
    return v === undefined ? null : v;
  }

  font(r: number, c: number): string | null {
    return this.sheet.fonts?.[r]?.[c] ?? null;
  }

  /** A1 address of grid-relative (r, c). */
  address(r: number, c: number): string {
    return formatAddress({ row: this.originRow + r, col: this.originCol + c });
  }

  isRowHidden(r: number): boolean {
    return this.hiddenRowSet.has(this.originRow + r + 1);
  }
}
