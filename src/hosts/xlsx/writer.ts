/**
 * The result workbook: a copy of the cluster workbook with the generated sheets added or replaced.
 * Source sheets are never written to; generated sheets are marked (markers.ts) so the next run replaces
 * them and nothing else; a user's sheet that merely has the same name keeps it, and ours takes a free one.
 */
import type { OutCell, OutputRole, OutputSheet } from '../../engine';
import { ExcelJS } from './exceljs';
import type { Workbook, Worksheet } from './exceljs';
import type { InternalLink } from './internal-links';
import { applyInternalLinks } from './internal-links';
import { markedSheets, markerName, quoteSheet, roleOfMarker } from './markers';
import { LINK_FONT, LOOKS } from './styles';

export interface WriteOptions {
  /** Open the workbook on this generated sheet (default `ranking`); false leaves the active sheet alone. */
  activate?: OutputRole | false;
}

export interface WriteReport {
  bytes: Uint8Array;
  /** Engine sheet name -> the name it was written under (differs when a user's sheet had the name). */
  names: Map<string, string>;
  /** Generated sheets of an earlier run that were replaced or removed. */
  replaced: string[];
}

export async function writeResult(clusterBytes: Uint8Array | ArrayBuffer, sheets: OutputSheet[], opts: WriteOptions = {}): Promise<Uint8Array> {
  return (await writeResultReport(clusterBytes, sheets, opts)).bytes;
}

export async function writeResultReport(clusterBytes: Uint8Array | ArrayBuffer, sheets: OutputSheet[], opts: WriteOptions = {}): Promise<WriteReport> {
  const source = clusterBytes instanceof Uint8Array ? clusterBytes : new Uint8Array(clusterBytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(source as unknown as ArrayBuffer);

  const replaced = removeGenerated(wb);
  const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  const names = new Map<string, string>();
  for (const s of sheets) {
    const name = freeSheetName(s.name, taken);
    taken.add(name.toLowerCase());
    names.set(s.name, name);
  }
  // Links may point at any sheet that exists after the write, under its final name.
  const existing = new Set(wb.worksheets.map((ws) => ws.name));
  for (const n of names.values()) existing.add(n);
  const resolveSheet = (name: string): string | null => {
    const mapped = names.get(name) ?? name;
    return existing.has(mapped) ? mapped : null;
  };

  const links = new Map<string, InternalLink[]>();
  for (const s of sheets) {
    const name = names.get(s.name)!;
    const ws = wb.addWorksheet(name);
    const orderNo = replaced.find((r) => r.role === s.role)?.orderNo;
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    links.set(name, fillSheet(ws, s, resolveSheet));
    wb.definedNames.add(`${quoteSheet(name)}!$A$1`, markerName(s.role));
  }

  const active = opts.activate === undefined ? 'ranking' : opts.activate;
  if (active) activate(wb, sheets.find((s) => s.role === active) ? names.get(sheets.find((s) => s.role === active)!.name)! : null);

  const written = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const bytes = await applyInternalLinks(written, source, links);
  return { bytes, names, replaced: replaced.map((r) => r.sheet) };
}

interface Removed {
  role: OutputRole;
  sheet: string;
  orderNo: number | undefined;
}

/** Deletes every sheet an earlier run generated, and every ThiDua marker name (stale ones included). */
function removeGenerated(wb: Workbook): Removed[] {
  const removed: Removed[] = [];
  for (const g of markedSheets(wb.definedNames.model)) {
    const ws = wb.worksheets.find((w) => w.name === g.sheet);
    if (!ws) continue;
    removed.push({ role: g.role, sheet: ws.name, orderNo: (ws as unknown as { orderNo?: number }).orderNo });
    wb.removeWorksheet(ws.id);
  }
  wb.definedNames.model = wb.definedNames.model.filter((dn) => roleOfMarker(dn.name) === null);
  return removed;
}

/** Excel's limit on sheet names, and the characters it refuses in them. */
const MAX_SHEET_NAME = 31;

/** `Xếp hạng`, or `Xếp hạng (2)`, `(3)`... when a sheet already has the name (Excel compares case-insensitively). */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = wanted.replace(/[\\/?*[\]:]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, MAX_SHEET_NAME) || 'ThiDua';
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Writes an output sheet; returns its links to cells of this workbook, for internal-links.ts to add. */
function fillSheet(ws: Worksheet, s: OutputSheet, resolveSheet: (name: string) => string | null): InternalLink[] {
  const links: InternalLink[] = [];
  s.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const target = ws.getCell(r + 1, c + 1);
      writeCell(target, cell);
      const linkSheet = cell.link ? resolveSheet(cell.link.sheet) : null;
      if (cell.link && linkSheet && cell.value !== null) {
        links.push({ ref: target.address, location: `${quoteSheet(linkSheet)}!${cell.link.cell.replace(/\$/g, '')}` });
        target.font = { ...(target.font ?? {}), ...LINK_FONT };
      }
    });
  });
  s.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  if (s.freezeRows > 0) {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: s.freezeRows, topLeftCell: `A${s.freezeRows + 1}`, activeCell: 'A1' }];
  }
  if (s.table) ws.autoFilter = s.table.range;
  return links;
}

function writeCell(target: ExcelJSCell, cell: OutCell): void {
  const v = cell.value;
  if (typeof v === 'string') {
    // A string value is stored as a string, never parsed as a formula; `@` keeps Excel from reinterpreting
    // it when the user edits the cell later.
    target.value = safeText(v);
    target.numFmt = '@';
  } else if (typeof v === 'number') {
    target.value = Number.isFinite(v) ? v : null;
    if (cell.format) target.numFmt = cell.format;
  } else if (typeof v === 'boolean') {
    target.value = v;
  }
  const look = cell.style ? LOOKS[cell.style] : undefined;
  if (look) {
    if (look.font) target.font = { ...look.font };
    if (look.fill) target.fill = look.fill;
    if (look.border) target.border = look.border;
    if (look.alignment) target.alignment = look.alignment;
  }
}

type ExcelJSCell = ReturnType<Worksheet['getCell']>;

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32_767;

/** Characters XML 1.0 cannot carry (a control character pasted into a unit name would corrupt the file). */
export function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT - 1) + '…' : clean;
}

/** Opens the workbook on `sheet`, leaving only it selected (two selected tabs would group the sheets). */
function activate(wb: Workbook, sheet: string | null): void {
  if (!sheet) return;
  const order = wb.worksheets;
  const index = order.findIndex((ws) => ws.name === sheet);
  if (index < 0) return;
  for (const ws of order) {
    // A sheet without a view is not selected; giving it one would only add defaults to the user's sheet.
    if (!ws.views || ws.views.length === 0) {
      if (ws.name === sheet) ws.views = [{ tabSelected: true } as Worksheet['views'][number]];
      continue;
    }
    ws.views = ws.views.map((v, i) => (i === 0 ? { ...v, tabSelected: ws.name === sheet } : v)) as Worksheet['views'];
  }
  const current = wb.views && wb.views.length > 0 ? wb.views : [{ x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' }];
  wb.views = current.map((v, i) => (i === 0 ? { ...v, activeTab: index, firstSheet: 0 } : v)) as Workbook['views'];
}
