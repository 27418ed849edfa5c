/**
 * What Microsoft's manifest validator would catch, checked offline (it needs the network, which these
 * machines lack). A tiny XML reader, a PNG header reader, and checks that return problems as text so
 * that a test can show both that the real manifest has none and that each check does find a fault.
 */
import { inflateSync } from 'node:zlib';

// ---------------------------------------------------------------- XML

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = ENTITIES[body];
    if (named === undefined) throw new Error(`unknown entity ${whole}`);
    return named;
  });
}

/**
 * Enough XML for a manifest: declaration, comments, elements, attributes, text, the five entities.
 * Throws on anything malformed (mismatched or unclosed tags, duplicate attributes, text outside the
 * root), as the validator would refuse such a file before looking at its content.
 */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const fail = (what: string): never => {
    const line = source.slice(0, i).split('\n').length;
    throw new Error(`XML line ${line}: ${what}`);
  };
  while (i < source.length) {
    if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i);
      if (end < 0) fail('unclosed declaration');
      i = end + 2;
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) fail('unclosed comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i);
      if (end < 0 || stack.length === 0) fail('bad CDATA');
      stack[stack.length - 1]!.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i);
      if (end < 0) fail('unclosed end tag');
      const name = source.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      i = end + 1;
    } else if (source[i] === '<') {
      const tag = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(i));
      if (!tag) fail('malformed start tag');
      const [whole, name, attrText, selfClosing] = tag!;
      const attrs: Record<string, string> = Object.create(null);
      for (const a of attrText!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const key = a[1]!;
        if (key in attrs) fail(`duplicate attribute ${key} on <${name}>`);
        attrs[key] = decodeEntities(a[2] ?? a[3] ?? '');
      }
      const el: XmlElement = { name: name!, attrs, children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
      else if (root) fail('second root element');
      else root = el;
      if (!selfClosing) stack.push(el);
      i += whole!.length;
    } else {
      const next = source.indexOf('<', i);
      const end = next < 0 ? source.length : next;
      const text = source.slice(i, end);
      if (stack.length === 0) {
        if (text.trim() !== '') fail('text outside the root element');
      } else {
        stack[stack.length - 1]!.text += decodeEntities(text);
      }
      i = end;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) fail('no root element');
  return root!;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Every element below `el` (depth first, document order), with the path of names leading to it. */
export function descendants(el: XmlElement, path: string[] = []): { el: XmlElement; path: string[] }[] {
  const out: { el: XmlElement; path: string[] }[] = [];
  for (const c of el.children) {
    const p = [...path, c.name];
    out.push({ el: c, path: p });
    out.push(...descendants(c, p));
  }
  return out;
}

export function text(el: XmlElement | undefined): string {
  return el ? el.text.trim() : '';
}

// ---------------------------------------------------------------- PNG

export interface PngInfo {
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Reads a PNG's size from its IHDR and proves the file is whole: every chunk's CRC matches and the
 * image data inflates to exactly the bytes its header announces (8-bit RGBA or RGB, not interlaced).
 */
export function readPng(bytes: Buffer): PngInfo {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG (signature)');
  let offset = 8;
  let info: (PngInfo & { channels: number }) | null = null;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      const channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error('unexpected PNG format');
      info = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), channels };
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      ended = true;
      break;
    }
    offset += 12 + length;
  }
  if (!info || !ended) throw new Error('PNG without IHDR or IEND');
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== info.height * (1 + info.width * info.channels)) throw new Error('PNG image data has the wrong size');
  return { width: info.width, height: info.height };
}

// ---------------------------------------------------------------- schema order

/** One entry of an xs:sequence: element name, minOccurs, maxOccurs. */
type Slot = [name: string, min: number, max: number];
const MANY = Infinity;

/**
 * The xs:sequence of each parent, from the published XSDs (OfficeAppManifestV1_1.xsd and
 * TaskPaneAppVersionOverridesV1_0.xsd), for every parent this manifest uses. TaskPaneApp extends
 * OfficeApp, so its own elements follow OfficeApp's. Control sequences depend on xsi:type.
 */
