/**
 * The three steps with the keyboard alone (Tab, Shift+Tab, Enter and the arrow keys; no click anywhere),
 * on the standalone page at task-pane width: check, import (the picker opened with Enter), generate,
 * download. A secretary who cannot use a mouse must get as far as one who can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openPage, TASKPANE, url } from './helpers/browser';
import { importedFiles, PANE_TIMEOUT_MS, rankingRows, stepTab, waitForRunDone, words } from './helpers/pane';
import { CLUSTER_FILE, SUBMISSION_FILES, submissionPath } from './helpers/sample';

const vi = words('vi');
/** More presses than the pane has stops between two controls; past it the control is out of reach. */
const MAX_PRESSES = 40;

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses `key` until `target` has the focus; fails when it never gets it. Returns the number of presses. */
async function pressUntilFocused(page: Page, key: 'Tab' | 'Shift+Tab', target: Locator, what: string): Promise<number> {
  for (let n = 0; n <= MAX_PRESSES; n++) {
    if (await isFocused(target)) return n;
    await page.keyboard.press(key);
  }
  const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`${what}: not reached with ${key} in ${MAX_PRESSES} presses (focus is on ${where})`);
}

/** The focused element is on screen and the browser shows it as keyboard focus. */
async function focusShows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const r = el.getBoundingClientRect();
    return el.matches(':focus-visible') && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
  });
}

describe('keyboard only', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('goes through check, import, generate and download without a click', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: TASKPANE, locale: 'vi-VN' });
    await page.goto(url('/index.html'));
    await rankingRows(page);
    await waitForRunDone(page, 'vi');
    // Proof that nothing below used a pointer: Enter on a button makes a click event, never a pointerdown.
    await page.evaluate(() => {
      const w = window as unknown as { __pointer: string[] };
      w.__pointer = [];
      for (const type of ['pointerdown', 'mousedown', 'touchstart']) document.addEventListener(type, () => w.__pointer.push(type), true);
    });

    // Into the step list (the page opened on step 3, the sample's ranking), then left twice to step 1.
    const generateTab = stepTab(page, 'vi', 'generate');
    await pressUntilFocused(page, 'Tab', generateTab, 'the selected step tab');
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // Arrows move along the steps; Enter opens the one reached (WAI-ARIA tabs, manual activation).
    await page.keyboard.press('Enter');
    await expect.poll(() => stepTab(page, 'vi', 'check').getAttribute('aria-selected')).toBe('true');
    expect(await isFocused(stepTab(page, 'vi', 'check'))).toBe(true);

    // 1. Kiểm tra: Tab to "Kiểm tra lại", Enter.
    const checkButton = page.getByRole('button', { name: vi.check.rerun, exact: true });
    await pressUntilFocused(page, 'Tab', checkButton, vi.check.rerun);
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(vi.check.counts(1, 2, 0), { exact: true }).first().waitFor({ timeout: PANE_TIMEOUT_MS });

    // 2. Nạp bài nộp: back to the step list, right arrow, Tab to "Chọn tệp…", Enter opens the picker.
    await pressUntilFocused(page, 'Shift+Tab', stepTab(page, 'vi', 'check'), 'the step list');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => stepTab(page, 'vi', 'import').getAttribute('aria-selected')).toBe('true');
    const pick = page.getByRole('button', { name: vi.import.pick, exact: true });
    // Listen before moving focus: Playwright turns on file-chooser interception asynchronously, and on a
    // loaded machine an Enter pressed right after registering could open the (invisible) native picker first.
    const chooser = page.waitForEvent('filechooser', { timeout: PANE_TIMEOUT_MS });
    await pressUntilFocused(page, 'Tab', pick, vi.import.pick);
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(SUBMISSION_FILES.map(submissionPath));
    await expect
      .poll(async () => (await importedFiles(page, 'vi')).filter((f) => f.text.includes(vi.import.status.read) && !f.text.includes(vi.import.sample)).length, {
        timeout: PANE_TIMEOUT_MS,
      })
      .toBe(SUBMISSION_FILES.length);

    // 3. Tạo bảng xếp hạng: step list, right arrow, Tab to the button, Enter; then Tab to Tải xuống, Enter.
    await pressUntilFocused(page, 'Shift+Tab', stepTab(page, 'vi', 'import'), 'the step list');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => stepTab(page, 'vi', 'generate').getAttribute('aria-selected')).toBe('true');
    const run = page.getByRole('button', { name: vi.generate.run, exact: true });
    await pressUntilFocused(page, 'Tab', run, vi.generate.run);
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await waitForRunDone(page, 'vi');
    const download = page.getByRole('button', { name: vi.generate.download, exact: true });
    // The run button keeps the focus after the run, so the download is the next stop (or a few after).
    await pressUntilFocused(page, 'Tab', download, vi.generate.download);
    expect(await focusShows(page)).toBe(true);
    const saved = page.waitForEvent('download', { timeout: PANE_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    expect((await saved).suggestedFilename()).toBe(CLUSTER_FILE);

    expect(await page.evaluate(() => (window as unknown as { __pointer: string[] }).__pointer)).toEqual([]);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });
});
