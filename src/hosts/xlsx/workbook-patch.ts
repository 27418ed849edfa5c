/**
 * Replacing ThiDua's sheets inside the cluster workbook's own package, leaving every other part as it
 * was, byte for byte: the user's sheets, their names (sheet-scoped ones too), validation, charts, pivot
 * tables, comments, links to other files. Only `workbook.xml` (the sheet list, defined names, the active
 * tab), its relationships, the content types and the styles part change, plus `tabSelected` in the
 * user's sheet views when ours becomes the active tab.
 *
 * Why not load the workbook into exceljs and save it: exceljs rebuilds every part from its own model and
 * loses what it does not model (sheet-scoped names, charts, pivots, external links), and it expands a
 * validation range into one entry per cell (a whole-column rule is a million objects).
 */
import type { OutputRole } from '../../engine';
import { markerName, quoteSheet, roleOfMarker, sheetOfReference } from './markers';
import { REL_TYPES, WORKSHEET_CONTENT_TYPE, XlsxPackage } from './package';
import { attributes, block, elements, escapeXml, insertionPoint, unescapeXml, withAttribute } from './xml';

interface SheetEntry {
  tag: string;
  name: string;
  sheetId: number;
  rId: string;
  /** Package path of the sheet part; null when the relationship is missing. */
  part: string | null;
  /** Role when ThiDua generated it (a global `ThiDua_<role>` name points at it). */
  role: OutputRole | null;
}

export interface NewSheet {
  role: OutputRole;
  name: string;
  xml: string;
}

/** CT_Workbook children after `definedNames`, for inserting one where there was none. */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