const SEQUENCES: Record<string, Slot[]> = {
  OfficeApp: [
    ['Id', 1, 1], ['AlternateId', 0, 1], ['Version', 1, 1], ['ProviderName', 1, 1], ['DefaultLocale', 1, 1],
    ['DisplayName', 1, 1], ['Description', 1, 1], ['IconUrl', 0, 1], ['HighResolutionIconUrl', 0, 1],
    ['SupportUrl', 0, 1], ['AppDomains', 0, 1], ['Hosts', 0, 1],
    // TaskPaneApp
    ['Requirements', 0, 1], ['DefaultSettings', 1, 1], ['Permissions', 1, 1], ['Dictionary', 0, 1],
    ['VersionOverrides', 0, 1],
  ],
  Requirements: [['Sets', 0, 1], ['Methods', 0, 1]],
  Sets: [['Set', 1, MANY]],
  DefaultSettings: [['SourceLocation', 1, 1]],
  VersionOverrides: [
    ['Description', 0, 1], ['Requirements', 0, 1], ['Hosts', 0, 1], ['Resources', 0, 1],
    ['WebApplicationInfo', 0, 1], ['EquivalentAddins', 0, 1],
  ],
  'VersionOverrides/Hosts': [['Host', 1, MANY]],
  // The abstract Host type's sequence (Runtimes, AllFormFactors), then Workbook's own DesktopFormFactor.
  'Host[Workbook]': [['Runtimes', 0, 1], ['AllFormFactors', 0, 1], ['DesktopFormFactor', 0, 1]],
  // The XSD allows more, but Office accepts exactly one runtime in a task pane add-in (Runtimes reference).
  Runtimes: [['Runtime', 1, 1]],
  DesktopFormFactor: [['GetStarted', 0, 1], ['FunctionFile', 0, 1], ['ExtensionPoint', 1, MANY]],
  GetStarted: [['Title', 1, 1], ['Description', 1, 1], ['LearnMoreUrl', 1, 1]],
  'ExtensionPoint[PrimaryCommandSurface]': [['OfficeTab', 0, MANY], ['CustomTab', 0, MANY]],
  OfficeTab: [['Group', 1, MANY]],
  Group: [['Label', 1, 1], ['Icon', 1, 1], ['Control', 1, MANY]],
  'Control[Button]': [['Label', 1, 1], ['Supertip', 1, 1], ['Icon', 1, 1], ['Action', 1, 1]],
  Supertip: [['Title', 1, 1], ['Description', 1, 1]],
  Icon: [['bt:Image', 1, MANY]],
  'Action[ExecuteFunction]': [['FunctionName', 1, 1]],
  'Action[ShowTaskpane]': [['TaskpaneId', 0, 1], ['SourceLocation', 1, 1], ['Title', 0, 1]],
  Resources: [['bt:Images', 0, 1], ['bt:Urls', 0, 1], ['bt:ShortStrings', 0, 1], ['bt:LongStrings', 0, 1]],
  'bt:Images': [['bt:Image', 1, MANY]],
  'bt:Urls': [['bt:Url', 1, MANY]],
  'bt:ShortStrings': [['bt:String', 1, MANY]],
  'bt:LongStrings': [['bt:String', 1, MANY]],
};

/** Elements whose children are locale overrides only. */
const OVERRIDE_HOLDERS = new Set(['DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:String']);

function sequenceKey(el: XmlElement, path: string[]): string | null {
  const type = el.attrs['xsi:type'];
  if (type && SEQUENCES[`${el.name}[${type}]`]) return `${el.name}[${type}]`;
  if (el.name === 'Hosts' && path.includes('VersionOverrides')) return 'VersionOverrides/Hosts';
  if (el.name === 'Hosts' || el.name === 'Host') return null; // OfficeApp's <Hosts><Host Name/>: no order to keep
  if (el.name === 'Description' && el.children.length === 0) return null;
  if (OVERRIDE_HOLDERS.has(el.name)) return null;
  return SEQUENCES[el.name] ? el.name : null;
}

