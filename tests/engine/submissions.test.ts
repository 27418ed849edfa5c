import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/engine/defaults';
import type { Finding } from '../../src/engine/findings/catalogue';
import type { CellValue, GridSheet, GridWorkbook } from '../../src/engine/grid';
import { MemberIndex, parseMembers } from '../../src/engine/members';
import type { Rubric } from '../../src/engine/model';
import { parseRubric } from '../../src/engine/rubric';
import { parseSubmissions } from '../../src/engine/submissions';
import { err, nfd, sheet, workbook, SIX_MEMBERS } from './helpers/grids';

// ---------------------------------------------------------------- the cluster

/**
 * Paths and max points: I (30) = I.1 (10) + I.2 (20); II (20) = II.1 (12) + II.2 (8);
 * III bonus (5); IV penalty (10); V veto (no max). Leaves: I.1 I.2 II.1 II.2 III IV V.
 */
const CLUSTER_RUBRIC: CellValue[][] = [
  ['THANG ĐIỂM THI ĐUA CỤM 1 NĂM 2024'],
  [],
  ['Mã', 'Nội dung', 'Điểm tối đa', 'Loại'],
  ['I', 'Công tác tổ chức', 30],
  ['1', 'Phát triển đoàn viên', 10],
  ['2', 'Thành lập CĐCS', 20],
  ['II', 'Hoạt động chăm lo', 20],
  ['1', 'Chăm lo Tết', 12],
  ['2', 'Phong trào thi đua', 8],
  ['III', 'Điểm thưởng', 5, 'Cộng'],
  ['IV', 'Điểm trừ', 10, 'Trừ'],
  ['V', 'Vi phạm pháp luật', null, 'Điều kiện'],
];

const MEMBERS = SIX_MEMBERS;

function clusterBook(extra: GridSheet[] = []): GridWorkbook {
  return workbook('Cum1.xlsx', [sheet('Thang điểm', CLUSTER_RUBRIC), sheet('Đơn vị', MEMBERS), ...extra]);
}

function setup(cluster = clusterBook()): { rubric: Rubric; members: MemberIndex } {
  const r = parseRubric(cluster);
  const m = parseMembers(cluster);
  if (!r.rubric || r.findings.length > 0 || m.findings.length > 0) throw new Error('test cluster does not parse');
  return { rubric: r.rubric, members: new MemberIndex(m.members) };
}

function parse(submissions: GridWorkbook[], cluster = clusterBook()) {
  const { rubric, members } = setup(cluster);
  return parseSubmissions({ cluster, submissions }, rubric, members, defaultSettings());
}

