/**
 * The offline stand-in for `npm run validate` (office-addin-manifest validate needs the network):
 * manifest.xml parsed and checked for what the validator and Excel would reject, plus the links
 * between the manifest and the code (function name, requirement set, icons on disk).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REQUIRED_API_SET } from '../../src/hosts/office/requirements';
import {
  checkElementOrder,
  checkLocalesAndLengths,
  checkOneBaseUrl,
  checkResourceIds,
  checkSharedRuntime,
  child,
  childrenNamed,
  descendants,
  localized,
  manifestUrls,
  parseXml,
  readPng,
  resources,
  text,
  type XmlElement,
} from './manifest-checks';

const ROOT = path.resolve(__dirname, '..', '..');
const BASE = 'https://localhost:3000';
const SOURCE = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const manifest = parseXml(SOURCE);
const overrides = child(manifest, 'VersionOverrides')!;

/** The manifest text with one edit, parsed: each check must find the fault it exists for. */
function mutated(from: string, to: string): XmlElement {
  expect(SOURCE).toContain(from);
  return parseXml(SOURCE.replace(from, to));
}

function resource(id: string): XmlElement {
  const found = resources(manifest).find((r) => r.id === id);
  if (!found) throw new Error(`no resource ${id}`);
  return found.el;
}

function controls(): XmlElement[] {
  return descendants(manifest)
    .filter(({ el }) => el.name === 'Control')
    .map(({ el }) => el);
}

