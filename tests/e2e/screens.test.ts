/**
 * Every step of the pane, in Vietnamese and in English: inside Excel at task-pane width (320 px) and as
 * the standalone page at desktop width. Each state is scanned with axe-core (no serious or critical
 * violation), photographed under test-output/screenshots/ for a person to look at, and, at 320 px,
 * must not scroll sideways (a secretary's task pane has no room for that).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Lang } from '../../src/engine';
import { axeViolations, serious } from './helpers/axe';
import { DESKTOP, e2e, launchChromium, openPage, TASKPANE, url } from './helpers/browser';
import { horizontalOverflow, importedFiles, openStep, PANE_TIMEOUT_MS, rankingRows, spillingCells, waitForRunDone, words, type Step } from './helpers/pane';
import { fakeSeedOfSample, SUBMISSION_FILES, submissionPath } from './helpers/sample';

const SCREENSHOTS = () => join(e2e().root, 'test-output/screenshots');
const ORDER: readonly Step[] = ['check', 'import', 'generate'];

interface Shot {
  step: Step;
  violations: string[];
  overflow: string | null;
  /** Table cells whose text runs over the next column. */
  spills: string[];
}

/** Scans, photographs and measures the three steps of a pane that already shows a full run. */
async function visitSteps(page: Page, lang: Lang, surface: string, width: number): Promise<Shot[]> {
  const shots: Shot[] = [];
  await mkdir(SCREENSHOTS(), { recursive: true });
  for (const step of ORDER) {
    await openStep(page, lang, step);
    // Let Fluent's tab indicator finish moving before the picture.
    await page.waitForTimeout(300);
    const found = serious(await axeViolations(page)).map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.join(' | ')}`);
    await page.screenshot({ path: join(SCREENSHOTS(), `${surface}-${lang}-${ORDER.indexOf(step) + 1}-${step}.png`), fullPage: true });
    const o = await horizontalOverflow(page);
    shots.push({
      step,
      violations: found,
      overflow: o.scrollWidth > width ? `scrollWidth ${o.scrollWidth} > ${width}: ${o.culprits.join('; ')}` : null,
      spills: await spillingCells(page),
    });
  }
  return shots;
}

describe('every step, both languages: accessibility, screenshots, no sideways scrolling', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['vi', 'en'] as const)('task pane in Excel at 320 px (%s)', async (lang) => {
    const t = words(lang);
    const { page, context } = await openPage(browser, { viewport: TASKPANE, fakeOffice: await fakeSeedOfSample(lang === 'vi' ? 'vi-VN' : 'en-US') });
    await page.goto(url('/taskpane.html'));
    await openStep(page, lang, 'import');
    await page.getByLabel(t.import.pickerLabel, { exact: true }).setInputFiles(SUBMISSION_FILES.map(submissionPath));
    await expect.poll(async () => (await importedFiles(page, lang)).filter((f) => f.text.includes(t.import.status.read)).length, { timeout: PANE_TIMEOUT_MS }).toBe(6);
    await openStep(page, lang, 'generate');
    await page.getByRole('button', { name: t.generate.run, exact: true }).click();
    await waitForRunDone(page, lang);

    const shots = await visitSteps(page, lang, 'taskpane-320', TASKPANE.width);
    expect(shots.filter((s) => s.violations.length > 0)).toEqual([]);
    expect(shots.filter((s) => s.overflow !== null)).toEqual([]);
    await context.close();
  });

  it.each(['vi', 'en'] as const)('standalone page at desktop width (%s)', async (lang) => {
    const { page, context, foreignRequests } = await openPage(browser, { viewport: DESKTOP, locale: lang === 'vi' ? 'vi-VN' : 'en-US' });
    await page.goto(url('/index.html'));
    // The browser's language picks the page's: English for an en-US browser.
    await rankingRows(page);
    await waitForRunDone(page, lang);
    const shots = await visitSteps(page, lang, 'standalone-desktop', DESKTOP.width);
    expect(shots.filter((s) => s.violations.length > 0)).toEqual([]);
    expect(shots.filter((s) => s.overflow !== null)).toEqual([]);
    expect(shots.flatMap((s) => s.spills)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('standalone page at 320 px (vi)', async () => {
    const { page, context } = await openPage(browser, { viewport: TASKPANE, locale: 'vi-VN' });
    await page.goto(url('/index.html'));
    await rankingRows(page);
    await waitForRunDone(page, 'vi');
    const shots = await visitSteps(page, 'vi', 'standalone-320', TASKPANE.width);
    expect(shots.filter((s) => s.violations.length > 0)).toEqual([]);
    expect(shots.filter((s) => s.overflow !== null)).toEqual([]);
    // The ranking table scrolls sideways in its own box; what is in it must still be readable.
    expect(shots.flatMap((s) => s.spills)).toEqual([]);
    await context.close();
  });
});
