/**
 * Links to cells of the same workbook (the Kiểm tra sheet's "go to" column), written into the generated
 * worksheet XML by hand: exceljs writes every hyperlink as an external relationship, so `#'Sheet'!A1`
 * would become a link to a file. Excel's own "Place in this document" link is a `<hyperlink ref location/>`
 * with no relationship, and that is what this writes.
 */
import { attributes, escapeXml, insertionPoint } from './xml';

export interface InternalLink {
  /** Cell holding the link, `B4`. */
  ref: string;
  /** Target in this workbook without `#`: `'Tự chấm'!D12`. */
  location: string;
}

/** Elements that follow `<hyperlinks>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_HYPERLINKS = [
  'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects',
  'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** Adds location-only hyperlinks to a worksheet part, skipping cells that already hold a link. */
export function injectLinks(xml: string, links: readonly InternalLink[]): string {
  if (links.length === 0) return xml;
  // Everything searched for comes after the cells; skipping them matters on a sheet of a million cells.
  const tail = Math.max(0, xml.lastIndexOf('</sheetData>'));
  const existing = new Set<string>();
  for (const m of xml.slice(tail).matchAll(/<hyperlink\b([^>]*?)\/?>/g)) {
    const ref = attributes(m[1] ?? '').ref;
    if (ref) existing.add(ref.toUpperCase());
  }
  const fresh = links.filter((l) => !existing.has(l.ref.toUpperCase()));
  if (fresh.length === 0) return xml;
  const elements = fresh.map((l) => `<hyperlink ref="${escapeXml(l.ref)}" location="${escapeXml(l.location)}"/>`).join('');
  const open = /<hyperlinks\s*\/>/.exec(xml.slice(tail));
  if (open) return `${xml.slice(0, tail + open.index)}<hyperlinks>${elements}</hyperlinks>${xml.slice(tail + open.index + open[0].length)}`;
  const close = xml.indexOf('</hyperlinks>', tail);
  if (close >= 0) return `${xml.slice(0, close)}${elements}${xml.slice(close)}`;
  const at = insertionPoint(xml, AFTER_HYPERLINKS, '</worksheet>', tail);
  if (at < 0) return xml;
  return `${xml.slice(0, at)}<hyperlinks>${elements}</hyperlinks>${xml.slice(at)}`;
}
