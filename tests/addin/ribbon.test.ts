/**
 * The ribbon's "Tạo bảng xếp hạng" as Excel calls it: registered by registerRibbonCommands() (what both
 * taskpane.html and commands.html run at load) with the strict Excel fake as Office, then invoked through
 * the function Office.actions.associate received. With the shared runtime reported, the pane must open
 * exactly when something blocks; event.completed() is called once whatever happens.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerRibbonCommands } from '../../src/faces/commands/register';
import { lastRun } from '../../src/hosts/office';
import { setPaneLanguage } from '../../src/hosts/office/status';
import type { FakeExcel } from '../fakes/excel-fake';
import { FakeRichApiError } from '../fakes/excel-fake';
import { cum1WorkbookWithPastedSubmissions } from '../hosts/office/seed';
import { ribbonHarness } from '../hosts/office/ribbon-harness';

const harness = ribbonHarness();
afterEach(() => setPaneLanguage(null));

/** Installs the fake as Office/Excel and registers the ribbon function the way the pages do. */
function install(fake: FakeExcel): void {
  harness.install(fake);
  expect(registerRibbonCommands()).toBe(true);
  expect([...fake.actions.keys()]).toEqual(['generateRanking']);
}

/** Clicks the button: Excel calls the associated function with an event and waits for completed(). */
async function click(fake: FakeExcel): Promise<ReturnType<typeof vi.fn>> {
  const completed = vi.fn();
  const event = { completed, source: { id: 'ThiDua.GenerateRanking' } };
  await fake.actions.get('generateRanking')!(event);
  return completed;
}

/**
 * Hoàng Mai typed 12 for I.1 (max 10) in its pasted sheet: rubric row 1 sits on sheet row 7, Tự chấm
 * is column F, so the fake's cell [6][5]. A score out of range blocks that unit.
 */
function blockedWorkbook(options: { sharedRuntime: boolean; displayLanguage?: string }): FakeExcel {
  const fake = cum1WorkbookWithPastedSubmissions(options);
  fake.sheet('Tự chấm HM').cells[6]![5]!.value = 12;
  return fake;
}

describe('ribbon function with the shared runtime', () => {
  it('a clean run ranks, keeps the pane closed and completes once', async () => {
    const fake = cum1WorkbookWithPastedSubmissions({ sharedRuntime: true });
    install(fake);

    const completed = await click(fake);

    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.taskpaneShown).toBe(0);
    expect(fake.state.activeSheetId).toBe(fake.sheet('Xếp hạng').id);
    // The seed cluster: all six ranked, Hoàn Kiếm first with 96, and its five warnings (tests/fixtures/cum1.ts).
    expect(lastRun()).toMatchObject({ ok: true, message: 'Đã xếp hạng 6/6 đơn vị; dẫn đầu: LĐLĐ quận Hoàn Kiếm (96.00). 0 lỗi, 5 cảnh báo.' });
  });

  it('a blocked run opens the pane once, shows Kiểm tra and completes once', async () => {
    const fake = blockedWorkbook({ sharedRuntime: true });
    install(fake);

    const completed = await click(fake);

    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.taskpaneShown).toBe(1);
    expect(fake.state.activeSheetId).toBe(fake.sheet('Kiểm tra').id);
    // HM unranked: 5 of 6; HK still leads with 96. One error (12 of 10) beside the seed's five warnings.
    expect(lastRun()).toMatchObject({
      ok: false,
      message: 'Đã xếp hạng 5/6 đơn vị; dẫn đầu: LĐLĐ quận Hoàn Kiếm (96.00). 1 lỗi, 5 cảnh báo. Có lỗi chặn kết quả: xem sheet Kiểm tra.',
    });
    expect(fake.cell('Kiểm tra', 'D5')?.value).toBe('F7');
    expect(fake.cell('Kiểm tra', 'E5')?.value).toBe('SCORE_OUT_OF_RANGE');
  });

  it('a run Excel refuses also opens the pane (to say why) and completes once', async () => {
    const fake = cum1WorkbookWithPastedSubmissions({ sharedRuntime: true });
    install(fake);
    fake.run = async () => {
      throw new FakeRichApiError('GeneralException', 'Excel đang bận');
    };

    const completed = await click(fake);

    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.taskpaneShown).toBe(1);
    expect(lastRun()).toMatchObject({ ok: false, summary: null, message: 'Không tạo được bảng xếp hạng: Excel đang bận' });
  });

  it('speaks Office\'s language, or the pane\'s when a pane in the same runtime was switched', async () => {
    const english = blockedWorkbook({ sharedRuntime: true, displayLanguage: 'en-US' });
    install(english);
    await click(english);
    expect(lastRun()?.message).toBe('Ranked 5 of 6 units; leading: LĐLĐ quận Hoàn Kiếm (96.00). 1 error(s), 5 warning(s). Something blocks the result: see the Kiểm tra sheet.');
    harness.uninstall();

    // Office in English, but the secretary switched the pane to Vietnamese.
    const switched = blockedWorkbook({ sharedRuntime: true, displayLanguage: 'en-US' });
    install(switched);
    setPaneLanguage('vi');
    await click(switched);
    expect(lastRun()?.message).toBe('Đã xếp hạng 5/6 đơn vị; dẫn đầu: LĐLĐ quận Hoàn Kiếm (96.00). 1 lỗi, 5 cảnh báo. Có lỗi chặn kết quả: xem sheet Kiểm tra.');
  });
});

describe('ribbon function without the shared runtime', () => {
  it('a blocked run shows Kiểm tra but does not try to open the pane, and completes once', async () => {
    // The fake throws if showAsTaskpane is called without the shared runtime, as Excel does.
    const fake = blockedWorkbook({ sharedRuntime: false });
    install(fake);

    const completed = await click(fake);

    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.taskpaneShown).toBe(0);
    expect(fake.state.activeSheetId).toBe(fake.sheet('Kiểm tra').id);
    expect(lastRun()?.ok).toBe(false);
  });
});

describe('registration', () => {
  it('does nothing, and says so, where there is no Office (the standalone page)', () => {
    expect((globalThis as { Office?: unknown }).Office).toBeUndefined();
    expect(registerRibbonCommands()).toBe(false);
  });

  it('survives an office.js that refuses the call outside Office', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const g = globalThis as { Office?: unknown };
    g.Office = {
      actions: {
        associate: () => {
          throw new Error('not in an Office host');
        },
      },
    };
    try {
      expect(registerRibbonCommands()).toBe(false);
    } finally {
      delete g.Office;
    }
  });
});