/** code@cell pairs, as a secretary reads the Kiểm tra sheet. */
function codes(findings: Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.place.cell ?? '-'}`);
}

// ---------------------------------------------------------------- a member's copy

const HEADER: CellValue[] = ['STT', 'Nội dung', 'Điểm tối đa', 'Tự chấm', 'Cụm chấm', 'Minh chứng'];

/** The copy's rows, one per rubric row, in sheet order: I I.1 I.2 II II.1 II.2 III IV V. */
const COPY: CellValue[][] = [
  ['I', 'Công tác tổ chức', 30],
  ['1', 'Phát triển đoàn viên', 10],
  ['2', 'Thành lập CĐCS', 20],
  ['II', 'Hoạt động chăm lo', 20],
  ['1', 'Chăm lo Tết', 12],
  ['2', 'Phong trào thi đua', 8],
  ['III', 'Điểm thưởng', 5],
  ['IV', 'Điểm trừ', 10],
  ['V', 'Vi phạm pháp luật', null],
];

/**
 * A submission laid out as members send it: a title (row 1), the unit label (row 2), a blank row,
 * the header (row 4), the rubric rows 5-13 with self scores in D and reviewed scores in E, and a total
 * row 14. `top` replaces rows 1-3.
 */
function selfSheet(
  name: string,
  opts: { top?: CellValue[][]; self?: CellValue[]; reviewed?: CellValue[]; total?: CellValue; hidden?: boolean; hiddenRows?: number[] } = {},
): GridSheet {
  const top = opts.top ?? [['BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024'], ['Đơn vị: LĐLĐ quận Hoàn Kiếm'], []];
  const rows = COPY.map((r, i) => [r[0]!, r[1]!, r[2]!, opts.self?.[i] ?? null, opts.reviewed?.[i] ?? null]);
  return sheet(name, [...top, HEADER, ...rows, [null, 'Tổng cộng', 60, opts.total ?? null]], {
    ...(opts.hidden ? { hidden: true } : {}),
    ...(opts.hiddenRows ? { hiddenRows: opts.hiddenRows } : {}),
  });
}

/** I = 8 + 15.5 = 23.5; II = 10 + 7 = 17; bonus 2, penalty 1: total 23.5 + 17 + 2 - 1 = 41.5. */
const FULL_SCORES: CellValue[] = [23.5, 8, 15.5, 17, 10, 7, 2, 1, null];

// ---------------------------------------------------------------- which unit

describe('parseSubmissions: which unit a sheet is', () => {
  it('reads the unit from "Đơn vị: ..." above the header, with every score cell where it is', () => {
    const wb = workbook('HoanKiem.xlsx', [selfSheet('Tự chấm', { self: FULL_SCORES, reviewed: [null, 7], total: 41.5 })]);
    const { submissions, peers, findings } = parse([wb]);
    expect(findings).toEqual([]);
    expect(peers).toEqual([]);
    expect(submissions).toHaveLength(1);
    const s = submissions[0]!;
    expect(s.unit).toBe('HK');
    expect(s.place).toEqual({ file: 'HoanKiem.xlsx', sheet: 'Tự chấm' });
    // Leaves only, rubric order; the veto V is blank and stays blank (scoring decides what that means).
    expect([...s.self.keys()]).toEqual(['I.1', 'I.2', 'II.1', 'II.2', 'III', 'IV', 'V']);
    expect(s.self.get('I.2')!.value!.toString()).toBe('15.5');
    expect(s.self.get('I.2')!.place).toEqual({ file: 'HoanKiem.xlsx', sheet: 'Tự chấm', cell: 'D7' });
    expect(s.self.get('V')).toEqual({ value: null, blank: true, place: { file: 'HoanKiem.xlsx', sheet: 'Tự chấm', cell: 'D13' } });
    // Only the one reviewed cell that is filled (E6).
    expect([...s.reviewed.keys()]).toEqual(['I.1']);
    expect(s.reviewed.get('I.1')!.value!.toString()).toBe('7');
    expect(s.reviewed.get('I.1')!.place.cell).toBe('E6');
    // The member's own subtotals (D5, D8) and total (D14) are kept for the mismatch check.
    expect([...s.statedSubtotals.entries()].map(([p, c]) => `${p}=${c.value!.toString()}@${c.place.cell}`)).toEqual(['I=23.5@D5', 'II=17@D8']);
    expect(s.statedTotal!.value!.toString()).toBe('41.5');
    expect(s.statedTotal!.place.cell).toBe('D14');
  });

  it('prefers "Mã đơn vị:" with its value two cells to the right over a name label', () => {
    const top: CellValue[][] = [['Mã đơn vị:', null, 'BD'], ['Đơn vị: LĐLĐ quận Hoàn Kiếm'], []];
    const { submissions, findings } = parse([workbook('a.xlsx', [selfSheet('Tự chấm', { top, self: FULL_SCORES })])]);
    expect(findings).toEqual([]);
    expect(submissions.map((s) => s.unit)).toEqual(['BD']);
  });

  it('matches a unit name typed in NFD', () => {
    const top: CellValue[][] = [[nfd('Đơn vị: LĐLĐ quận Ba Đình')], [], []];
    const { submissions, findings } = parse([workbook('a.xlsx', [selfSheet('Sheet1', { top, self: FULL_SCORES })])]);
    expect(findings).toEqual([]);
    expect(submissions.map((s) => s.unit)).toEqual(['BD']);
  });

  it('takes the unit from each sheet name when there is no label: several units in one workbook', () => {
    const top: CellValue[][] = [['BẢNG TỰ CHẤM'], [], []];
    const wb = workbook('Cum1_tucham.xlsx', [
      selfSheet(nfd('Đống Đa'), { top, self: FULL_SCORES }),
      selfSheet('HBT', { top, self: FULL_SCORES }),
    ]);
    const { submissions, findings } = parse([wb]);
    expect(findings).toEqual([]);
    expect(submissions.map((s) => `${s.unit}:${s.place.sheet}`)).toEqual([`DD:${nfd('Đống Đa')}`, 'HBT:HBT']);
  });

  it('falls back to the file name when the sheet name is generic', () => {
    const top: CellValue[][] = [['BẢNG TỰ CHẤM'], [], []];
    const { submissions, findings } = parse([workbook('uploads/TayHo.xlsx', [selfSheet('Trang tính1', { top, self: FULL_SCORES })])]);
    expect(findings).toEqual([]);
    expect(submissions.map((s) => s.unit)).toEqual(['TH']);
  });

  it('reports a labelled unit that is not a member at its cell, and reads nothing from it', () => {
    const top: CellValue[][] = [['BẢNG TỰ CHẤM'], ['Đơn vị:', 'LĐLĐ huyện Sóc Sơn'], []];
    const { submissions, findings } = parse([workbook('SocSon.xlsx', [selfSheet('Tự chấm', { top, self: FULL_SCORES })])]);
    expect(submissions).toEqual([]);
    expect(codes(findings)).toEqual(['SUBMISSION_UNIT_UNKNOWN@B2']);
    expect(findings[0]!.params).toEqual({ unit: 'LĐLĐ huyện Sóc Sơn' });
    expect(findings[0]!.unit).toBeUndefined();
  });

  it('reports a sheet named after a non-member, and a sheet that names no unit at all', () => {
    const top: CellValue[][] = [['BẢNG TỰ CHẤM'], [], []];
    const wb = workbook('Bai nop.xlsx', [selfSheet('Quận 12', { top, self: FULL_SCORES })]);
    const generic = workbook('Sheet1.xlsx', [selfSheet('Tự chấm', { top, self: FULL_SCORES })]);
    const { submissions, findings } = parse([wb, generic]);
    expect(submissions).toEqual([]);
    expect(findings.map((f) => [f.code, f.place])).toEqual([
      ['SUBMISSION_UNIT_UNKNOWN', { file: 'Bai nop.xlsx', sheet: 'Quận 12' }],
      ['SUBMISSION_UNIT_UNNAMED', { file: 'Sheet1.xlsx', sheet: 'Tự chấm' }],
    ]);
    expect(findings[0]!.params).toEqual({ unit: 'Quận 12' });
  });

  it('reports two submissions for one unit, naming both places, and blocks that unit', () => {
    const first = workbook('HoanKiem.xlsx', [selfSheet('Tự chấm', { self: FULL_SCORES })]);
    const second = workbook('HoanKiem (2).xlsx', [selfSheet('Tự chấm', { self: FULL_SCORES })]);
    const { submissions, findings } = parse([first, second]);
    expect(submissions.map((s) => s.place.file)).toEqual(['HoanKiem.xlsx']);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.code).toBe('SUBMISSION_DUPLICATE');
    expect(f.place).toEqual({ file: 'HoanKiem (2).xlsx', sheet: 'Tự chấm' });
    expect(f.params).toEqual({ unit: 'HK', other: 'HoanKiem.xlsx › Tự chấm' });
    expect(f.unit).toBe('HK');
  });

  it('reports a workbook with no score table at all, once for the file', () => {
    const notes = workbook('CongVan.xlsx', [sheet('Sheet1', [['Kính gửi: Cụm thi đua số 1'], ['Nội dung', 'Ghi chú']])]);
    const { submissions, findings } = parse([notes]);
    expect(submissions).toEqual([]);
    expect(findings.map((f) => [f.code, f.place])).toEqual([['SUBMISSION_NOT_FOUND', { file: 'CongVan.xlsx' }]]);
  });
});

// ---------------------------------------------------------------- rubric drift

describe('parseSubmissions: a member that changed its copy of the rubric', () => {
  it('names the changed max, the added criterion and the dropped one, each blocking the unit', () => {
    const rows: CellValue[][] = [
      ['I', 'Công tác tổ chức', 30, 23.5], // row 5
      ['1', 'Phát triển đoàn viên', 15, 8], // row 6: max 10 became 15
      ['2', 'Thành lập CĐCS', 20, 15.5], // row 7
      ['3', 'Tiêu chí tự thêm', 5, 5], // row 8: not in the cluster's rubric
      ['II', 'Hoạt động chăm lo', 20, 10], // row 9
      ['1', 'Chăm lo Tết', 12, 10], // row 10; II.2 dropped
      ['III', 'Điểm thưởng', 5, 2], // row 11
      ['IV', 'Điểm trừ', 10, 1], // row 12
      ['V', 'Vi phạm pháp luật', null, null], // row 13
    ];
    const s = sheet('Tự chấm', [['BẢNG TỰ CHẤM'], ['Đơn vị: LĐLĐ quận Hoàn Kiếm'], [], HEADER, ...rows]);
    const { submissions, findings } = parse([workbook('HoanKiem.xlsx', [s])]);
    expect(codes(findings)).toEqual(['CRITERION_MISSING@-', 'CRITERION_MAX_CHANGED@C6', 'CRITERION_ADDED@A8']);
    expect(findings.map((f) => f.params)).toEqual([{ path: 'II.2' }, { path: 'I.1', expected: '10', found: '15' }, { path: 'I.3' }]);
    expect(findings.every((f) => f.unit === 'HK' && f.place.sheet === 'Tự chấm')).toBe(true);
    // The scores of the criteria that are there are still read; the dropped one has no cell at all.
    expect([...submissions[0]!.self.keys()]).toEqual(['I.1', 'I.2', 'II.1', 'III', 'IV', 'V']);
  });
});

// ---------------------------------------------------------------- score cells

describe('parseSubmissions: score cells as members type them', () => {
  const at = (cell: string) => ({ file: 'HoanKiem.xlsx', sheet: 'Tự chấm', cell });

  it('reads numbers typed as text with a warning, and refuses what it cannot read', () => {
    const self: CellValue[] = [
      null, // I (subtotal left blank)
      '9,5', // I.1 D6: decimal comma -> 9.5, warning
      ' 8 ', // I.2 D7: spaces -> 8, warning
      null, // II
      '1.000', // II.1 D9: one or a thousand? error
      err('#REF!'), // II.2 D10
      '3 điểm', // III D11: not a number
      -2, // IV D12: penalty typed negative -> deducts 2
      'x', // V D13: veto met
    ];
    const reviewed: CellValue[] = [null, null, 25, null, null, null, null, 2, 'không']; // E7: 25 > max 20
    const wb = workbook('HoanKiem.xlsx', [selfSheet('Tự chấm', { self, reviewed })]);
    const { submissions, findings } = parse([wb]);
    expect(codes(findings)).toEqual([
      'NUMBER_AS_TEXT@D6',
      'NUMBER_AS_TEXT@D7',
      'SCORE_OUT_OF_RANGE@E7',
      'SCORE_AMBIGUOUS@D9',
      'SCORE_CELL_ERROR@D10',
      'SCORE_NOT_NUMBER@D11',
    ]);
    expect(findings.map((f) => f.params)).toEqual([
      { text: '9,5', value: '9.5' },
      { text: '8', value: '8' },
      { path: 'I.2', value: '25', max: '20' },
      { path: 'II.1', value: '1.000' },
      { path: 'II.2', error: '#REF!' },
      { path: 'III', value: '3 điểm' },
    ]);
    expect(findings.every((f) => f.unit === 'HK')).toBe(true);
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning', 'error', 'error', 'error', 'error']);

    const s = submissions[0]!;
    const v = (path: string) => s.self.get(path)!.value?.toString() ?? null;
    expect([v('I.1'), v('I.2'), v('II.1'), v('II.2'), v('III'), v('IV'), v('V')]).toEqual(['9.5', '8', null, null, null, '2', '1']);
    // An unreadable cell is neither a score nor a blank.
    expect(s.self.get('II.1')).toEqual({ value: null, blank: false, place: at('D9') });
    // Reviewed: E7 out of range (kept, unreadable), E12 penalty 2, E13 veto "không" -> not met.
    expect([...s.reviewed.entries()].map(([p, c]) => `${p}=${c.value?.toString() ?? 'x'}@${c.place.cell}`)).toEqual([
      'I.2=x@E7',
      'IV=2@E12',
      'V=0@E13',
    ]);
    // No subtotal stated: the blank I and II cells are simply not kept.
    expect(s.statedSubtotals.size).toBe(0);
  });

  it('reads a penalty typed as 2 like -2, and refuses a veto mark it does not know', () => {
    const self: CellValue[] = [null, 10, 20, null, 12, 8, 5, 2, 'có lẽ'];
    const { submissions, findings } = parse([workbook('HoanKiem.xlsx', [selfSheet('Tự chấm', { self })])]);
    expect(codes(findings)).toEqual(['VETO_MARK_UNKNOWN@D13']);
    expect(findings[0]!.params).toEqual({ path: 'V', value: 'có lẽ' });
    expect(submissions[0]!.self.get('IV')!.value!.toString()).toBe('2');
  });

  it('finds the table under a title, merged two-row headers and reordered columns', () => {
    // Columns: A Tự chấm, B Cụm chấm (both under a merged "Điểm"), C Mã, D Nội dung, E Điểm tối đa.
    const rows: CellValue[][] = [
      ['BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024'], // row 1, merged A1:E1
      ['Đơn vị: LĐLĐ quận Cầu Giấy'], // row 2
      ['Điểm', null, 'Mã', 'Nội dung', 'Điểm tối đa'], // row 3
      ['Tự chấm', 'Cụm chấm'], // row 4
      ...COPY.map((r, i) => [FULL_SCORES[i] ?? null, i === 2 ? 18 : null, r[0]!, r[1]!, r[2]!]), // rows 5-13
    ];
    const s = sheet('Bảng điểm', rows, { merges: ['A1:E1', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:E4'] });
    const { submissions, findings } = parse([workbook('CauGiay.xlsx', [s])]);
    expect(findings).toEqual([]);
    expect(submissions.map((x) => x.unit)).toEqual(['CG']);
    const sub = submissions[0]!;
    expect(sub.self.get('I.2')!.place.cell).toBe('A7');
    expect(sub.self.get('I.2')!.value!.toString()).toBe('15.5');
    expect(sub.reviewed.get('I.2')!.place.cell).toBe('B7');
    expect(sub.reviewed.get('I.2')!.value!.toString()).toBe('18');
  });

  it('reads hidden rows, with one warning for the sheet', () => {
    const wb = workbook('HoanKiem.xlsx', [selfSheet('Tự chấm', { self: FULL_SCORES, hiddenRows: [6, 7] })]);
    const { submissions, findings } = parse([wb]);
    expect(codes(findings)).toEqual(['ROW_HIDDEN_READ@A6']);
    expect(findings[0]!.params).toEqual({ rows: '6-7' });
    expect(findings[0]!.unit).toBe('HK');
    expect(submissions[0]!.self.get('I.2')!.value!.toString()).toBe('15.5');
  });
});

// ---------------------------------------------------------------- where submissions are

describe('parseSubmissions: sheets pasted into the cluster workbook and hidden sheets', () => {
  it('reads a submission pasted into the cluster workbook, and never its own rubric, members or generated sheets', () => {
    const top: CellValue[][] = [['BẢNG TỰ CHẤM'], [], []];
    const ranking = sheet('Xếp hạng', [['Hạng', 'Mã', 'Đơn vị', 'Tự chấm'], [1, 'I', 'HK', 90]]);
    const cluster = clusterBook([selfSheet('DD', { top, self: FULL_SCORES }), ranking]);
    const { submissions, findings } = parse([], cluster);
    expect(findings).toEqual([]);
    expect(submissions.map((s) => `${s.unit}@${s.place.file}›${s.place.sheet}`)).toEqual(['DD@Cum1.xlsx›DD']);
  });

  it('does not name a pasted sheet after the cluster file', () => {
    const top: CellValue[][] = [['BẢNG TỰ CHẤM'], [], []];
    // Cum1 is not a member either way; the point is that the file name is not even tried.
    const { submissions, findings } = parse([], clusterBook([selfSheet('Sheet2', { top, self: FULL_SCORES })]));
    expect(submissions).toEqual([]);
    expect(findings.map((f) => [f.code, f.place])).toEqual([['SUBMISSION_UNIT_UNNAMED', { file: 'Cum1.xlsx', sheet: 'Sheet2' }]]);
  });

  it('does not read a hidden submission sheet, and says so', () => {
    const wb = workbook('HoanKiem.xlsx', [
      selfSheet('Tự chấm', { self: FULL_SCORES, hidden: true }),
      sheet('Ghi chú', [['Ghi chú ẩn']], { hidden: true }),
    ]);
    const { submissions, findings } = parse([wb]);
    expect(submissions).toEqual([]);
    expect(findings.map((f) => [f.code, f.place])).toEqual([
      ['SHEET_HIDDEN_IGNORED', { file: 'HoanKiem.xlsx', sheet: 'Tự chấm' }],
      ['SUBMISSION_NOT_FOUND', { file: 'HoanKiem.xlsx' }],
    ]);
  });
});

// ---------------------------------------------------------------- peer scoring

describe('parseSubmissions: a peer-scoring sheet', () => {
  it('reads one score column per scored unit; a column naming a non-member is reported and ignored', () => {
    const rows: CellValue[][] = [
      ['BẢNG CHẤM CHÉO'], // row 1
      ['Đơn vị chấm: LĐLĐ quận Hoàn Kiếm'], // row 2
      [], // row 3
      ['STT', 'Nội dung', 'Điểm tối đa', 'BD', nfd('LĐLĐ quận Đống Đa'), 'Quận 99', 'Ghi chú'], // row 4
      ['I', 'Công tác tổ chức', 30, null, null, null, null], // row 5
      ['1', 'Phát triển đoàn viên', 10, 9, '8,5', 7, 'tốt'], // row 6
      ['2', 'Thành lập CĐCS', 20, 18, 'abc', 1], // row 7
      ['II', 'Hoạt động chăm lo', 20], // row 8
      ['1', 'Chăm lo Tết', 12, 11, 12], // row 9
      ['2', 'Phong trào thi đua', 8, 8, null], // row 10
      ['III', 'Điểm thưởng', 5, 0, 1], // row 11
      ['IV', 'Điểm trừ', 10, -1, 0], // row 12
      ['V', 'Vi phạm pháp luật', null, null, 'x'], // row 13
    ];
    const wb = workbook('ChamCheo.xlsx', [sheet('Chấm chéo', rows)]);
    const { submissions, peers, findings } = parse([wb]);
    expect(submissions).toEqual([]);
    expect(codes(findings)).toEqual(['PEER_UNIT_UNKNOWN@F4', 'NUMBER_AS_TEXT@E6', 'SCORE_NOT_NUMBER@E7']);
    expect(findings[0]!.params).toEqual({ unit: 'Quận 99' });
    expect(findings[0]!.unit).toBe('HK');
    // A bad cell is about the unit being scored.
    expect(findings[2]!.unit).toBe('DD');
    expect(peers).toHaveLength(1);
    const p = peers[0]!;
    expect(p.rater).toBe('HK');
    expect(p.place).toEqual({ file: 'ChamCheo.xlsx', sheet: 'Chấm chéo' });
    expect([...p.scores.keys()]).toEqual(['BD', 'DD']);
    const col = (unit: string) =>
      [...p.scores.get(unit)!.entries()].map(([path, c]) => `${path}=${c.value?.toString() ?? (c.blank ? 'blank' : 'x')}@${c.place.cell}`);
    expect(col('BD')).toEqual(['I.1=9@D6', 'I.2=18@D7', 'II.1=11@D9', 'II.2=8@D10', 'III=0@D11', 'IV=1@D12', 'V=blank@D13']);
    expect(col('DD')).toEqual(['I.1=8.5@E6', 'I.2=x@E7', 'II.1=12@E9', 'II.2=blank@E10', 'III=1@E11', 'IV=0@E12', 'V=1@E13']);
  });
});

// ---------------------------------------------------------------- hostile text

describe('parseSubmissions: hostile text', () => {
  it('keeps formula-like and prototype-like names as plain text and never throws', () => {
    const top: CellValue[][] = [['=HYPERLINK("http://evil.example","HK")'], ['Đơn vị: =HYPERLINK("http://evil.example","HK")'], []];
    const formula = workbook('a.xlsx', [selfSheet('Tự chấm', { top, self: FULL_SCORES })]);
    const proto = workbook('b.xlsx', [selfSheet('__proto__', { top: [['BẢNG TỰ CHẤM'], [], []], self: FULL_SCORES })]);
    const { submissions, findings } = parse([formula, proto]);
    expect(submissions).toEqual([]);
    expect(findings.map((f) => [f.code, f.place.cell ?? '-', f.params])).toEqual([
      ['SUBMISSION_UNIT_UNKNOWN', 'A2', { unit: '=HYPERLINK("http://evil.example","HK")' }],
      ['SUBMISSION_UNIT_UNKNOWN', '-', { unit: '__proto__' }],
    ]);
    expect(({} as Record<string, unknown>).HK).toBeUndefined();
  });
});

// ---------------------------------------------------------------- groups (Khối)

describe('parseSubmissions: criteria for one group only', () => {
  it('asks a unit only for the criteria of its group', () => {
    // I.2 applies to businesses (DN) only: HK (public body, HC) may leave it out, BD (DN) may not.
    const rubricRows: CellValue[][] = [
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Khối'],
      ['I', 'Công tác tổ chức', 30],
      ['1', 'Phát triển đoàn viên', 10],
      ['2', 'Thương lượng tập thể', 20, 'DN'],
    ];
    const members: CellValue[][] = [
      ['Mã đơn vị', 'Tên đơn vị', 'Khối'],
      ['HK', 'LĐLĐ quận Hoàn Kiếm', 'HC'],
      ['BD', 'Công đoàn Tổng công ty Ba Đình', 'DN'],
    ];
    const cluster = workbook('Cum1.xlsx', [sheet('Thang điểm', rubricRows), sheet('Đơn vị', members)]);
    const copy = (unit: string): GridSheet =>
      sheet('Tự chấm', [[`Mã đơn vị: ${unit}`], ['Mã', 'Nội dung', 'Điểm tối đa', 'Tự chấm'], ['I', 'Công tác tổ chức', 30], ['1', 'Phát triển đoàn viên', 10, 9]]);
    const { submissions, findings } = parse([workbook('HK.xlsx', [copy('HK')]), workbook('BD.xlsx', [copy('BD')])], cluster);
    expect(findings.map((f) => [f.code, f.place.file, f.params, f.unit])).toEqual([['CRITERION_MISSING', 'BD.xlsx', { path: 'I.2' }, 'BD']]);
    expect(submissions.map((s) => `${s.unit}:${[...s.self.keys()].join(',')}`)).toEqual(['HK:I.1', 'BD:I.1']);
  });
});

describe('parseSubmissions: tables that only look like peer sheets', () => {
  it('does not take a vote matrix kept under another sheet name for a peer-scoring sheet', () => {
    const matrix = sheet('Kết quả bình xét', [
      ['STT', 'Đơn vị được đề nghị', 'HK', 'BD', 'DD'],
      [1, 'HK', 'x', 'x', 'x'],
      [2, 'BD', 'x', 'x', null],
    ]);
    const { submissions, peers, findings } = parse([], clusterBook([matrix]));
    expect([submissions, peers, findings]).toEqual([[], [], []]);
  });
});
