/**
 * The production build (the same webpack.config.js as `npm run build`), run once into a temporary
 * folder (under a minute on 2 cores), then checked the way Office would use it: the pages exist and
 * load their bundles, the icons, manifest and sample are there byte for byte, the task pane boots
 * without Office, the pane page (the manifest's function file) and commands.html both register the
 * ribbon command, and exceljs bundles for the browser and works there.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpack from 'webpack';

/** The little of jsdom used here (the project has no @types/jsdom; the module is loaded by name). */
interface DomWindow {
  document: Document;
  eval(code: string): unknown;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  close(): void;
}
type JsdomCtor = new (html: string, options: { runScripts: 'outside-only'; url: string }) => { window: DomWindow };
const JSDOM_MODULE = 'jsdom';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD_TIMEOUT = 300_000;
let out = '';
let warnings: string[] = [];

async function productionConfig(): Promise<webpack.Configuration> {
  const configModule = await import(pathToFileURL(path.join(ROOT, 'webpack.config.js')).href);
  const config = (await configModule.default({ WEBPACK_BUILD: true }, { mode: 'production' })) as webpack.Configuration;
  const entry = config.entry as Record<string, string>;
  // Stands in for src/hosts/xlsx until it lands: the build must take exceljs as the browser bundle.
  entry.excelProbe = './tests/addin/fixtures/uses-exceljs.ts';
  return { ...config, output: { ...config.output, path: out } };
}

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'thidua-build-'));
  const config = await productionConfig();
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    webpack(config, (err, result) => (err || !result ? reject(err ?? new Error('no stats')) : resolve(result)));
  });
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  if (stats.hasErrors()) throw new Error((info.errors ?? []).map((e) => e.message).join('\n'));
  warnings = (info.warnings ?? []).map((w) => w.message);
}, BUILD_TIMEOUT);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The script files a built page loads, in order. */
function scripts(page: string): string[] {
  const html = readFileSync(path.join(out, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]!);
}

describe('npm run build output', () => {
  it('emits the two pages, the manifest and every icon, with no warnings', () => {
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'index.html', 'commands.html', 'manifest.xml', 'assets']));
    expect(readdirSync(path.join(out, 'assets')).sort()).toEqual(readdirSync(path.join(ROOT, 'assets')).sort());
    for (const icon of readdirSync(path.join(ROOT, 'assets'))) {
      expect(readFileSync(path.join(out, 'assets', icon)).equals(readFileSync(path.join(ROOT, 'assets', icon))), icon).toBe(true);
    }
    expect(readFileSync(path.join(out, 'manifest.xml'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
    expect(warnings).toEqual([]);
  });

  it('each page loads office.js first, then only its own bundle', () => {
    const officeJs = 'https://appsforoffice.microsoft.com/lib/1.1/hosted/office.js';
    const pane = scripts('taskpane.html');
    const commands = scripts('commands.html');
    expect(pane[0]).toBe(officeJs);
    expect(commands[0]).toBe(officeJs);
    expect(pane.slice(1)).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
    expect(commands.slice(1)).toEqual([expect.stringMatching(/^commands\.[0-9a-f]{8}\.js$/)]);
    for (const bundle of [...pane.slice(1), ...commands.slice(1)]) expect(readdirSync(out)).toContain(bundle);
  });

  it('the standalone page loads the same bundle without office.js, under a content security policy', () => {
    const pane = scripts('taskpane.html');
    expect(scripts('index.html')).toEqual(pane.slice(1));
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toMatch(/http-equiv="?Content-Security-Policy"? content="default-src 'self'; script-src 'self';/);
  });

  it('copies the sample cluster the standalone page opens with, byte for byte', () => {
    const sample = 'examples/cum-thi-dua-so-1';
    const files = ['Cum1_LDLD_HaNoi_2024.xlsx', ...readdirSync(path.join(ROOT, sample, 'bai-nop')).map((f) => `bai-nop/${f}`)];
    expect(files.length).toBe(7);
    for (const f of files) {
      expect(readFileSync(path.join(out, sample, f)).equals(readFileSync(path.join(ROOT, sample, f))), f).toBe(true);
    }
  });

  it('the task pane bundle boots in a page without Office and renders the product name', async () => {
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const { JSDOM } = (await import(JSDOM_MODULE)) as { JSDOM: JsdomCtor };
    const dom = new JSDOM(html, { runScripts: 'outside-only', url: 'https://localhost:3000/taskpane.html' });
    // jsdom has no ResizeObserver (every browser Office uses does); Fluent UI needs one.
    (dom.window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    const errors: unknown[] = [];
    dom.window.addEventListener('error', (e) => errors.push(e.error));
    try {
      dom.window.eval(readFileSync(path.join(out, scripts('taskpane.html')[1]!), 'utf8'));
      const document = dom.window.document;
      for (let i = 0; i < 150 && !document.querySelector('h1'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(errors).toEqual([]);
      expect(document.querySelector('h1')?.textContent).toBe('ThiDua');
    } finally {
      dom.window.close();
    }
  });

  it('the pane page, which is the manifest\'s function file, registers generateRanking with Office as it loads', async () => {
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const { JSDOM } = (await import(JSDOM_MODULE)) as { JSDOM: JsdomCtor };
    // No container: only what the bundle does at load, before any pane is drawn.
    const bare = html.replace(/<div id="?container"?><\/div>/, '');
    expect(bare).not.toBe(html);
    const dom = new JSDOM(bare, { runScripts: 'outside-only', url: 'https://localhost:3000/taskpane.html' });
    const associated: string[] = [];
    (dom.window as unknown as { Office: unknown }).Office = {
      actions: { associate: (name: string) => associated.push(name) },
      HostType: { Excel: 'Excel' },
    };
    const errors: unknown[] = [];
    dom.window.addEventListener('error', (e) => errors.push(e.error));
    try {
      dom.window.eval(readFileSync(path.join(out, scripts('taskpane.html')[1]!), 'utf8'));
      expect(errors).toEqual([]);
      expect(associated).toEqual(['generateRanking']);
    } finally {
      dom.window.close();
    }
  });

  it('commands.html, kept for older cached manifests, still registers generateRanking with Office', () => {
    const associated: string[] = [];
    const Office = { actions: { associate: (name: string) => associated.push(name) }, HostType: { Excel: 'Excel' } };
    const window = { Office, location: { href: 'https://localhost:3000/commands.html' } };
    runInNewContext(readFileSync(path.join(out, scripts('commands.html')[1]!), 'utf8'), { ...window, window, self: window, console });
    expect(associated).toEqual(['generateRanking']);
  });

  it('bundles exceljs for the browser, and the bundle writes an .xlsx (a zip: "PK")', async () => {
    const probe = readdirSync(out).find((f) => /^excelProbe\.[0-9a-f]{8}\.js$/.test(f));
    expect(probe).toBeDefined();
    const sandbox: Record<string, unknown> = { console, setTimeout, clearTimeout, setImmediate, TextEncoder, TextDecoder, Uint8Array, ArrayBuffer, Promise };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    runInNewContext(readFileSync(path.join(out, probe!), 'utf8'), sandbox);
    const roundTrip = sandbox.thiduaExcelRoundTrip as () => Promise<ArrayBuffer>;
    const bytes = await roundTrip();
    expect(Buffer.from(bytes).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
