import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/findings/catalogue';
import { message } from '../../src/engine/findings/catalogue';
import { MemberIndex, parseMembers } from '../../src/engine/members';
import type { Member } from '../../src/engine/model';
import { nfd, sheet, workbook } from './helpers/grids';

function codes(findings: Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.place.cell}`);
}

describe('parseMembers', () => {
  const wb = workbook('Cum1.xlsx', [
    sheet(
      'Đơn vị',
      [
        ['DANH SÁCH ĐƠN VỊ CỤM THI ĐUA SỐ 1'], // row 1, merged
        [], // row 2
        ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khối', 'Ghi chú'], // row 3
        [1, 'HK', nfd('LĐLĐ quận Hoàn Kiếm'), 'Quận', ''], // row 4: NFD as macOS types it
        [2, 'BD', 'LĐLĐ quận Ba Đình', 'Quận'], // row 5
        [], // row 6
        [3, 'hk', 'Hoàn Kiếm lần hai', 'Quận'], // row 7: same code, other case
        [4, null, 'Tổng công ty Xây dựng Hà Nội', 'Doanh nghiệp'], // row 8: no code, and not a total row
        [5, 'TCT', 'Công đoàn Tổng công ty Điện lực', 'Doanh nghiệp'], // row 9: not a total row
        [6, 1001, '=HYPERLINK("http://x")', ''], // row 10: a numeric code and a hostile name
        [null, null, 'Tổng cộng: 4 đơn vị'], // row 11
        [null, 'ZZ', 'Sau dòng tổng'], // row 12: below the total, ignored
      ],
      { merges: ['A1:E1'] },
    ),
  ]);
  const { members, findings } = parseMembers(wb);

  it('reads code, NFC name and group, skipping blank rows and the total row', () => {
    expect(members.map((m) => [m.code, m.name, m.group])).toEqual([
      ['HK', 'LĐLĐ quận Hoàn Kiếm'.normalize('NFC'), 'Quận'],
      ['BD', 'LĐLĐ quận Ba Đình', 'Quận'],
      // Listed without a code: still a member (it counts in votes and shows unranked with the reason).
      ['', 'Tổng công ty Xây dựng Hà Nội', 'Doanh nghiệp'],
      ['TCT', 'Công đoàn Tổng công ty Điện lực', 'Doanh nghiệp'],
      ['1001', '=HYPERLINK("http://x")', ''],
    ]);
    expect(members[0]!.name).toBe('LĐLĐ quận Hoàn Kiếm'.normalize('NFC'));
    expect(members[0]!.place).toEqual({ file: 'Cum1.xlsx', sheet: 'Đơn vị', cell: 'B4' });
  });

  it('reports a duplicate code naming the first, and a missing code', () => {
    expect(codes(findings)).toEqual(['MEMBER_DUPLICATE@B7', 'MEMBER_CODE_MISSING@B8']);
    expect(findings[0]!.params).toEqual({ unit: 'hk', other: 'B4' });
    expect(findings[0]!.unit).toBe('HK');
    expect(findings[1]!.params).toEqual({ name: 'Tổng công ty Xây dựng Hà Nội' });
    expect(message(findings[1]!, 'vi')).toBe('Đơn vị "Tổng công ty Xây dựng Hà Nội" chưa có mã đơn vị.');
  });

  it('prefers a members table over a rubric or a pasted submission that also has Mã and a name', () => {
    const rubricLike = sheet('Sheet1', [['Mã', 'Tên', 'Điểm tối đa'], ['1', 'Tiêu chí', 10]]);
    const pasted = sheet('Sheet2', [['Mã', 'Nội dung', 'Đơn vị tự chấm'], ['1', 'Tiêu chí', 9]]);
    const list = sheet('Sheet3', [['Mã', 'Tên'], ['HK', 'Hoàn Kiếm']]);
    const read = parseMembers(workbook('c.xlsx', [rubricLike, pasted, list]));
    expect(read.findings).toEqual([]);
    expect(read.members.map((m) => m.place.sheet + '!' + m.code)).toEqual(['Sheet3!HK']);
  });

  it('converts a name typed in TCVN3 (font .VnTime), with a warning at its cell', () => {
    const read = parseMembers(
      workbook('c.xlsx', [
        sheet('Đơn vị', [['Mã đơn vị', 'Tên đơn vị'], ['HK', 'L§L§ quËn Hoµn KiÕm']], { fonts: [[], [null, '.VnTime']] }),
      ]),
    );
    expect(read.members.map((x) => x.name)).toEqual(['LĐLĐ quận Hoàn Kiếm']);
    expect(codes(read.findings)).toEqual(['LEGACY_ENCODING_CONVERTED@B2']);
    expect(read.findings[0]!.params).toEqual({ encoding: 'TCVN3', original: 'L§L§ quËn Hoµn KiÕm', converted: 'LĐLĐ quận Hoàn Kiếm' });
  });

  it('reads an English header', () => {
    const read = parseMembers(workbook('c.xlsx', [sheet('Members', [['Unit name', 'Unit code', 'Group'], ['Hoan Kiem', 'HK', 'A']])]));
    expect(read.members.map((m) => [m.code, m.name, m.group])).toEqual([['HK', 'Hoan Kiem', 'A']]);
  });

  it('says when the members sheet is missing, lacks a column, or lists nobody', () => {
    const none = parseMembers(workbook('c.xlsx', [sheet('Khác', [['a', 'b']])]));
    expect(none.findings.map((f) => [f.code, f.place])).toEqual([['MEMBERS_SHEET_MISSING', { file: 'c.xlsx' }]]);

    const lacking = parseMembers(workbook('c.xlsx', [sheet('Đơn vị', [['Mã đơn vị', 'Khối'], ['HK', 'A']])]));
    expect(codes(lacking.findings)).toEqual(['MEMBERS_COLUMN_MISSING@A1']);
    expect(lacking.findings[0]!.params).toEqual({ column: 'Tên đơn vị' });

    const empty = parseMembers(workbook('c.xlsx', [sheet('Đơn vị', [['Mã đơn vị', 'Tên đơn vị'], [], [null, '  ']])]));
    expect(codes(empty.findings)).toEqual(['MEMBERS_EMPTY@A1']);
  });
});

describe('MemberIndex', () => {
  const place = { file: 'c.xlsx', sheet: 'Đơn vị' };
  const m = (code: string, name: string): Member => ({ code, name, group: '', place });
  const members = [
    m('HK', 'LĐLĐ quận Hoàn Kiếm'),
    m('BD', 'LĐLĐ quận Ba Đình'),
    m('TX', 'LĐLĐ quận Thanh Xuân'),
    m('TXH', 'LĐLĐ thị xã Sơn Tây Thanh Xuân'), // shares the end "Thanh Xuân"
    m('CG', 'Cầu Giấy'),
    m('CG2', 'Cầu Giấy'), // shares the whole name
  ];
  const index = new MemberIndex(members);

  it('finds by code, by name and by the end of a name, ignoring case, accents and NFD', () => {
    expect(index.size).toBe(6);
    expect(index.find('hk')?.code).toBe('HK');
    expect(index.find(' LĐLĐ QUẬN BA ĐÌNH ')?.code).toBe('BD');
    expect(index.find(nfd('LĐLĐ quận Hoàn Kiếm'))?.code).toBe('HK');
    expect(index.find('Hoàn Kiếm')?.code).toBe('HK');
    expect(index.find('HOAN KIEM')?.code).toBe('HK');
    expect(index.find(nfd('quận Ba Đình'))?.code).toBe('BD');
  });

  it('refuses a guess: a shared name end, a shared name, or a text under 4 letters', () => {
    expect(index.find('Thanh Xuân')).toBeNull();
    expect(index.find('Cầu Giấy')).toBeNull();
    expect(index.find('CG')?.name).toBe('Cầu Giấy');
    expect(index.find('iem')).toBeNull(); // 3 letters: ends "Hoàn Kiếm" but too short to trust
    expect(index.find('')).toBeNull();
  });

  it('looks codes up by code only', () => {
    expect(index.byCode('bd')?.name).toBe('LĐLĐ quận Ba Đình');
    expect(index.byCode('Ba Đình')).toBeNull();
  });

  it('never reaches object prototypes', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(index.find(key)).toBeNull();
      expect(index.byCode(key)).toBeNull();
    }
    const hostile = new MemberIndex([m('__proto__', 'constructor')]);
    expect(hostile.byCode('__proto__')?.name).toBe('constructor');
    expect(hostile.find('constructor')?.code).toBe('__proto__');
    expect(({} as Record<string, unknown>).code).toBeUndefined();
  });
});
