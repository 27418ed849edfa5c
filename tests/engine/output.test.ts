/**
 * The three generated sheets, built from hand-made results: headers, formats, links, text that must stay
 * text, English labels. The pipeline and the seed scenario check the same sheets fed by real parsing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/engine/defaults';
import { Exact } from '../../src/engine/exact';
import type { Finding } from '../../src/engine/findings/catalogue';
import { catalogue, finding } from '../../src/engine/findings/catalogue';
import type { CountedScore, Settings, UnitResult, VoteOutcome } from '../../src/engine/model';
import { checksSheet } from '../../src/engine/output/checks-sheet';
import { detailsSheet } from '../../src/engine/output/details-sheet';
import { numberCell } from '../../src/engine/output/labels';
import { rankingSheet } from '../../src/engine/output/ranking-sheet';
import type { OutCell, OutputSheet } from '../../src/engine/output/types';
import { renderFindingsTable, updateGenerated } from '../../scripts/gen-docs';

const x = (s: string): Exact => Exact.parseDecimal(s)!;

function unit(code: string, over: Partial<UnitResult> = {}): UnitResult {
  return {
    code,
    name: `LĐLĐ quận ${code}`,
    group: '',
    status: 'ranked',
    rank: 1,
    tie: false,
    sections: [
      { path: 'I', label: 'Công tác tổ chức', subtotal: x('30') },
      { path: 'II', label: 'Chăm lo đời sống', subtotal: x('40.25') },
    ],
    bonus: x('2'),
    penalty: x('1'),
    total: x('71.25'),
    grade: 'Khá',
    veto: false,
    vote: null,
    award: null,
    reasons: [],
    source: null,
    ...over,
  };
}

function vote(approvals: number, members: number, approved: boolean | null, quorum = true, invalid = false): VoteOutcome {
  return { approvals, rejections: null, present: null, members, quorum, invalid, approved };
}

function settings(over: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...over };
}

const values = (row: OutCell[] | undefined): unknown[] => (row ?? []).map((c) => c.value);
const col = (sheet: OutputSheet, header: string): number => sheet.rows[3]!.findIndex((c) => c.value === header);
const at = (sheet: OutputSheet, row: number, header: string): OutCell | undefined => sheet.rows[row - 1]?.[col(sheet, header)];

describe('Xếp hạng', () => {
  const units = [
    unit('HK', { rank: 2, total: x('71.25') }),
    unit('BD', { rank: 1, total: x('80.5'), vote: vote(4, 6, true), award: { name: 'Cờ thi đua', confirmed: true } }),
    unit('DD', { status: 'invalid', rank: null, total: null, reasons: [finding('SUBMISSION_MISSING', { file: 'c.xlsx' }, { unit: 'DD' }, { unit: 'DD' })] }),
    unit('LB', { rank: 3, tie: true, vote: vote(3, 6, false), award: { name: 'Bằng khen', confirmed: false } }),
    unit('HM', { rank: 3, tie: true, vote: vote(2, 6, null, false) }),
  ];
  const sheet = rankingSheet({ units, rubric: null, settings: settings({ clusterName: 'Cụm thi đua số 1', year: '2024' }), memberCount: 6, lang: 'vi' });

  it('has the title, the approval rule in words, and the header on row 4 without Khối for one group', () => {
    expect(sheet.name).toBe('Xếp hạng');
    expect(sheet.role).toBe('ranking');
    expect(sheet.rows[0]![0]).toMatchObject({ value: 'BẢNG XẾP HẠNG THI ĐUA – Cụm thi đua số 1 – năm 2024', style: 'title' });
    // Default rule: more than 1/2 of all 6 members; quorum 2/3 x 6 = 4.
    expect(sheet.rows[1]![0]!.value).toBe('Kết quả được thông qua khi có trên 50% tổng số 6 thành viên tán thành; cần ít nhất 4/6 thành viên tham gia biểu quyết');
    expect(sheet.rows[2]).toEqual([]);
    expect(values(sheet.rows[3])).toEqual([
      'Hạng', 'Mã đơn vị', 'Đơn vị', 'I. Công tác tổ chức', 'II. Chăm lo đời sống', 'Điểm cộng', 'Điểm trừ', 'Tổng điểm',
      'Xếp loại', 'Tán thành / Thành viên', 'Kết quả biểu quyết', 'Đề nghị khen thưởng', 'Ghi chú',
    ]);
    expect(sheet.rows[3]!.every((c) => c.style === 'header')).toBe(true);
    expect(sheet.freezeRows).toBe(4);
    expect(sheet.totalsColumn).toBe('H');
    // Header + 5 units: rows 4 to 9, columns A to M.
    expect(sheet.table).toEqual({ range: 'A4:M9', name: 'ThiDuaXepHang', headerRow: 4 });
    expect(sheet.columnWidths).toHaveLength(13);
    expect(sheet.columnWidths[2]).toBeGreaterThanOrEqual(26);
  });

  it('orders by rank, ties by code, the unranked unit last', () => {
    expect(sheet.rows.slice(4).map((r) => r[1]!.value)).toEqual(['BD', 'HK', 'HM', 'LB', 'DD']);
    expect(sheet.rows.slice(4).map((r) => r[0]!.value)).toEqual([1, 2, 3, 3, null]);
  });

  it('writes numbers as numbers with the display format, and text as text', () => {
    expect(at(sheet, 5, 'Tổng điểm')).toEqual({ value: 80.5, format: '0.00', style: 'total' });
    expect(at(sheet, 5, 'II. Chăm lo đời sống')).toEqual({ value: 40.25, format: '0.00' });
    expect(at(sheet, 5, 'Hạng')).toEqual({ value: 1, format: '0' });
    expect(at(sheet, 5, 'Mã đơn vị')).toEqual({ value: 'BD', format: '@' });
    const one = rankingSheet({ units, rubric: null, settings: settings({ displayDecimals: 1 }), memberCount: 6, lang: 'vi' });
    expect(at(one, 5, 'Điểm cộng')!.format).toBe('0.0');
    const none = rankingSheet({ units, rubric: null, settings: settings({ displayDecimals: 0 }), memberCount: 6, lang: 'vi' });
    expect(at(none, 5, 'Điểm trừ')!.format).toBe('0');
  });

  it('says the vote result, approvals over members, the award and the notes', () => {
    expect(values(sheet.rows[4]).slice(-4)).toEqual(['4/6', 'Thông qua', 'Cờ thi đua', null]);
    expect(values(sheet.rows[5]).slice(-4)).toEqual([null, 'Chưa biểu quyết', null, null]);
    expect(values(sheet.rows[6]).slice(-4)).toEqual(['2/6', 'Chưa đủ số thành viên', null, 'Đồng hạng']);
    expect(values(sheet.rows[7]).slice(-4)).toEqual(['3/6', 'Không thông qua', 'Bằng khen (đề nghị)', 'Đồng hạng']);
  });

  it('lists an unranked unit with the reason, blank figures and the invalid style', () => {
    const row = sheet.rows[8]!;
    expect(row[1]!.value).toBe('DD');
    expect(row.every((c) => c.style === 'invalid')).toBe(true);
    expect(at(sheet, 9, 'Tổng điểm')!.value).toBeNull();
    expect(at(sheet, 9, 'I. Công tác tổ chức')!.value).toBeNull();
    expect(at(sheet, 9, 'Xếp loại')!.value).toBeNull();
    expect(at(sheet, 9, 'Ghi chú')!.value).toBe('Không xếp hạng: Đơn vị DD chưa có bài tự chấm.');
  });

  it('says a vote is invalid when a finding blocks it, with or without a quorum', () => {
    const units = [unit('HK', { vote: vote(4, 6, null, true, true) }), unit('BD', { rank: 2, vote: vote(2, 6, null, false, true) })];
    const s = rankingSheet({ units, rubric: null, settings: settings(), memberCount: 6, lang: 'vi' });
    expect(at(s, 5, 'Kết quả biểu quyết')!.value).toBe('Biểu quyết không hợp lệ');
    expect(at(s, 6, 'Kết quả biểu quyết')!.value).toBe('Biểu quyết không hợp lệ');
  });

  it('keeps hostile unit names as string values with the text format', () => {
    const names = ['=HYPERLINK("http://evil.example","Bấm vào")', '@SUM(A1:A9)', '+1-2', '-3', '__proto__'];
    const s = rankingSheet({ units: names.map((n, i) => unit(`U${i}`, { name: n, rank: i + 1 })), rubric: null, settings: settings(), memberCount: 5, lang: 'vi' });
    const cells = s.rows.slice(4).map((r) => r[2]!);
    expect(cells.map((c) => c.value)).toEqual(names);
    expect(cells.every((c) => typeof c.value === 'string' && c.format === '@')).toBe(true);
  });

  it('adds the Khối column and groups rows when there are several groups', () => {
    const s = rankingSheet({
      units: [
        unit('A1', { group: 'Khối doanh nghiệp', rank: 2 }),
        unit('B1', { group: 'Khối hành chính', rank: 1 }),
        unit('A2', { group: 'Khối doanh nghiệp', rank: 1 }),
        unit('A3', { group: 'Khối doanh nghiệp', status: 'invalid', rank: null, total: null }),
        unit('B2', { group: 'Khối hành chính', rank: 2 }),
      ],
      rubric: null,
      settings: settings(),
      memberCount: 5,
      lang: 'vi',
    });
    expect(values(s.rows[3]).slice(0, 5)).toEqual(['Hạng', 'Mã đơn vị', 'Đơn vị', 'Khối', 'I. Công tác tổ chức']);
    expect(s.rows.slice(4).map((r) => `${r[3]!.value}:${r[1]!.value}`)).toEqual([
      'Khối doanh nghiệp:A2',
      'Khối doanh nghiệp:A1',
      'Khối doanh nghiệp:A3',
      'Khối hành chính:B1',
      'Khối hành chính:B2',
    ]);
    // One more column before the totals: I, J... Tổng điểm moves from H to I.
    expect(s.totalsColumn).toBe('I');
  });

  it('states other approval rules in words', () => {
    const present = settings({ vote: { threshold: x('0.5'), strict: false, denominator: 'present', quorum: Exact.ZERO } });
    const s = rankingSheet({ units: [], rubric: null, settings: present, memberCount: 6, lang: 'vi' });
    expect(s.rows[1]![0]!.value).toBe('Kết quả được thông qua khi có từ 50% trở lên số thành viên tham gia biểu quyết tán thành');
    // 2/3 is 66.666...%: shown to two decimals with the Vietnamese decimal comma; 2/3 x 7 = 4.67 -> 5 needed.
    const twoThirds = settings({ vote: { threshold: Exact.of(2n, 3n), strict: true, denominator: 'members', quorum: Exact.of(2n, 3n) } });
    const t = rankingSheet({ units: [], rubric: null, settings: twoThirds, memberCount: 7, lang: 'vi' });
    expect(t.rows[1]![0]!.value).toBe('Kết quả được thông qua khi có trên 66,67% tổng số 7 thành viên tán thành; cần ít nhất 5/7 thành viên tham gia biểu quyết');
    expect(t.table).toBeNull();
    expect(t.rows).toHaveLength(4);
  });

  it('speaks English when asked', () => {
    const s = rankingSheet({ units, rubric: null, settings: settings(), memberCount: 6, lang: 'en' });
    expect(s.name).toBe('Ranking');
    expect(s.rows[0]![0]!.value).toBe('EMULATION RANKING');
    expect(s.rows[1]![0]!.value).toBe('A result is approved when more than 50% of all 6 members approve; at least 4 of 6 members must take part');
    expect(values(s.rows[3])).toEqual([
      'Rank', 'Unit code', 'Unit', 'I. Công tác tổ chức', 'II. Chăm lo đời sống', 'Bonus', 'Penalty', 'Total',
      'Grade', 'Approvals / Members', 'Vote result', 'Proposed award', 'Notes',
    ]);
    expect(values(s.rows[7]).slice(-3)).toEqual(['Not approved', 'Bằng khen (proposed)', 'Tied']);
    expect(values(s.rows[8]).slice(-1)).toEqual(['Not ranked: Unit DD has no submission.']);
  });
});

describe('Kiểm tra', () => {
  const findings: Finding[] = [
    finding('SCORE_BLANK', { file: 'cluster.xlsx', sheet: 'HK', cell: 'D12' }, { path: 'I.1' }, { unit: 'HK' }),
    finding('NUMBER_AS_TEXT', { file: 'BaDinh.xlsx', sheet: 'Tự chấm', cell: 'F9' }, { text: '9,5', value: '9.5' }),
    finding('MEMBERS_SHEET_MISSING', { file: 'cluster.xlsx' }, {}),
    finding('SUBMISSION_UNIT_UNKNOWN', { file: 'cluster.xlsx', sheet: '=cmd|" /C calc"!A0', cell: 'A3' }, { unit: '=1+1' }),
  ];
  const sheet = checksSheet({ findings, clusterFile: 'cluster.xlsx', lang: 'vi' });

  it('has a summary line and the header', () => {
    expect(sheet.name).toBe('Kiểm tra');
    expect(sheet.rows[0]![0]).toMatchObject({ value: 'KẾT QUẢ KIỂM TRA DỮ LIỆU', style: 'title' });
    // SCORE_BLANK, MEMBERS_SHEET_MISSING, SUBMISSION_UNIT_UNKNOWN are errors; NUMBER_AS_TEXT a warning.
    expect(sheet.rows[1]![0]!.value).toBe('3 lỗi, 1 cảnh báo, 0 thông tin.');
    expect(values(sheet.rows[3])).toEqual(['Mức độ', 'Tệp', 'Sheet', 'Ô', 'Mã', 'Nội dung', 'Đi tới']);
    expect(sheet.table).toEqual({ range: 'A4:G8', name: 'ThiDuaKiemTra', headerRow: 4 });
    expect(sheet.freezeRows).toBe(4);
  });

  it('writes each finding with its place, its message and a link only into the cluster workbook', () => {
    expect(values(sheet.rows[4])).toEqual(['Lỗi', 'cluster.xlsx', 'HK', 'D12', 'SCORE_BLANK', 'Tiêu chí I.1 chưa chấm (ô trống không được tính là 0).', 'Xem ô D12']);
    expect(sheet.rows[4]![6]!.link).toEqual({ sheet: 'HK', cell: 'D12' });
    expect(sheet.rows[4]!.every((c) => c.style === 'error')).toBe(true);
    // In a member's own file: no link can reach it.
    expect(values(sheet.rows[5])).toEqual(['Cảnh báo', 'BaDinh.xlsx', 'Tự chấm', 'F9', 'NUMBER_AS_TEXT', 'Số được gõ dạng chữ "9,5", đã đọc là 9,5.', null]);
    expect(sheet.rows[5]![6]!.link).toBeUndefined();
    expect(sheet.rows[5]![0]!.style).toBe('warning');
    // No sheet and cell: nothing to go to.
    expect(sheet.rows[6]![6]).toEqual({ value: null, style: 'error' });
  });

  it('keeps hostile sheet names and values as text', () => {
    const row = sheet.rows[7]!;
    expect(row[2]).toEqual({ value: '=cmd|" /C calc"!A0', format: '@', style: 'error' });
    expect(row[5]!.value).toBe('Bài nộp của "=1+1" nhưng đơn vị này không có trong danh sách thành viên cụm.');
    expect(row[6]!.link).toEqual({ sheet: '=cmd|" /C calc"!A0', cell: 'A3' });
  });

  it('speaks English when asked, and says so when there is nothing to report', () => {
    const en = checksSheet({ findings, clusterFile: 'cluster.xlsx', lang: 'en' });
    expect(en.name).toBe('Checks');
    expect(values(en.rows[3])).toEqual(['Severity', 'File', 'Sheet', 'Cell', 'Code', 'Message', 'Go to']);
    expect(values(en.rows[4])).toEqual(['Error', 'cluster.xlsx', 'HK', 'D12', 'SCORE_BLANK', 'Criterion I.1 is not scored (a blank is not zero).', 'Go to D12']);
    const empty = checksSheet({ findings: [], clusterFile: 'cluster.xlsx', lang: 'vi' });
    expect(empty.rows[1]![0]!.value).toBe('Không phát hiện lỗi hay cảnh báo nào.');
    expect(empty.table).toBeNull();
  });
});

describe('Chi tiết', () => {
  const place = (file: string, cell: string) => ({ file, sheet: 'Tự chấm', cell });
  const counted: CountedScore[] = [
    { unit: 'HK', path: 'I.2', kind: 'standard', score: x('10'), weight: x('2'), counted: x('20'), origin: 'self', from: [place('cluster.xlsx', 'F8')] },
    { unit: 'HK', path: 'I.1', kind: 'standard', score: x('8.5'), weight: Exact.ONE, counted: x('8.5'), origin: 'reviewed', from: [place('HK.xlsx', 'G7')] },
    { unit: 'HK', path: 'II.1', kind: 'veto', score: Exact.ONE, weight: Exact.ONE, counted: Exact.ONE, origin: 'self', from: [place('HK.xlsx', 'F10')] },
    {
      unit: 'BD',
      path: 'I.1',
      kind: 'standard',
      score: Exact.of(26n, 3n),
      weight: Exact.ONE,
      counted: Exact.of(26n, 3n),
      origin: 'peer-mean',
      from: [place('P1.xlsx', 'C7'), place('P2.xlsx', 'D7')],
    },
  ];
  const rubricNodes = [
    { path: 'I.1', label: 'Phát triển đoàn viên', max: x('10') },
    { path: 'I.2', label: 'Thành lập CĐCS', max: x('7.5') },
    { path: 'II.1', label: 'Tiêu chí liệt', max: null },
  ];
  const rubric = {
    nodes: rubricNodes,
    byPath: new Map(rubricNodes.map((n) => [n.path, n])),
    leaves: rubricNodes,
    sections: [],
  } as unknown as import('../../src/engine/model').Rubric;
  const units = [unit('HK', { name: 'LĐLĐ quận Hoàn Kiếm' }), unit('BD', { name: 'LĐLĐ quận Ba Đình' })];
  const sheet = detailsSheet({ counted, units, rubric, settings: settings(), clusterFile: 'cluster.xlsx', lang: 'vi' });

  it('lists every counted score in members then rubric order with where it came from', () => {
    expect(values(sheet.rows[3])).toEqual(['Mã đơn vị', 'Đơn vị', 'Mã tiêu chí', 'Tiêu chí', 'Loại', 'Điểm tối đa', 'Hệ số', 'Điểm', 'Điểm tính', 'Nguồn', 'Lấy từ']);
    expect(values(sheet.rows[4])).toEqual(['HK', 'LĐLĐ quận Hoàn Kiếm', 'I.1', 'Phát triển đoàn viên', 'Tiêu chí', 10, 1, 8.5, 8.5, 'Cụm chấm', 'HK.xlsx › Tự chấm › G7']);
    // Weight 2: a 10 counts 20.
    expect(values(sheet.rows[5])).toEqual(['HK', 'LĐLĐ quận Hoàn Kiếm', 'I.2', 'Thành lập CĐCS', 'Tiêu chí', 7.5, 2, 10, 20, 'Tự chấm', 'cluster.xlsx › Tự chấm › F8']);
    expect(values(sheet.rows[6])).toEqual(['HK', 'LĐLĐ quận Hoàn Kiếm', 'II.1', 'Tiêu chí liệt', 'Tiêu chí liệt', null, null, 'Vi phạm', null, 'Tự chấm', 'HK.xlsx › Tự chấm › F10']);
    // 26/3 = 8.666...: the cell holds the nearest double, the format shows 8.67.
    expect(values(sheet.rows[7])).toEqual(['BD', 'LĐLĐ quận Ba Đình', 'I.1', 'Phát triển đoàn viên', 'Tiêu chí', 10, 1, 26 / 3, 26 / 3, 'Trung bình chấm chéo', 'P1.xlsx › Tự chấm › C7; P2.xlsx › Tự chấm › D7']);
    expect(sheet.rows[7]![7]!.format).toBe('0.00');
    expect(sheet.table).toEqual({ range: 'A4:K8', name: 'ThiDuaChiTiet', headerRow: 4 });
  });

  it('links to the source cell only when it is in the cluster workbook', () => {
    expect(sheet.rows[5]![10]!.link).toEqual({ sheet: 'Tự chấm', cell: 'F8' });
    expect(sheet.rows[4]![10]!.link).toBeUndefined();
  });

  it('speaks English when asked', () => {
    const en = detailsSheet({ counted, units, rubric, settings: settings(), clusterFile: 'cluster.xlsx', lang: 'en' });
    expect(en.name).toBe('Details');
    expect(values(en.rows[3])).toEqual(['Unit code', 'Unit', 'Criterion code', 'Criterion', 'Kind', 'Max points', 'Weight', 'Score', 'Counted', 'Source', 'Taken from']);
    expect(values(en.rows[7]).slice(9, 10)).toEqual(['Peer mean']);
  });
});

describe('number cells', () => {
  it('hold the double nearest to the exact value, and text beyond the range of a double', () => {
    // 26/3: IEEE division of 26 by 3 is correctly rounded; 15 rounded decimals would give ...668.
    expect(numberCell(Exact.of(26n, 3n), '0.00')).toEqual({ value: 26 / 3, format: '0.00' });
    expect(numberCell(x('0.1').add(x('0.2')), '0.00')).toEqual({ value: 0.3, format: '0.00' });
    expect(numberCell(Exact.of(10n ** 400n), '0.00')).toEqual({ value: `1${'0'.repeat(400)}`, format: '@' });
    expect(numberCell(null, '0.00')).toEqual({ value: null });
  });
});

describe('docs/rules.md', () => {
  const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

  it('names every finding code of the catalogue', () => {
    const missing = Object.keys(catalogue).filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('carries the findings table exactly as the generator writes it (run `npx tsx scripts/gen-docs.ts`)', () => {
    expect(updateGenerated(doc)).toBe(doc);
    expect(doc).toContain(renderFindingsTable());
  });
});
