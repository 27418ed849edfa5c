/**
 * The ribbon's one-click ranking inside a real browser: the built commands page loaded with the strict
 * Excel fake as `Office`/`Excel`, its associated function called as Excel calls it, and the sheets it
 * wrote read back from the fake and compared with the engine's descriptions cell by cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { GridWorkbook } from '../../src/engine';
import { runCluster } from '../../src/engine';
import type { FakeOfficeSeed } from './browser/fake-office';
import { launchChromium, openPage, url } from './helpers/browser';
import { fakeFormulas, fakeValues, fakeWorkbook } from './helpers/fake-state';
import { CLUSTER_FILE, clusterPath, EXPECTED_RANKING, rankingTable, readGrid, SUBMISSION_FILES, submissionPath } from './helpers/sample';
import { cellDifferences, describedValues } from './helpers/workbook';

/**
 * The cluster workbook with every member's sheet pasted into it (the brief allows that): the ribbon has
 * no file picker, so this is how a one-click run sees submissions. Sheet names must be unique in Excel,
 * so each pasted sheet takes its file's name; the unit is still found from its "Đơn vị:" label.
 */
async function clusterWithPastedSubmissions(): Promise<GridWorkbook> {
  const cluster = await readGrid(clusterPath());
  for (const file of SUBMISSION_FILES) {
    const sub = await readGrid(submissionPath(file));
    for (const s of sub.sheets) cluster.sheets.push({ ...s, name: file.replace(/\.xlsx$/, '') });
  }
  return { file: CLUSTER_FILE, sheets: cluster.sheets };
}

describe('ribbon button "Tạo bảng xếp hạng" in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('writes the three generated sheets, equal to the engine cell for cell, and completes the event', async () => {
    const workbook = await clusterWithPastedSubmissions();
    const seed: FakeOfficeSeed = { workbook: { file: workbook.file, sheets: workbook.sheets }, options: { displayLanguage: 'vi-VN' } };
    const { page, context, errors, foreignRequests } = await openPage(browser, { fakeOffice: seed });
    await page.goto(url('/commands.html'));
    // commands.ts associates the function at load; the manifest's FunctionName is generateRanking.
    await page.waitForFunction(() => window.__thiduaFake?.actions.has('generateRanking') === true);
    const before = await fakeWorkbook(page);

    const completed = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          let calls = 0;
          const event = {
            source: { id: 'generateRanking' },
            completed: () => {
              calls++;
              // Give a second completed() call the chance to happen before answering.
              setTimeout(() => resolve(calls), 200);
            },
          };
          const fn = window.__thiduaFake!.actions.get('generateRanking')!;
          Promise.resolve(fn(event)).catch(reject);
        }),
    );
    expect(completed, 'event.completed() is called exactly once').toBe(1);

    const after = await fakeWorkbook(page);
    const expected = runCluster({ cluster: workbook, submissions: [] });
    // Source sheets first, untouched; the generated ones after them.
    expect(after.sheetNames.slice(0, before.sheetNames.length)).toEqual(before.sheetNames);
    for (const name of before.sheetNames) expect(after.sheets[name], `source sheet ${name} changed`).toEqual(before.sheets[name]);

    for (const out of expected.sheets) {
      const name = after.marked[out.role];
      expect(name, `no sheet marked as ${out.role}`).toBe(out.name);
      const sheet = after.sheets[name!]!;
      expect(cellDifferences(fakeValues(sheet), describedValues(out)), `${out.name} differs from the engine`).toEqual([]);
      expect(fakeFormulas(sheet), `${out.name} has formulas`).toEqual([]);
    }

    // The sample's result, worked by hand (helpers/sample.ts): HK first with 93.5, LB and HBT tied 4th.
    expect(rankingTable(fakeValues(after.sheets[after.marked.ranking!]!))).toEqual(EXPECTED_RANKING);

    // Something blocks (HM's 12 of 10), so the Kiểm tra sheet is what Excel shows.
    const active = await page.evaluate(() => {
      const f = window.__thiduaFake!;
      return f.state.sheets.find((s) => s.id === f.state.activeSheetId)?.name;
    });
    expect(active).toBe(after.marked.checks);
    expect(foreignRequests).toEqual([]);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });
});
