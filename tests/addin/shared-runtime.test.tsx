// @vitest-environment jsdom
/**
 * taskpane.html as the shared runtime's one page: its entry (src/faces/taskpane/index.tsx) loaded with the
 * strict Excel fake as Office, as Excel loads it. The page registers the ribbon function at load (the very
 * function commands.html registers), boots the pane, and a ribbon click then reaches the pane through the
 * one JavaScript context they share.
 */
import { tabLabel } from '../taskpane/helpers';
import { act, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { onGenerateRanking } from '../../src/faces/commands/register';
import { cum1WorkbookWithPastedSubmissions } from '../hosts/office/seed';

const fake = cum1WorkbookWithPastedSubmissions({ sharedRuntime: true });
let restore: () => void = () => {};

beforeAll(async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  restore = fake.install();
  const container = document.createElement('div');
  container.id = 'container';
  document.body.appendChild(container);
  await act(async () => {
    await import('../../src/faces/taskpane/index');
  });
});

afterAll(async () => {
  // The page's React root is never unmounted (as in Excel): let its last check settle and take it out of
  // the document, so nothing is left reacting once the test environment is gone.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 50));
  });
  document.getElementById('container')?.remove();
  restore();
  vi.restoreAllMocks();
});

function selectedTab(): string {
  return tabLabel(screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')!);
}

describe('taskpane.html under the shared runtime', () => {
  it('registers the ribbon function at load: the same function commands.html registers', () => {
    expect([...fake.actions.keys()]).toEqual(['generateRanking']);
    expect(fake.actions.get('generateRanking')).toBe(onGenerateRanking);
  });

  it('boots the pane on the open workbook', async () => {
    expect(await screen.findByRole('heading', { level: 1, name: 'ThiDua' })).toBeTruthy();
    // The seed cluster with its members' sheets pasted in: five warnings, all in this workbook.
    expect(await screen.findAllByText('0 lỗi · 5 cảnh báo · 0 thông tin')).toHaveLength(2);
  });

  it('a blocked ribbon click opens the pane once, on Kiểm tra with the error, and completes once', async () => {
    act(() => screen.getByRole('tab', { name: /Nạp bài nộp/ }).click());
    expect(selectedTab()).toBe('2. Nạp bài nộp');
    // HM's pasted sheet, I.1 (row 7, Tự chấm column F): 12 of 10.
    fake.sheet('Tự chấm HM').cells[6]![5]!.value = 12;

    const completed = vi.fn();
    await act(async () => {
      await fake.actions.get('generateRanking')!({ completed, source: { id: 'ThiDua.GenerateRanking' } });
    });

    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.taskpaneShown).toBe(1);
    expect(selectedTab()).toBe('1. Kiểm tra');
    const banner = screen.getByRole('group', { name: 'Lần chạy gần nhất từ nút trên thanh công cụ' });
    expect(within(banner).getByText(/^Đã xếp hạng 5\/6 đơn vị; .* 1 lỗi, 5 cảnh báo\. Có lỗi chặn kết quả: xem sheet Kiểm tra\.$/)).toBeTruthy();
    expect(await screen.findAllByText('1 lỗi · 5 cảnh báo · 0 thông tin')).toHaveLength(2);
    expect(screen.getByText('Tiêu chí I.1: điểm 12 nằm ngoài khoảng 0 đến 10.')).toBeTruthy();
  });
});
