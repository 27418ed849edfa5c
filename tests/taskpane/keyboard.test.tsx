// @vitest-environment jsdom
/** The three steps by keyboard alone: arrows move between steps and open them, Home/End jump, focus follows. */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stepAfterKey } from '../../src/faces/taskpane/components/StepTabs';
import { FakeSource, renderApp, tabLabel } from './helpers';

function selectedTab(): string {
  return screen
    .getAllByRole('tab')
    .filter((t) => t.getAttribute('aria-selected') === 'true')
    .map(tabLabel)
    .join('|');
}

function press(key: string) {
  fireEvent.keyDown(document.activeElement!, { key });
}

describe('keyboard', () => {
  it('moves between the steps with the arrow keys, Home and End', async () => {
    renderApp(new FakeSource({ kind: 'excel' }));
    const first = screen.getByRole('tab', { name: /Kiểm tra/ });
    first.focus();
    expect(selectedTab()).toBe('1. Kiểm tra');

    press('ArrowRight');
    expect(selectedTab()).toBe('2. Nạp bài nộp');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Nạp bài nộp/ }));
    expect(await screen.findByRole('heading', { name: 'Nạp bài nộp của các đơn vị' })).toBeTruthy();
    // The panel belongs to the tab that is open.
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(document.activeElement!.id);

    press('ArrowRight');
    expect(selectedTab()).toBe('3. Tạo bảng xếp hạng');
    expect(screen.getByRole('heading', { name: 'Tạo bảng xếp hạng', level: 2 })).toBeTruthy();

    // Past the last step the arrow wraps to the first, as Fluent's own tab navigation does.
    press('ArrowRight');
    expect(selectedTab()).toBe('1. Kiểm tra');
    press('ArrowLeft');
    expect(selectedTab()).toBe('3. Tạo bảng xếp hạng');
    press('Home');
    expect(selectedTab()).toBe('1. Kiểm tra');
    expect(document.activeElement).toBe(first);
    press('End');
    expect(selectedTab()).toBe('3. Tạo bảng xếp hạng');

    // A key that is not for moving leaves the step alone.
    press('a');
    expect(selectedTab()).toBe('3. Tạo bảng xếp hạng');
  });

  it('opens a step when the focus reaches its tab, as Fluent moves it with the arrows in a browser', () => {
    renderApp(new FakeSource({ kind: 'excel' }));
    const importTab = screen.getByRole('tab', { name: /Nạp bài nộp/ });
    expect(selectedTab()).toBe('1. Kiểm tra');
    // Fluent's arrow navigation only moves the focus; the tab list must open the step it lands on.
    fireEvent.focus(importTab);
    expect(selectedTab()).toBe('2. Nạp bài nộp');
    expect(screen.getByRole('heading', { name: 'Nạp bài nộp của các đơn vị', level: 2 })).toBeTruthy();
  });

  it('knows where each key lands', () => {
    expect(stepAfterKey('check', 'ArrowRight')).toBe('import');
    expect(stepAfterKey('check', 'ArrowDown')).toBe('import');
    expect(stepAfterKey('check', 'ArrowLeft')).toBe('generate');
    expect(stepAfterKey('import', 'ArrowUp')).toBe('check');
    expect(stepAfterKey('import', 'End')).toBe('generate');
    expect(stepAfterKey('generate', 'Home')).toBe('check');
    expect(stepAfterKey('generate', 'Enter')).toBeNull();
  });
});
