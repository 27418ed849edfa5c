/**
 * The standalone page (index.html) in a real Chromium, as a secretary without the add-in uses it: the
 * sample cluster ranked on arrival, then her own cluster file and submissions (picker and drag-and-drop),
 * check, generate, download. The downloaded workbook is read back in Node with the file host and must
 * equal, cell for cell, what `thidua rank` writes for the same files. Nothing may leave the page's origin.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, e2e, launchChromium, openPage, url, type OpenedPage } from './helpers/browser';
import { dropFile, importedFiles, openStep, PANE_TIMEOUT_MS, progressValues, rankingRows, recordProgress, stepTab, waitForRunDone, words } from './helpers/pane';
import { CLUSTER_FILE, clusterPath, engineOnSample, EXPECTED_RANKING, rankingTable, readGrid, runCli, SUBMISSION_FILES, submissionPath } from './helpers/sample';
import { cellDifferences, describedValues, readResultWorkbook, valuesOf } from './helpers/workbook';

const vi = words('vi');

/** The sample's ranking as the page shows it (vi-VN: decimal comma, two decimals), worked by hand in helpers/sample.ts. */
const SAMPLE_ROWS_VI = [
  ['1', 'LĐLĐ quận Hoàn Kiếm', '93,50', 'Xuất sắc', 'Thông qua (6/6)', 'Cờ thi đua'],
  ['2', 'LĐLĐ quận Ba Đình', '92,00', 'Xuất sắc', 'Thông qua (5/6)', 'Bằng khen'],
  ['3', 'LĐLĐ quận Đống Đa', '87,30', 'Tốt', 'Thông qua (5/6)', 'Bằng khen'],
  ['4 (đồng hạng)', 'LĐLĐ quận Long Biên', '82,60', 'Tốt', 'Thông qua (4/6)', ''],
  ['4 (đồng hạng)', 'LĐLĐ quận Hai Bà Trưng', '82,60', 'Tốt', 'Không thông qua (3/6)', ''],
  ['Không xếp hạng', 'LĐLĐ quận Hoàng Mai', '', '', 'Không thông qua (3/6)', ''],
];

