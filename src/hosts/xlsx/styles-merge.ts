/**
 * Adds the cell formats of the generated sheets to the cluster workbook's own styles part, so the
 * user's formats stay exactly as they were (same indices, nothing renumbered) and ours are appended.
 *
 * Our formats come from a workbook exceljs wrote with the generated sheets alone. Its default format
 * (index 0) is mapped to the workbook's default, so plain generated cells look like the rest of the
 * workbook; a font of ours that names no typeface or size (exceljs writes `<font><b/></font>` for
 * "bold") takes the workbook's default typeface and size rather than whatever the reader assumes.
 */
import { attributes, block, elements, escapeXml, unescapeXml, withAttribute } from './xml';

/** First custom number format id (0-163 are built in). */
const FIRST_CUSTOM_NUMFMT = 164;

/** Font properties copied from the workbook's default font into a font of ours that lacks them. */
const TYPEFACE = ['name', 'family', 'charset', 'scheme'] as const;

export interface MergedStyles {
  /** The workbook's styles part with our formats appended. */
  xml: string;
  /** Our cell format index -> its index in the merged part. */
  xf: (ours: number) => number;
}

/** Merges `ours` (a styles part) into `theirs`; null when `theirs` is not a styles part we can extend. */
export function mergeStyles(theirs: string, ours: string): MergedStyles | null {
  const tFonts = block(theirs, 'fonts');
  const tFills = block(theirs, 'fills');
  const tBorders = block(theirs, 'borders');
  const tXfs = block(theirs, 'cellXfs');
  if (!tFonts || !tFills || !tBorders || !tXfs) return null;
  const theirFonts = elements(tFonts.inner, 'font');
  const fontOffset = theirFonts.length;
  const fillOffset = elements(tFills.inner, 'fill').length;
  const borderOffset = elements(tBorders.inner, 'border').length;
  const xfOffset = elements(tXfs.inner, 'xf').length;

  const ourFonts = elements(block(ours, 'fonts')?.inner ?? '', 'font');
  const ourFills = elements(block(ours, 'fills')?.inner ?? '', 'fill');
  const ourBorders = elements(block(ours, 'borders')?.inner ?? '', 'border');
  const ourXfs = elements(block(ours, 'cellXfs')?.inner ?? '', 'xf');

  // Index 0 of fonts and borders, and 0-1 of fills (none, gray125), are the defaults in every workbook.
  const font = (i: number): number => (i === 0 ? 0 : fontOffset + i - 1);
  const fill = (i: number): number => (i <= 1 ? i : fillOffset + i - 2);
  const border = (i: number): number => (i === 0 ? 0 : borderOffset + i - 1);
  const numFmts = mergeNumFmts(theirs, ours);

  const defaults = theirFonts[0] ?? '';
  const addedFonts = ourFonts.slice(1).map((f) => completeFont(f, defaults));
  const addedFills = ourFills.slice(2);
  const addedBorders = ourBorders.slice(1);
  const addedXfs = ourXfs.slice(1).map((xf) => {
    const open = /^<xf\b[^>]*?\/?>/.exec(xf)![0];
    const a = attributes(open);
    let tag = open;
    tag = withAttribute(tag, 'numFmtId', String(numFmts.map(Number(a.numFmtId ?? 0))));
    tag = withAttribute(tag, 'fontId', String(font(Number(a.fontId ?? 0))));
    tag = withAttribute(tag, 'fillId', String(fill(Number(a.fillId ?? 0))));
    tag = withAttribute(tag, 'borderId', String(border(Number(a.borderId ?? 0))));
    tag = withAttribute(tag, 'xfId', '0');
    return tag + xf.slice(open.length);
  });

  let xml = theirs;
  xml = append(xml, 'cellXfs', addedXfs);
  xml = append(xml, 'borders', addedBorders);
  xml = append(xml, 'fills', addedFills);
  xml = append(xml, 'fonts', addedFonts);
  xml = numFmts.apply(xml);
  return { xml, xf: (i) => (i <= 0 ? 0 : xfOffset + i - 1) };
}

/** Appends elements to a `<name count="n">` block, counting them in. */
function append(xml: string, name: string, added: readonly string[]): string {
  if (added.length === 0) return xml;
  const b = block(xml, name)!;
  const count = elements(b.inner, name === 'cellXfs' ? 'xf' : name.slice(0, -1)).length + added.length;
  const open = withAttribute(b.open.replace(/\/>$/, '>'), 'count', String(count));
  return `${xml.slice(0, b.start)}${open}${b.inner}${added.join('')}</${name}>${xml.slice(b.end)}`;
}

/** Fills in typeface and size from the workbook's default font when our font does not name them. */
function completeFont(font: string, defaults: string): string {
  const has = (tag: string, f: string): boolean => new RegExp(`<${tag}[\\s/>]`).test(f);
  const take = (tag: string): string => new RegExp(`<${tag}\\b[^>]*/>`).exec(defaults)?.[0] ?? '';
  let extra = '';
  if (!has('sz', font)) extra += take('sz');
  if (!has('name', font)) for (const t of TYPEFACE) if (!has(t, font)) extra += take(t);
  if (extra === '') return font;
  return font.endsWith('/>') ? `${font.slice(0, -2)}>${extra}</font>` : font.replace(/<\/font>$/, () => `${extra}</font>`);
}

/** Our custom number formats: reuse theirs with the same code, else append under fresh ids. */
function mergeNumFmts(theirs: string, ours: string): { map: (id: number) => number; apply: (xml: string) => string } {
  const read = (xml: string): { id: number; code: string }[] =>
    elements(block(xml, 'numFmts')?.inner ?? '', 'numFmt').map((el) => {
      const a = attributes(el);
      return { id: Number(a.numFmtId), code: unescapeXml(a.formatCode ?? '') };
    });
  const existing = read(theirs);
  let next = Math.max(FIRST_CUSTOM_NUMFMT - 1, ...existing.map((f) => f.id)) + 1;
  const mapping = new Map<number, number>();
  const added: string[] = [];
  for (const f of read(ours)) {
    const same = existing.find((e) => e.code === f.code);
    if (same) {
      mapping.set(f.id, same.id);
    } else {
      mapping.set(f.id, next);
      added.push(`<numFmt numFmtId="${next}" formatCode="${escapeXml(f.code)}"/>`);
      next++;
    }
  }
  return {
    map: (id) => mapping.get(id) ?? id,
    apply: (xml) => {
      if (added.length === 0) return xml;
      if (block(xml, 'numFmts')) return append(xml, 'numFmts', added);
      // numFmts is the first child of styleSheet.
      return xml.replace(/<styleSheet\b[^>]*>/, (open) => `${open}<numFmts count="${added.length}">${added.join('')}</numFmts>`);
    },
  };
}
