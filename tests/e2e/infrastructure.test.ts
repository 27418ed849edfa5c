/**
 * The browser-test machinery itself: a clear one-line stop when Chromium is missing, a static server
 * that serves the bundle and nothing outside it, and a Chromium that opens the built task pane.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { e2e, launchChromium, openPage, url } from './helpers/browser';

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
  it('serves the built task pane and the sample cluster', async () => {
    const page = await fetch(url('/taskpane.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const sample = await fetch(url('/examples/cum-thi-dua-so-1/Cum1_LDLD_HaNoi_2024.xlsx'));
    expect(sample.status).toBe(200);
    // An .xlsx is a zip: it starts with "PK".
    expect(new Uint8Array(await sample.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it('names nothing outside its folders', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/examples/../../package.json', '/examples/%2e%2e%2fbuild.ts']) {
      const res = await fetch(url('/') + path.slice(1));
      expect(res.status, path).toBe(404);
    }
    const post = await fetch(url('/taskpane.html'), { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

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
});
