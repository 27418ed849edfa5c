/**
 * Builders of real .xlsx (and not-quite-xlsx) files for the file-host and command-line tests.
 * Grids are written with exceljs exactly as a secretary's Excel would store them, so the reader is tested
 * on bytes, never on objects it produced itself.
 */
import JSZip from 'jszip';
import type { CellValue, GridSheet, GridWorkbook } from '../../../src/engine';
import { isCellError } from '../../../src/engine';
import type { Workbook, Worksheet } from '../../../src/hosts/xlsx/exceljs';
import { ExcelJS } from '../../../src/hosts/xlsx/exceljs';
import { XlsxPackage } from '../../../src/hosts/xlsx/package';
import { WorkbookEditor } from '../../../src/hosts/xlsx/workbook-patch';

export interface SheetExtras {
  /** A1 -> font name. */
  fonts?: Record<string, string>;
  /** A1 -> formula whose cached result is the cell's grid value (null: no cached value at all). */
  formulas?: Record<string, string>;
  state?: 'visible' | 'hidden' | 'veryHidden';
  hiddenRows?: number[];
}

/** Writes grid sheets into an exceljs workbook: values, merges, plus the extras a hazard needs. */
export function addGridSheet(wb: Workbook, sheet: GridSheet, extras: SheetExtras = {}): Worksheet {
  const ws = wb.addWorksheet(sheet.name, extras.state ? { state: extras.state } : {});
  sheet.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      const formula = extras.formulas?.[cell.address];
      const value = isCellError(v) ? ({ error: v.error } as never) : v;
      cell.value = formula !== undefined ? ({ formula, result: value } as never) : value;
    });
  });
  for (const [a1, formula] of Object.entries(extras.formulas ?? {})) {
    if (ws.getCell(a1).value === null) ws.getCell(a1).value = { formula } as never;
  }
  for (const [a1, name] of Object.entries(extras.fonts ?? {})) ws.getCell(a1).font = { name };
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  for (const r of extras.hiddenRows ?? []) ws.getRow(r).hidden = true;
  return ws;
}

export async function bytesOf(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The XML of a sheet part, found by the sheet's name, straight from the package. */
export async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const pkg = await XlsxPackage.load(bytes);
  const entry = (await WorkbookEditor.open(pkg)).sheets.find((s) => s.name === sheet);
  const xml = entry?.part ? await pkg.text(entry.part) : null;
  if (xml === null) throw new Error(`no sheet ${sheet}`);
  return xml;
}

/** A package part by path (`xl/workbook.xml`), as text. */
export async function partXml(bytes: Uint8Array, path: string): Promise<string> {
  const xml = await (await XlsxPackage.load(bytes)).text(path);
  if (xml === null) throw new Error(`no part ${path}`);
  return xml;
}

export async function gridToXlsx(grid: GridWorkbook, extras: Record<string, SheetExtras> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of grid.sheets) addGridSheet(wb, s, extras[s.name]);
  return bytesOf(wb);
}

export async function loadXlsx(bytes: Uint8Array): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Values with trailing empties trimmed, so grids from different writers compare by content. */
export function trimmed(values: CellValue[][]): CellValue[][] {
  const rows = values.map((row) => {
    const r = [...row].map((v) => (v === undefined ? null : v));
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A minimal OLE compound file (the container of .xls and of password-protected .xlsx) holding
 * directory entries with the given stream names. 512-byte sectors: header, one FAT sector, one directory sector.
 */
export function cfbWith(streamNames: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  const dv = new DataView(bytes.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (bytes[i] = b));
  dv.setUint16(0x18, 0x003e, true);
  dv.setUint16(0x1a, 3, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // one FAT sector
  dv.setUint32(0x30, 1, true); // directory starts at sector 1
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0 at offset 512): sector 0 is FAT, sector 1 is the directory (end of chain).
  const fat = 512;
  for (let i = 0; i < 128; i++) dv.setUint32(fat + i * 4, 0xffffffff, true);
  dv.setUint32(fat, 0xfffffffd, true);
  dv.setUint32(fat + 4, 0xfffffffe, true);
  const dir = 1024;
  ['Root Entry', ...streamNames].slice(0, 4).forEach((name, e) => {
    const base = dir + e * 128;
    for (let i = 0; i < name.length; i++) dv.setUint16(base + i * 2, name.charCodeAt(i), true);
    dv.setUint16(base + 0x40, (name.length + 1) * 2, true);
    bytes[base + 0x42] = e === 0 ? 5 : 2;
  });
  return bytes;
}
