import { describe, expect, it } from 'vitest';
import { legacyFinding, readText } from '../../src/engine/cells';
import { describe as describeFinding, message } from '../../src/engine/findings/catalogue';
import type { CellValue, GridSheet } from '../../src/engine/grid';
import { SheetView } from '../../src/engine/grid';

function view(values: CellValue[][], fonts?: (string | null)[][], origin?: string): SheetView {
  const sheet: GridSheet = { name: 'Tự chấm', values, ...(fonts ? { fonts } : {}), ...(origin ? { origin } : {}) };
  return new SheetView(sheet);
}

describe('readText', () => {
  it('reads blanks, numbers, booleans and Excel errors as text', () => {
    const v = view([[null, 9.5, 0.1, -2, true, false, { error: '#REF!' }, { error: '#DIV/0!' }]]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => readText(v, 0, c).text)).toEqual(['', '9.5', '0.1', '-2', 'TRUE', 'FALSE', '#REF!', '#DIV/0!']);
    expect(readText(v, 5, 5)).toEqual({ text: '' });
    expect(readText(v, 0, 1).legacy).toBeUndefined();
  });

  it('cleans strings: NFC, non-breaking and zero-width spaces, runs of spaces', () => {
    const v = view([['\u00a0 Hoàn\u00a0 Kiếm\u200b ', 'Hoàn Kiếm'.normalize('NFD'), '   ', 'Tự\tchấm\r\n(điểm)']]);
    expect(readText(v, 0, 0)).toEqual({ text: 'Hoàn Kiếm' });
    expect(readText(v, 0, 1)).toEqual({ text: 'Hoàn Kiếm' });
    expect(readText(v, 0, 2)).toEqual({ text: '' });
    expect(readText(v, 0, 3)).toEqual({ text: 'Tự chấm (điểm)' });
  });

  it('converts a cell typed in a TCVN3 font and keeps what was stored', () => {
    const v = view([['Liªn ®oµn Lao ®éng quËn Hoµn KiÕm', 'Tæng ®iÓm']], [['.VnTime', '.VnTime']]);
    expect(readText(v, 0, 0)).toEqual({
      text: 'Liên đoàn Lao động quận Hoàn Kiếm',
      legacy: { encoding: 'TCVN3', original: 'Liªn ®oµn Lao ®éng quËn Hoµn KiÕm' },
    });
    expect(readText(v, 0, 1).text).toBe('Tổng điểm');
  });

  it('keeps the TCVN3 ư (a soft hyphen) while cleaning spaces around it', () => {
    const v = view([['\u00a0Tr\u00adêng  ®¹i häc\u00a0']], [['.VnTime']]);
    expect(readText(v, 0, 0).text).toBe('Trường đại học');
  });

  it('reads capitals from a .VnTimeH cell', () => {
    const v = view([['LI£N §OµN LAO §éNG']], [['.VnTimeH']]);
    expect(readText(v, 0, 0).text).toBe('LIÊN ĐOÀN LAO ĐỘNG');
  });

  it('converts a cell typed in a VNI font', () => {
    const v = view([['Lieân ñoaøn Lao ñoäng']], [['VNI-Times']]);
    expect(readText(v, 0, 0)).toEqual({
      text: 'Liên đoàn Lao động',
      legacy: { encoding: 'VNI', original: 'Lieân ñoaøn Lao ñoäng' },
    });
  });

  it('recognises legacy text without a font from its characters', () => {
    const v = view([['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam']]);
    expect(readText(v, 0, 0).text).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(readText(v, 0, 0).legacy?.encoding).toBe('TCVN3');
    expect(readText(v, 0, 1).text).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(readText(v, 0, 1).legacy?.encoding).toBe('VNI');
  });

  it('leaves Unicode alone even in a cell whose font is still .VnTime', () => {
    const v = view([['Liên đoàn Lao động', 'Tong diem', 'café']], [['.VnTime', '.VnTime', null]]);
    expect(readText(v, 0, 0)).toEqual({ text: 'Liên đoàn Lao động' });
    expect(readText(v, 0, 1)).toEqual({ text: 'Tong diem' });
    expect(readText(v, 0, 2)).toEqual({ text: 'café' });
  });

  it('returns formulas and hostile names as plain text, unchanged', () => {
    const hostile = ['=HYPERLINK("http://evil","x")', '@SUM(A1)', '__proto__', '+1+1', 'II.1.a'];
    const v = view([hostile]);
    hostile.forEach((s, c) => expect(readText(v, 0, c)).toEqual({ text: s }));
  });
});

describe('legacyFinding', () => {
  it('warns where the converted cell is, naming the encoding, the original and the conversion', () => {
    // The grid starts at B3, so grid cell (1, 2) is sheet cell D4.
    const v = view([[null], [null, null, 'Hµ Néi']], [[null], [null, null, '.VnTime']], 'B3');
    const read = readText(v, 1, 2);
    const f = legacyFinding(read, { file: 'HoanKiem.xlsx', sheet: 'Tự chấm', cell: v.address(1, 2) });
    expect(f).not.toBeNull();
    expect(f).toMatchObject({
      code: 'LEGACY_ENCODING_CONVERTED',
      severity: 'warning',
      place: { file: 'HoanKiem.xlsx', sheet: 'Tự chấm', cell: 'D4' },
      params: { encoding: 'TCVN3', original: 'Hµ Néi', converted: 'Hà Nội' },
    });
    expect(message(f!, 'vi')).toBe('Chữ gõ bằng mã TCVN3 "Hµ Néi" đã được chuyển sang Unicode: "Hà Nội".');
    expect(message(f!, 'en')).toBe('Text typed in TCVN3 "Hµ Néi" was converted to Unicode: "Hà Nội".');
    expect(describeFinding(f!, 'en')).toBe('HoanKiem.xlsx › Tự chấm › D4: Text typed in TCVN3 "Hµ Néi" was converted to Unicode: "Hà Nội".');
  });

  it('says nothing for text that was not converted', () => {
    const v = view([['Hà Nội', 9]]);
    expect(legacyFinding(readText(v, 0, 0), { cell: 'A1' })).toBeNull();
    expect(legacyFinding(readText(v, 0, 1), { cell: 'B1' })).toBeNull();
  });
});
