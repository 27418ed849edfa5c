/**
 * Small builders for hand-made grids in tests: a sheet is its rows as a secretary would type them,
 * `err('#REF!')` an Excel error value.
 */
import type { CellError, CellValue, GridSheet, GridWorkbook } from '../../../src/engine/grid';

export interface SheetOptions {
  /** A1 address of the first cell (default A1). */
  origin?: string;
  merges?: string[];
  hidden?: boolean;
  /** 1-based sheet row numbers. */
  hiddenRows?: number[];
  fonts?: (string | null | undefined)[][];
}

export function sheet(name: string, rows: CellValue[][], opts: SheetOptions = {}): GridSheet {
  return { name, values: rows, ...opts };
}

export function workbook(file: string, sheets: GridSheet[]): GridWorkbook {
  return { file, sheets };
}

export function err(error: string): CellError {
  return { error };
}

/** NFD (decomposed) form of a text, as macOS and some keyboards type it. */
export function nfd(text: string): string {
  return text.normalize('NFD');
}

/** The members sheet the parser tests share: six district federations, codes first. */
export const SIX_MEMBERS: CellValue[][] = [
  ['Mã đơn vị', 'Tên đơn vị'],
  ['HK', 'LĐLĐ quận Hoàn Kiếm'],
  ['BD', 'LĐLĐ quận Ba Đình'],
  ['DD', 'LĐLĐ quận Đống Đa'],
  ['HBT', 'LĐLĐ quận Hai Bà Trưng'],
  ['TH', 'LĐLĐ quận Tây Hồ'],
  ['CG', 'LĐLĐ quận Cầu Giấy'],
];
