// @vitest-environment jsdom
/** Vietnamese by default, English when Office or the browser says so, and a switch on the page. */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../src/engine';
import { detectHost } from '../../src/faces/taskpane/host';
import { chooseLanguage, formatPoints, STRINGS } from '../../src/faces/taskpane/i18n';
import { rememberedLanguage } from '../../src/faces/taskpane/services/preferences';
import { isDarkColor, officeScheme } from '../../src/faces/taskpane/theme';
import { FakeSource, renderApp, tabLabel } from './helpers';

function tabNames(): string[] {
  return screen.getAllByRole('tab').map(tabLabel);
}

describe('language', () => {
  it('speaks Vietnamese by default', async () => {
    renderApp(new FakeSource({ kind: 'excel' }));
    expect(tabNames()).toEqual(['1. Kiểm tra', '2. Nạp bài nộp', '3. Tạo bảng xếp hạng']);
    expect(await screen.findByText('0 lỗi · 5 cảnh báo · 0 thông tin')).toBeTruthy();
    expect(document.documentElement.lang).toBe('vi-VN');
  });

  it('switches to English on the page, findings included', async () => {
    renderApp(new FakeSource({ kind: 'file' }));
    await screen.findByText('0 lỗi · 5 cảnh báo · 0 thông tin');
    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } });
    expect(tabNames()).toEqual(['1. Check', '2. Import submissions', '3. Generate ranking']);
    expect(screen.getByText('0 errors · 5 warnings · 0 info')).toBeTruthy();
    expect(screen.getByText('Everything stays in your browser: no file leaves your computer.')).toBeTruthy();
    expect(screen.getAllByRole('img', { name: 'Warning' })).toHaveLength(5);
    expect(document.documentElement.lang).toBe('en-US');
    // The finding messages come from the engine's catalogue in the new language: none stays Vietnamese.
    const messages = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(messages.some((m) => /[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(m))).toBe(false);

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'vi' } });
    expect(tabNames()[0]).toBe('1. Kiểm tra');
  });

  it('remembers the choice for the next visit, where it wins over the browser', async () => {
    localStorage.clear();
    renderApp(new FakeSource({ kind: 'file' }));
    await screen.findByText('0 lỗi · 5 cảnh báo · 0 thông tin');
    expect(rememberedLanguage()).toBeNull();
    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } });
    expect(rememberedLanguage()).toBe('en');
    // The next visit: a Vietnamese browser, the remembered English choice.
    expect(chooseLanguage('standalone', { browserLanguages: ['vi-VN'], requested: rememberedLanguage() })).toBe('en');
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'vi' } });
    expect(rememberedLanguage()).toBe('vi');
    localStorage.clear();
  });

  it('opens in English when told so', () => {
    renderApp(new FakeSource({ kind: 'excel' }), { lang: 'en' });
    expect(tabNames()).toEqual(['1. Check', '2. Import submissions', '3. Generate ranking']);
  });

  it('chooses the language from Office inside Excel and from the browser outside', () => {
    expect(chooseLanguage('excel', { officeDisplayLanguage: 'en-US' })).toBe('en');
    expect(chooseLanguage('excel', { officeDisplayLanguage: 'EN-GB' })).toBe('en');
    expect(chooseLanguage('excel', { officeDisplayLanguage: 'vi-VN' })).toBe('vi');
    expect(chooseLanguage('excel', { officeDisplayLanguage: 'fr-FR' })).toBe('vi');
    // Inside Excel the browser's language does not count: Office's does.
    expect(chooseLanguage('excel', { officeDisplayLanguage: 'vi-VN', browserLanguages: ['en-US'] })).toBe('vi');
    expect(chooseLanguage('standalone', { browserLanguages: ['en-GB', 'vi'] })).toBe('en');
    expect(chooseLanguage('standalone', { browserLanguages: ['vi-VN', 'en-US'] })).toBe('vi');
    expect(chooseLanguage('standalone', { browserLanguages: [] })).toBe('vi');
    // The page's ?lang= wins; anything else it says is ignored.
    expect(chooseLanguage('standalone', { browserLanguages: ['en-US'], requested: 'vi' })).toBe('vi');
    expect(chooseLanguage('standalone', { browserLanguages: ['vi'], requested: 'de' })).toBe('vi');
  });

  it('writes points with the decimal comma in Vietnamese', () => {
    // 85.6 at 2 decimals: 85.60; Vietnamese writes 85,60.
    expect(formatPoints(Exact.parseDecimal('85.6')!, 2, 'vi')).toBe('85,60');
    expect(formatPoints(Exact.parseDecimal('85.6')!, 2, 'en')).toBe('85.60');
    // 1/3 rounded for display only: 0.33.
    expect(formatPoints(Exact.of(1n, 3n), 2, 'en')).toBe('0.33');
  });

  it('has every string in both languages', () => {
    const shape = (o: unknown): unknown =>
      typeof o === 'object' && o !== null ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, shape(v)])) : typeof o;
    expect(shape(STRINGS.en)).toEqual(shape(STRINGS.vi));
  });
});

describe('host and theme', () => {
  const office = { HostType: { Excel: 'Excel', Word: 'Word' } } as unknown as typeof Office;

  it('is Excel only when Office reports the Excel host', () => {
    expect(detectHost({ host: 'Excel' }, office)).toBe('excel');
    expect(detectHost({ host: 'Word' }, office)).toBe('standalone');
    // office.js loaded in a plain browser reports no host.
    expect(detectHost({ host: null }, office)).toBe('standalone');
    expect(detectHost(null, office)).toBe('standalone');
    expect(detectHost({ host: 'Excel' }, undefined)).toBe('standalone');
  });

  it('follows a dark Office theme', () => {
    expect(isDarkColor('#262626')).toBe(true);
    expect(isDarkColor('#FFFFFF')).toBe(false);
    expect(isDarkColor('#e6e6e6')).toBe(false);
    expect(isDarkColor('not a colour')).toBeNull();
    const themed = (bodyBackgroundColor: string) => ({ context: { officeTheme: { bodyBackgroundColor } } }) as unknown as typeof Office;
    expect(officeScheme(themed('#1f1f1f'))).toBe('dark');
    expect(officeScheme(themed('#ffffff'))).toBe('light');
    // No theme to read (Excel on the web): the system decides.
    expect(officeScheme({ context: {} } as unknown as typeof Office)).toBeNull();
  });
});
