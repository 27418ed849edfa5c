/**
 * Links to cells of the same workbook, written by hand into the saved package.
 *
 * Why not through exceljs: it writes every hyperlink as an external relationship, so `#'Sheet'!A1`
 * becomes a link to a file, and on reading it drops links that have only a `location` (the kind Excel
 * itself makes for "Place in this document"). So exceljs gets none, and afterwards each worksheet part
 * receives its `<hyperlink ref location/>` elements: the ones we generated, and, for the user's sheets,
 * the internal links of the source workbook, restored as they were.
 */
import JSZip from 'jszip';

export interface InternalLink {
  /** Cell holding the link, `B4`. */
  ref: string;
  /** Target in this workbook without `#`: `'Tự chấm'!D12`. */
  location: string;
}

/** sheet name -> worksheet part path (`xl/worksheets/sheet3.xml`). */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wbXml = await zip.file('xl/workbook.xml')?.async('string');
  const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!wbXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    if (a.Id && a.Target) targets.set(a.Id, a.Target);
  }
  for (const m of wbXml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    const target = a['r:id'] ? targets.get(a['r:id']) : undefined;
    if (!a.name || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    out.set(unescapeXml(a.name), path);
  }
  return out;
}

/** Internal links (location only, no relationship) of every worksheet, by sheet name. */
export async function readInternalLinks(zip: JSZip): Promise<Map<string, InternalLink[]>> {
  const out = new Map<string, InternalLink[]>();
  for (const [name, path] of await sheetParts(zip)) {
    const xml = await zip.file(path)?.async('string');
    if (!xml) continue;
    const links: InternalLink[] = [];
    for (const m of xml.matchAll(/<hyperlink\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1] ?? '');
      if (a.ref && a.location && !a['r:id']) links.push({ ref: a.ref, location: unescapeXml(a.location) });
    }
    if (links.length > 0) out.set(name, links);
  }
  return out;
}

/** Elements that follow `<hyperlinks>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_HYPERLINKS = [
  'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects',
  'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** Adds location-only hyperlinks to a worksheet part, skipping cells that already hold a link. */
export function injectLinks(xml: string, links: readonly InternalLink[]): string {
  const existing = new Set<string>();
  for (const m of xml.matchAll(/<hyperlink\b([^>]*?)\/?>/g)) {
    const ref = attributes(m[1] ?? '').ref;
    if (ref) existing.add(ref.toUpperCase());
  }
  const fresh = links.filter((l) => !existing.has(l.ref.toUpperCase()));
  if (fresh.length === 0) return xml;
  const elements = fresh.map((l) => `<hyperlink ref="${escapeXml(l.ref)}" location="${escapeXml(l.location)}"/>`).join('');
  if (/<hyperlinks\s*\/>/.test(xml)) return xml.replace(/<hyperlinks\s*\/>/, `<hyperlinks>${elements}</hyperlinks>`);
  if (xml.includes('</hyperlinks>')) return xml.replace('</hyperlinks>', `${elements}</hyperlinks>`);
  let at = xml.lastIndexOf('</worksheet>');
  for (const tag of AFTER_HYPERLINKS) {
    const i = xml.search(new RegExp(`<${tag}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  if (at < 0) return xml;
  return `${xml.slice(0, at)}<hyperlinks>${elements}</hyperlinks>${xml.slice(at)}`;
}

/**
 * Writes `generated` links into the named sheets and restores the source workbook's internal links in
 * every other sheet that still exists under the same name.
 */
export async function applyInternalLinks(outBytes: Uint8Array, sourceBytes: Uint8Array, generated: Map<string, InternalLink[]>): Promise<Uint8Array> {
  const out = await JSZip.loadAsync(outBytes);
  let sourceLinks = new Map<string, InternalLink[]>();
  try {
    sourceLinks = await readInternalLinks(await JSZip.loadAsync(sourceBytes));
  } catch {
    // The source was read once already; if its links cannot be read again they are simply not restored.
  }
  let changed = false;
  for (const [name, path] of await sheetParts(out)) {
    const links = generated.get(name) ?? sourceLinks.get(name) ?? [];
    if (links.length === 0) continue;
    const file = out.file(path);
    if (!file) continue;
    const xml = await file.async('string');
    const next = injectLinks(xml, links);
    if (next !== xml) {
      out.file(path, next);
      changed = true;
    }
  }
  if (!changed) return outBytes;
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]!] = m[3] ?? m[4] ?? '';
  return out;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
