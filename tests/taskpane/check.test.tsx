// @vitest-environment jsdom
/**
 * Step 1, Kiểm tra, over a fake source and the real engine's findings on the seed cluster: five
 * warnings (tests/fixtures/cum1.ts, CUM1_EXPECTED_FINDINGS), three in the cluster workbook, two in Hoàn
 * Kiếm's submission.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runCluster } from '../../src/engine';
import { cum1Cluster, cum1Submissions } from '../fixtures/cum1';
import { FakeSource, renderApp } from './helpers';

function groupHeadings(): string[] {
  return screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent ?? '');
}

describe('Kiểm tra', () => {
  it('groups the findings by file and sheet, with counts and severity icons', async () => {
    renderApp(new FakeSource({ kind: 'excel' }));
    // 0 errors, 5 warnings (VOTE_NO_QUORUM, RUBRIC_PARENT_MAX_MISMATCH, RANK_TIE_UNRESOLVED, 2 x SUBTOTAL_MISMATCH).
    expect(await screen.findByText('0 lỗi · 5 cảnh báo · 0 thông tin')).toBeTruthy();
    expect(groupHeadings()).toEqual(['Cum1_LDLD_HaNoi_2024.xlsx', 'HoanKiem_TuCham_2024.xlsx']);

    const cluster = screen.getByRole('region', { name: 'Phát hiện trong Cum1_LDLD_HaNoi_2024.xlsx' });
    expect(within(cluster).getByText('0 lỗi · 3 cảnh báo · 0 thông tin')).toBeTruthy();
    // Sheets in the engine's order (by sheet name within the warnings): the vote, then the rubric.
    expect(within(cluster).getAllByRole('heading', { level: 4 }).map((h) => h.textContent).slice(0, 2)).toEqual(['Biểu quyết', 'Thang điểm']);
    expect(within(cluster).getAllByRole('img', { name: 'Cảnh báo' })).toHaveLength(3);

    const member = screen.getByRole('region', { name: 'Phát hiện trong HoanKiem_TuCham_2024.xlsx' });
    expect(within(member).getByText('0 lỗi · 2 cảnh báo · 0 thông tin')).toBeTruthy();
    expect(within(member).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Tự chấm']);
    expect(within(member).getByText('F17')).toBeTruthy();
    expect(within(member).getByText('F29')).toBeTruthy();

    expect(screen.getAllByRole('img', { name: 'Cảnh báo' })).toHaveLength(5);
    expect(screen.queryAllByRole('img', { name: 'Lỗi' })).toHaveLength(0);
  });

  it('selects the cell of a finding in the open workbook when clicked', async () => {
    const source = new FakeSource({ kind: 'excel' });
    renderApp(source);
    const cluster = await screen.findByRole('region', { name: 'Phát hiện trong Cum1_LDLD_HaNoi_2024.xlsx' });
    // The quorum warning sits on row 9 of Biểu quyết (HM's vote row).
    const a9 = within(cluster).getByText('A9').closest('button');
    expect(a9).not.toBeNull();
    expect(a9!.title).toBe('Chọn ô A9 của sheet Biểu quyết trong Excel');
    fireEvent.click(a9!);
    fireEvent.click(within(cluster).getByText('C16').closest('button')!);
    expect(source.selected).toEqual([
      ['Biểu quyết', 'A9'],
      ['Thang điểm', 'C16'],
    ]);
  });

  it('shows the address, without a button, where the cell is not in the open workbook', async () => {
    const source = new FakeSource({ kind: 'excel' });
    renderApp(source);
    const member = await screen.findByRole('region', { name: 'Phát hiện trong HoanKiem_TuCham_2024.xlsx' });
    // An imported file is not open in Excel: nothing to select, the address says where.
    expect(within(member).getByText('F17').closest('button')).toBeNull();
    expect(within(member).queryAllByRole('button')).toHaveLength(0);
  });

  it('standalone, shows every finding with its address and selects nothing', async () => {
    const source = new FakeSource({ kind: 'file' });
    renderApp(source);
    await screen.findByText('0 lỗi · 5 cảnh báo · 0 thông tin');
    for (const cell of ['A9', 'C16', 'F17', 'F29']) expect(screen.getByText(cell).closest('button')).toBeNull();
    fireEvent.click(screen.getByText('A9'));
    expect(source.selected).toEqual([]);
  });

  it('puts the file with an error first and marks the error', async () => {
    // Hoàng Mai leaves I.1 blank: rubric row 1 sits on sheet row 7, Tự chấm is column F. Blank is not zero.
    const subs = cum1Submissions();
    subs[5]!.sheets[0]!.values[6]![5] = null;
    const result = runCluster({ cluster: cum1Cluster(), submissions: subs, lang: 'vi' });
    renderApp(new FakeSource({ kind: 'excel', result }));
    const hm = await screen.findByRole('region', { name: 'Phát hiện trong HoangMai.xlsx' });
    expect(groupHeadings()[0]).toBe('HoangMai.xlsx');
    expect(within(hm).getByText(/^1 lỗi · /)).toBeTruthy();
    expect(within(hm).getByRole('img', { name: 'Lỗi' })).toBeTruthy();
    expect(within(hm).getByText('F7')).toBeTruthy();
  });

  it('says so when the check cannot run, and tries again only when asked', async () => {
    const source = new FakeSource({ kind: 'excel', fail: 'RichApi.Error: the workbook is busy' });
    renderApp(source);
    expect(await screen.findByText('Không kiểm tra được: RichApi.Error: the workbook is busy')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(source.checks).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await waitFor(() => expect(source.checks).toHaveLength(2));
  });
});