export class WorkbookEditor {
  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly path: string,
    private xml: string,
    readonly sheets: SheetEntry[],
  ) {}

  static async open(pkg: XlsxPackage): Promise<WorkbookEditor> {
    const path = await pkg.workbookPath();
    const xml = await pkg.text(path);
    const sheetsBlock = xml === null ? null : block(xml, 'sheets');
    if (xml === null || !sheetsBlock) throw new Error('the workbook part is missing');
    const rels = new Map((await pkg.rels(path)).map((r) => [r.id, r] as const));
    const markers = new Map<string, OutputRole>();
    for (const dn of definedNames(xml)) {
      const role = roleOfMarker(dn.name);
      const sheet = role && dn.localSheetId === null ? sheetOfReference(dn.text) : null;
      if (role && sheet !== null) markers.set(sheet, role);
    }
    const sheets = elements(sheetsBlock.inner, 'sheet').map((tag): SheetEntry => {
      const a = attributes(tag);
      const rIdKey = Object.keys(a).find((k) => /(^|:)id$/.test(k) && k !== 'sheetId') ?? 'r:id';
      const rel = rels.get(a[rIdKey] ?? '');
      const name = unescapeXml(a.name ?? '');
      return { tag, name, sheetId: Number(a.sheetId ?? 0), rId: a[rIdKey] ?? '', part: rel && !rel.external ? rel.target : null, role: markers.get(name) ?? null };
    });
    return new WorkbookEditor(pkg, path, xml, sheets);
  }

  /** Sheets an earlier run generated: they are replaced. */
  get generated(): SheetEntry[] {
    return this.sheets.filter((s) => s.role !== null);
  }

  /** Sheets that stay: the user's. */
  get kept(): SheetEntry[] {
    return this.sheets.filter((s) => s.role === null);
  }

  async stylesPart(): Promise<{ path: string; xml: string } | null> {
    const rel = (await this.pkg.rels(this.path)).find((r) => r.type === REL_TYPES.styles && !r.external);
    const xml = rel ? await this.pkg.text(rel.target) : null;
    return rel && xml !== null ? { path: rel.target, xml } : null;
  }

  async addStylesPart(xml: string): Promise<void> {
    const path = `${dirOf(this.path)}styles.xml`;
    this.pkg.put(path, xml);
    await this.pkg.addRel(this.path, REL_TYPES.styles, path);
    await this.pkg.addContentType(path, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
  }

  /**
   * Removes the generated sheets, adds `fresh` (each where the sheet of the same role was, else at the
   * end), marks them, and opens the workbook on `active` (a fresh sheet's name) when given.
   */
  async replace(fresh: readonly NewSheet[], active: string | null): Promise<void> {
    const removed = this.generated;
    if (removed.length > 0) {
      await this.pkg.removeRels(this.path, new Set(removed.map((s) => s.rId)));
      const calcChain = (await this.pkg.rels(this.path)).filter((r) => r.type === REL_TYPES.calcChain);
      // The calculation chain lists cells by sheet; Excel rebuilds it silently when it is absent.
      if (calcChain.length > 0) await this.pkg.removeRels(this.path, new Set(calcChain.map((r) => r.id)));
      await this.pkg.removeParts([...removed.flatMap((s) => (s.part ? [s.part] : [])), ...calcChain.map((r) => r.target)]);
    }

    const relPrefix = /\s([\w.-]+):id\s*=/.exec(this.sheets[0]?.tag ?? '')?.[1] ?? 'r';
    let nextId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const added: SheetEntry[] = [];
    for (const s of fresh) {
      const part = this.pkg.freePartName(`${dirOf(this.path)}worksheets`, 'sheet', 'xml');
      this.pkg.put(part, s.xml);
      const rId = await this.pkg.addRel(this.path, REL_TYPES.worksheet, part);
      await this.pkg.addContentType(part, WORKSHEET_CONTENT_TYPE);
      const sheetId = nextId++;
      added.push({ tag: `<sheet name="${escapeXml(s.name)}" sheetId="${sheetId}" ${relPrefix}:id="${rId}"/>`, name: s.name, sheetId, rId, part, role: s.role });
    }

    // Final order: each fresh sheet in the slot of the sheet it replaces, the others at the end.
    const order: SheetEntry[] = [];
    const placed = new Set<SheetEntry>();
    for (const s of this.sheets) {
      if (s.role === null) {
        order.push(s);
        continue;
      }
      const successor = added.find((a) => a.role === s.role && !placed.has(a));
      if (successor) {
        order.push(successor);
        placed.add(successor);
      }
    }
    for (const a of added) if (!placed.has(a)) order.push(a);
    const position = (old: SheetEntry | undefined): number | null => {
      if (!old) return null;
      if (old.role === null) return order.indexOf(old);
      const successor = added.find((a) => a.role === old.role);
      return successor ? order.indexOf(successor) : null;
    };

    let xml = this.xml;
    const sheetsBlock = block(xml, 'sheets')!;
    xml = `${xml.slice(0, sheetsBlock.start)}${sheetsBlock.open.replace(/\/>$/, '>')}${order.map((s) => s.tag).join('')}</sheets>${xml.slice(sheetsBlock.end)}`;
    xml = this.rewriteDefinedNames(xml, added, (i) => position(this.sheets[i]));
    // A tab whose sheet went without a successor hands over to the next sheet that is still there.
    const tabPosition = (i: number): number => {
      for (let j = i; j < this.sheets.length; j++) {
        const p = position(this.sheets[j]);
        if (p !== null) return p;
      }
      return Math.max(0, order.length - 1);
    };
    const activeIndex = active === null ? null : order.findIndex((s) => s.name === active);
    xml = this.rewriteBookViews(xml, activeIndex, tabPosition);
    this.pkg.put(this.path, xml);
    if (activeIndex !== null && activeIndex >= 0) await this.deselectUserSheets();
  }

  /** Markers for the fresh sheets; sheet-scoped names follow their sheet to its new position. */
  private rewriteDefinedNames(xml: string, added: readonly SheetEntry[], newIndex: (old: number) => number | null): string {
    const kept: string[] = [];
    for (const dn of definedNames(xml)) {
      // Every ThiDua name is rewritten below; a stale or copied one would only mislead the next run.
      if (roleOfMarker(dn.name) !== null) continue;
      if (dn.localSheetId === null) {
        kept.push(dn.raw);
        continue;
      }
      const at = newIndex(dn.localSheetId);
      // A name scoped to a generated sheet (Excel's filter range on it) goes with the sheet.
      if (at === null || this.sheets[dn.localSheetId]?.role) continue;
      const open = /^<definedName\b[^>]*>/.exec(dn.raw)![0];
      kept.push(withAttribute(open, 'localSheetId', String(at)) + dn.raw.slice(open.length));
    }
    for (const a of added) kept.push(`<definedName name="${markerName(a.role!)}">${escapeXml(`${quoteSheet(a.name)}!$A$1`)}</definedName>`);
    const content = `<definedNames>${kept.join('')}</definedNames>`;
    const existing = block(xml, 'definedNames');
    if (existing) return `${xml.slice(0, existing.start)}${kept.length > 0 ? content : ''}${xml.slice(existing.end)}`;
    if (kept.length === 0) return xml;
    const at = insertionPoint(xml, AFTER_DEFINED_NAMES, '</workbook>', block(xml, 'sheets')!.end);
    return `${xml.slice(0, at)}${content}${xml.slice(at)}`;
  }

  /** The active tab (and the first tab shown) follow their sheets; `active` overrides. */
  private rewriteBookViews(xml: string, active: number | null, newIndex: (old: number) => number): string {
    const views = block(xml, 'bookViews');
    if (!views) {
      if (active === null || active < 0) return xml;
      const at = block(xml, 'sheets')!.start;
      return `${xml.slice(0, at)}<bookViews><workbookView activeTab="${active}"/></bookViews>${xml.slice(at)}`;
    }
    const inner = views.inner.replace(/<workbookView\b[^>]*?\/?>/g, (tag) => {
      const a = attributes(tag);
      const tab = active !== null && active >= 0 ? active : newIndex(Number(a.activeTab ?? 0));
      const first = Math.min(newIndex(Number(a.firstSheet ?? 0)), tab);
      let out = withAttribute(tag, 'activeTab', String(tab));
      out = a.firstSheet !== undefined || first !== 0 ? withAttribute(out, 'firstSheet', String(first)) : out;
      return out;
    });
    return `${xml.slice(0, views.start)}${views.open}${inner}</bookViews>${xml.slice(views.end)}`;
  }

  /** Only the active tab may be selected: two selected tabs would group the sheets for editing. */
  private async deselectUserSheets(): Promise<void> {
    for (const s of this.kept) {
      if (!s.part) continue;
      const xml = await this.pkg.text(s.part);
      const views = xml === null ? null : block(xml, 'sheetViews');
      if (xml === null || !views || !/tabSelected\s*=\s*["'](1|true)["']/.test(views.inner)) continue;
      const inner = views.inner.replace(/<sheetView\b[^>]*?\/?>/g, (tag) => withAttribute(tag, 'tabSelected', null));
      this.pkg.put(s.part, `${xml.slice(0, views.start)}${views.open}${inner}</sheetViews>${xml.slice(views.end)}`);
    }
  }
}

interface DefinedName {
  raw: string;
  name: string;
  localSheetId: number | null;
  /** The reference or formula, unescaped. */
  text: string;
}

function definedNames(xml: string): DefinedName[] {
  const b = block(xml, 'definedNames');
  if (!b) return [];
  return elements(b.inner, 'definedName').map((raw) => {
    const open = /^<definedName\b[^>]*>/.exec(raw)?.[0] ?? raw;
    const a = attributes(open);
    const text = raw.endsWith('/>') ? '' : raw.slice(open.length, raw.lastIndexOf('</definedName>'));
    return { raw, name: a.name ?? '', localSheetId: a.localSheetId === undefined ? null : Number(a.localSheetId), text: unescapeXml(text) };
  });
}

/** `xl/workbook.xml` -> `xl/`. */
function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/**
 * Whether ThiDua wrote these bytes: its marker names are there (even when the user has since deleted the
 * sheets they pointed at). False for any other workbook, and for bytes that are not one.
 */
export async function isThiDuaResult(bytes: Uint8Array): Promise<boolean> {
  try {
    const pkg = await XlsxPackage.load(bytes);
    const xml = await pkg.text(await pkg.workbookPath());
    return xml !== null && definedNames(xml).some((dn) => roleOfMarker(dn.name) !== null);
  } catch {
    return false;
  }
}