describe('standalone page', () => {
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    opened = await openPage(browser, { viewport: DESKTOP, locale: 'vi-VN' });
    page = opened.page;
    await page.goto(url('/index.html'));
  });
  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
  });

  it('shows the sample cluster already ranked on the first visit, and says nothing leaves the browser', async () => {
    expect(await rankingRows(page), opened.errors.join('\n')).toEqual(SAMPLE_ROWS_VI);
    // The page opens on step 3, where the ranking is.
    await expect.poll(() => stepTab(page, 'vi', 'generate').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByText(vi.app.privacy).isVisible()).toBe(true);
    expect(await page.getByText(vi.generate.downloadHint(CLUSTER_FILE), { exact: true }).isVisible()).toBe(true);
    // Step 1 says which cluster this is: the sample, until she opens her own.
    await openStep(page, 'vi', 'check');
    expect(await page.getByText(vi.cluster.clusterFile(CLUSTER_FILE)).isVisible()).toBe(true);
    expect(await page.getByText(vi.cluster.sampleNotice).isVisible()).toBe(true);
  });

  it('opens a cluster file, imports submissions by picker and by drag-and-drop, checks, generates and downloads what the command line writes', async () => {
    // 1. Kiểm tra: the secretary's own cluster workbook replaces the sample.
    await openStep(page, 'vi', 'check');
    await page.getByLabel(vi.cluster.openClusterLabel, { exact: true }).setInputFiles(clusterPath());
    await page.getByText(vi.cluster.sampleNotice).waitFor({ state: 'detached', timeout: PANE_TIMEOUT_MS });

    // 2. Nạp bài nộp: five files from the picker, the sixth dropped. Same names replace the sample's copies.
    await openStep(page, 'vi', 'import');
    const picked = SUBMISSION_FILES.filter((f) => f !== 'HoangMai.xlsx');
    await page.getByLabel(vi.import.pickerLabel, { exact: true }).setInputFiles(picked.map(submissionPath));
    await dropFile(page, page.getByTestId('drop-zone'), submissionPath('HoangMai.xlsx'));
    await expect
      .poll(async () => (await importedFiles(page, 'vi')).map((f) => [f.name, f.text.includes(vi.import.status.read), f.text.includes(vi.import.sample)]), { timeout: PANE_TIMEOUT_MS })
      .toEqual([...picked, 'HoangMai.xlsx'].map((name) => [name, true, false]));

    // 1 again: the check describes these files (HoangMai's 12 of 10; its "8,5" typed as text; the tie).
    await openStep(page, 'vi', 'check');
    const counts = vi.check.counts(1, 2, 0);
    await page.getByText(counts, { exact: true }).first().waitFor({ timeout: PANE_TIMEOUT_MS });
    const hoangMai = page.getByRole('region', { name: vi.check.groupLabel('HoangMai.xlsx') });
    expect(await hoangMai.textContent()).toContain('Tiêu chí III.2: điểm 12 nằm ngoài khoảng 0 đến 10.');

    // 3. Tạo bảng xếp hạng, watching the progress bar move.
    await openStep(page, 'vi', 'generate');
    await recordProgress(page);
    await page.getByRole('button', { name: vi.generate.run, exact: true }).click();
    await waitForRunDone(page, 'vi');
    const progress = await progressValues(page);
    const between = progress.filter((v) => v !== null && v !== 'absent' && Number(v) > 0 && Number(v) < 1);
    // Four stages, each moving the bar half a step in when it starts: 0.125, 0.375, 0.625, 0.875.
    expect(new Set(between).size, `progress went ${JSON.stringify(progress)}`).toBeGreaterThanOrEqual(3);
    expect(progress[progress.length - 1]).toBe('1');
    expect(await rankingRows(page)).toEqual(SAMPLE_ROWS_VI);

    const downloadStarted = page.waitForEvent('download', { timeout: PANE_TIMEOUT_MS });
    await page.getByRole('button', { name: vi.generate.download, exact: true }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe(CLUSTER_FILE);
    const dir = join(e2e().outDir, 'downloads');
    await mkdir(dir, { recursive: true });
    const saved = join(dir, `standalone-${CLUSTER_FILE}`);
    await download.saveAs(saved);
    const bytes = new Uint8Array(await readFile(saved));

    // Read back with the file host: the source sheets untouched, the three generated sheets marked.
    const got = await readResultWorkbook(bytes, CLUSTER_FILE);
    const original = await readGrid(clusterPath());
    expect(got.read.findings).toEqual([]);
    expect(got.read.workbook?.sheets).toEqual(original.sheets);
    expect(got.sheetNames).toEqual([...original.sheets.map((s) => s.name), 'Xếp hạng', 'Kiểm tra', 'Chi tiết']);
    expect([...got.generated.keys()]).toEqual(['ranking', 'checks', 'details']);
    expect(rankingTable(valuesOf(got.generated.get('ranking')!))).toEqual(EXPECTED_RANKING);

    // Every generated cell is what the engine describes for these inputs.
    const engine = await engineOnSample(SUBMISSION_FILES, 'vi');
    for (const sheet of engine.sheets) {
      expect(cellDifferences(valuesOf(got.generated.get(sheet.role)!), describedValues(sheet)), sheet.name).toEqual([]);
    }

    // And the command line, given the same files, writes the same workbook, cell for cell.
    const cli = await runCli(SUBMISSION_FILES, `cli-${CLUSTER_FILE}`);
    expect(cli.code, cli.stderr).toBe(1); // 1: written, with a blocking finding (HoangMai)
    const fromCli = await readResultWorkbook(cli.bytes, CLUSTER_FILE);
    expect(got.sheetNames).toEqual(fromCli.sheetNames);
    expect(got.read.workbook).toEqual(fromCli.read.workbook);
    for (const role of ['ranking', 'checks', 'details'] as const) {
      const a = got.generated.get(role)!;
      const b = fromCli.generated.get(role)!;
      expect(a.name).toBe(b.name);
      expect(cellDifferences(a.cells, b.cells), `${a.name}: download vs command line`).toEqual([]);
      expect(a.cells.size).toBeGreaterThan(20);
    }
  });

  it('keeps every request on its own origin, and its content security policy refuses any other', async () => {
    // Everything above (sample fetch, imports, the run, the download) made no request elsewhere.
    expect(opened.foreignRequests).toEqual([]);
    const probe = await page.evaluate(async () => {
      // A name that can never resolve (.invalid is reserved): even a broken policy sends nothing anywhere.
      const target = 'https://thidua-csp-probe.invalid/x';
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const fetched = await fetch(target).then(
        () => 'fetched',
        () => 'refused',
      );
      await new Promise((r) => setTimeout(r, 200));
      return { fetched, violations };
    });
    expect(probe).toEqual({ fetched: 'refused', violations: ['connect-src https://thidua-csp-probe.invalid/x'] });
    expect(opened.foreignRequests).toEqual([]);
    expect(opened.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
