// @vitest-environment jsdom
/**
 * Step 2, Nạp bài nộp: real .xlsx bytes (built with exceljs here, and a committed sample) read by the file
 * host in the page, a status per file, removal, and nothing sent over the network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExcelJS } from '../../src/hosts/xlsx/exceljs';
import { FakeSource, renderApp } from './helpers';

const SAMPLE_BA_DINH = join(__dirname, '../../examples/cum-thi-dua-so-1/bai-nop/BaDinh.xlsx');

async function twoSheetWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('Tự chấm');
  a.addRow(['Đơn vị: LĐLĐ quận Tây Hồ']);
  a.addRow(['Mã', 'Nội dung', 'Điểm tối đa', 'Tự chấm']);
  a.addRow(['I', 'Công tác tổ chức', 35, null]);
  a.addRow([1, 'Phát triển đoàn viên', 10, 9.5]);
  wb.addWorksheet('Ghi chú').addRow(['Minh chứng kèm theo']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function file(bytes: Uint8Array, name: string): File {
  return new File([new Uint8Array(bytes)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

function item(name: string): HTMLElement {
  return screen.getByText(name).closest('li')!;
}

async function openImport() {
  fireEvent.click(screen.getByRole('tab', { name: /Nạp bài nộp/ }));
  return screen.findByRole('heading', { name: 'Nạp bài nộp của các đơn vị' });
}

afterEach(() => vi.restoreAllMocks());

describe('Nạp bài nộp', () => {
  it('reads each picked file in the page and shows its status', async () => {
    const fetchSpy = typeof fetch === 'function' ? vi.spyOn(globalThis, 'fetch') : null;
    const source = new FakeSource({ kind: 'excel' });
    renderApp(source);
    await openImport();
    expect(screen.getByText('Chưa có bài nộp nào.')).toBeTruthy();
    expect(screen.getByText('Tệp được đọc ngay trong Excel trên máy này; không tệp nào được tải lên đâu cả.')).toBeTruthy();

    const good = file(await twoSheetWorkbook(), 'TayHo.xlsx');
    const bad = file(new TextEncoder().encode('Đây không phải bảng tính'), 'GhiChu.xlsx');
    fireEvent.change(screen.getByLabelText('Chọn tệp bài nộp (.xlsx)'), { target: { files: [good, bad] } });

    await waitFor(() => expect(within(item('TayHo.xlsx')).getByText('đã đọc')).toBeTruthy());
    expect(within(item('TayHo.xlsx')).getByText('2 sheet')).toBeTruthy();
    await waitFor(() => expect(within(item('GhiChu.xlsx')).getByText('lỗi')).toBeTruthy());
    expect(within(item('GhiChu.xlsx')).getByText('Không đọc được tệp (không phải tệp Excel). Các tệp khác vẫn được xử lý.')).toBeTruthy();

    // Once both are read the pane checks again with them: the good one as a submission, the bad one as its finding.
    await waitFor(() => expect(source.checks.at(-1)?.submissions.map((w) => w.file)).toEqual(['TayHo.xlsx']));
    const last = source.checks.at(-1)!;
    expect(last.submissions[0]!.sheets.map((s) => s.name)).toEqual(['Tự chấm', 'Ghi chú']);
    expect(last.hostFindings.map((f) => [f.code, f.place.file])).toEqual([['FILE_UNREADABLE', 'GhiChu.xlsx']]);
    if (fetchSpy) expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('removes a file, and the next check goes without it', async () => {
    const source = new FakeSource({ kind: 'excel' });
    renderApp(source);
    await openImport();
    const bad = file(new Uint8Array([1, 2, 3, 4]), 'Hong.xlsx');
    fireEvent.change(screen.getByLabelText('Chọn tệp bài nộp (.xlsx)'), { target: { files: [bad] } });
    await waitFor(() => expect(source.checks.at(-1)?.hostFindings).toHaveLength(1));
    const checksBefore = source.checks.length;

    fireEvent.click(screen.getByRole('button', { name: 'Gỡ Hong.xlsx' }));
    expect(screen.queryByText('Hong.xlsx')).toBeNull();
    expect(screen.getByText('Chưa có bài nộp nào.')).toBeTruthy();
    await waitFor(() => expect(source.checks.length).toBe(checksBefore + 1));
    expect(source.checks.at(-1)!.hostFindings).toEqual([]);
    expect(source.checks.at(-1)!.submissions).toEqual([]);
  });

  it('takes dropped files, and a file of the same name replaces the earlier one', async () => {
    const source = new FakeSource({ kind: 'file' });
    renderApp(source);
    await openImport();
    expect(screen.getByText('Mọi thứ được xử lý ngay trong trình duyệt: không tệp nào rời khỏi máy tính của bạn.')).toBeTruthy();
    const zone = screen.getByTestId('drop-zone');
    const sample = new Uint8Array(readFileSync(SAMPLE_BA_DINH));

    fireEvent.drop(zone, { dataTransfer: { files: [file(new Uint8Array([0]), 'BaDinh.xlsx')] } });
    await waitFor(() => expect(within(item('BaDinh.xlsx')).getByText('lỗi')).toBeTruthy());
    // The member sends a corrected copy under the same name: one line, now read.
    fireEvent.drop(zone, { dataTransfer: { files: [file(sample, 'BaDinh.xlsx')] } });
    await waitFor(() => expect(within(item('BaDinh.xlsx')).getByText('đã đọc')).toBeTruthy());
    expect(screen.getAllByText('BaDinh.xlsx')).toHaveLength(1);
    await waitFor(() => expect(source.checks.at(-1)?.submissions.map((w) => w.file)).toEqual(['BaDinh.xlsx']));
    expect(source.checks.at(-1)!.hostFindings).toEqual([]);
  });
});
