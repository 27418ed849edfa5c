/**
 * Reading result workbooks back in Node, cell by cell, with the file host: its reader for the source
 * sheets and the marks of generated ones, its cell reader (exceljs underneath) for every generated cell.
 */
import type { CellValue, OutputRole, OutputSheet } from '../../../src/engine';
import { columnLetters } from '../../../src/engine';
import { readWorkbook, type ReadResult } from '../../../src/hosts/xlsx';
import { cellValue } from '../../../src/hosts/xlsx/cells';
import { ExcelJS } from '../../../src/hosts/xlsx/exceljs';

/** What a cell says to the secretary: its value, number format and link (absent when it has none). */
export interface SeenCell {
  value: CellValue;
  format?: string;
  link?: string;
}

export interface SeenSheet {
  name: string;
  /** A1 -> cell, only cells that hold a value. */
  cells: Map<string, SeenCell>;
}

export interface SeenWorkbook {
  /** The file host's reading: source sheets as grids, generated ones listed apart. */
  read: ReadResult;
  /** Every sheet in workbook order. */
  sheetNames: string[];
  /** Generated sheets by role, read cell by cell. */
  generated: Map<OutputRole, SeenSheet>;
}

function linkOf(raw: unknown): string | undefined {
  if (typeof raw === 'string' && raw !== '') return raw;
  return undefined;
}

export async function readResultWorkbook(bytes: Uint8Array, fileName: string): Promise<SeenWorkbook> {
  const read = await readWorkbook(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const generated = new Map<OutputRole, SeenSheet>();
  for (const g of read.generated) {
    const ws = wb.getWorksheet(g.sheet);
    if (!ws) continue;
    const cells = new Map<string, SeenCell>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cellValue(cell, false);
        if (value === null) return;
        const seen: SeenCell = { value };
        if (cell.numFmt) seen.format = cell.numFmt;
        const link = linkOf((cell as unknown as { hyperlink?: unknown }).hyperlink);
        if (link) seen.link = link;
        cells.set(cell.address, seen);
      }),
    );
    generated.set(g.role, { name: g.sheet, cells });
  }
  return { read, sheetNames: wb.worksheets.map((w) => w.name), generated };
}

/** The values an engine sheet description puts in each cell (what every host must write). */
export function describedValues(sheet: OutputSheet): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.value === null || cell.value === '') return;
      out.set(`${columnLetters(c)}${r + 1}`, cell.value);
    }),
  );
  return out;
}

export function valuesOf(sheet: SeenSheet): Map<string, CellValue> {
  return new Map([...sheet.cells].map(([a1, c]) => [a1, c.value]));
}

/** A1 addresses in reading order (row, then column). */
function readingOrder(a: string, b: string): number {
  const split = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    return m ? [Number(m[2]), m[1]!.length, m[1]!] as const : [0, 0, s] as const;
  };
  const [ra, la, ca] = split(a);
  const [rb, lb, cb] = split(b);
  return ra - rb || la - lb || (ca < cb ? -1 : ca > cb ? 1 : 0);
}

/**
 * Cells where two maps disagree, as readable lines (`D7: 93.5 ≠ 94`); empty when they are equal cell for
 * cell. At most `limit` lines, so a failure message stays readable.
 */
export function cellDifferences<T>(actual: Map<string, T>, expected: Map<string, T>, limit = 25): string[] {
  const show = (v: T | undefined) => (v === undefined ? '(empty)' : JSON.stringify(v));
  const out: string[] = [];
  const all = [...new Set([...actual.keys(), ...expected.keys()])].sort(readingOrder);
  for (const a1 of all) {
    const x = actual.get(a1);
    const y = expected.get(a1);
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${a1}: ${show(x)} ≠ expected ${show(y)}`);
    if (out.length >= limit) break;
  }
  return out;
}

/** A grid row as the table the tests read: trailing empty cells dropped. */
export function rowOf(sheet: SeenSheet, row: number, lastCol: number): CellValue[] {
  const out: CellValue[] = [];
  for (let c = 0; c <= lastCol; c++) out.push(sheet.cells.get(`${columnLetters(c)}${row}`)?.value ?? null);
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}
