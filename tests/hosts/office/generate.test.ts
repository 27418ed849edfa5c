/**
 * The ribbon's one-click "Tạo bảng xếp hạng" end to end against the fake, installed as the globals
 * Excel and Office: the secretary pasted the members' sheets into the cluster workbook and clicks.
 */
import { describe, expect, it, vi } from 'vitest';
import { generateRanking } from '../../../src/faces/commands/generate';
import { lastRun } from '../../../src/hosts/office';
import { cum1Cluster } from '../../fixtures/cum1';
import { FakeExcel, FakeRichApiError } from '../../fakes/excel-fake';
import { ribbonHarness } from './ribbon-harness';
import { cum1WorkbookWithPastedSubmissions } from './seed';

const harness = ribbonHarness();

function clickEvent() {
  return { completed: vi.fn(), source: { id: 'GenerateRanking' } } as unknown as Office.AddinCommands.Event & { completed: ReturnType<typeof vi.fn> };
}

describe('generateRanking (ribbon)', () => {
  it('ranks the pasted submissions, shows the ranking, keeps every source sheet, and completes the event once', async () => {
    const fake = cum1WorkbookWithPastedSubmissions();
    harness.install(fake);
    const sources = fake.sheetNames();
    const before = sources.map((n) => fake.snapshot(n));
    const event = clickEvent();

    await generateRanking(event);

    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(fake.sheetNames()).toEqual([...sources, 'Xếp hạng', 'Kiểm tra', 'Chi tiết']);
    expect(sources.map((n) => fake.snapshot(n))).toEqual(before);
    expect(fake.state.activeSheetId).toBe(fake.sheet('Xếp hạng').id);
    // Same hand-worked order as with imported files: HK 96, BD 94.5, DD 89.3, HBT/LB 85.6, HM 76.
    expect(['B5', 'B6', 'B7', 'B8', 'B9', 'B10'].map((a) => fake.cell('Xếp hạng', a)?.value)).toEqual(['HK', 'BD', 'DD', 'HBT', 'LB', 'HM']);
    expect(['I5', 'I6', 'I7', 'I8', 'I9', 'I10'].map((a) => fake.cell('Xếp hạng', a)?.value)).toEqual([96, 94.5, 89.3, 85.6, 85.6, 76]);
    // 3 reads + 2 writes.
    expect(fake.syncCount).toBe(5);
    expect(lastRun()).toMatchObject({
      ok: true,
      message: 'Đã xếp hạng 6/6 đơn vị; dẫn đầu: LĐLĐ quận Hoàn Kiếm (96.00). 0 lỗi, 5 cảnh báo.',
    });
    expect(fake.taskpaneShown).toBe(0);
  });

  it('opens the findings when something blocks: the Kiểm tra sheet, and the task pane where the shared runtime allows', async () => {
    const cluster = cum1Cluster();
    cluster.sheets = cluster.sheets.filter((s) => s.name !== 'Thang điểm');
    const fake = FakeExcel.fromGrids(cluster, { sharedRuntime: true, displayLanguage: 'en-US' });
    harness.install(fake);
    const event = clickEvent();

    await generateRanking(event);

    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(fake.state.activeSheetId).toBe(fake.sheet('Kiểm tra').id);
    expect(fake.taskpaneShown).toBe(1);
    expect(lastRun()?.ok).toBe(false);
    // The one error: no rubric sheet, so no unit can be scored.
    expect(lastRun()?.message).toBe('Ranked 0 of 6 units. 1 error(s), 0 warning(s). Something blocks the result: see the Kiểm tra sheet.');
    expect(lastRun()?.summary?.invalid).toBe(6);
  });

  it('still completes the event when Excel fails, and says why', async () => {
    const fake = cum1WorkbookWithPastedSubmissions();
    harness.install(fake);
    fake.run = async () => {
      throw new FakeRichApiError('GeneralException', 'Excel đang bận');
    };
    const event = clickEvent();

    await generateRanking(event);

    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(lastRun()).toMatchObject({ ok: false, summary: null, message: 'Không tạo được bảng xếp hạng: Excel đang bận' });
    expect(fake.sheetNames()).not.toContain('Xếp hạng');
  });

  it('works without an event (called from the task pane)', async () => {
    const fake = cum1WorkbookWithPastedSubmissions();
    harness.install(fake);
    await expect(generateRanking()).resolves.toBeUndefined();
    expect(fake.sheetNames()).toContain('Xếp hạng');
  });
});
