import { describe, expect, it } from 'vitest';
import { cleanText, foldKey, matchesAlias } from '../../src/engine/text';

describe('foldKey: headers and names match whatever their case, accents and spacing', () => {
  it('folds "Điểm tối đa", "DIEM TOI DA" and " điểm  tối đa " to one key', () => {
    const key = foldKey('Điểm tối đa');
    expect(key).toBe('diemtoida');
    expect(foldKey('DIEM TOI DA')).toBe(key);
    expect(foldKey(' điểm  tối đa ')).toBe(key);
    expect(foldKey('ĐIỂM TỐI ĐA')).toBe(key);
    expect(foldKey('Điểm\u00a0tối\u00a0đa')).toBe(key);
  });

  it('matches a name typed on a Mac (NFD) with the same name in NFC', () => {
    const nfd = 'Hoàn Kiếm'.normalize('NFD');
    expect(nfd).not.toBe('Hoàn Kiếm');
    expect(foldKey(nfd)).toBe(foldKey('Hoàn Kiếm'));
    expect(foldKey(nfd)).toBe('hoankiem');
    expect(cleanText(nfd)).toBe('Hoàn Kiếm');
  });

  it('matches "Mã đơn vị" and "Ma don vi", but not a different header', () => {
    expect(foldKey('Mã đơn vị')).toBe(foldKey('Ma don vi'));
    expect(foldKey('Mã đơn vị')).toBe('madonvi');
    expect(foldKey('Mã đơn vị')).not.toBe(foldKey('Tên đơn vị'));
    expect(matchesAlias('MÃ ĐƠN VỊ', ['Mã đơn vị', 'Unit code'])).toBe(true);
    expect(matchesAlias('unit-code', ['Mã đơn vị', 'Unit code'])).toBe(true);
    expect(matchesAlias('Tên đơn vị', ['Mã đơn vị', 'Unit code'])).toBe(false);
    expect(matchesAlias('   ', ['', 'Unit code'])).toBe(false);
  });

  it('folds the ơ/ư horns and every tone away, and Đ stand-ins to d', () => {
    expect(foldKey('Thưởng')).toBe('thuong');
    expect(foldKey('Tự chấm')).toBe('tucham');
    expect(foldKey('Hệ số')).toBe('heso');
    // Ð (U+00D0, Latin eth) is what some old keyboards type for Đ.
    expect(foldKey('\u00d0iểm')).toBe('diem');
  });

  it('drops punctuation and invisible characters from keys', () => {
    expect(foldKey('Điểm TĐ (điểm)')).toBe('diemtddiem');
    expect(foldKey('Tự\u200bchấm')).toBe('tucham');
    expect(foldKey('No.')).toBe('no');
    expect(foldKey('__proto__')).toBe('proto');
  });
});

describe('cleanText: what a person means by the text', () => {
  it('makes non-breaking and other wide spaces plain, collapses and trims them', () => {
    expect(cleanText('\u00a0Liên\u00a0đoàn  Lao\tđộng\u00a0')).toBe('Liên đoàn Lao động');
    expect(cleanText('Hà\u2003Nội\u3000')).toBe('Hà Nội');
    expect(cleanText('Cụm\u202fthi đua\r\nsố 1')).toBe('Cụm thi đua số 1');
  });

  it('removes zero-width spaces and byte-order marks, which show nothing', () => {
    expect(cleanText('\ufeffTự chấm\u200b')).toBe('Tự chấm');
    expect(cleanText('Hoàn\u200b Kiếm')).toBe('Hoàn Kiếm');
    expect(cleanText('Hoàn\u200bKiếm')).toBe('HoànKiếm');
  });

  it('returns NFC, so equal names compare equal as strings', () => {
    const nfd = 'Nguyễn Thị Thuỷ'.normalize('NFD');
    expect(cleanText(nfd)).toBe('Nguyễn Thị Thuỷ');
    expect(cleanText(nfd).length).toBe('Nguyễn Thị Thuỷ'.length);
  });

  it('keeps a blank a blank', () => {
    expect(cleanText(' \u00a0\u200b ')).toBe('');
  });
});
