/**
 * The task pane inside "Excel": the built taskpane.html with the strict Excel fake as `Office`/`Excel`,
 * seeded with the sample cluster workbook as if the secretary had it open. She imports the members'
 * files, checks, clicks a finding (its cell is selected in Excel), generates; the sheets written into the
 * fake are compared with the engine's descriptions cell for cell, in Vietnamese and in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Lang } from '../../src/engine';
import { launchChromium, openPage, TASKPANE, url } from './helpers/browser';
import { fakeFormulas, fakeValues, fakeWorkbook } from './helpers/fake-state';
import { importedFiles, openStep, PANE_TIMEOUT_MS, waitForRunDone, words } from './helpers/pane';
import { CLUSTER_FILE, engineOnSample, EXPECTED_RANKING, fakeSeedOfSample, rankingTable, SUBMISSION_FILES, submissionPath } from './helpers/sample';
import { cellDifferences, describedValues } from './helpers/workbook';

const OFFICE_LANGUAGE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

describe('task pane inside Excel (strict fake)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['vi', 'en'] as const)('imports, checks, selects a finding and writes the generated sheets (%s)', async (lang) => {
    const t = words(lang);
    const { page, context, errors, foreignRequests } = await openPage(browser, { viewport: TASKPANE, fakeOffice: await fakeSeedOfSample(OFFICE_LANGUAGE[lang]) });
    await page.goto(url('/taskpane.html'));

    // The pane works on the open workbook and checks it at once; it speaks Office's display language.
    await page.getByText(t.cluster.excelWorkbook(CLUSTER_FILE), { exact: true }).waitFor({ timeout: PANE_TIMEOUT_MS });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'vi' ? 'vi-VN' : 'en-US');
    const before = await fakeWorkbook(page);

    await openStep(page, lang, 'import');
    await page.getByLabel(t.import.pickerLabel, { exact: true }).setInputFiles(SUBMISSION_FILES.map(submissionPath));
    await expect
      .poll(async () => (await importedFiles(page, lang)).map((f) => [f.name, f.text.includes(t.import.status.read)]), { timeout: PANE_TIMEOUT_MS })
      .toEqual(SUBMISSION_FILES.map((name) => [name, true]));

    // Step 1 after the import: HoangMai's score out of range (error), its "8,5" typed as text and the
    // unresolved tie at 82.6 (warnings).
    await openStep(page, lang, 'check');
    await page.getByText(t.check.counts(1, 2, 0), { exact: true }).first().waitFor({ timeout: PANE_TIMEOUT_MS });
    // The tie is reported on the members sheet of the open workbook: a button that selects its cell.
    await page.getByTitle(t.check.selectCell('Đơn vị', 'B8'), { exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.__thiduaSelection)).toEqual({ sheet: 'Đơn vị', address: 'B8' });
    // A finding in an imported file has no cell in this workbook to select: it is not a button.
    expect(await page.getByTitle(t.check.selectCell('Tự chấm', 'F18'), { exact: true }).count()).toBe(0);

    await openStep(page, lang, 'generate');
    await page.getByRole('button', { name: t.generate.run, exact: true }).click();
    await waitForRunDone(page, lang);

    const engine = await engineOnSample(SUBMISSION_FILES, lang);
    const names = engine.sheets.map((s) => s.name);
    await page.getByText(t.generate.written(names), { exact: true }).waitFor();
    const after = await fakeWorkbook(page);
    // The open workbook keeps its own sheets exactly as they were; ours come after them.
    expect(after.sheetNames).toEqual([...before.sheetNames, ...names]);
    for (const name of before.sheetNames) expect(after.sheets[name], `source sheet ${name} changed`).toEqual(before.sheets[name]);
    for (const out of engine.sheets) {
      expect(after.marked[out.role]).toBe(out.name);
      const sheet = after.sheets[out.name]!;
      expect(cellDifferences(fakeValues(sheet), describedValues(out)), `${out.name} vs the engine`).toEqual([]);
      expect(fakeFormulas(sheet), `${out.name} holds formulas`).toEqual([]);
    }
    expect(rankingTable(fakeValues(after.sheets[after.marked.ranking!]!))).toEqual(EXPECTED_RANKING);

    expect(foreignRequests).toEqual([]);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });
});
