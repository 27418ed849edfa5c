/**
 * Chromium for the browser tests, launched the way this closed network needs: without the background
 * networking flags Chromium keeps dialling Google's services and its connections are refused, which
 * slows every page. Playwright refuses `--user-data-dir` among the arguments of launch(): it always
 * passes its own, a fresh temporary profile removed on close, which is what a clean run needs.
 */
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { E2EContext } from '../setup/context';
import type { FakeOfficeSeed } from '../browser/fake-office';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Screenshots should look the same on every machine: no LCD subpixel colours, no font hinting noise.
  '--font-render-hinting=none',
];

/** Task pane width in Excel (the narrowest a secretary sees) and a desktop browser window. */
export const TASKPANE = { width: 320, height: 720 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** Bounds on everything a page does, so a hung page fails in seconds instead of at the test timeout. */
export const ACTION_TIMEOUT_MS = 15_000;
export const NAVIGATION_TIMEOUT_MS = 30_000;

export function e2e(): E2EContext {
  return inject('e2e');
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: e2e().chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Browser language (navigator.language): what a standalone visitor's browser says. */
  locale?: string;
  /** Seeds the strict Excel fake as `Office`/`Excel` before the page's scripts run. */
  fakeOffice?: FakeOfficeSeed;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every request the page made to another origin (they are aborted as well). */
  foreignRequests: string[];
  /** Uncaught exceptions and console errors, for failure messages. */
  errors: string[];
  /** Every console line the page wrote (the ribbon function reports its result there). */
  console: string[];
}

const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\//;

export async function openPage(browser: Browser, options: PageOptions = {}): Promise<OpenedPage> {
  const { origin } = e2e();
  const context = await browser.newContext({
    viewport: options.viewport ?? TASKPANE,
    locale: options.locale ?? 'vi-VN',
    acceptDownloads: true,
    // Keep the real CSP: the standalone page's promise that nothing leaves the browser is under test.
    bypassCSP: false,
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  const consoleLines: string[] = [];

  if (options.fakeOffice) {
    // Inside Excel the page gets office.js from Microsoft; here the fake is Office, and office.js must
    // not replace it. Answering the request ourselves keeps it off the network and off the record below.
    await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js: the fake is installed */' }));
    await context.addInitScript({ content: `window.__thiduaFakeSeed = ${JSON.stringify(options.fakeOffice)};` });
    await context.addInitScript({ content: await readFile(e2e().fakeOfficeScript, 'utf8') });
  }
  await context.route(
    (url) => url.origin !== origin && !OFFICE_JS.test(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin && !(options.fakeOffice && OFFICE_JS.test(url.href))) foreignRequests.push(req.url());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    consoleLines.push(m.text());
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, foreignRequests, errors, console: consoleLines };
}

export function url(path: string): string {
  return new URL(path, e2e().origin).href;
}
