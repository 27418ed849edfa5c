/**
 * `.xlsx` bytes -> engine grid, in Node and in the browser. Untrusted files are checked in order of cost
 * (size, container kind, zip directory, real inflated size) before exceljs parses them, and every failure
 * is a finding for that file: nothing here throws for a bad file.
 */
import type { Finding, GridSheet, GridWorkbook, Lang } from '../../engine';
// The catalogue directly, not the engine index: reading files must not depend on the pipeline loading.
import { finding } from '../../engine';
import { cellFont, cellValue } from './cells';
import { ExcelJS } from './exceljs';
import type { Worksheet } from './exceljs';
import type { ReadOptions } from './limits';
import { formatBytes, formatCells, resolveLimits, uncompressedText } from './limits';
import type { GeneratedSheet } from './markers';
import { markedSheets } from './markers';
import { sniffKind } from './sniff';
import { centralDirectory, errorText, measureInflated } from './zip-guard';

export interface ReadResult {
  /** null when the file could not be read; `findings` says why. */
  workbook: GridWorkbook | null;
  findings: Finding[];
  /** Sheets ThiDua generated in an earlier run: left out of `workbook`, they are output, not input. */
  generated: GeneratedSheet[];
}

/** Parts exceljs may skip: nothing in them reaches a grid, and skipping them keeps big files fast. */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'pageMargins', 'pageSetup', 'headerFooter', 'printOptions', 'rowBreaks', 'picture', 'drawing', 'tableParts'];

const REASONS = {
  notExcel: { vi: 'không phải tệp Excel', en: 'not an Excel file' },
  notXlsx: { vi: 'tệp nén nhưng không phải bảng tính .xlsx', en: 'a zip archive but not an .xlsx workbook' },
  ods: { vi: 'bảng tính .ods của LibreOffice/OpenOffice; hãy lưu lại dạng .xlsx', en: 'a LibreOffice/OpenOffice .ods spreadsheet; save it as .xlsx' },
  xlsb: { vi: 'bảng tính nhị phân .xlsb; hãy lưu lại dạng .xlsx', en: 'a binary .xlsb workbook; save it as .xlsx' },
  corruptZip: { vi: 'tệp .xlsx bị hỏng', en: 'the .xlsx file is damaged' },
  parse: { vi: 'nội dung .xlsx không hợp lệ', en: 'the .xlsx content is not valid' },
} as const;

