/**
 * One exceljs cell to one engine cell value. The engine sees what Excel shows: a formula's cached result
 * (never the formula), an error as `{ error }`, rich text flattened, and dates as the serial number the
 * cell really holds, the same as Office.js `values` returns, so both hosts hand the engine the same grid.
 */
import type { Cell, CellValue as XCellValue } from 'exceljs';
import type { CellValue } from '../../engine';

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** exceljs ValueType.Merge: a cell covered by a merge that is not its top-left cell. */
const MERGE_TYPE = 1;

export function dateToSerial(d: Date, date1904: boolean): number {
  const serial = (d.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
  // Dates are written from whole milliseconds; round away the binary noise of the division.
  return Math.round(serial * 1e9) / 1e9;
}

export function cellValue(cell: Cell, date1904: boolean): CellValue {
  // exceljs reports a merged range's value in every cell it covers; Excel and Office.js hold it only in
  // the top-left cell, and the engine's table finder expects exactly that.
  if ((cell.type as number) === MERGE_TYPE) return null;
  return convert(cell.value, date1904);
}

function convert(v: XCellValue, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904);
  if (typeof v !== 'object') return null;
  if ('error' in v && typeof v.error === 'string') return { error: v.error };
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) {
    // Only the cached result is read: the engine never evaluates formulas, and a formula whose cached
    // value is the only value (a file saved by a program that does not recalculate) still scores.
    const result = (v as { result?: XCellValue }).result;
    return result === undefined ? null : convert(result, date1904);
  }
  if ('hyperlink' in v) {
    const text = (v as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) return convert(text as XCellValue, date1904);
    return null;
  }
  return null;
}

/** Font of the text: the first rich-text run that names one, else the cell's. */
export function cellFont(cell: Cell): string | null {
  const v = cell.value;
  if (v && typeof v === 'object' && 'richText' in v && Array.isArray(v.richText)) {
    for (const run of v.richText) if (run.font?.name) return run.font.name;
  }
  return cell.font?.name ?? null;
}
