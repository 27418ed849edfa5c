import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/engine/defaults';
import { Exact } from '../../src/engine/exact';
import type { Finding } from '../../src/engine/findings/catalogue';
import { message } from '../../src/engine/findings/catalogue';
import type { CellValue } from '../../src/engine/grid';
import { parseSettings, parseShare, SETTING_KEYS } from '../../src/engine/settings';
import { foldKey } from '../../src/engine/text';
import { err, nfd, sheet, workbook } from './helpers/grids';

function codes(findings: Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.place.cell}`);
}

/** A settings sheet with a title, a header and the given key / value rows from row 3. */
function parseRows(rows: CellValue[][]) {
  return parseSettings(workbook('c.xlsx', [sheet('Cấu hình', [['CẤU HÌNH CỤM'], ['Khóa', 'Giá trị', 'Ghi chú'], ...rows])]));
}

const share = (num: bigint, den: bigint) => Exact.of(num, den);

describe('parseSettings: every key with a good value', () => {
  const { settings, findings } = parseRows([
    ['Tên cụm', 'Cụm thi đua số 3'], // row 3
    ['nam', 2025], // row 4: the machine key, a number
    [nfd('Ngôn ngữ'), 'English'], // row 5
    ['Ô điểm trống', 'không điểm'], // row 6
    ['score_source', 'trung vị chấm chéo'], // row 7: the English key
    ['Số chữ số thập phân', 3], // row 8
    ['Tiêu chí phụ', 'II; I, điểm cộng'], // row 9
    ['Xếp loại', 'Yếu; Vững mạnh >= 85; Khá >= 70; Trung bình >= 50'], // row 10: any order
    ['TỶ LỆ TÁN THÀNH', '2/3'], // row 11
    ['vuot_qua', 'không'], // row 12
    ['Mẫu số biểu quyết', 'thành viên có mặt'], // row 13
    ['quorum', '66.67%'], // row 14
    ['Khen thưởng', 'Cờ thi đua: 1; Bằng khen: *; Giấy khen'], // row 15
  ]);

  it('applies each one without a finding', () => {
    expect(findings).toEqual([]);
    expect(settings.clusterName).toBe('Cụm thi đua số 3');
    expect(settings.year).toBe('2025');
    expect(settings.lang).toBe('en');
    expect(settings.blankScore).toBe('zero');
    expect(settings.scoreSource).toBe('peer-median');
    expect(settings.displayDecimals).toBe(3);
    expect(settings.tieBreak).toEqual(['section:II', 'section:I', 'bonus']);
    expect(settings.vote.strict).toBe(false);
    expect(settings.vote.denominator).toBe('present');
  });

  it('sorts grade bands by minimum, highest first, a band without a number starting at 0', () => {
    expect(settings.grades.map((g) => `${g.name}:${g.min.toString()}`)).toEqual(['Vững mạnh:85', 'Khá:70', 'Trung bình:50', 'Yếu:0']);
  });

  it('reads shares exactly, and a rounded two thirds as two thirds', () => {
    expect(settings.vote.threshold.eq(share(2n, 3n))).toBe(true);
    // 66.67% of 6 members is 4.0002 (5 needed); two thirds is 4.
    expect(settings.vote.quorum.eq(share(2n, 3n))).toBe(true);
  });

  it('reads awards with quotas; "*" or none is unlimited; only the first excludes a veto', () => {
    expect(settings.awards).toEqual([
      { name: 'Cờ thi đua', quota: 1, excludesVeto: true },
      { name: 'Bằng khen', quota: null, excludesVeto: false },
      { name: 'Giấy khen', quota: null, excludesVeto: false },
    ]);
  });
});

describe('parseSettings: accepted spellings', () => {
  const one = (key: string, value: CellValue) => parseRows([[key, value]]);

  it.each<[CellValue, bigint, bigint]>([
    ['50%', 1n, 2n],
    ['0.5', 1n, 2n],
    ['0,5', 1n, 2n],
    ['1/2', 1n, 2n],
    [0.5, 1n, 2n],
    [50, 1n, 2n], // a share above 1 can only be a percentage
    ['60 %', 3n, 5n],
    ['0.67', 67n, 100n], // two decimals: taken as typed
    [0.6666666666666666, 2n, 3n], // the cached value of =2/3
  ])('vote threshold %s', (value, num, den) => {
    const { settings, findings } = one('Tỷ lệ tán thành', value);
    expect(findings).toEqual([]);
    expect(settings.vote.threshold.eq(share(num, den))).toBe(true);
  });

  it.each<[CellValue, bigint, bigint]>([
    ['2/3', 2n, 3n],
    ['0', 0n, 1n],
    ['không', 0n, 1n],
    ['75%', 3n, 4n],
  ])('quorum %s', (value, num, den) => {
    const { settings, findings } = one('Tỷ lệ tham gia tối thiểu', value);
    expect(findings).toEqual([]);
    expect(settings.vote.quorum.eq(share(num, den))).toBe(true);
  });

  it.each<[CellValue, boolean]>([
    ['có', true],
    ['Yes', true],
    ['TRUE', true],
    [1, true],
    [true, true],
    ['không', false],
    ['no', false],
    ['false', false],
    [0, false],
    [false, false],
  ])('vote strictness %s', (value, strict) => {
    const { settings, findings } = one('Phải vượt quá tỷ lệ', value);
    expect(findings).toEqual([]);
    expect(settings.vote.strict).toBe(strict);
  });

  it.each([
    ['tự động', 'auto'],
    ['self', 'self'],
    ['Cụm chấm', 'reviewed'],
    ['trung bình chấm chéo', 'peer-mean'],
    ['peer-median', 'peer-median'],
    ['Trung bình cắt', 'peer-trimmed-mean'],
  ])('score source %s', (value, source) => {
    const { settings, findings } = one('Nguồn điểm', value);
    expect(findings).toEqual([]);
    expect(settings.scoreSource).toBe(source);
  });

  it.each([
    ['Tiếng Việt', 'vi'],
    ['vi', 'vi'],
    ['en', 'en'],
  ])('language %s', (value, lang) => {
    expect(one('Ngôn ngữ', value).settings.lang).toBe(lang);
  });

  it.each([
    ['lỗi', 'error'],
    ['error', 'error'],
    [0, 'zero'],
    ['zero', 'zero'],
  ])('blank score %s', (value, blank) => {
    expect(one('diem_trong', value).settings.blankScore).toBe(blank);
  });

  it.each([
    ['tất cả thành viên', 'members'],
    ['all', 'members'],
    ['members', 'members'],
    ['present', 'present'],
  ])('vote denominator %s', (value, d) => {
    expect(one('mau_so', value).settings.vote.denominator).toBe(d);
  });

  it('tie-break keys: sections, bonus, lowercase and worded section codes', () => {
    expect(one('tie_break', 'các mục; bonus').settings.tieBreak).toEqual(['sections', 'bonus']);
    expect(one('tie_break', 'Mục iii, section:IV, 2').settings.tieBreak).toEqual(['section:III', 'section:IV', 'section:2']);
  });

  it('grade bands with ≥, ":" and "từ", and "< 50" for the lowest', () => {
    const { settings, findings } = one('Xếp loại', 'Xuất sắc ≥ 90; Tốt: 80; Khá từ 72,5 điểm; Yếu < 72,5');
    expect(findings).toEqual([]);
    expect(settings.grades.map((g) => `${g.name}:${g.min.toString()}`)).toEqual(['Xuất sắc:90', 'Tốt:80', 'Khá:72.5', 'Yếu:0']);
  });

  it('awards separated by commas, and none at all', () => {
    expect(one('khen_thuong', 'Cờ thi đua: 2, Bằng khen: 3').settings.awards.map((a) => [a.name, a.quota, a.excludesVeto])).toEqual([
      ['Cờ thi đua', 2, true],
      ['Bằng khen', 3, false],
    ]);
    expect(one('khen_thuong', 'không').settings.awards).toEqual([]);
  });
});

describe('parseSettings: invalid values keep the default and say which', () => {
  it.each<[string, CellValue, string]>([
    ['Ngôn ngữ', 'Français', 'Tiếng Việt / vi'],
    ['Ô điểm trống', 'tùy', 'lỗi / error'],
    ['Nguồn điểm', 'ngẫu nhiên', 'tự động / auto'],
    ['Số chữ số thập phân', 7, '2'],
    ['Số chữ số thập phân', '2.5', '2'],
    ['Số chữ số thập phân', 'hai', '2'],
    ['Tiêu chí phụ', 'I, Z', 'không / none'],
    ['Xếp loại', 'Giỏi > 90; Khá', 'không / none'], // a strict bound a minimum cannot hold
    ['Xếp loại', 'Khá 70-85', 'không / none'],
    ['Xếp loại', 'Khá >= 70; Khá >= 60', 'không / none'],
    ['Xếp loại', 'Khá >= 70; Tốt >= 70', 'không / none'],
    ['Xếp loại', 'Yếu; Kém', 'không / none'], // two bands from 0
    ['Xếp loại', 'Khá >= 1.000', 'không / none'], // a thousand or one
    ['Xếp loại', 'Tốt >= 80; Yếu < 50', 'không / none'], // below 50 but above what?
    ['Tỷ lệ tán thành', '150%', '50%'],
    ['Tỷ lệ tán thành', '0', '50%'],
    ['Tỷ lệ tán thành', 'một nửa', '50%'],
    ['Tỷ lệ tán thành', '1/0', '50%'],
    ['Phải vượt quá tỷ lệ', 'có lẽ', 'có / yes'],
    ['Mẫu số biểu quyết', 'một nửa', 'tất cả thành viên / members'],
    ['Tỷ lệ tham gia tối thiểu', '120%', '2/3'],
    ['Khen thưởng', 'Cờ thi đua: 0', 'Cờ thi đua: 1; Bằng khen: 2'],
    ['Khen thưởng', 'Cờ thi đua: 1,5', 'Cờ thi đua: 1; Bằng khen: 2'],
    ['Khen thưởng', 'Cờ: 1; cờ: 2', 'Cờ thi đua: 1; Bằng khen: 2'],
    ['Tên cụm', err('#REF!'), 'không / none'],
  ])('%s = %s', (key, value, fallback) => {
    const { settings, findings } = parseRows([[key, value]]);
    expect(codes(findings)).toEqual(['SETTING_INVALID@B3']);
    expect(findings[0]!.params).toMatchObject({ key, value: typeof value === 'object' && value !== null ? '#REF!' : String(value), fallback });
    expect(findings[0]!.severity).toBe('error');
    expect(settings).toEqual(defaultSettings());
  });

  it('names the accepted values in both languages', () => {
    const { findings } = parseRows([['Số chữ số thập phân', 7]]);
    expect(message(findings[0]!, 'en')).toBe('Setting "Số chữ số thập phân" = "7" is not valid (expected 0 - 6); using the default 2.');
    expect(message(findings[0]!, 'vi')).toBe('Cấu hình "Số chữ số thập phân" = "7" không hợp lệ (cần 0 - 6); dùng mặc định 2.');
  });
});

describe('parseSettings: the sheet', () => {
  it('without a settings sheet, returns the defaults and no finding', () => {
    const read = parseSettings(workbook('c.xlsx', [sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa']])]));
    expect(read.settings).toEqual(defaultSettings());
    expect(read.findings).toEqual([]);
  });

  it('warns about an unknown key, ignores titles and blank values, and pollutes no prototype', () => {
    const { settings, findings } = parseRows([
      ['Màu nền', 'xanh'], // row 3
      ['__proto__', 'polluted'], // row 4
      ['constructor', 'x'], // row 5
      ['BIỂU QUYẾT'], // row 6: a heading without a value
      ['Tỷ lệ tán thành', null], // row 7: left at its default
    ]);
    expect(codes(findings)).toEqual(['SETTING_UNKNOWN@A3', 'SETTING_UNKNOWN@A4', 'SETTING_UNKNOWN@A5']);
    expect(findings[1]!.params).toEqual({ key: '__proto__' });
    expect(findings[0]!.severity).toBe('warning');
    expect(settings).toEqual(defaultSettings());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });

  it('uses the first of two rows for one setting, even spelled differently', () => {
    const { settings, findings } = parseRows([
      ['Số chữ số thập phân', 1], // row 3
      ['decimals', 4], // row 4
    ]);
    expect(codes(findings)).toEqual(['SETTING_DUPLICATE@A4']);
    expect(findings[0]!.params).toEqual({ key: 'decimals', other: 'A3' });
    expect(settings.displayDecimals).toBe(1);
  });

  it('reads a settings sheet without a header from its first two columns', () => {
    const { settings, findings } = parseSettings(
      workbook('c.xlsx', [sheet('Cài đặt', [['CẤU HÌNH'], ['Năm', '2024-2025'], ['Tên cụm', 'Khối doanh nghiệp']])]),
    );
    expect(findings).toEqual([]);
    expect(settings.year).toBe('2024-2025');
    expect(settings.clusterName).toBe('Khối doanh nghiệp');
  });

  it('finds a key / value table on a sheet with another name only when it names a setting', () => {
    const other = sheet('Thông số', [['Mục', 'Giá trị'], ['Số chữ số thập phân', 0]]);
    expect(parseSettings(workbook('c.xlsx', [other])).settings.displayDecimals).toBe(0);
    const unrelated = sheet('Kho', [['Mục', 'Giá trị'], ['Bút bi', 10]]);
    const read = parseSettings(workbook('c.xlsx', [unrelated]));
    expect(read.findings).toEqual([]);
    expect(read.settings).toEqual(defaultSettings());
  });
});

describe('SETTING_KEYS', () => {
  it('documents every key with its labels and the default as a secretary would type it', () => {
    expect(SETTING_KEYS.map((k) => k.key)).toEqual([
      'ten_cum',
      'nam',
      'ngon_ngu',
      'diem_trong',
      'nguon_diem',
      'so_chu_so_thap_phan',
      'tieu_chi_phu',
      'xep_loai',
      'ty_le_tan_thanh',
      'vuot_qua',
      'mau_so',
      'so_thanh_vien_toi_thieu',
      'khen_thuong',
    ]);
    const byKey = Object.fromEntries(SETTING_KEYS.map((k) => [k.key, k]));
    expect(byKey.ty_le_tan_thanh).toMatchObject({ vi: 'Tỷ lệ tán thành', en: 'vote_threshold', default: '50%' });
    expect(byKey.so_thanh_vien_toi_thieu).toMatchObject({ en: 'quorum', default: '2/3' });
    expect(byKey.khen_thuong!.default).toBe('Cờ thi đua: 1; Bằng khen: 2');
    expect(byKey.so_chu_so_thap_phan!.default).toBe('2');
    expect(byKey.vuot_qua!.default).toBe('có / yes');
  });

  it('has no two names that fold alike across keys', () => {
    const owner = new Map<string, string>();
    for (const k of SETTING_KEYS) {
      for (const name of [k.key, k.vi, k.en, ...k.aliases]) {
        const f = foldKey(name);
        expect(owner.get(f) ?? k.key, `${name} of ${k.key}`).toBe(k.key);
        owner.set(f, k.key);
      }
    }
  });
});

describe('parseShare', () => {
  it('snaps only a rounded repeating fraction given to 4 decimals or more', () => {
    expect(parseShare('33.33%')!.eq(share(1n, 3n))).toBe(true);
    expect(parseShare('66.7%')!.eq(share(667n, 1000n))).toBe(true);
    expect(parseShare('12.34%')!.eq(share(1234n, 10000n))).toBe(true);
    expect(parseShare('-1')).toBeNull();
  });
});
