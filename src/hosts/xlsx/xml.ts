/**
 * Just enough XML for editing the parts of an .xlsx package as text: attributes of one start tag,
 * escaping, and rewriting one attribute. The parts are machine-written and well formed; the writer only
 * touches elements it names, so a full parser (and its memory on a 50 MB sheet) is not needed.
 */

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

/** A start tag (`<sheet name="A" r:id="rId1"/>`) with one attribute set, added, or (value null) removed. */
export function withAttribute(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (value === null) return tag.replace(re, '');
  const attr = ` ${name}="${escapeXml(value)}"`;
  // In place when present, so the tag reads as it did with one value changed.
  if (re.test(tag)) return tag.replace(re, () => attr);
  const close = /\s*\/?>$/.exec(tag);
  const at = close ? close.index : tag.length;
  return `${tag.slice(0, at)}${attr}${tag.slice(at)}`;
}

/** Every element `<name ...>...</name>` or `<name .../>` (not `<names>`), assuming it does not nest. */
export function elements(xml: string, name: string): string[] {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g');
  return xml.match(re) ?? [];
}

/** The first `<name ...>inner</name>` or `<name .../>` block, with where it is. */
export function block(xml: string, name: string): { start: number; end: number; open: string; inner: string } | null {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(/?)>`);
  const m = re.exec(xml);
  if (!m) return null;
  const open = m[0];
  if (m[1] === '/') return { start: m.index, end: m.index + open.length, open, inner: '' };
  const closeTag = `</${name}>`;
  const close = xml.indexOf(closeTag, m.index + open.length);
  if (close < 0) return null;
  return { start: m.index, end: close + closeTag.length, open, inner: xml.slice(m.index + open.length, close) };
}

/**
 * Where to insert an element so that it stays in schema order: before the first of `followers` present
 * in `xml` (searched after `from`), else before `closing`.
 */
export function insertionPoint(xml: string, followers: readonly string[], closing: string, from = 0): number {
  let at = xml.lastIndexOf(closing);
  for (const tag of followers) {
    const re = new RegExp(`<${tag}[\\s/>]`, 'g');
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && m.index < at) at = m.index;
  }
  return at;
}