function checkSequence(el: XmlElement, key: string, slots: Slot[]): string[] {
  const problems: string[] = [];
  let slot = 0;
  const counts = new Map<string, number>();
  for (const c of el.children) {
    const at = slots.findIndex(([name]) => name === c.name);
    if (at < 0) {
      problems.push(`<${c.name}> is not a valid child of <${key}>`);
      continue;
    }
    if (at < slot) problems.push(`<${c.name}> is out of order in <${key}> (must come before <${slots[slot]![0]}>)`);
    slot = Math.max(slot, at);
    counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  }
  for (const [name, min, max] of slots) {
    const n = counts.get(name) ?? 0;
    if (n < min) problems.push(`<${key}> lacks <${name}>`);
    if (n > max) problems.push(`<${key}> has ${n} <${name}>, at most ${max} allowed`);
  }
  return problems;
}

export function checkElementOrder(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== 'OfficeApp') return [`root is <${root.name}>, not <OfficeApp>`];
  problems.push(...checkSequence(root, 'OfficeApp', SEQUENCES.OfficeApp!));
  for (const { el, path } of descendants(root)) {
    if (OVERRIDE_HOLDERS.has(el.name)) {
      for (const c of el.children) {
        const expected = el.name.startsWith('bt:') ? 'bt:Override' : 'Override';
        if (c.name !== expected) problems.push(`<${c.name}> is not a valid child of <${el.name}>`);
      }
      continue;
    }
    const key = sequenceKey(el, path);
    if (key) problems.push(...checkSequence(el, key, SEQUENCES[key]!));
  }
  return problems;
}

// ---------------------------------------------------------------- resources and ids

export type ResourceKind = 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings';

export interface ResourceEntry {
  id: string;
  kind: ResourceKind;
  el: XmlElement;
}

export function resources(root: XmlElement): ResourceEntry[] {
  const res = child(child(root, 'VersionOverrides') ?? root, 'Resources');
  if (!res) return [];
  const out: ResourceEntry[] = [];
  for (const group of res.children) {
    for (const el of group.children) out.push({ id: el.attrs.id ?? '', kind: group.name as ResourceKind, el });
  }
  return out;
}

/** Which resource list a resid may point into, by the element that carries it (the XSD's reference types). */
function expectedKind(el: XmlElement, path: string[]): ResourceKind | null {
  if (el.name === 'bt:Image') return 'bt:Images';
  if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl', 'Runtime'].includes(el.name)) return 'bt:Urls';
  if (el.name === 'Label' || el.name === 'Title') return 'bt:ShortStrings';
  if (el.name === 'Description' && path.includes('VersionOverrides')) return 'bt:LongStrings';
  return null;
}

export function checkResourceIds(root: XmlElement): string[] {
  const problems: string[] = [];
  const defined = new Map<string, ResourceEntry>();
  for (const r of resources(root)) {
    if (!r.id) problems.push(`a <${r.el.name}> in <${r.kind}> has no id`);
    else if (defined.has(r.id)) problems.push(`resource id "${r.id}" is defined twice`);
    else defined.set(r.id, r);
    if (r.id.length > 32) problems.push(`resource id "${r.id}" is longer than 32 characters`);
  }
  const used = new Set<string>();
  for (const { el, path } of descendants(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const entry = defined.get(resid);
    const kind = expectedKind(el, path);
    if (!entry) problems.push(`<${el.name} resid="${resid}"> does not resolve to a resource`);
    else if (kind && entry.kind !== kind) problems.push(`<${el.name} resid="${resid}"> points into <${entry.kind}>, expected <${kind}>`);
  }
  for (const id of defined.keys()) if (!used.has(id)) problems.push(`resource "${id}" is never used`);

  const controlIds = new Map<string, number>();
  for (const { el } of descendants(root)) {
    if (!['Group', 'Control', 'CustomTab'].includes(el.name)) continue;
    const id = el.attrs.id;
    if (!id) problems.push(`<${el.name}> has no id`);
    else controlIds.set(id, (controlIds.get(id) ?? 0) + 1);
  }
  for (const [id, n] of controlIds) if (n > 1) problems.push(`id "${id}" is used by ${n} groups/controls`);
  return problems;
}

// ---------------------------------------------------------------- URLs, locales, lengths

/** Every URL the manifest names, with where it is. */
export function manifestUrls(root: XmlElement): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const { el, path } of descendants(root)) {
    for (const key of ['DefaultValue', 'Value']) {
      const v = el.attrs[key];
      if (v && /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) out.push({ where: path.join('/'), url: v });
    }
  }
  return out;
}

