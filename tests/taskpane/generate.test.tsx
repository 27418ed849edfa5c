// @vitest-environment jsdom
/**
 * Step 3, Tạo bảng xếp hạng: the progress by stage, then the summary, on the real engine's result for the
 * seed cluster (hand-worked figures in tests/fixtures/cum1.ts, CUM1_EXPECTED).
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runCluster } from '../../src/engine';
import { cum1Cluster, cum1Submissions } from '../fixtures/cum1';
import { cum1Result, FakeSource, renderApp, Stepper } from './helpers';

async function openGenerate() {
  fireEvent.click(screen.getByRole('tab', { name: /Tạo bảng xếp hạng/ }));
  return screen.findByRole('heading', { name: 'Tạo bảng xếp hạng', level: 2 });
}

function itemsOf(region: string): string[] {
  return within(screen.getByRole('region', { name: region }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

function stageStates(): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const li of screen.getByRole('list', { name: 'Các giai đoạn' }).querySelectorAll('li')) out[li.textContent!.split(' (')[0]!] = li.getAttribute('data-state');
  return out;
}

describe('Tạo bảng xếp hạng', () => {
  it('moves the progress bar stage by stage: đọc, kiểm tra, tính điểm, ghi', async () => {
    const stepper = new Stepper();
    const source = new FakeSource({ kind: 'excel', stepper });
    renderApp(source);
    await openGenerate();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo bảng xếp hạng' }));

    // Each stage fills half a step of four when it starts: (i + 0.5) / 4.
    const expected = [
      ['Đang đọc…', '0.125', { Đọc: 'current', 'Kiểm tra': 'pending', 'Tính điểm': 'pending', Ghi: 'pending' }],
      ['Đang kiểm tra…', '0.375', { Đọc: 'done', 'Kiểm tra': 'current', 'Tính điểm': 'pending', Ghi: 'pending' }],
      ['Đang tính điểm…', '0.625', { Đọc: 'done', 'Kiểm tra': 'done', 'Tính điểm': 'current', Ghi: 'pending' }],
      ['Đang ghi…', '0.875', { Đọc: 'done', 'Kiểm tra': 'done', 'Tính điểm': 'done', Ghi: 'current' }],
    ] as const;
    for (const [status, value, states] of expected) {
      await act(() => stepper.atStage());
      expect(screen.getByRole('status').textContent).toBe(status);
      expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(value);
      expect(stageStates()).toEqual(states);
      expect((screen.getByRole('button', { name: 'Đang tạo…' }) as HTMLButtonElement).disabled).toBe(true);
      act(() => stepper.release());
    }
    await screen.findByText('Đã xong.');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    expect(stageStates()).toEqual({ Đọc: 'done', 'Kiểm tra': 'done', 'Tính điểm': 'done', Ghi: 'done' });
    expect(source.stages).toEqual(['read', 'check', 'compute', 'write']);
  });

  it('sums up leaders, votes, ties, awards and that nothing blocks', async () => {
    renderApp(new FakeSource({ kind: 'excel' }));
    await openGenerate();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo bảng xếp hạng' }));
    await screen.findByText('Đã ghi các sheet: Xếp hạng, Kiểm tra, Chi tiết.');

    expect(screen.getByText('Đã xếp hạng 6/6 đơn vị.')).toBeTruthy();
    // HK: 32.5 + 35.5 + 25 + 3 = 96, shown with two decimals and the decimal comma.
    expect(itemsOf('Dẫn đầu')).toEqual(['LĐLĐ quận Hoàn Kiếm (96,00 điểm)']);
    // More than 50% of all 6 members: 4 needed; DD's 3 is not enough; HM had 3 of 6 taking part (quorum 4).
    expect(itemsOf('Biểu quyết')).toEqual([
      'LĐLĐ quận Hoàn Kiếm: Thông qua (5/6 tán thành)',
      'LĐLĐ quận Ba Đình: Thông qua (6/6 tán thành)',
      'LĐLĐ quận Đống Đa: Không thông qua (3/6 tán thành)',
      'LĐLĐ quận Long Biên: Thông qua (4/6 tán thành)',
      'LĐLĐ quận Hai Bà Trưng: Thông qua (4/6 tán thành)',
      'LĐLĐ quận Hoàng Mai: Không đủ số thành viên tham gia (2/6 tán thành)',
    ]);
    // LB 29 + 32.5 + 21.3 + 2.8 = 85.6 and HBT 30 + 33.5 + 21.1 + 3 - 2 = 85.6: rank 4 shared, no tie-break set.
    expect(itemsOf('Đồng hạng chưa phân định')).toEqual(['Hạng 4: LĐLĐ quận Long Biên, LĐLĐ quận Hai Bà Trưng (85,60 điểm)']);
    // HK is vetoed out of the flag, so Ba Đình takes it; Đống Đa's Bằng khen was voted down.
    expect(itemsOf('Đề nghị khen thưởng')).toEqual([
      'Bằng khen: LĐLĐ quận Hoàn Kiếm (đã được biểu quyết thông qua)',
      'Cờ thi đua: LĐLĐ quận Ba Đình (đã được biểu quyết thông qua)',
      'Bằng khen: LĐLĐ quận Đống Đa (đề nghị, chưa được thông qua)',
    ]);
    expect(within(screen.getByRole('region', { name: 'Điều cần xử lý' })).getByText('Không có lỗi nào chặn kết quả.')).toBeTruthy();
    // Inside Excel the sheets are in the workbook: no download, no table on the pane.
    expect(screen.queryByRole('button', { name: 'Tải xuống' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says what blocks and links back to the findings', async () => {
    // Hoàng Mai leaves I.1 blank (sheet row 7, column F): an error that keeps Hoàng Mai unranked.
    const subs = cum1Submissions();
    subs[5]!.sheets[0]!.values[6]![5] = null;
    const result = runCluster({ cluster: cum1Cluster(), submissions: subs, lang: 'vi' });
    renderApp(new FakeSource({ kind: 'excel', result }));
    await openGenerate();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo bảng xếp hạng' }));
    const blocks = await screen.findByRole('region', { name: 'Điều cần xử lý' });
    expect(blocks.textContent).toContain('1 lỗi chặn kết quả.');
    expect(blocks.textContent).toContain('1 đơn vị chưa được xếp hạng.');
    expect(screen.getByText('Đã xếp hạng 5/6 đơn vị.')).toBeTruthy();

    fireEvent.click(within(blocks).getByRole('button', { name: 'Xem ở bước Kiểm tra' }));
    expect(screen.getByRole('tab', { name: /Kiểm tra/ }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { name: 'Kiểm tra sổ làm việc và bài nộp' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Phát hiện trong HoangMai.xlsx' })).toBeTruthy();
  });

  it('standalone, offers the workbook for download and shows the ranking table', async () => {
    const source = new FakeSource({ kind: 'file' });
    renderApp(source);
    await openGenerate();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo bảng xếp hạng' }));
    const download = await screen.findByRole('button', { name: 'Tải xuống' });
    expect(screen.getByText('Tải xuống Cum1_LDLD_HaNoi_2024.xlsx: tệp cụm kèm các sheet vừa tạo.')).toBeTruthy();
    fireEvent.click(download);
    expect(source.saved.map((f) => f.fileName)).toEqual(['Cum1_LDLD_HaNoi_2024.xlsx']);

    const rows = within(screen.getByRole('table', { name: 'Bảng xếp hạng' }))
      .getAllByRole('row')
      .map((r) => within(r).queryAllByRole('cell').map((c) => c.textContent));
    expect(rows.slice(1)).toEqual([
      ['1', 'LĐLĐ quận Hoàn Kiếm', '96,00', 'Tốt', 'Thông qua (5/6)', 'Bằng khen'],
      ['2', 'LĐLĐ quận Ba Đình', '94,50', 'Xuất sắc', 'Thông qua (6/6)', 'Cờ thi đua'],
      ['3', 'LĐLĐ quận Đống Đa', '89,30', 'Tốt', 'Không thông qua (3/6)', 'Bằng khen (đề nghị, chưa được thông qua)'],
      ['4 (đồng hạng)', 'LĐLĐ quận Long Biên', '85,60', 'Tốt', 'Thông qua (4/6)', ''],
      ['4 (đồng hạng)', 'LĐLĐ quận Hai Bà Trưng', '85,60', 'Tốt', 'Thông qua (4/6)', ''],
      ['6', 'LĐLĐ quận Hoàng Mai', '76,00', 'Khá', 'Không đủ số thành viên tham gia (2/6)', ''],
    ]);
    // The ranking comes before the summary, so a desktop screen shows it without scrolling.
    const table = screen.getByRole('table', { name: 'Bảng xếp hạng' });
    const summary = screen.getByRole('heading', { name: 'Kết quả', level: 3 });
    expect(table.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // A tie is a badge on screen, its parentheses for screen readers only; the columns are named.
    expect(within(table).getAllByText('đồng hạng')).toHaveLength(2);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Hạng', 'Đơn vị', 'Tổng điểm', 'Xếp loại', 'Biểu quyết', 'Khen thưởng']);
  });

  it('reports a run that fails, and the bar stops where it failed', async () => {
    // The fake fails in the compute stage, after read and check.
    renderApp(new FakeSource({ kind: 'excel', result: cum1Result(), failRun: 'GeneralException: the workbook is read-only' }));
    await openGenerate();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo bảng xếp hạng' }));
    expect(await screen.findByText('Không tạo được bảng xếp hạng: GeneralException: the workbook is read-only')).toBeTruthy();
    expect(stageStates()).toEqual({ Đọc: 'done', 'Kiểm tra': 'done', 'Tính điểm': 'pending', Ghi: 'pending' });
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.625');
    expect(screen.queryByRole('region', { name: 'Dẫn đầu' })).toBeNull();
    // The button is back: the secretary can fix the workbook and run again.
    expect((screen.getByRole('button', { name: 'Tạo bảng xếp hạng' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
