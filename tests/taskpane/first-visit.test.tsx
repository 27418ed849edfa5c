// @vitest-environment jsdom
/**
 * The standalone page's first visit: the bundled sample cluster is fetched from the page's own origin,
 * ranked at once, and shown before the visitor brings any file (issue 5). Real FileSource and file host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FileSource } from '../../src/faces/taskpane/services/file-source';
import { fetchSample } from '../../src/faces/taskpane/services/sample';
import type { DownloadFile } from '../../src/faces/taskpane/services/source';
import { renderApp, tabLabel } from './helpers';

const ROOT = join(__dirname, '../..');
const fromRepository = async (url: string) => new Uint8Array(readFileSync(join(ROOT, decodeURIComponent(url))));

function selectedTab(): string {
  return tabLabel(screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')!);
}

describe('first visit to the standalone page', () => {
  it('shows the sample cluster ranked, and says nothing leaves the browser', async () => {
    const saved: DownloadFile[] = [];
    const source = new FileSource({ loadSample: () => fetchSample(fromRepository), save: (f) => saved.push(f), pause: async () => {} });
    renderApp(source, { loadSample: true });
    expect(screen.getByText('Mọi thứ được xử lý ngay trong trình duyệt: không tệp nào rời khỏi máy tính của bạn.')).toBeTruthy();

    const table = await screen.findByRole('table', { name: 'Bảng xếp hạng' }, { timeout: 10_000 });
    expect(selectedTab()).toBe('3. Tạo bảng xếp hạng');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell').slice(0, 3).map((c) => c.textContent));
    // examples/cum1-data.ts, worked by hand: 93.5, 92, 87.3, 82.6 = 82.6 (tie), Hoàng Mai unranked (12 of 10).
    expect(rows).toEqual([
      ['1', 'LĐLĐ quận Hoàn Kiếm', '93,50'],
      ['2', 'LĐLĐ quận Ba Đình', '92,00'],
      ['3', 'LĐLĐ quận Đống Đa', '87,30'],
      ['4 (đồng hạng)', 'LĐLĐ quận Long Biên', '82,60'],
      ['4 (đồng hạng)', 'LĐLĐ quận Hai Bà Trưng', '82,60'],
      ['Không xếp hạng', 'LĐLĐ quận Hoàng Mai', ''],
    ]);
    expect(screen.getByRole('button', { name: 'Tải xuống' })).toBeTruthy();
    expect(saved).toEqual([]);
    // Where the visitor lands, she is told it is the sample, with the way to open her own cluster.
    const notice = screen.getByText('Đang hiển thị cụm mẫu. Hãy mở tệp cụm của bạn để làm việc với dữ liệu thật.');
    expect(notice).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mở tệp cụm…' })).toBeTruthy();
    // The ranking follows the notice, and the privacy line is said once.
    expect(notice.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getAllByText(/không tệp nào rời khỏi máy tính/)).toHaveLength(1);

    // Step 2 lists the six sample submissions, each read.
    fireEvent.click(screen.getByRole('tab', { name: /Nạp bài nộp/ }));
    expect(screen.getAllByText(/không tệp nào rời khỏi máy tính/)).toHaveLength(1);
    const list = screen.getByRole('list', { name: 'Các tệp đã nạp' });
    expect(within(list).getAllByText('đã đọc')).toHaveLength(6);
    expect(within(list).getAllByText('· bài nộp mẫu')).toHaveLength(6);

    // Step 1 says it is the sample, and finds Hoàng Mai's 12 of 10.
    fireEvent.click(screen.getByRole('tab', { name: /Kiểm tra/ }));
    expect(screen.getByText('Tệp cụm: Cum1_LDLD_HaNoi_2024.xlsx')).toBeTruthy();
    expect(screen.getByText('mẫu')).toBeTruthy();
    expect(screen.getByText('Đang hiển thị cụm mẫu. Hãy mở tệp cụm của bạn để làm việc với dữ liệu thật.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Phát hiện trong HoangMai.xlsx' })).getAllByRole('img', { name: 'Lỗi' }).length).toBeGreaterThan(0);
  });

  it("opens the visitor's own cluster workbook in place of the sample", async () => {
    const source = new FileSource({ loadSample: () => fetchSample(fromRepository), pause: async () => {} });
    renderApp(source, { loadSample: true });
    await screen.findByRole('table', { name: 'Bảng xếp hạng' }, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('tab', { name: /Kiểm tra/ }));

    const own = readFileSync(join(ROOT, 'examples/cum-thi-dua-so-1/Cum1_LDLD_HaNoi_2024.xlsx'));
    const file = new File([new Uint8Array(own)], 'CumCuaToi.xlsx');
    fireEvent.change(screen.getByLabelText('Chọn tệp cụm (.xlsx)'), { target: { files: [file] } });
    expect(await screen.findByText('Tệp cụm: CumCuaToi.xlsx')).toBeTruthy();
    expect(screen.queryByText('Đang hiển thị cụm mẫu. Hãy mở tệp cụm của bạn để làm việc với dữ liệu thật.')).toBeNull();
    // The earlier ranking belonged to the sample: step 3 starts afresh.
    fireEvent.click(screen.getByRole('tab', { name: /Tạo bảng xếp hạng/ }));
    expect(screen.queryByRole('table')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Tạo bảng xếp hạng' })).toBeTruthy());
  });

  it('says so when the sample cannot be fetched, and asks for a cluster file', async () => {
    const source = new FileSource({
      loadSample: async () => {
        throw new Error('examples/cum-thi-dua-so-1/Cum1_LDLD_HaNoi_2024.xlsx: HTTP 404');
      },
    });
    renderApp(source, { loadSample: true });
    expect(await screen.findByText('Không nạp được cụm mẫu (examples/cum-thi-dua-so-1/Cum1_LDLD_HaNoi_2024.xlsx: HTTP 404). Hãy mở tệp cụm của bạn.')).toBeTruthy();
    expect(screen.getByText('Chưa mở tệp cụm. Hãy mở sổ làm việc của cụm (thang điểm, danh sách đơn vị).')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Kiểm tra' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