describe('manifest.xml is well formed and in schema order', () => {
  it('is a task pane add-in for Excel workbooks with read/write access', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(childrenNamed(child(manifest, 'Hosts')!, 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(text(child(manifest, 'Permissions'))).toBe('ReadWriteDocument');
    expect(text(child(manifest, 'Id'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text(child(manifest, 'Version'))).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  });

  it('keeps every element where the XSD sequence wants it', () => {
    expect(checkElementOrder(manifest)).toEqual([]);
  });

  it('would report an element out of order, a misplaced child and a missing one', () => {
    const dropped = mutated('<Permissions>ReadWriteDocument</Permissions>', '');
    expect(checkElementOrder(dropped)).toEqual(['<OfficeApp> lacks <Permissions>']);

    const early = parseXml(
      SOURCE.replace('<Permissions>ReadWriteDocument</Permissions>', '').replace(
        '<DefaultSettings>',
        '<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>',
      ),
    );
    expect(checkElementOrder(early)).toEqual(['<DefaultSettings> is out of order in <OfficeApp> (must come before <Permissions>)']);

    const supertipFirst = mutated(
      '<Label resid="GenerateRanking.Label"/>\n                  <Supertip>',
      '<Supertip>',
    );
    expect(checkElementOrder(supertipFirst)).toContain('<Control[Button]> lacks <Label>');

    const functionFileLate = parseXml(
      SOURCE.replace('<FunctionFile resid="Taskpane.Url"/>', '').replace(
        '</ExtensionPoint>',
        '</ExtensionPoint>\n          <FunctionFile resid="Taskpane.Url"/>',
      ),
    );
    expect(checkElementOrder(functionFileLate)).toEqual([
      '<FunctionFile> is out of order in <DesktopFormFactor> (must come before <ExtensionPoint>)',
    ]);
  });

  it('would report <Runtimes> after <DesktopFormFactor>, outside its <Host>, or without its <Runtime>', () => {
    const runtimes = '<Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>';
    const late = parseXml(SOURCE.replace(runtimes, '').replace('</DesktopFormFactor>', `</DesktopFormFactor>\n        ${runtimes}`));
    expect(checkElementOrder(late)).toEqual(['<Runtimes> is out of order in <Host[Workbook]> (must come before <DesktopFormFactor>)']);

    const inFormFactor = parseXml(SOURCE.replace(runtimes, '').replace('<DesktopFormFactor>', `<DesktopFormFactor>\n          ${runtimes}`));
    expect(checkElementOrder(inFormFactor)).toEqual(['<Runtimes> is not a valid child of <DesktopFormFactor>']);

    const empty = mutated(runtimes, '<Runtimes></Runtimes>');
    expect(checkElementOrder(empty)).toEqual(['<Runtimes> lacks <Runtime>']);
  });

  it('refuses malformed XML', () => {
    expect(() => parseXml(SOURCE.replace('</Supertip>', '</SuperTip>'))).toThrow(/closes <Supertip>/);
    expect(() => parseXml(SOURCE.replace('<Version>', '<Version a="1" a="2">'))).toThrow(/duplicate attribute/);
    expect(() => parseXml('<a><b></a>')).toThrow();
  });
});

describe('ids and resource ids', () => {
  it('every resid resolves to a resource of the right kind, ids are unique and every resource is used', () => {
    expect(checkResourceIds(manifest)).toEqual([]);
  });

  it('would report a dangling resid, a wrong kind, a duplicate id and an unused resource', () => {
    expect(checkResourceIds(mutated('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'))).toEqual([
      '<Label resid="Group.Lable"> does not resolve to a resource',
      'resource "Group.Label" is never used',
    ]);
    expect(checkResourceIds(mutated('<Description resid="OpenPane.Tooltip"/>', '<Description resid="OpenPane.Label"/>'))).toEqual([
      '<Description resid="OpenPane.Label"> points into <bt:ShortStrings>, expected <bt:LongStrings>',
      'resource "OpenPane.Tooltip" is never used',
    ]);
    expect(checkResourceIds(mutated('id="ThiDua.OpenPane"', 'id="ThiDua.GenerateRanking"'))).toEqual([
      'id "ThiDua.GenerateRanking" is used by 2 groups/controls',
    ]);
  });

  it('the runtime\'s resid resolves to a URL, and a dangling or wrong-kind one is reported', () => {
    expect(checkResourceIds(mutated('<Runtime resid="Taskpane.Url"', '<Runtime resid="Taskpane.Uri"'))).toEqual([
      '<Runtime resid="Taskpane.Uri"> does not resolve to a resource',
    ]);
    expect(checkResourceIds(mutated('<Runtime resid="Taskpane.Url"', '<Runtime resid="Group.Label"'))).toEqual([
      '<Runtime resid="Group.Label"> points into <bt:ShortStrings>, expected <bt:Urls>',
    ]);
  });
});

describe('icons', () => {
  const iconSizes = (): { where: string; file: string; size: number }[] => {
    const out: { where: string; file: string; size: number }[] = [];
    // Top-level icons: IconUrl is 32 x 32, HighResolutionIconUrl 64 x 64 (Office's manifest reference).
    for (const [name, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
      out.push({ where: name, file: child(manifest, name)!.attrs.DefaultValue!, size });
    }
    // Ribbon icons: each <bt:Image size="N" resid> in an <Icon> states the size of the image it points to.
    for (const { el } of descendants(overrides)) {
      if (el.name !== 'bt:Image' || !el.attrs.resid) continue;
      out.push({ where: `Icon ${el.attrs.resid}`, file: localized(resource(el.attrs.resid)), size: Number(el.attrs.size) });
    }
    return out;
  };

  it('every icon URL is a PNG in assets/ at exactly its stated pixel size', () => {
    const icons = iconSizes();
    expect(icons.length).toBe(2 + 3 * 3 /* group and two buttons, 16/32/80 each */);
    for (const { where, file, size } of icons) {
      expect(file, where).toMatch(new RegExp(`^${BASE}/assets/icon-${size}\\.png$`));
      const png = readPng(readFileSync(path.join(ROOT, new URL(file).pathname)));
      expect({ where, width: png.width, height: png.height }).toEqual({ where, width: size, height: size });
    }
  });

  it('assets/ holds every size Office asks for (16, 32, 64, 80, 128), each whole and square', () => {
    const files = readdirSync(path.join(ROOT, 'assets')).filter((f) => f.endsWith('.png')).sort();
    expect(files).toEqual(['icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    for (const f of files) {
      const size = Number(/icon-(\d+)\.png/.exec(f)![1]);
      expect(readPng(readFileSync(path.join(ROOT, 'assets', f)))).toEqual({ width: size, height: size });
    }
  });

  it('the PNG reader catches a truncated or corrupted icon', () => {
    const good = readFileSync(path.join(ROOT, 'assets', 'icon-16.png'));
    expect(() => readPng(good.subarray(0, good.length - 20))).toThrow();
    const corrupt = Buffer.from(good);
    corrupt[20] = corrupt[20]! ^ 0xff; // inside IHDR: its CRC no longer matches
    expect(() => readPng(corrupt)).toThrow(/CRC/);
  });
});

describe('one base URL, pages that the build produces', () => {
  it('every URL is under https://localhost:3000', () => {
    // IconUrl, HighResolutionIconUrl, SupportUrl, SourceLocation, three ribbon icons, two bt:Urls.
    expect(manifestUrls(manifest)).toHaveLength(9);
    expect(checkOneBaseUrl(manifest, BASE)).toEqual([]);
  });

  it('would report a second host', () => {
    const other = mutated(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<bt:Url id="Taskpane.Url" DefaultValue="https://127.0.0.1:3000/taskpane.html"/>',
    );
    expect(checkOneBaseUrl(other, BASE)).toEqual([
      'VersionOverrides/Resources/bt:Urls/bt:Url: https://127.0.0.1:3000/taskpane.html is not under https://localhost:3000',
    ]);
  });

  it('points only at pages and assets the build emits', () => {
    // One page: the pane is also the function file (shared runtime); commands.html is built but unused here.
    const paths = new Set(manifestUrls(manifest).map(({ url }) => new URL(url).pathname));
    expect([...paths].sort()).toEqual([
      '/assets/icon-16.png',
      '/assets/icon-32.png',
      '/assets/icon-64.png',
      '/assets/icon-80.png',
      '/taskpane.html',
    ]);
  });
});

describe('languages: Vietnamese by default, English overrides', () => {
  it('DefaultLocale is vi-VN and every name, description and string has one en-US override within its length limit', () => {
    expect(checkLocalesAndLengths(manifest, 'vi-VN', 'en-US')).toEqual([]);
  });

  it('would report a missing override and an over-long label', () => {
    const missing = mutated('\n          <bt:Override Locale="en-US" Value="Emulation"/>', '');
    expect(checkLocalesAndLengths(missing, 'vi-VN', 'en-US')).toEqual(['string "Group.Label" has no en-US override']);
    const long = mutated('DefaultValue="Thi đua"', `DefaultValue="${'Thi đua '.repeat(16)}"`);
    expect(checkLocalesAndLengths(long, 'vi-VN', 'en-US')).toEqual(['string "Group.Label" is longer than 125 characters']);
  });

  it('names the add-in in Vietnamese with correct diacritics, and in English', () => {
    const name = child(manifest, 'DisplayName')!;
    expect(localized(name)).toBe('ThiDua – Xếp hạng cụm thi đua');
    expect(localized(name, 'en-US')).toBe('ThiDua – Emulation cluster ranking');
    // NFC: the validator compares bytes, and a decomposed "ế" would display oddly in some hosts.
    expect(SOURCE).toBe(SOURCE.normalize('NFC'));
  });
});

describe('the two ribbon buttons', () => {
  it('form one group on the Home tab: "Tạo bảng xếp hạng" runs a function, "ThiDua" opens the pane', () => {
    const tabs = descendants(overrides).filter(({ el }) => el.name === 'OfficeTab');
    expect(tabs.map(({ el }) => el.attrs.id)).toEqual(['TabHome']);
    expect(childrenNamed(tabs[0]!.el, 'Group')).toHaveLength(1);
    const buttons = controls().map((c) => ({
      type: c.attrs['xsi:type'],
      vi: localized(resource(child(c, 'Label')!.attrs.resid!)),
      en: localized(resource(child(c, 'Label')!.attrs.resid!), 'en-US'),
      action: child(c, 'Action')!.attrs['xsi:type'],
    }));
    expect(buttons).toEqual([
      { type: 'Button', vi: 'Tạo bảng xếp hạng', en: 'Generate ranking', action: 'ExecuteFunction' },
      { type: 'Button', vi: 'ThiDua', en: 'ThiDua', action: 'ShowTaskpane' },
    ]);
  });

  it('the pane button opens the same page as the add-in default', () => {
    const pane = controls().find((c) => child(c, 'Action')!.attrs['xsi:type'] === 'ShowTaskpane')!;
    const url = localized(resource(child(child(pane, 'Action')!, 'SourceLocation')!.attrs.resid!));
    expect(url).toBe(`${BASE}/taskpane.html`);
    expect(child(child(manifest, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe(url);
  });

  it('the ExecuteFunction name is the one the function file registers: manifest page -> webpack entry -> associate', async () => {
    const run = controls().find((c) => child(c, 'Action')!.attrs['xsi:type'] === 'ExecuteFunction')!;
    const functionName = text(child(child(run, 'Action')!, 'FunctionName'));
    expect(functionName).toBe('generateRanking');

    // The page the manifest names as function file, and the bundle webpack puts in that page.
    const functionFile = descendants(overrides).find(({ el }) => el.name === 'FunctionFile')!.el;
    const page = new URL(localized(resource(functionFile.attrs.resid!))).pathname.slice(1);
    expect(page).toBe('taskpane.html');
    const entry = await entryOfPage(page);
    expect(entry).toBe('src/faces/taskpane/index.tsx');

    // That entry registers through the one shared function, which associates exactly the manifest's name.
    expect(readSource(entry)).toMatch(/import \{ registerRibbonCommands \} from '\.\.\/commands\/register';/);
    expect(readSource(entry)).toMatch(/^registerRibbonCommands\(\);$/m);
    expect(associatedNames('src/faces/commands/register.ts')).toEqual([functionName]);
    // commands.html still registers the same way (older cached manifests, browser tests), with no copy of its own.
    expect(await entryOfPage('commands.html')).toBe('src/faces/commands/commands.ts');
    expect(readSource('src/faces/commands/commands.ts')).toMatch(/^registerRibbonCommands\(\);$/m);
    expect(associatedNames('src/faces/commands/commands.ts')).toEqual([]);
  });
});

function readSource(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

/** Names passed to Office.actions.associate in a source file, as literals. */
function associatedNames(file: string): string[] {
  return [...readSource(file).matchAll(/Office\.actions\.associate\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

interface PagePlugin {
  userOptions?: { filename?: string; chunks?: string[] };
}

/** The entry module whose bundle webpack.config.js puts into a page (its HtmlWebpackPlugin's one chunk). */
async function entryOfPage(page: string): Promise<string> {
  const configModule = (await import(pathToFileURL(path.join(ROOT, 'webpack.config.js')).href)) as {
    default: (env: object, argv: object) => Promise<{ entry: Record<string, string>; plugins: PagePlugin[] }>;
  };
  const config = await configModule.default({ WEBPACK_BUILD: true }, { mode: 'production' });
  const plugin = config.plugins.find((p) => p.userOptions?.filename === page);
  if (!plugin) throw new Error(`webpack builds no ${page}`);
  const chunks = plugin.userOptions!.chunks ?? [];
  expect(chunks, `${page} loads one bundle`).toHaveLength(1);
  const entry = config.entry[chunks[0]!];
  if (!entry) throw new Error(`no webpack entry ${chunks[0]}`);
  return path.posix.normalize(entry);
}

describe('shared runtime: one page for the pane and the ribbon function', () => {
  it('declares one long-lived runtime on the pane page, used by the function file and the pane button', () => {
    expect(checkSharedRuntime(manifest)).toEqual([]);
    const host = descendants(overrides).find(({ el }) => el.name === 'Host')!.el;
    expect(host.children.map((c) => c.name)).toEqual(['Runtimes', 'DesktopFormFactor']);
    const runtime = child(child(host, 'Runtimes')!, 'Runtime')!;
    expect(runtime.attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    expect(localized(resource('Taskpane.Url'))).toBe(`${BASE}/taskpane.html`);
  });

  it('would report a short lifetime, a function file or pane on another page, and a missing runtime', () => {
    expect(checkSharedRuntime(mutated('lifetime="long"', 'lifetime="short"'))).toEqual([
      '<Runtime> lifetime is "short", a shared runtime needs "long"',
    ]);
    expect(checkSharedRuntime(mutated(' lifetime="long"', ''))).toEqual(['<Runtime> lifetime is "short (default)", a shared runtime needs "long"']);
    const otherPage = parseXml(
      SOURCE.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Commands.Url"/>').replace(
        '</bt:Urls>',
        '  <bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>\n      </bt:Urls>',
      ),
    );
    expect(checkSharedRuntime(otherPage)).toEqual(['<FunctionFile resid="Commands.Url"> is not the runtime\'s "Taskpane.Url"']);
    // The file is otherwise valid: only the shared-runtime check catches this one.
    expect(checkResourceIds(otherPage)).toEqual([]);
    expect(checkSharedRuntime(mutated('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="GetStarted.LearnMoreUrl"/>'))).toEqual([
      '<Action ShowTaskpane> <SourceLocation resid="GetStarted.LearnMoreUrl"> is not the runtime\'s "Taskpane.Url"',
    ]);
    const runtimes = '<Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>';
    expect(checkSharedRuntime(mutated(runtimes, ''))).toEqual(['<Host> has 0 <Runtime>, a shared runtime needs exactly 1']);
  });
});

describe('requirement set', () => {
  it('the manifest asks for exactly the set src/hosts/office/requirements.ts declares, and not SharedRuntime', () => {
    // SharedRuntime 1.1 is left out on purpose (see the comment in manifest.xml): declaring it would refuse
    // the add-in on hosts with ExcelApi 1.9 but no shared runtime, where it works with separate runtimes.
    const sets = childrenNamed(child(child(manifest, 'Requirements')!, 'Sets')!, 'Set');
    expect(sets.map((s) => ({ name: s.attrs.Name, minVersion: s.attrs.MinVersion }))).toEqual([
      { name: REQUIRED_API_SET.name, minVersion: REQUIRED_API_SET.minVersion },
    ]);
    expect(REQUIRED_API_SET).toEqual({ name: 'ExcelApi', minVersion: '1.9' });
  });
});
