/**
 * The browser-test machinery itself: a clear one-line stop when Chromium is missing, a static server
 * that serves the bundle and nothing outside it, and a Chromium that opens the built task pane.
 */
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, serious } from './helpers/axe';
import { e2e, launchChromium, openPage, TASKPANE, url } from './helpers/browser';
import { horizontalOverflow, spillingCells } from './helpers/pane';

describe('Chromium set-up', () => {
  it('stops with one line saying how to install Chromium when it is missing', () => {
    // A child process, so the override does not leak into this run; THIDUA_CHROMIUM also turns off apt.
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', "import('./tests/e2e/setup/chromium.ts').then((m) => m.ensureChromium()).catch((e) => { process.stdout.write(String(e.stack)); process.exit(3); })"],
      { cwd: e2e().root, env: { ...process.env, THIDUA_CHROMIUM: '/nonexistent/chromium' }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(3);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Chromium not found at /nonexistent/chromium');
    expect(lines[0]).toContain('apt-get install -y chromium');
  });
});

describe('static server', () => {
  it('serves the built task pane and the sample cluster the build copies beside it', async () => {
    for (const name of ['/taskpane.html', '/commands.html', '/index.html']) {
      const page = await fetch(url(name));
      expect(page.status, name).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    const sample = await fetch(url('/examples/cum-thi-dua-so-1/Cum1_LDLD_HaNoi_2024.xlsx'));
    expect(sample.status).toBe(200);
    // An .xlsx is a zip: it starts with "PK".
    expect(new Uint8Array(await sample.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it('names nothing outside its folder', async () => {
    // Raw request paths: fetch() would resolve the dots before sending them.
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/examples/../../package.json', '/%2e%2e%2fpackage.json', '/..%5cpackage.json']) {
      expect(await rawStatus('GET', path), path).toBe(404);
    }
    expect(await rawStatus('POST', '/taskpane.html')).toBe(405);
  });
});

function rawStatus(method: string, path: string): Promise<number> {
  const { hostname, port } = new URL(e2e().origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, timeout: 5_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

describe('Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the built task pane and renders the app', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(url('/taskpane.html'));
    await expect.poll(() => page.locator('#container *').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByText('ThiDua').first().isVisible(), errors.join('\n')).toBe(true);
    await context.close();
  });

  it('has probes that can fail: axe sees a nameless button, the width probes a page too wide for 320 px', async () => {
    const { page, context } = await openPage(browser, { viewport: TASKPANE });
    await page.goto(url('/taskpane.html'));
    await page.setContent(
      '<!doctype html><html lang="vi"><head><title>t</title></head><body><main><button></button>' +
        '<div style="width:400px">rộng</div><table><tr><td style="white-space:nowrap;width:40px;max-width:40px;overflow:visible">4 (đồng hạng)</td><td>x</td></tr></table></main></body></html>',
    );
    expect(serious(await axeViolations(page)).map((v) => v.id)).toContain('button-name');
    const wide = await horizontalOverflow(page);
    expect(wide.scrollWidth).toBeGreaterThan(TASKPANE.width);
    expect(wide.culprits[0]).toContain('rộng');
    expect(await spillingCells(page)).toHaveLength(1);
    await context.close();
  });
});