export async function readWorkbook(input: Uint8Array | ArrayBuffer, fileName: string, options: ReadOptions = {}): Promise<ReadResult> {
  const lang: Lang = options.lang ?? 'vi';
  const limits = resolveLimits(options.limits);
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const place = { file: fileName };
  const fail = (f: Finding): ReadResult => ({ workbook: null, findings: [f], generated: [] });
  const unreadable = (reason: keyof typeof REASONS, detail?: string): ReadResult =>
    fail(finding('FILE_UNREADABLE', place, { reason: REASONS[reason][lang] + (detail ? `: ${detail}` : '') }));

  if (bytes.length > limits.maxFileBytes) {
    return fail(finding('FILE_TOO_LARGE', place, { limit: formatBytes(limits.maxFileBytes), actual: formatBytes(bytes.length) }));
  }

  const kind = sniffKind(bytes);
  const legacyName = /\.xls$/i.test(fileName);
  if (kind === 'encrypted') return fail(finding('FILE_PASSWORD_PROTECTED', place, {}));
  if (kind === 'xls' || (legacyName && kind !== 'zip')) return fail(finding('FILE_LEGACY_XLS', place, {}));
  if (kind !== 'zip') return unreadable('notExcel');

  const entries = centralDirectory(bytes);
  if (entries === null) return unreadable('corruptZip');
  if (entries.length > 0 && !entries.some((e) => /^xl\/workbook\.xml$/i.test(e.name))) {
    // Other spreadsheets in a zip: say which, so the secretary knows the fix is "save as .xlsx".
    if (entries.some((e) => /^xl\/workbook\.bin$/i.test(e.name))) return unreadable('xlsb');
    if (entries.some((e) => e.name === 'content.xml') && entries.some((e) => e.name === 'mimetype')) return unreadable('ods');
    return unreadable('notXlsx');
  }
  const declared = entries.reduce((s, e) => s + e.uncompressed, 0);
  const tooBig = (actual: number): ReadResult =>
    fail(finding('FILE_TOO_LARGE', place, { limit: uncompressedText(limits.maxUncompressedBytes, lang), actual: uncompressedText(actual, lang) }));
  if (declared > limits.maxUncompressedBytes) return tooBig(declared);
  const inflated = await measureInflated(bytes, limits.maxUncompressedBytes);
  if (inflated.ok === 'broken') return unreadable('corruptZip', inflated.detail);
  if (!inflated.ok) return tooBig(inflated.total);

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; in the browser build an ArrayBuffer view is what it takes.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as object);
  } catch (e) {
    return unreadable('parse', errorText(e));
  }

  let generated: GeneratedSheet[] = [];
  try {
    generated = markedSheets(wb.definedNames.model);
  } catch {
    // Defined names that exceljs cannot model are not ours.
  }
  const ours = new Set(generated.map((g) => g.sheet.toLowerCase()));
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);

  const sheets: GridSheet[] = [];
  let cells = 0;
  for (const ws of wb.worksheets) {
    if (ours.has(ws.name.toLowerCase())) continue;
    const sheet = toGridSheet(ws, date1904, limits.maxCells - cells);
    if (sheet === null) {
      return fail(finding('FILE_TOO_LARGE', place, { limit: formatCells(limits.maxCells, lang), actual: lang === 'vi' ? `hơn ${formatCells(limits.maxCells, lang)}` : `over ${formatCells(limits.maxCells, lang)}` }));
    }
    cells += sheet.cells;
    sheets.push(sheet.grid);
  }
  return { workbook: { file: fileName, sheets }, findings: [], generated };
}

/** A row that holds nothing: shared so a stray cell far down a sheet costs one reference per row, not an array. */
const EMPTY_ROW: never[] = Object.freeze([]) as unknown as never[];

/** The sheet as a grid, or null when it alone has more than `budget` non-empty cells. */
function toGridSheet(ws: Worksheet, date1904: boolean, budget: number): { grid: GridSheet; cells: number } | null {
  const values: GridSheet['values'] = [];
  const fonts: NonNullable<GridSheet['fonts']> = [];
  const hiddenRows: number[] = [];
  let cells = 0;
  let over = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (over) return;
    if (row.hidden) hiddenRows.push(rowNumber);
    const rowValues: GridSheet['values'][number] = [];
    const rowFonts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cellValue(cell, date1904);
      if (v === null) return;
      cells++;
      rowValues[colNumber - 1] = v;
      rowFonts[colNumber - 1] = cellFont(cell);
    });
    if (cells > budget) {
      over = true;
      return;
    }
    if (rowValues.length === 0) return;
    while (values.length < rowNumber - 1) values.push(EMPTY_ROW);
    while (fonts.length < rowNumber - 1) fonts.push(EMPTY_ROW);
    values[rowNumber - 1] = fillHoles(rowValues, null);
    fonts[rowNumber - 1] = fillHoles(rowFonts, null);
  });
  if (over) return null;
  const grid: GridSheet = { name: ws.name, values, origin: 'A1', fonts, merges: mergedRanges(ws) };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = true;
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  return { grid, cells };
}

function fillHoles<T>(row: T[], empty: T): T[] {
  for (let i = 0; i < row.length; i++) if (!(i in row)) row[i] = empty;
  return row;
}

function mergedRanges(ws: Worksheet): string[] {
  // exceljs keeps merges keyed by their top-left cell; its public `model` getter would rebuild every row.
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges;
  if (!merges) return [];
  const out: string[] = [];
  for (const m of Object.values(merges)) {
    const r = m.range;
    if (typeof r === 'string') out.push(r.replace(/^.*!/, '').replace(/\$/g, ''));
  }
  return out;
}
