/**
 * The engine's OutputSheet descriptions -> sheets of the open workbook, in one batch (split only where
 * the 4 MiB payload cap demands), with calculation and screen updating suspended.
 *
 * Replaces only sheets this product generated (marked by defined names, see markers.ts); a user's sheet
 * that happens to be called "Xếp hạng" keeps its name and content, and ours goes to "Xếp hạng (2)".
 * No source cell is written: every cell write targets a sheet added in this run.
 */
import type { OutCell, OutputRole, OutputSheet } from '../../engine';
import { columnLetters, formatAddress, parseRange } from '../../engine';
import { decorate } from './decorate';
import { cellReference, freeSheetName, freeTableName, markerName, sheetKey } from './markers';
import { markedSheets } from './reader';
import { jsonBytes, PAYLOAD_CAP_BYTES, RequestBudget } from './payload';
import { charsToPoints, LOOKS, styleBlocks } from './styles';
import type { OutStyle } from './styles';

export interface WriteOptions {
  /** Generated sheet to show when done; null leaves the active sheet alone. Default: the ranking. */
  activate?: OutputRole | null;
}

export interface WrittenSheet {
  role: OutputRole;
  /** The name it got: the engine's, or a free variant when a user's sheet has that name. */
  name: string;
  /** Name of the earlier generated sheet it replaced, if any. */
  replaced: string | null;
  /** Links left out beyond Excel's 65,530 per worksheet (their text is written); absent when none. */
  linksOmitted?: number;
}

/** "Excel specifications and limits": hyperlinks on one worksheet. */
export const HYPERLINKS_PER_SHEET_MAX = 65_530;
/** "Excel specifications and limits": characters in one cell; Excel refuses a longer value. */
export const CELL_TEXT_MAX = 32_767;

export interface WriteReport {
  sheets: WrittenSheet[];
  /** Round trips used (1 to look at the workbook, then one per batch). */
  syncs: number;
}

interface Plan {
  out: OutputSheet;
  name: string;
  tempName: string;
  old: Excel.Worksheet | null;
  oldPosition: number;
  tableName: string | null;
  ws?: Excel.Worksheet;
  linksOmitted: number;
}

export async function writeOutputSheets(context: Excel.RequestContext, sheets: readonly OutputSheet[], opts: WriteOptions = {}): Promise<WriteReport> {
  if (sheets.length === 0) return { sheets: [], syncs: 0 };
  const book = context.workbook;
  const worksheets = book.worksheets;
  worksheets.load('items/name,items/position,items/visibility');
  const names = book.names;
  names.load('items/name,items/type,items/value');
  const tables = book.tables;
  tables.load('items/name,items/worksheet/name');
  await context.sync();

  const plans = planSheets(sheets, worksheets.items, names.items, tables.items);
  const app = book.application;
  const budget = new RequestBudget(
    context,
    () => {
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
    },
    PAYLOAD_CAP_BYTES,
  );

  await replaceSheets(budget, worksheets, names, plans);
  const finalNames = linkTargets(plans, worksheets.items);
  for (const plan of plans) await writeSheet(budget, plan, finalNames);

  const show = opts.activate === undefined ? 'ranking' : opts.activate;
  const shown = plans.find((p) => p.out.role === show) ?? (show !== null ? plans[0] : undefined);
  if (shown) await budget.add(0, () => shown.ws!.activate());
  await budget.flush();

  return {
    sheets: plans.map((p) => ({ role: p.out.role, name: p.name, replaced: p.old ? p.old.name : null, ...(p.linksOmitted > 0 ? { linksOmitted: p.linksOmitted } : {}) })),
    syncs: 1 + budget.batchCount,
  };
}