export function checkOneBaseUrl(root: XmlElement, base: string): string[] {
  const problems: string[] = [];
  for (const { where, url } of manifestUrls(root)) {
    if (!url.startsWith(`${base}/`)) problems.push(`${where}: ${url} is not under ${base}`);
  }
  return problems;
}

/** ShortString and LongString limits of the XSD (125 and 250 characters). */
export function checkLocalesAndLengths(root: XmlElement, defaultLocale: string, otherLocale: string): string[] {
  const problems: string[] = [];
  if (text(child(root, 'DefaultLocale')) !== defaultLocale) problems.push(`DefaultLocale is not ${defaultLocale}`);
  const limited: [XmlElement | undefined, string, number][] = [
    [child(root, 'DisplayName'), 'DisplayName', 125],
    [child(root, 'Description'), 'Description', 250],
  ];
  for (const r of resources(root)) {
    if (r.kind === 'bt:ShortStrings') limited.push([r.el, `string "${r.id}"`, 125]);
    if (r.kind === 'bt:LongStrings') limited.push([r.el, `string "${r.id}"`, 250]);
  }
  for (const [el, label, max] of limited) {
    if (!el) {
      problems.push(`${label} is missing`);
      continue;
    }
    const values = [el.attrs.DefaultValue ?? '', ...el.children.map((o) => o.attrs.Value ?? '')];
    for (const v of values) {
      if (v.length === 0) problems.push(`${label} has an empty value`);
      if ([...v].length > max) problems.push(`${label} is longer than ${max} characters`);
    }
    const overrides = el.children.filter((o) => o.attrs.Locale === otherLocale);
    if (overrides.length !== 1) problems.push(`${label} has no ${otherLocale} override`);
  }
  return problems;
}

/** The value of a string resource (or a top-level setting) in a locale; the default when none given. */
export function localized(el: XmlElement, locale?: string): string {
  const override = locale ? el.children.find((o) => o.attrs.Locale === locale) : undefined;
  return override?.attrs.Value ?? el.attrs.DefaultValue ?? '';
}

// ---------------------------------------------------------------- shared runtime

/**
 * The shared runtime as Microsoft's "Configure your Office Add-in to use a shared runtime" sets it up:
 * one <Runtime lifetime="long"> in the Host, and its resid used again by <FunctionFile> and by every
 * pane button's <SourceLocation> (Office does not load the shared runtime when the resids differ).
 * Returns the problems; empty when the manifest has a working shared runtime.
 */
export function checkSharedRuntime(root: XmlElement): string[] {
  const overrides = child(root, 'VersionOverrides');
  const hosts = overrides ? child(overrides, 'Hosts') : undefined;
  const host = hosts?.children.find((h) => h.attrs['xsi:type'] === 'Workbook');
  if (!host) return ['no <Host xsi:type="Workbook"> in VersionOverrides'];
  const runtimes = child(host, 'Runtimes');
  const runtime = runtimes ? childrenNamed(runtimes, 'Runtime') : [];
  if (runtime.length !== 1) return [`<Host> has ${runtime.length} <Runtime>, a shared runtime needs exactly 1`];
  const problems: string[] = [];
  const resid = runtime[0]!.attrs.resid;
  if (!resid) problems.push('<Runtime> has no resid');
  if (runtime[0]!.attrs.lifetime !== 'long') problems.push(`<Runtime> lifetime is "${runtime[0]!.attrs.lifetime ?? 'short (default)'}", a shared runtime needs "long"`);
  const inHost = descendants(host);
  const functionFiles = inHost.filter(({ el }) => el.name === 'FunctionFile');
  if (functionFiles.length === 0) problems.push('no <FunctionFile>: the ribbon function would have no page');
  for (const { el } of functionFiles) {
    if (el.attrs.resid !== resid) problems.push(`<FunctionFile resid="${el.attrs.resid}"> is not the runtime's "${resid}"`);
  }
  const panes = inHost.filter(({ el }) => el.name === 'Action' && el.attrs['xsi:type'] === 'ShowTaskpane').map(({ el }) => el);
  for (const action of panes) {
    const source = child(action, 'SourceLocation')?.attrs.resid;
    if (source !== resid) problems.push(`<Action ShowTaskpane> <SourceLocation resid="${source}"> is not the runtime's "${resid}"`);
  }
  return problems;
}
