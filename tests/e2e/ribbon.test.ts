/**
 * The ribbon's one-click ranking inside a real browser: the built commands page loaded with the strict
 * Excel fake as `Office`/`Excel`, its associated function called as Excel calls it, and the sheets it
 * wrote read back from the fake and compared with the engine's descriptions cell by cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/** Calls the associated function as Excel does, with an event; resolves to how often completed() was called. */
async function clickRibbonButton(page: Page): Promise<number> {
  // commands.ts associates the function at load; the manifest's FunctionName is generateRanking.
  await page.waitForFunction(() => window.__thiduaFake?.actions.has('generateRanking') === true);
  return page.evaluate(
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
    const opened = await openPage(browser, { fakeOffice: seed });
    const { page, context, errors, foreignRequests } = opened;
    await page.goto(url('/commands.html'));
    await page.waitForFunction(() => window.__thiduaFake !== undefined);
    const before = await fakeWorkbook(page);
    const completed = await clickRibbonButton(page);
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
    // Without the shared runtime the function cannot open the pane; it says the result on the console.
    expect(await page.evaluate(() => window.__thiduaFake!.taskpaneShown)).toBe(0);
    expect(opened.console).toContain(
      'ThiDua: Đã xếp hạng 5/6 đơn vị; dẫn đầu: LĐLĐ quận Hoàn Kiếm (93.50). 1 lỗi, 2 cảnh báo. Có lỗi chặn kết quả: xem sheet Kiểm tra.',
    );
    expect(foreignRequests).toEqual([]);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });

  it('opens the task pane on the findings when something blocks and Excel has the shared runtime', async () => {
    const workbook = await clusterWithPastedSubmissions();
    const seed: FakeOfficeSeed = { workbook: { file: workbook.file, sheets: workbook.sheets }, options: { displayLanguage: 'en-US', sharedRuntime: true } };
    const opened = await openPage(browser, { fakeOffice: seed });
    const { page, context, errors } = opened;
    await page.goto(url('/commands.html'));
    expect(await clickRibbonButton(page)).toBe(1);
    expect(opened.console).toContain(
      'ThiDua: Ranked 5 of 6 units; leading: LĐLĐ quận Hoàn Kiếm (93.50). 1 error(s), 2 warning(s). Something blocks the result: see the Kiểm tra sheet.',
    );
    // HoangMai's 12 of 10 blocks its ranking: the pane opens once, and the status line is in Office's language.
    expect(await page.evaluate(() => window.__thiduaFake!.taskpaneShown)).toBe(1);
    const after = await fakeWorkbook(page);
    expect(after.marked).toEqual({ ranking: 'Xếp hạng', checks: 'Kiểm tra', details: 'Chi tiết' });
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });
});