/** Decides names before anything is queued: which old sheets go, what the new ones are called. */
function planSheets(
  sheets: readonly OutputSheet[],
  existing: readonly Excel.Worksheet[],
  names: readonly Excel.NamedItem[],
  tables: readonly Excel.Table[],
): Plan[] {
  const byKey = new Map(existing.map((ws) => [sheetKey(ws.name), ws]));
  const marked = markedSheets(names);
  const replacing = new Set<string>();
  const oldOf = (role: OutputRole): Excel.Worksheet | null => {
    const name = marked.get(role);
    const ws = name === undefined ? undefined : byKey.get(sheetKey(name));
    if (!ws || replacing.has(sheetKey(ws.name))) return null;
    replacing.add(sheetKey(ws.name));
    return ws;
  };
  const olds = sheets.map((s) => oldOf(s.role));

  const takenSheets = new Set([...byKey.keys()].filter((k) => !replacing.has(k)));
  const everySheet = new Set(byKey.keys());
  // Tables and defined names share one namespace: a table cannot take the name of a defined name.
  const takenTables = new Set([
    ...tables.filter((t) => !replacing.has(sheetKey(t.worksheet.name))).map((t) => t.name.toLowerCase()),
    ...names.map((n) => n.name.toLowerCase()),
  ]);

  return sheets.map((out, i) => {
    const name = freeSheetName(out.name, takenSheets);
    takenSheets.add(sheetKey(name));
    everySheet.add(sheetKey(name));
    // Added under a name no sheet has, so the old sheet can still exist when the new one arrives.
    const tempName = freeSheetName(`ThiDua ${out.role}`, everySheet);
    everySheet.add(sheetKey(tempName));
    let tableName: string | null = null;
    if (out.table) {
      tableName = freeTableName(out.table.name, takenTables);
      takenTables.add(tableName.toLowerCase());
    }
    const old = olds[i] ?? null;
    return { out, name, tempName, old, oldPosition: old ? old.position : -1, tableName, linksOmitted: 0 };
  });
}

/**
 * Adds the new sheets, deletes the ones they replace, and marks the new ones. Added first under a
 * temporary name and renamed after the delete, so the workbook always keeps a visible sheet and a re-run
 * gets back the old sheet's name and place.
 */
async function replaceSheets(budget: RequestBudget, worksheets: Excel.WorksheetCollection, names: Excel.NamedItemCollection, plans: Plan[]): Promise<void> {
  for (const p of plans) await budget.add(jsonBytes(p.tempName), () => (p.ws = worksheets.add(p.tempName)));
  for (const p of plans) {
    const old = p.old;
    if (!old) continue;
    // Excel refuses to delete a "VeryHidden" sheet (InvalidOperation): a user who hid ours that way
    // would otherwise block every re-run.
    if (old.visibility === 'VeryHidden') await budget.add(16, () => (old.visibility = 'Hidden'));
    await budget.add(0, () => old.delete());
  }
  for (const p of plans) await budget.add(jsonBytes(p.name), () => (p.ws!.name = p.name));
  // Ascending old positions: each insert lands where its predecessor sat once all old sheets are gone.
  const moved = plans.filter((p) => p.old).sort((a, b) => a.oldPosition - b.oldPosition);
  for (const p of moved) await budget.add(8, () => (p.ws!.position = p.oldPosition));
  for (const item of names.items) {
    const stale = plans.some((p) => markerName(p.out.role).toLowerCase() === item.name.toLowerCase());
    if (stale) await budget.add(0, () => item.delete());
  }
  for (const p of plans) {
    const marker = markerName(p.out.role);
    await budget.add(jsonBytes(marker), () => names.add(marker, p.ws!.getRange('A1')));
  }
}

/**
 * Engine sheet name -> name in this workbook, for hyperlinks. A link to a user's sheet stays as it is;
 * a link to a generated sheet follows it to the name it got here.
 */
function linkTargets(plans: readonly Plan[], existing: readonly Excel.Worksheet[]): Map<string, string> {
  const kept = new Set(existing.filter((ws) => !plans.some((p) => p.old === ws)).map((ws) => sheetKey(ws.name)));
  const map = new Map<string, string>();
  for (const p of plans) if (!kept.has(sheetKey(p.out.name))) map.set(sheetKey(p.out.name), p.name);
  return map;
}

/** The value sent for a cell and its number format; text is always formatted `@` so Excel keeps it as typed. */
export function cellPayload(cell: OutCell | undefined): { value: string | number | boolean; format: string } {
  const v = cell?.value ?? null;
  if (v === null) return { value: '', format: 'General' };
  if (typeof v === 'string') return { value: fitCell(v), format: '@' };
  if (typeof v === 'number') return { value: v, format: cell?.format ?? 'General' };
  return { value: v, format: 'General' };
}

