/**
 * Finding a table in a sheet by its header text: title rows, merged cells and blank rows above it,
 * columns in any order, extra columns ignored.
 */
import { readText } from './cells';
import type { GridSheet, GridWorkbook } from './grid';
import { SheetView, isCellError, parseRange } from './grid';
import { foldKey } from './text';

export interface ColumnSpec {
  key: string;
  aliases: readonly string[];
  required: boolean;
}

export interface TableMatch {
  view: SheetView;
  /** Grid-relative row of the header. */
  headerRow: number;
  /** key -> grid-relative column; absent when the optional column is not there. */
  columns: Record<string, number | undefined>;
  /** Required keys that were not found (empty when the table matched). */
  missing: string[];
  /** Grid-relative columns of the header row that no spec took, with their header text. */
  extra: { col: number; text: string }[];
}

/** How many rows from the top are searched for a header. */
const HEADER_SEARCH_ROWS = 40;
/** An alias shorter than this must match the whole header; a longer one may start it ("Điểm tự chấm (đ)"). */
const PREFIX_MIN = 5;

/**
 * Header texts of a row, with merged ranges filled from their top-left cell, so a header merged across
 * two rows or columns reads the same in every cell it covers.
 */
export function headerTexts(view: SheetView, row: number, merged = mergeFill(view)): string[] {
  const out: string[] = [];
  for (let c = 0; c < view.colCount; c++) {
    const src = merged.get(`${row},${c}`);
    const [r, col] = src ?? [row, c];
    // Through readText, so a header typed in TCVN3 or VNI ("M·", "§iÓm tèi ®a") is found like any other.
    out.push(isCellError(view.value(r, col)) ? '' : readText(view, r, col).text);
  }
  return out;
}

/** Grid-relative (row,col) -> top-left (row,col) for every cell inside a merged range. */
export function mergeFill(view: SheetView): Map<string, [number, number]> {
  const m = new Map<string, [number, number]>();
  for (const a1 of view.sheet.merges ?? []) {
    const r = parseRange(a1);
    if (!r) continue;
    const top = r.start.row - view.originRow;
    const left = r.start.col - view.originCol;
    // Guard against absurd merges (whole columns) that would blow up the map.
    if ((r.end.row - r.start.row + 1) * (r.end.col - r.start.col + 1) > 100_000) continue;
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) {
        if (row === r.start.row && col === r.start.col) continue;
        m.set(`${row - view.originRow},${col - view.originCol}`, [top, left]);
      }
    }
  }
  return m;
}

function aliasScore(headerKey: string, aliases: readonly string[]): number {
  if (headerKey === '') return 0;
  let best = 0;
  for (const a of aliases) {
    const k = foldKey(a);
    if (k === headerKey) return 2;
    if (k.length >= PREFIX_MIN && headerKey.startsWith(k)) best = 1;
  }
  return best;
}

/** Assigns columns of one row to specs: exact matches first, then prefixes, each column once. */
export function matchRow(texts: string[], specs: readonly ColumnSpec[]): { columns: Record<string, number | undefined>; matched: number } {
  const keys = texts.map((t) => foldKey(t));
  const columns: Record<string, number | undefined> = Object.create(null) as Record<string, number | undefined>;
  const used = new Set<number>();
  let matched = 0;
  for (const level of [2, 1]) {
    for (const spec of specs) {
      if (columns[spec.key] !== undefined) continue;
      for (let c = 0; c < keys.length; c++) {
        if (used.has(c)) continue;
        if (aliasScore(keys[c]!, spec.aliases) === level) {
          columns[spec.key] = c;
          used.add(c);
          matched++;
          break;
        }
      }
    }
  }
  return { columns, matched };
}

/**
 * Finds the header row: the first row (from the top) where every required column matches. When none
 * does, returns the row that came closest, with `missing` filled, so the caller can say what is absent;
 * returns null when no row matched even one required column.
 */
export function findTable(sheet: GridSheet, specs: readonly ColumnSpec[]): TableMatch | null {
  const view = new SheetView(sheet);
  const merged = mergeFill(view);
  const required = specs.filter((s) => s.required);
  let best: { row: number; columns: Record<string, number | undefined>; score: number } | null = null;
  const last = Math.min(view.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const texts = headerTexts(view, r, merged);
    const { columns } = matchRow(texts, specs);
    const reqHit = required.filter((s) => columns[s.key] !== undefined).length;
    if (reqHit === 0) continue;
    if (reqHit === required.length) return build(view, r, columns, [], texts, specs);
    if (!best || reqHit > best.score) best = { row: r, columns, score: reqHit };
  }
  if (!best) return null;
  const missing = required.filter((s) => best!.columns[s.key] === undefined).map((s) => s.key);
  return build(view, best.row, best.columns, missing, headerTexts(view, best.row, merged), specs);
}

function build(
  view: SheetView,
  headerRow: number,
  columns: Record<string, number | undefined>,
  missing: string[],
  texts: string[],
  specs: readonly ColumnSpec[],
): TableMatch {
  const taken = new Set(specs.map((s) => columns[s.key]).filter((c): c is number => c !== undefined));
  const extra = texts.map((text, col) => ({ col, text })).filter((e) => e.text.trim() !== '' && !taken.has(e.col));
  return { view, headerRow, columns, missing, extra };
}

/** Sheets of a workbook ordered so that those named like `names` come first; the rest keep their order. */
export function sheetsByName(wb: GridWorkbook, names: readonly string[]): GridSheet[] {
  const keys = new Set(names.map(foldKey));
  const first = wb.sheets.filter((s) => keys.has(foldKey(s.name)));
  return [...first, ...wb.sheets.filter((s) => !first.includes(s))];
}

/** Turns a record of alias lists into column specs, with the given keys required. */
export function specsOf(columns: Record<string, readonly string[]>, required: readonly string[]): ColumnSpec[] {
  return Object.entries(columns).map(([key, aliases]) => ({ key, aliases, required: required.includes(key) }));
}
