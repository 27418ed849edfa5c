/**
 * The .xlsx package (Open Packaging Conventions) at the level the writer needs: parts, their
 * relationships, content types, and removing a part together with what only it used. Browser-safe.
 */
import JSZip from 'jszip';
import { attributes, elements, escapeXml, unescapeXml } from './xml';

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part path (`xl/worksheets/sheet1.xml`), or the raw target when external. */
  target: string;
  external: boolean;
}

export const REL_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

export const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CONTENT_TYPES = '[Content_Types].xml';

/** `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; the package itself (``) -> `_rels/.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target, relative to the part that holds it, as a package path without leading `/`. */
export function resolveTarget(fromPart: string, target: string): string {
  const raw = target.replace(/\\/g, '/');
  const base = raw.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const seg of raw.replace(/^\/+/, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** Part names in a zip compare case-insensitively (OPC), and some writers vary the case. */
function findFile(zip: JSZip, path: string): JSZip.JSZipObject | null {
  const exact = zip.file(path);
  if (exact) return exact;
  const lower = path.toLowerCase();
  for (const name of Object.keys(zip.files)) if (name.toLowerCase() === lower && !zip.files[name]!.dir) return zip.files[name]!;
  return null;
}

export class XlsxPackage {
  private constructor(readonly zip: JSZip) {}

  static async load(bytes: Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  async text(path: string): Promise<string | null> {
    const f = findFile(this.zip, path);
    return f ? f.async('string') : null;
  }

  /** Writes a part under the name it already has (whatever its case), or under `path`. */
  put(path: string, content: string): void {
    this.zip.file(findFile(this.zip, path)?.name ?? path, content);
  }

  async rels(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(part));
    if (xml === null) return [];
    return elements(xml, 'Relationship').map((el) => {
      const a = attributes(el.slice(0, el.indexOf('>') + 1));
      const external = (a.TargetMode ?? '').toLowerCase() === 'external';
      const target = unescapeXml(a.Target ?? '');
      return { id: a.Id ?? '', type: a.Type ?? '', target: external ? target : resolveTarget(part, target), external };
    });
  }

  /** The workbook part (`xl/workbook.xml` unless the package says otherwise). */
  async workbookPath(): Promise<string> {
    const root = await this.rels('');
    return root.find((r) => r.type === REL_TYPES.officeDocument && !r.external)?.target ?? 'xl/workbook.xml';
  }

  /** Adds a relationship to `part`'s rels; returns its id (`rId7`, one past the highest numbered). */
  async addRel(part: string, type: string, targetPart: string): Promise<string> {
    const path = relsPathOf(part);
    const xml = (await this.text(path)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const used = new Set(elements(xml, 'Relationship').map((el) => attributes(el).Id ?? ''));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(part, targetPart))}"/>`;
    this.put(path, appendChild(xml, 'Relationships', el));
    return id;
  }

  /** Removes the relationships of `part` with these ids. */
  async removeRels(part: string, ids: ReadonlySet<string>): Promise<void> {
    const path = relsPathOf(part);
    const xml = await this.text(path);
    if (xml === null) return;
    this.put(path, xml.replace(/<Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/Relationship>)/g, (el) => (ids.has(attributes(el).Id ?? '') ? '' : el)));
  }

  async addContentType(part: string, contentType: string): Promise<void> {
    const xml = (await this.text(CONTENT_TYPES)) ?? '';
    const el = `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`;
    this.put(CONTENT_TYPES, appendChild(xml, 'Types', el));
  }

  /**
   * Deletes `parts`, their rels, their content-type overrides, and every part they referred to that
   * nothing else still refers to (a sheet's drawing, its charts, its tables).
   */
  async removeParts(parts: readonly string[]): Promise<void> {
    const gone = new Set(parts.map((p) => p.toLowerCase()));
    const candidates = new Set<string>();
    const queue = [...parts];
    while (queue.length > 0) {
      const p = queue.pop()!;
      for (const r of await this.rels(p)) {
        if (r.external || candidates.has(r.target.toLowerCase())) continue;
        candidates.add(r.target.toLowerCase());
        queue.push(r.target);
      }
    }
    // A referred part goes only when no surviving part still refers to it.
    for (let changed = true; changed; ) {
      changed = false;
      const stillUsed = new Set<string>();
      for (const relsFile of Object.keys(this.zip.files).filter((n) => n.toLowerCase().endsWith('.rels'))) {
        const owner = ownerOfRels(relsFile);
        if (gone.has(owner.toLowerCase())) continue;
        for (const r of await this.rels(owner)) if (!r.external) stillUsed.add(r.target.toLowerCase());
      }
      for (const c of candidates) {
        if (!gone.has(c) && !stillUsed.has(c)) {
          gone.add(c);
          changed = true;
        }
      }
    }
    for (const name of Object.keys(this.zip.files)) {
      const lower = name.toLowerCase();
      if (gone.has(lower) || [...gone].some((g) => relsPathOf(g) === lower)) this.zip.remove(name);
    }
    const types = await this.text(CONTENT_TYPES);
    if (types !== null) {
      this.put(
        CONTENT_TYPES,
        types.replace(/<Override\b[^>]*?\/>/g, (el) => (gone.has((attributes(el).PartName ?? '').replace(/^\//, '').toLowerCase()) ? '' : el)),
      );
    }
  }

  /** A part name not used yet: `xl/worksheets/sheet8.xml`. */
  freePartName(dir: string, stem: string, ext: string): string {
    const used = new Set(Object.keys(this.zip.files).map((n) => n.toLowerCase()));
    for (let n = 1; ; n++) {
      const name = `${dir}/${stem}${n}.${ext}`;
      if (!used.has(name.toLowerCase())) return name;
    }
  }

  async bytes(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

/** Appends an element as the last child of the root `<name>`, which may be written empty (`<name/>`). */
function appendChild(xml: string, root: string, el: string): string {
  const close = xml.lastIndexOf(`</${root}>`);
  if (close >= 0) return `${xml.slice(0, close)}${el}${xml.slice(close)}`;
  const empty = new RegExp(`<${root}\\b([^>]*?)\\s*/>`).exec(xml);
  if (!empty) throw new Error(`the package part has no <${root}> element`);
  return `${xml.slice(0, empty.index)}<${root}${empty[1]}>${el}</${root}>${xml.slice(empty.index + empty[0].length)}`;
}

/** `xl/worksheets/_rels/sheet1.xml.rels` -> `xl/worksheets/sheet1.xml`; `_rels/.rels` -> ``. */
function ownerOfRels(relsFile: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsFile);
  return m ? `${m[1]}${m[2]}` : relsFile;
}

/** `xl/workbook.xml` + `xl/worksheets/sheet8.xml` -> `worksheets/sheet8.xml`. */
function relativeTarget(fromPart: string, targetPart: string): string {
  const dir = fromPart.split('/').slice(0, -1).join('/');
  return dir && targetPart.startsWith(`${dir}/`) ? targetPart.slice(dir.length + 1) : `/${targetPart}`;
}