/**
 * Text within Excel's 32,767 characters per cell, which it refuses to exceed (a finding can quote a huge
 * cell of an imported file): cut, with an ellipsis saying so, never splitting a surrogate pair.
 */
export function fitCell(text: string): string {
  if (text.length <= CELL_TEXT_MAX) return text;
  let end = CELL_TEXT_MAX - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

async function writeSheet(budget: RequestBudget, plan: Plan, linkNames: Map<string, string>): Promise<void> {
  const { out } = plan;
  const ws = plan.ws!;
  const width = out.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const table = out.table ? parseRange(out.table.range) : null;

  // Values in row blocks that each fit the cap. The number format goes first in the same batch: a text
  // cell formatted `@` before its value arrives is never read as a formula (`=HYPERLINK(...)`, `-5`, `@SUM`).
  if (width > 0) {
    let block: { values: (string | number | boolean)[][]; formats: string[][]; bytes: number; first: number } = { values: [], formats: [], bytes: 0, first: 0 };
    const send = async () => {
      if (block.values.length === 0) return;
      const b = block;
      await budget.add(b.bytes, () => {
        const range = ws.getRangeByIndexes(b.first, 0, b.values.length, width);
        range.numberFormat = b.formats;
        range.values = b.values;
      });
      block = { values: [], formats: [], bytes: 0, first: b.first + b.values.length };
    };
    for (const row of out.rows) {
      const values: (string | number | boolean)[] = [];
      const formats: string[] = [];
      for (let c = 0; c < width; c++) {
        const p = cellPayload(row[c]);
        values.push(p.value);
        formats.push(p.format);
      }
      const bytes = jsonBytes(values) + jsonBytes(formats);
      // Half the cap per block, so a block and the formatting queued around it share one request.
      if (block.values.length > 0 && block.bytes + bytes > PAYLOAD_CAP_BYTES / 2) await send();
      block.values.push(values);
      block.formats.push(formats);
      block.bytes += bytes;
    }
    await send();
  }

  for (const b of styleBlocks(out.rows, table)) {
    await budget.add(64, () => applyLook(ws.getRangeByIndexes(b.row, b.col, b.rows, b.cols), b.style, b.inTable));
  }
  let links = 0;
  for (let r = 0; r < out.rows.length; r++) {
    const row = out.rows[r]!;
    for (let col = 0; col < row.length; col++) {
      const cell = row[col];
      if (!cell?.link) continue;
      // Beyond Excel's cap the whole batch would fail: the first links (errors come first) are kept.
      if (links >= HYPERLINKS_PER_SHEET_MAX) {
        plan.linksOmitted++;
        continue;
      }
      links++;
      const target = linkNames.get(sheetKey(cell.link.sheet)) ?? cell.link.sheet;
      const link: Excel.RangeHyperlink = { documentReference: cellReference(target, cell.link.cell) };
      // The text stays what the engine wrote; without it Excel may show the target address instead.
      if (typeof cell.value === 'string') link.textToDisplay = fitCell(cell.value);
      await budget.add(jsonBytes(link), () => (ws.getRange(formatAddress({ row: r, col })).hyperlink = link));
    }
  }

  for (let c = 0; c < out.columnWidths.length; c++) {
    const chars = out.columnWidths[c];
    if (chars === undefined || !(chars > 0)) continue;
    const letter = columnLetters(c);
    await budget.add(32, () => (ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(chars)));
  }
  if (out.freezeRows > 0) await budget.add(8, () => ws.freezePanes.freezeRows(out.freezeRows));
  await decorate(budget, ws, out, plan.tableName);
}

function applyLook(range: Excel.Range, style: OutStyle, inTable: boolean): void {
  const look = LOOKS[style];
  const font = range.format.font;
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  if (look.size !== undefined) font.size = look.size;
  if (look.color !== undefined) font.color = look.color;
  if (look.wrap !== undefined) range.format.wrapText = look.wrap;
  if (look.fill !== undefined && !inTable) range.format.fill.color = look.fill;
}
