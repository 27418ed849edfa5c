/**
 * The result workbook: a copy of the cluster workbook with the generated sheets added or replaced.
 * The generated sheets are rendered by exceljs in a workbook of their own, then placed into the cluster
 * workbook's package (workbook-patch.ts), so nothing of the user's is re-encoded. Generated sheets are
 * marked (markers.ts) so the next run replaces them and nothing else; a user's sheet that merely has the
 * same name keeps it, and ours takes a free one.
 */
import type { OutCell, OutputRole, OutputSheet } from '../../engine';
import { ExcelJS } from './exceljs';
import type { Worksheet } from './exceljs';
import type { InternalLink } from './internal-links';
import { injectLinks } from './internal-links';
import { quoteSheet } from './markers';
import { XlsxPackage } from './package';
import { LINK_FONT, LOOKS } from './styles';
import { mergeStyles } from './styles-merge';
import type { NewSheet } from './workbook-patch';
import { WorkbookEditor } from './workbook-patch';
import { block, elements } from './xml';

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
  const pkg = await XlsxPackage.load(source);
  const book = await WorkbookEditor.open(pkg);
  const replaced = book.generated.map((s) => s.name);

  const taken = new Set(book.kept.map((s) => s.name.toLowerCase()));
  const names = new Map<string, string>();
  for (const s of sheets) {
    const name = freeSheetName(s.name, taken);
    taken.add(name.toLowerCase());
    names.set(s.name, name);
  }
  // Links may point at any sheet that exists after the write, under its final name.
  const existing = new Set([...book.kept.map((s) => s.name), ...names.values()]);
  const resolveSheet = (name: string): string | null => {
    const mapped = names.get(name) ?? name;
    return existing.has(mapped) ? mapped : null;
  };
  const activeRole = opts.activate === undefined ? 'ranking' : opts.activate;
  const activeSheet = activeRole ? sheets.find((s) => s.role === activeRole) : undefined;
  const active = activeSheet ? names.get(activeSheet.name)! : null;

  const rendered = await renderSheets(sheets, names, resolveSheet, active);
  const styles = await book.stylesPart();
  let xf = (i: number): number => i;
  if (styles) {
    const merged = mergeStyles(styles.xml, rendered.styles);
    if (!merged) throw new Error('the styles part of the workbook could not be read');
    pkg.put(styles.path, merged.xml);
    xf = merged.xf;
  } else {
    await book.addStylesPart(rendered.styles);
  }
  const fresh: NewSheet[] = rendered.sheets.map((s) => ({ role: s.role, name: s.name, xml: injectLinks(placeSheetXml(s.xml, rendered.strings, xf), s.links) }));
  await book.replace(fresh, active);
  return { bytes: await pkg.bytes(), names, replaced };
}

interface RenderedSheet {
  role: OutputRole;
  name: string;
  xml: string;
  links: InternalLink[];
}

/** The generated sheets as exceljs writes them in a workbook of their own: sheet parts, styles, strings. */
async function renderSheets(
  sheets: readonly OutputSheet[],
  names: ReadonlyMap<string, string>,
  resolveSheet: (name: string) => string | null,
  active: string | null,
): Promise<{ sheets: RenderedSheet[]; styles: string; strings: string[] }> {
  const wb = new ExcelJS.Workbook();
  const links = new Map<string, InternalLink[]>();
  for (const s of sheets) {
    const name = names.get(s.name)!;
    const ws = wb.addWorksheet(name);
    links.set(name, fillSheet(ws, s, resolveSheet));
    // A sheet without a view is not selected; the active one is, so Excel opens on it.
    if (name === active) ws.views = ws.views.length > 0 ? ws.views.map((v, i) => (i === 0 ? { ...v, tabSelected: true } : v)) : [{ tabSelected: true } as Worksheet['views'][number]];
  }
  // Stored, not deflated: these bytes are only unpacked again here (the result is compressed once, at the end).
  const rendered = (await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as object)) as ArrayBuffer;
  const pkg = await XlsxPackage.load(new Uint8Array(rendered));
  const book = await WorkbookEditor.open(pkg);
  const rels = await pkg.rels(await pkg.workbookPath());
  const sst = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const sstXml = sst ? ((await pkg.text(sst.target)) ?? '') : '';
  const strings = elements(sstXml, 'si').map((si) => si.replace(/^<si>|<\/si>$/g, ''));
  const out: RenderedSheet[] = [];
  for (const s of sheets) {
    const name = names.get(s.name)!;
    const entry = book.sheets.find((e) => e.name === name);
    const xml = entry?.part ? await pkg.text(entry.part) : null;
    if (xml === null) throw new Error(`the generated sheet ${name} was not written`);
    out.push({ role: s.role, name, xml, links: links.get(name) ?? [] });
  }
  return { sheets: out, styles: (await book.stylesPart())?.xml ?? '', strings };
}

/**
 * A rendered sheet made ready for the cluster workbook: its strings inline (the workbook's shared-string
 * table stays untouched) and its cell formats renumbered to the merged styles part.
 */
function placeSheetXml(xml: string, strings: readonly string[], xf: (ours: number) => number): string {
  const body = block(xml, 'sheetData');
  const head = xml.slice(0, body?.start ?? xml.length).replace(/<col\b[^>]*>/g, (tag) => tag.replace(/(\sstyle=")(\d+)"/, (_, pre: string, n: string) => `${pre}${xf(Number(n))}"`));
  if (!body) return head;
  // One pass over the cells (a details sheet can hold millions): each row and cell tag, with a
  // shared-string cell's index when it has one.
  const cells = body.inner.replace(/<(row|c)\b([^>]*)>(?:<v>(\d+)<\/v><\/c>)?/g, (whole, tag: string, attrs: string, ssi: string | undefined) => {
    const restyled = attrs.replace(/(\ss=")(\d+)"/, (_, pre: string, n: string) => `${pre}${xf(Number(n))}"`);
    if (tag === 'c' && ssi !== undefined && /\st="s"/.test(restyled)) return `<c${restyled.replace(/\st="s"/, ' t="inlineStr"')}><is>${strings[Number(ssi)] ?? ''}</is></c>`;
    if (ssi !== undefined) return `<${tag}${restyled}><v>${ssi}</v></c>`;
    return restyled === attrs ? whole : `<${tag}${restyled}>`;
  });
  return `${head}${body.open}${cells}</sheetData>${xml.slice(body.end)}`;
}

/** Excel's limit on sheet names. */
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
