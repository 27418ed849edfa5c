// @vitest-environment jsdom
/**
 * The pane and the ribbon's one-click run, which share one JavaScript context under the shared runtime:
 * a run that something blocks lands the pane on Kiểm tra with that run's findings; a run that went
 * through shows its status line in a banner and leaves the secretary where they were.
 *
 * First over a fake source that hears of ribbon runs (the component's contract), then over the real
 * ExcelSource and the real ribbon function against the strict Excel fake.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClusterResult } from '../../src/engine';
import { runCluster } from '../../src/engine';
import { registerRibbonCommands } from '../../src/faces/commands/register';
import { ExcelSource } from '../../src/faces/taskpane/services/excel-source';
import type { ExternalRun } from '../../src/faces/taskpane/services/source';
import { onLastRun } from '../../src/hosts/office';
import { paneLanguage } from '../../src/hosts/office/status';
import { cum1Cluster, cum1Submissions } from '../fixtures/cum1';
import type { FakeExcel } from '../fakes/excel-fake';
import { cum1WorkbookWithPastedSubmissions } from '../hosts/office/seed';
import { FakeSource, renderApp, tabLabel } from './helpers';

const BANNER_VI = 'Lần chạy gần nhất từ nút trên thanh công cụ';
const BANNER_EN = 'Last run from the ribbon button';

/** The seed cluster's fake source, plus the ribbon feed ExcelSource has inside Excel. */
class RibbonSource extends FakeSource {
  private listeners = new Set<(run: ExternalRun) => void>();

  onExternalRun(listener: (run: ExternalRun) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A ribbon click finished; the workbook now reads as `result`. */
  ribbonRan(run: ExternalRun, result?: ClusterResult): void {
    if (result) this.result = result;
    act(() => {
      for (const l of this.listeners) l(run);
    });
  }
}

/** Hoàng Mai typed 12 for I.1 (max 10): sheet row 7 (header row 5, I.1 is rubric row 1), column F. */
function blockedResult(): ClusterResult {
  const subs = cum1Submissions();
  subs[5]!.sheets[0]!.values[6]![5] = 12;
  return runCluster({ cluster: cum1Cluster(), submissions: subs, lang: 'vi' });
}

function selectedTab(): string {
  return tabLabel(screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')!);
}

function banner(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

describe('a ribbon run while the pane is open', () => {
  it('blocked: the pane switches to Kiểm tra and shows the findings of the workbook the run read', async () => {
    const source = new RibbonSource({ kind: 'excel' });
    renderApp(source);
    // The seed cluster: five warnings, nothing blocks.
    await screen.findByText('0 lỗi · 5 cảnh báo · 0 thông tin');
    fireEvent.click(screen.getByRole('tab', { name: /Tạo bảng xếp hạng/ }));
    expect(selectedTab()).toBe('3. Tạo bảng xếp hạng');
    expect(screen.queryByRole('group', { name: BANNER_VI })).toBeNull();

    // HM is left unranked (5 of 6); HK leads with 96; one error beside the five warnings.
    const message = 'Đã xếp hạng 5/6 đơn vị; dẫn đầu: LĐLĐ quận Hoàn Kiếm (96.00). 1 lỗi, 5 cảnh báo. Có lỗi chặn kết quả: xem sheet Kiểm tra.';
    source.ribbonRan({ at: '2024-12-20T08:00:00.000Z', ok: false, message }, blockedResult());

    expect(selectedTab()).toBe('1. Kiểm tra');
    expect(within(banner(BANNER_VI)).getByText(message)).toBeTruthy();
    // Checked again after the run, not left at the findings from before it.
    expect(await screen.findByText('1 lỗi · 5 cảnh báo · 0 thông tin')).toBeTruthy();
    expect(source.checks).toHaveLength(2);
    const hm = screen.getByRole('region', { name: 'Phát hiện trong HoangMai.xlsx' });
    expect(within(hm).getByText('F7')).toBeTruthy();
    expect(within(hm).getByText('Tiêu chí I.1: điểm 12 nằm ngoài khoảng 0 đến 10.')).toBeTruthy();
    expect(within(hm).getByRole('img', { name: 'Lỗi' })).toBeTruthy();
  });

  it('through: a banner says what it did, and the pane stays on the step the secretary chose', async () => {
    const source = new RibbonSource({ kind: 'excel' });
    renderApp(source);
    await screen.findByText('0 lỗi · 5 cảnh báo · 0 thông tin');
    fireEvent.click(screen.getByRole('tab', { name: /Nạp bài nộp/ }));

    const message = 'Đã xếp hạng 6/6 đơn vị; dẫn đầu: LĐLĐ quận Hoàn Kiếm (96.00). 0 lỗi, 5 cảnh báo.';
    source.ribbonRan({ at: '2024-12-20T08:00:00.000Z', ok: true, message });

    expect(within(banner(BANNER_VI)).getByText(message)).toBeTruthy();
    expect(selectedTab()).toBe('2. Nạp bài nộp');
    await new Promise((r) => setTimeout(r, 20));
    expect(source.checks).toHaveLength(1);

    // The next click (HK's subtotals corrected: two warnings fewer) replaces the banner rather than adding one.
    const next = 'Đã xếp hạng 6/6 đơn vị; dẫn đầu: LĐLĐ quận Hoàn Kiếm (96.00). 0 lỗi, 3 cảnh báo.';
    source.ribbonRan({ at: '2024-12-20T08:05:00.000Z', ok: true, message: next });
    expect(screen.getAllByRole('group', { name: BANNER_VI })).toHaveLength(1);
    expect(within(banner(BANNER_VI)).getByText(next)).toBeTruthy();
    expect(within(banner(BANNER_VI)).queryByText(message)).toBeNull();
  });

  it('shows no banner before any ribbon run', async () => {
    renderApp(new RibbonSource({ kind: 'excel' }));
    await screen.findByText('0 lỗi · 5 cảnh báo · 0 thông tin');
    expect(screen.queryByRole('group', { name: BANNER_VI })).toBeNull();
  });

  it('tells the runtime which language the pane shows, so the ribbon writes in it', async () => {
    const view = renderApp(new RibbonSource({ kind: 'excel' }), { lang: 'en' });
    expect(paneLanguage()).toBe('en');
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'vi' } });
    expect(paneLanguage()).toBe('vi');
    view.unmount();
    // No pane any more: Office's own language decides again.
    expect(paneLanguage()).toBeNull();
  });
});

describe('the shared runtime end to end: ExcelSource, the registered ribbon function, the strict fake', () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
    vi.restoreAllMocks();
  });

  function openExcel(fake: FakeExcel): void {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    restore = fake.install();
    registerRibbonCommands();
  }

  async function click(fake: FakeExcel): Promise<number> {
    const completed = vi.fn();
    await act(async () => {
      await fake.actions.get('generateRanking')!({ completed, source: { id: 'ThiDua.GenerateRanking' } });
    });
    return completed.mock.calls.length;
  }

  // The pane hears only of runs made after it opened (earlier tests' runs stay in this module).
  const freshFeed = { last: () => null, subscribe: onLastRun };

  it('a blocked click opens the pane once, on Kiểm tra, with the cell of the error in the open workbook', async () => {
    const fake = cum1WorkbookWithPastedSubmissions({ sharedRuntime: true });
    openExcel(fake);
    renderApp(new ExcelSource(undefined, freshFeed));
    // Every finding is in the one open workbook: the whole count and that file's count read the same.
    await screen.findAllByText('0 lỗi · 5 cảnh báo · 0 thông tin');
    fireEvent.click(screen.getByRole('tab', { name: /Tạo bảng xếp hạng/ }));

    // HM's pasted sheet: I.1 on row 7, Tự chấm in column F, typed 12 of 10.
    fake.sheet('Tự chấm HM').cells[6]![5]!.value = 12;
    expect(await click(fake)).toBe(1);

    expect(fake.taskpaneShown).toBe(1);
    expect(selectedTab()).toBe('1. Kiểm tra');
    expect(within(banner(BANNER_VI)).getByText('Đã xếp hạng 5/6 đơn vị; dẫn đầu: LĐLĐ quận Hoàn Kiếm (96.00). 1 lỗi, 5 cảnh báo. Có lỗi chặn kết quả: xem sheet Kiểm tra.')).toBeTruthy();
    expect(await screen.findAllByText('1 lỗi · 5 cảnh báo · 0 thông tin')).toHaveLength(2);
    // The error is in the open workbook itself: its cell is a button that selects it in Excel.
    const workbook = screen.getByRole('region', { name: 'Phát hiện trong Cum1_LDLD_HaNoi_2024.xlsx' });
    const f7 = within(workbook).getByText('F7').closest('button');
    expect(f7?.title).toBe('Chọn ô F7 của sheet Tự chấm HM trong Excel');
  });

  it('a clean click keeps the pane closed and where it was, with the status line in Office\'s English', async () => {
    const fake = cum1WorkbookWithPastedSubmissions({ sharedRuntime: true, displayLanguage: 'en-US' });
    openExcel(fake);
    renderApp(new ExcelSource(undefined, freshFeed), { lang: 'en' });
    await screen.findAllByText('0 errors · 5 warnings · 0 info');
    fireEvent.click(screen.getByRole('tab', { name: /Import submissions/ }));

    expect(await click(fake)).toBe(1);

    expect(fake.taskpaneShown).toBe(0);
    expect(selectedTab()).toBe('2. Import submissions');
    expect(within(banner(BANNER_EN)).getByText('Ranked 6 of 6 units; leading: LĐLĐ quận Hoàn Kiếm (96.00). 0 error(s), 5 warning(s).')).toBeTruthy();
    await waitFor(() => expect(fake.sheetNames()).toContain('Xếp hạng'));
  });
});
