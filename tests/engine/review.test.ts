/**
 * An independent review of the engine against the brief: each test is what a secretary would do with a
 * small hand-made cluster, run end to end through runCluster, with figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, FindingCode } from '../../src/engine/findings/catalogue';
import type { CellValue, GridSheet, GridWorkbook } from '../../src/engine/grid';
import type { OutCell, OutputSheet } from '../../src/engine/output/types';
import type { ClusterResult } from '../../src/engine/pipeline';
import { runCluster } from '../../src/engine/pipeline';
import { err, nfd, sheet, workbook } from './helpers/grids';

// ---------------------------------------------------------------- builders

const CLUSTER = 'cum.xlsx';

/** Rubric row: code, label, max, kind, weight. */
type RRow = [CellValue, string, CellValue, string | null, CellValue];

function rubricSheet(rows: RRow[]): GridSheet {
  return sheet('Thang điểm', [['THANG ĐIỂM THI ĐUA'], [], ['Mã', 'Nội dung', 'Điểm tối đa', 'Loại', 'Hệ số'], ...rows.map((r) => [...r])]);
}

/** Members: code, name, group. */
function membersSheet(list: [string, string, string?][]): GridSheet {
  const grouped = list.some((m) => m[2] !== undefined);
  return sheet('Đơn vị', [
    ['Mã đơn vị', 'Tên đơn vị', ...(grouped ? ['Khối'] : [])],
    ...list.map(([c, n, g]) => [c, n, ...(grouped ? [g ?? null] : [])]),
  ]);
}

function settingsSheet(pairs: [string, CellValue][]): GridSheet {
  return sheet('Cấu hình', [['Tham số', 'Giá trị'], ...pairs.map(([k, v]) => [k, v])]);
}

function clusterBook(rubric: GridSheet, members: GridSheet, ...more: GridSheet[]): GridWorkbook {
  return workbook(CLUSTER, [rubric, members, ...more]);
}

/** A member's self-score sheet: `Đơn vị: <unit>` in row 1, header in row 3 (Mã, Nội dung, Điểm tối đa, Tự chấm, Cụm chấm). */
function selfSheet(unit: string, rows: [CellValue, string, CellValue, CellValue, CellValue?][], name = 'Tự chấm', extra: CellValue[][] = []): GridSheet {
  return sheet(name, [
    [`Đơn vị: ${unit}`],
    [],
    ['Mã', 'Nội dung', 'Điểm tối đa', 'Tự chấm', 'Cụm chấm'],
    ...rows.map(([c, l, m, s, r]) => [c, l, m, s, r ?? null]),
    ...extra,
  ]);
}

const codes = (fs: readonly Finding[]): string[] => fs.map((f) => f.code);
const unit = (r: ClusterResult, code: string) => r.units.find((u) => u.code === code)!;
const values = (row: OutCell[] | undefined): unknown[] => (row ?? []).map((c) => c.value);
const sheetOf = (r: ClusterResult, role: OutputSheet['role']): OutputSheet => r.sheets.find((s) => s.role === role)!;
const withCode = <C extends FindingCode>(r: ClusterResult, code: C) => r.findings.filter((f): f is Extract<Finding, { code: C }> => f.code === code);

// A small rubric used by many probes: I (cap 20) with 1 (10) and 2 (10); II.1 a bonus (5); III.1 a penalty (5).
const SMALL: RRow[] = [
  ['I', 'Công tác chính', 20, null, null],
  [1, 'Tiêu chí một', 10, null, null],
  [2, 'Tiêu chí hai', 10, null, null],
  ['II', 'Điểm cộng', null, null, null],
  [1, 'Sáng kiến', 5, null, null],
  ['III', 'Điểm trừ', null, null, null],
  [1, 'Báo cáo chậm', 5, null, null],
];
const smallRows = (a: CellValue, b: CellValue, bonus: CellValue, penalty: CellValue): [CellValue, string, CellValue, CellValue][] => [
  ['I', 'Công tác chính', 20, null],
  [1, 'Tiêu chí một', 10, a],
  [2, 'Tiêu chí hai', 10, b],
  ['II', 'Điểm cộng', null, null],
  [1, 'Sáng kiến', 5, bonus],
  ['III', 'Điểm trừ', null, null],
  [1, 'Báo cáo chậm', 5, penalty],
];
const THREE: [string, string][] = [
  ['A', 'LĐLĐ quận An Dương'],
  ['B', 'LĐLĐ quận Bắc Từ Liêm'],
  ['C', 'LĐLĐ quận Cầu Giấy'],
];

describe('review: rubric (rule 1)', () => {
  it('caps a section at its max (children reach 27, cap 25) and warns with both figures at the max cell', () => {
    const rubric = rubricSheet([
      ['I', 'Tuyên truyền', 25, null, null],
      [1, 'Một', 10, null, null],
      [2, 'Hai', 10, null, null],
      [3, 'Ba', 7, null, null],
    ]);
    const r = runCluster({
      cluster: clusterBook(rubric, membersSheet([['A', 'Đơn vị A']])),
      submissions: [
        workbook('a.xlsx', [
          selfSheet('A', [
            ['I', 'Tuyên truyền', 25, null],
            [1, 'Một', 10, 10],
            [2, 'Hai', 10, 10],
            [3, 'Ba', 7, 7],
          ]),
        ]),
      ],
    });
    const w = withCode(r, 'RUBRIC_PARENT_MAX_MISMATCH');
    expect(w.map((f) => [f.place.cell, f.params])).toEqual([['C4', { path: 'I', max: '25', childrenSum: '27' }]]);
    // 10 + 10 + 7 = 27, capped at 25.
    expect(unit(r, 'A').total?.toString()).toBe('25');
    expect(unit(r, 'A').sections[0]!.subtotal.toString()).toBe('25');
  });

  it('compares a parent max with weight x max: 10 + 10x2 + 10 = 40 agrees, and a weighted 9 counts 18', () => {
    const rubric = rubricSheet([
      ['II', 'Chăm lo', 40, null, null],
      [1, 'Một', 10, null, null],
      [2, 'Hai', 10, null, 2],
      [3, 'Ba', 10, null, null],
    ]);
    const r = runCluster({
      cluster: clusterBook(rubric, membersSheet([['A', 'Đơn vị A']])),
      submissions: [
        workbook('a.xlsx', [
          selfSheet('A', [
            ['II', 'Chăm lo', 40, null],
            [1, 'Một', 10, 8],
            [2, 'Hai', 10, 9],
            [3, 'Ba', 10, 7.5],
          ]),
        ]),
      ],
    });
    expect(withCode(r, 'RUBRIC_PARENT_MAX_MISMATCH')).toEqual([]);
    // 8 + 2 x 9 + 7.5 = 33.5
    expect(unit(r, 'A').total?.toString()).toBe('33.5');
  });

  it('builds paths when numbering restarts and dotted codes are mixed in', () => {
    const rubric = rubricSheet([
      ['I', 'Mục một', null, null, null],
      [1, 'Một', 10, null, null],
      [2, 'Hai', 10, null, null],
      ['2.1', 'Hai chấm một', 5, null, null],
      ['2.2', 'Hai chấm hai', 5, null, null],
      ['II', 'Mục hai', null, null, null],
      [1, 'Một', 10, null, null],
      ['1.a', 'Một a', 4, null, null],
      ['b', 'Một b', 6, null, null],
      ['II.2', 'Hai', 5, null, null],
    ]);
    const r = runCluster({ cluster: clusterBook(rubric, membersSheet([['A', 'Đơn vị A']])), submissions: [] });
    expect(r.rubric?.nodes.map((n) => n.path)).toEqual(['I', 'I.1', 'I.2', 'I.2.1', 'I.2.2', 'II', 'II.1', 'II.1.a', 'II.1.b', 'II.2']);
    expect(r.rubric?.leaves.map((n) => n.path)).toEqual(['I.1', 'I.2.1', 'I.2.2', 'II.1.a', 'II.1.b', 'II.2']);
    expect(r.findings.filter((f) => f.severity === 'error' && f.code.startsWith('RUBRIC'))).toEqual([]);
  });

  it('points at the code cell of a code that does not nest, a duplicate path and a bad max', () => {
    const rubric = rubricSheet([
      ['I', 'Mục một', null, null, null],
      [1, 'Một', 10, null, null],
      ['3.1', 'Không có cha', 5, null, null],
      [1, 'Trùng', 10, null, null],
      [2, 'Âm', -3, null, null],
      [3, 'Chữ', 'mười', null, null],
    ]);
    const r = runCluster({ cluster: clusterBook(rubric, membersSheet([['A', 'Đơn vị A']])), submissions: [] });
    const errors = r.findings.filter((f) => f.severity === 'error' && f.code !== 'SUBMISSION_MISSING');
    expect(errors.map((f) => [f.code, f.place.cell])).toEqual([
      ['RUBRIC_CODE_NESTING', 'A6'],
      ['RUBRIC_DUPLICATE_PATH', 'A7'],
      ['RUBRIC_MAX_INVALID', 'C8'],
      ['RUBRIC_MAX_INVALID', 'C9'],
    ]);
    expect(unit(r, 'A').status).toBe('invalid');
  });
});

describe('review: scores (rule 2)', () => {
  const cluster = () => clusterBook(rubricSheet(SMALL), membersSheet([['A', 'Đơn vị A']]));

  it('recomputes the member own subtotal rows and bottom total: a mismatch names both figures', () => {
    const rows: [CellValue, string, CellValue, CellValue][] = [
      ['I', 'Công tác chính', 20, 17], // stated 17, recomputed 9 + 7.5 = 16.5
      [1, 'Tiêu chí một', 10, 9],
      [2, 'Tiêu chí hai', 10, 7.5],
      ['II', 'Điểm cộng', null, 2],
      [1, 'Sáng kiến', 5, 2],
      ['III', 'Điểm trừ', null, 1],
      [1, 'Báo cáo chậm', 5, 1],
    ];
    const r = runCluster({
      cluster: cluster(),
      submissions: [workbook('a.xlsx', [selfSheet('A', rows, 'Tự chấm', [[null, 'Tổng cộng', null, 18.5]])])],
    });
    // Total: 16.5 + 2 - 1 = 17.5; the member wrote 18.5 at the bottom and 17 for section I.
    expect(unit(r, 'A').total?.toString()).toBe('17.5');
    expect(withCode(r, 'SUBTOTAL_MISMATCH').map((f) => [f.place.cell, f.params])).toEqual([
      ['D4', { path: 'I', stated: '17.00', computed: '16.50' }],
      ['D11', { path: 'Σ', stated: '18.50', computed: '17.50' }],
    ]);
  });

  it('says nothing when the member own figures agree, including a "Cộng mục" line and a negative penalty subtotal', () => {
    const rows: [CellValue, string, CellValue, CellValue][] = [
      ['I', 'Công tác chính', 20, 16.5],
      [1, 'Tiêu chí một', 10, 9],
      [2, 'Tiêu chí hai', 10, 7.5],
      [null, 'Cộng mục I', null, 16.5],
      ['II', 'Điểm cộng', null, 2],
      [1, 'Sáng kiến', 5, 2],
      ['III', 'Điểm trừ', null, -1],
      [1, 'Báo cáo chậm', 5, -1],
    ];
    const r = runCluster({
      cluster: cluster(),
      submissions: [workbook('a.xlsx', [selfSheet('A', rows, 'Tự chấm', [[null, 'Tổng cộng', null, 17.5]])])],
    });
    expect(unit(r, 'A').total?.toString()).toBe('17.5');
    expect(withCode(r, 'SUBTOTAL_MISMATCH')).toEqual([]);
  });

  it('warns on a "Cộng mục I" line that disagrees with the recomputed section', () => {
    const rows: [CellValue, string, CellValue, CellValue][] = [
      ['I', 'Công tác chính', 20, null],
      [1, 'Tiêu chí một', 10, 9],
      [2, 'Tiêu chí hai', 10, 7.5],
      [null, 'Cộng mục I', null, 15],
      ['II', 'Điểm cộng', null, null],
      [1, 'Sáng kiến', 5, 2],
      ['III', 'Điểm trừ', null, null],
      [1, 'Báo cáo chậm', 5, 1],
    ];
    const r = runCluster({ cluster: cluster(), submissions: [workbook('a.xlsx', [selfSheet('A', rows)])] });
    expect(withCode(r, 'SUBTOTAL_MISMATCH').map((f) => [f.place.cell, f.params])).toEqual([['D7', { path: 'I', stated: '15.00', computed: '16.50' }]]);
  });

  it('reads "9,5", " 8 " and "9.5" with a warning; refuses "1.000" and a 1.200,5 above the max, at their cells', () => {
    const members = membersSheet([
      ['A', 'Đơn vị A'],
      ['B', 'Đơn vị B'],
    ]);
    const a = workbook('a.xlsx', [selfSheet('A', smallRows('9,5', ' 8\u00a0', '1.5', '-2'))]);
    const b = workbook('b.xlsx', [selfSheet('B', smallRows('1.000', '1.200,5', null, null))]);
    const r = runCluster({ cluster: clusterBook(rubricSheet(SMALL), members), submissions: [a, b] });
    // A: 9.5 + 8 = 17.5, bonus 1.5, penalty 2 (typed -2): 17
    expect(unit(r, 'A').total?.toString()).toBe('17');
    expect(withCode(r, 'NUMBER_AS_TEXT').map((f) => [f.place.file, f.place.cell, f.params.value])).toEqual([
      ['a.xlsx', 'D5', '9.5'],
      ['a.xlsx', 'D6', '8'],
      ['a.xlsx', 'D8', '1.5'],
      ['a.xlsx', 'D10', '-2'],
      // Read, then refused as out of range: the warning says how the text was read.
      ['b.xlsx', 'D6', '1200.5'],
    ]);
    expect(unit(r, 'B').status).toBe('invalid');
    expect(codes(unit(r, 'B').reasons)).toEqual(['SCORE_AMBIGUOUS', 'SCORE_OUT_OF_RANGE']);
    expect(unit(r, 'B').reasons.map((f) => [f.place.cell, f.params])).toEqual([
      ['D5', { path: 'I.1', value: '1.000' }],
      ['D6', { path: 'I.2', value: '1200.5', max: '10' }],
    ]);
  });

  it('deducts 2 for a penalty typed 2 or -2, counts a blank bonus and penalty as 0', () => {
    const members = membersSheet([
      ['A', 'Đơn vị A'],
      ['B', 'Đơn vị B'],
      ['C', 'Đơn vị C'],
    ]);
    const r = runCluster({
      cluster: clusterBook(rubricSheet(SMALL), members),
      submissions: [
        workbook('a.xlsx', [selfSheet('A', smallRows(9, 8, 1, 2))]),
        workbook('b.xlsx', [selfSheet('B', smallRows(9, 8, 1, -2))]),
        workbook('c.xlsx', [selfSheet('C', smallRows(9, 8, null, null))]),
      ],
    });
    // 9 + 8 + 1 - 2 = 16 for both A and B; C: 9 + 8 = 17.
    expect(['A', 'B', 'C'].map((c) => unit(r, c).total?.toString())).toEqual(['16', '16', '17']);
    expect(unit(r, 'A').penalty.toString()).toBe('2');
    expect(unit(r, 'B').penalty.toString()).toBe('2');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a blank standard criterion is an error at its cell; with "Ô điểm trống: không điểm" it counts 0', () => {
    const sub = workbook('a.xlsx', [selfSheet('A', smallRows(9, null, null, null))]);
    const strict = runCluster({ cluster: cluster(), submissions: [sub] });
    expect(unit(strict, 'A').status).toBe('invalid');
    expect(unit(strict, 'A').reasons.map((f) => [f.code, f.place.file, f.place.cell])).toEqual([['SCORE_BLANK', 'a.xlsx', 'D6']]);

    const lenient = runCluster({ cluster: clusterBook(rubricSheet(SMALL), membersSheet([['A', 'Đơn vị A']]), settingsSheet([['Ô điểm trống', 'không điểm']])), submissions: [sub] });
    expect(unit(lenient, 'A').status).toBe('ranked');
    expect(unit(lenient, 'A').total?.toString()).toBe('9');
  });

  it('reports #REF! in a score cell at that cell and blocks only that unit', () => {
    const members = membersSheet([
      ['A', 'Đơn vị A'],
      ['B', 'Đơn vị B'],
    ]);
    const r = runCluster({
      cluster: clusterBook(rubricSheet(SMALL), members),
      submissions: [workbook('a.xlsx', [selfSheet('A', smallRows(err('#REF!'), 8, 0, 0))]), workbook('b.xlsx', [selfSheet('B', smallRows(9, 8, 0, 0))])],
    });
    expect(unit(r, 'A').reasons.map((f) => [f.code, f.place.cell, f.params])).toEqual([['SCORE_CELL_ERROR', 'D5', { path: 'I.1', error: '#REF!' }]]);
    expect(unit(r, 'B').rank).toBe(1);
  });
});

/** A rater's peer sheet: `Đơn vị chấm: <rater>`, then one column per scored unit (by code). */
function peerSheet(rater: string, units: string[], rows: [CellValue, string, CellValue, ...CellValue[]][]): GridSheet {
  return sheet('Chấm chéo', [[`Đơn vị chấm: ${rater}`], [], ['Mã', 'Nội dung', 'Điểm tối đa', ...units], ...rows.map((r) => [...r])]);
}

describe('review: which score counts (rule 3)', () => {
  // One criterion worth 10 so every figure is the score itself.
  const ONE: RRow[] = [
    ['I', 'Mục', null, null, null],
    [1, 'Tiêu chí', 10, null, null],
  ];
  const self = (u: string, score: CellValue, reviewed: CellValue = null) =>
    workbook(`${u}.xlsx`, [selfSheet(u, [['I', 'Mục', null, null], [1, 'Tiêu chí', 10, score, reviewed]])]);
  const peers = (rater: string, a: CellValue, b: CellValue, c: CellValue, d: CellValue = null) =>
    workbook(`${rater}-cheo.xlsx`, [peerSheet(rater, ['A', 'B', 'C', 'D'], [['I', 'Mục', null], [1, 'Tiêu chí', 10, a, b, c, d]])]);
  const FOUR: [string, string][] = [...THREE, ['D', 'LĐLĐ quận Đông Anh']];
  const run = (source: string | null, subs: GridWorkbook[]) =>
    runCluster({
      cluster: clusterBook(rubricSheet(ONE), membersSheet(FOUR), ...(source ? [settingsSheet([['Nguồn điểm', source]])] : [])),
      submissions: subs,
    });
  // Peer scores of A by B, C, D: 6, 7, 9.5; A scores itself 10 (left out). B by A, C, D: 8, 8, 2.
  const peerBooks = () => [peers('A', 10, 8, 5, 5), peers('B', 6, 9, 5, 5), peers('C', 7, 8, 9, 5), peers('D', 9.5, 2, 5, 5)];
  const selfBooks = () => [self('A', 9, 8.5), self('B', 7), self('C', 6), self('D', 5)];

  it('auto: reviewed when present, else the peer mean without the unit own score, else self', () => {
    const r = run(null, [...selfBooks(), ...peerBooks()]);
    // A: reviewed 8.5. B: peers A 8, C 8, D 2 -> 18/3 = 6 (its own 9 left out).
    expect(unit(r, 'A').total?.toString()).toBe('8.5');
    expect(unit(r, 'B').total?.toString()).toBe('6');
    const noPeers = run(null, selfBooks());
    expect(['A', 'B', 'C', 'D'].map((c) => unit(noPeers, c).total?.toString())).toEqual(['8.5', '7', '6', '5']);
    const details = sheetOf(r, 'details');
    const rowB = details.rows.find((row) => row[0]?.value === 'B')!;
    expect(values(rowB).slice(7, 11)).toEqual([6, 6, 'Trung bình chấm chéo', 'A-cheo.xlsx › Chấm chéo › E5; C-cheo.xlsx › Chấm chéo › E5; D-cheo.xlsx › Chấm chéo › E5']);
  });

  it('a typo in a column that cannot count under the settings warns instead of blocking the unit', () => {
    // C typed "tám" for B in its peer sheet; B's self score is 7.
    const subs = [...selfBooks(), peers('A', 10, 8, 5, 5), peers('C', 7, 'tám', 9, 5), peers('D', 9.5, 2, 5, 5)];
    const auto = run(null, subs);
    expect(codes(unit(auto, 'B').reasons)).toEqual(['SCORE_NOT_NUMBER']);
    const selfOnly = run('tự chấm', subs);
    expect([unit(selfOnly, 'B').status, unit(selfOnly, 'B').total?.toString()]).toEqual(['ranked', '7']);
    expect(withCode(selfOnly, 'SCORE_NOT_NUMBER').map((f) => [f.severity, f.place.file, f.place.cell])).toEqual([['warning', 'C-cheo.xlsx', 'E5']]);
  });

  it('self-only, reviewed-only, peer median and trimmed mean', () => {
    const subs = [...selfBooks(), ...peerBooks()];
    expect(unit(run('tự chấm', subs), 'A').total?.toString()).toBe('9');
    expect(unit(run('cụm chấm', subs), 'A').total?.toString()).toBe('8.5');
    // A by B, C, D: 6, 7, 9.5 -> mean 22.5/3 = 7.5, median 7, trimmed (drop 6 and 9.5) 7.
    expect(unit(run('trung bình chấm chéo', subs), 'A').total?.toString()).toBe('7.5');
    expect(unit(run('trung vị chấm chéo', subs), 'A').total?.toString()).toBe('7');
    expect(unit(run('trung bình cắt', subs), 'A').total?.toString()).toBe('7');
    // B by A, C, D: 8, 8, 2 -> median 8; trimmed: drop one 8 and the 2 -> 8.
    expect(unit(run('trung vị chấm chéo', subs), 'B').total?.toString()).toBe('8');
    expect(unit(run('trung bình cắt', subs), 'B').total?.toString()).toBe('8');
    // Reviewed only: B has no reviewed score: a blank error.
    expect(codes(unit(run('cụm chấm', subs), 'B').reasons)).toEqual(['SCORE_BLANK']);
  });
});

describe('review: ranking, grades (rules 4-6)', () => {
  const FOUR: [string, string][] = [...THREE, ['D', 'LĐLĐ quận Đông Anh']];
  // Totals: A 9 + 9 = 18; B 8 + 7 + 1 = 16; C 9 + 7 + 1 - 1 = 16; D 6 + 6 = 12. B and C tie at 16.
  const subs = () => [
    workbook('a.xlsx', [selfSheet('A', smallRows(9, 9, 0, 0))]),
    workbook('b.xlsx', [selfSheet('B', smallRows(8, 7, 1, 0))]),
    workbook('c.xlsx', [selfSheet('C', smallRows(9, 7, 1, 1))]),
    workbook('d.xlsx', [selfSheet('D', smallRows(6, 6, 0, 0))]),
  ];

  it('shares ranks 1, 2, 2, 4 and flags the unresolved tie', () => {
    const r = runCluster({ cluster: clusterBook(rubricSheet(SMALL), membersSheet(FOUR)), submissions: subs() });
    expect(['A', 'B', 'C', 'D'].map((c) => [unit(r, c).total?.toString(), unit(r, c).rank, unit(r, c).tie])).toEqual([
      ['18', 1, false],
      ['16', 2, true],
      ['16', 2, true],
      ['12', 4, false],
    ]);
    expect(withCode(r, 'RANK_TIE_UNRESOLVED').map((f) => f.params)).toEqual([{ rank: 2, units: 'B, C', group: '' }]);
    const ranking = sheetOf(r, 'ranking');
    expect(ranking.rows.slice(4).map((row) => [row[0]?.value, row[1]?.value, row.at(-1)?.value])).toEqual([
      [1, 'A', null],
      [2, 'B', 'Đồng hạng'],
      [2, 'C', 'Đồng hạng'],
      [4, 'D', null],
    ]);
  });

  it('breaks the tie with the settings keys: section I (B 15 vs C 16), then bonus', () => {
    const r = runCluster({ cluster: clusterBook(rubricSheet(SMALL), membersSheet(FOUR), settingsSheet([['Tiêu chí phụ', 'I, điểm cộng']])), submissions: subs() });
    // B: I = 8 + 7 = 15; C: I = 9 + 7 = 16 -> C second, B third.
    expect(['A', 'B', 'C', 'D'].map((c) => [unit(r, c).rank, unit(r, c).tie])).toEqual([
      [1, false],
      [3, false],
      [2, false],
      [4, false],
    ]);
    expect(withCode(r, 'RANK_TIE_UNRESOLVED')).toEqual([]);
  });

  it('ranks each group separately and grades with the veto drop', () => {
    const rubric = rubricSheet([
      ...SMALL,
      ['IV', 'Tiêu chí liệt', null, null, null],
      [1, 'Vi phạm pháp luật', null, null, null],
    ]);
    const members = membersSheet([
      ['A', 'Đơn vị A', 'Doanh nghiệp'],
      ['B', 'Đơn vị B', 'Hành chính'],
      ['C', 'Đơn vị C', 'Doanh nghiệp'],
      ['D', 'Đơn vị D', 'Hành chính'],
    ]);
    const veto = (v: CellValue) => [['IV', 'Tiêu chí liệt', null, null], [1, 'Vi phạm pháp luật', null, v]] as [CellValue, string, CellValue, CellValue][];
    const r = runCluster({
      cluster: clusterBook(rubric, members, settingsSheet([['Xếp loại', 'Xuất sắc >= 18; Tốt >= 15; Khá >= 10; Yếu']])),
      submissions: [
        workbook('a.xlsx', [selfSheet('A', [...smallRows(9, 9, 0, 0), ...veto('x')])]),
        workbook('b.xlsx', [selfSheet('B', [...smallRows(8, 7, 1, 0), ...veto(null)])]),
        workbook('c.xlsx', [selfSheet('C', [...smallRows(9, 7, 1, 1), ...veto('Không')])]),
        workbook('d.xlsx', [selfSheet('D', [...smallRows(4, 4, 0, 0), ...veto(null)])]),
      ],
    });
    // A 18 (veto: Xuất sắc -> Tốt), rank 1 of Doanh nghiệp; C 16 Tốt rank 2; B 16 Tốt rank 1 of Hành chính; D 8 Yếu rank 2.
    expect(['A', 'B', 'C', 'D'].map((c) => [unit(r, c).rank, unit(r, c).grade])).toEqual([
      [1, 'Tốt'],
      [1, 'Tốt'],
      [2, 'Tốt'],
      [2, 'Yếu'],
    ]);
    // The Cờ thi đua skips A (veto) and goes to C in Doanh nghiệp and B in Hành chính.
    expect(['A', 'B', 'C', 'D'].map((c) => unit(r, c).award?.name ?? null)).toEqual(['Bằng khen', 'Cờ thi đua', 'Cờ thi đua', 'Bằng khen']);
    const ranking = sheetOf(r, 'ranking');
    expect(values(ranking.rows[3]).slice(0, 4)).toEqual(['Hạng', 'Mã đơn vị', 'Đơn vị', 'Khối']);
    expect(ranking.rows.slice(4).map((row) => [row[0]?.value, row[1]?.value, row[3]?.value])).toEqual([
      [1, 'A', 'Doanh nghiệp'],
      [2, 'C', 'Doanh nghiệp'],
      [1, 'B', 'Hành chính'],
      [2, 'D', 'Hành chính'],
    ]);
  });
});

describe('review: approval and awards (rules 7-8)', () => {
  const SIX: [string, string][] = [...THREE, ['D', 'LĐLĐ quận Đông Anh'], ['E', 'LĐLĐ quận Hà Đông'], ['F', 'LĐLĐ quận Tây Hồ']];
  const CODES = SIX.map((m) => m[0]);
  // Totals A 19 > B 18 > C 17 > D 16 > E 15 > F 14.
  const subs = () => CODES.map((c, i) => workbook(`${c}.xlsx`, [selfSheet(c, smallRows(10 - i, 9, 0, 0))]));
  const matrix = (rows: Record<string, CellValue[]>) => sheet('Biểu quyết', [['Mã đơn vị', ...CODES], ...Object.entries(rows).map(([u, marks]) => [u, ...marks])]);
  const run = (votes: GridSheet, settings: [string, CellValue][] = []) =>
    runCluster({ cluster: clusterBook(rubricSheet(SMALL), membersSheet(SIX), votes, settingsSheet(settings)), submissions: subs() });

  it('3 of 6 is not more than 50%; 4 of 6 is; 3 taking part is below the 2/3 quorum', () => {
    const r = run(
      matrix({
        A: ['x', 'x', 'x', 'x', 'Không', 'Không'],
        B: ['x', 'x', 'x', 'Không', 'Không', 'Không'],
        C: ['x', 'x', 'x', null, null, null],
      }),
    );
    expect(['A', 'B', 'C'].map((c) => [unit(r, c).vote?.approvals, unit(r, c).vote?.present, unit(r, c).vote?.approved])).toEqual([
      [4, 6, true],
      [3, 6, false],
      [3, 3, null],
    ]);
    expect(withCode(r, 'VOTE_NO_QUORUM').map((f) => f.params)).toEqual([{ unit: 'C', present: 3, members: 6, needed: 4 }]);
    const ranking = sheetOf(r, 'ranking');
    expect(ranking.rows[1]![0]!.value).toBe(
      'Kết quả được thông qua khi có trên 50% tổng số 6 thành viên tán thành; cần ít nhất 4/6 thành viên tham gia biểu quyết',
    );
    const row = (code: string) => ranking.rows.find((x) => x[1]?.value === code)!;
    const approvalsCol = values(ranking.rows[3]).indexOf('Tán thành / Thành viên');
    expect(['A', 'B', 'C'].map((c) => values(row(c)).slice(approvalsCol, approvalsCol + 3))).toEqual([
      ['4/6', 'Thông qua', 'Cờ thi đua'],
      ['3/6', 'Không thông qua', 'Bằng khen (đề nghị)'],
      ['3/6', 'Chưa đủ số thành viên', 'Bằng khen (đề nghị)'],
    ]);
  });

  it('denominator "present" and "at least" (not strict) change the outcome as set', () => {
    // B: 3 approvals of 4 taking part.
    const votes = matrix({ B: ['x', 'x', 'x', 'Không', null, null] });
    expect(unit(run(votes), 'B').vote?.approved).toBe(false); // 3 > 6 x 50% = 3? no
    expect(unit(run(votes, [['Mẫu số', 'có mặt']]), 'B').vote?.approved).toBe(true); // 3 > 4 x 50% = 2
    expect(unit(run(votes, [['Phải vượt quá tỷ lệ', 'không']]), 'B').vote?.approved).toBe(true); // 3 >= 3
  });

  it('a member marked "Vắng" (absent) did not take part: 3 votes and 3 absent is no quorum', () => {
    const votes = matrix({ A: ['x', 'x', 'x', 'Vắng', 'vắng mặt', 'Absent'], B: ['x', 'x', 'x', 'Không biểu quyết', null, null] });
    const r = run(votes, [['Mẫu số', 'có mặt']]);
    expect(unit(r, 'A').vote).toMatchObject({ approvals: 3, present: 3, quorum: false, approved: null });
    // An abstaining member took part: 4 present, 3 > 4 x 50%.
    expect(unit(r, 'B').vote).toMatchObject({ approvals: 3, present: 4, quorum: true, approved: true });
  });

  it('a mark by a non-member makes that row invalid, shown as such even when few took part', () => {
    const votes = sheet('Biểu quyết', [
      ['Mã đơn vị', ...CODES, 'Quận 99'],
      ['A', 'x', 'x', null, null, null, null, 'x'],
      ['B', 'x', 'x', 'x', 'x', null, null, null],
    ]);
    const r = run(votes);
    expect(withCode(r, 'VOTE_VOTER_NOT_MEMBER').map((f) => [f.place.cell, f.params])).toEqual([['H1', { voter: 'Quận 99' }]]);
    expect(unit(r, 'A').vote).toMatchObject({ invalid: true, approved: null });
    expect(unit(r, 'B').vote).toMatchObject({ invalid: false, approved: true });
    const ranking = sheetOf(r, 'ranking');
    const resultCol = values(ranking.rows[3]).indexOf('Kết quả biểu quyết');
    expect(['A', 'B'].map((c) => ranking.rows.find((x) => x[1]?.value === c)![resultCol]!.value)).toEqual(['Biểu quyết không hợp lệ', 'Thông qua']);
  });

  it('tallies: a count above the member count is an error at its cell and blocks only that vote', () => {
    const tallies = sheet('Biểu quyết', [
      ['Đơn vị', 'Tán thành', 'Không tán thành', 'Có mặt'],
      ['A', 5, 1, 6],
      ['B', 7, 0, 6],
      ['C', 4, null, null],
    ]);
    const r = run(tallies);
    expect(withCode(r, 'VOTE_TALLY_EXCEEDS_MEMBERS').map((f) => [f.place.cell, f.params])).toEqual([['B3', { count: 7, members: 6, present: null }]]);
    expect(['A', 'B', 'C'].map((c) => unit(r, c).vote?.approved ?? null)).toEqual([true, null, true]);
    const ranking = sheetOf(r, 'ranking');
    const resultCol = values(ranking.rows[3]).indexOf('Kết quả biểu quyết');
    expect(ranking.rows.find((x) => x[1]?.value === 'B')![resultCol]!.value).toBe('Biểu quyết không hợp lệ');
  });

  it('quota with a tie at the boundary proposes both, and two confirmed for one flag is an error', () => {
    // A and B both 19: tied for the one Cờ thi đua.
    const tiedSubs = [workbook('A.xlsx', [selfSheet('A', smallRows(10, 9, 0, 0))]), workbook('B.xlsx', [selfSheet('B', smallRows(9, 10, 0, 0))])];
    const r = runCluster({
      cluster: clusterBook(
        rubricSheet(SMALL),
        membersSheet(SIX.slice(0, 3)),
        sheet('Biểu quyết', [['Đơn vị', 'Tán thành'], ['A', 3], ['B', 3]]),
        settingsSheet([['Ô điểm trống', 'không điểm']]),
      ),
      submissions: tiedSubs,
    });
    expect(['A', 'B'].map((c) => [unit(r, c).rank, unit(r, c).award])).toEqual([
      [1, { name: 'Cờ thi đua', confirmed: true }],
      [1, { name: 'Cờ thi đua', confirmed: true }],
    ]);
    expect(withCode(r, 'AWARD_QUOTA_EXCEEDED').map((f) => f.params)).toEqual([{ award: 'Cờ thi đua', quota: 1, confirmed: 2, units: 'A, B' }]);
  });
});

describe('review: workbooks and hazards', () => {
  const cluster = (...more: GridSheet[]) => clusterBook(rubricSheet(SMALL), membersSheet(THREE), ...more);

  it('a second submission for a unit blocks that unit, naming both places, while the others rank', () => {
    const r = runCluster({
      cluster: cluster(),
      submissions: [
        workbook('a.xlsx', [selfSheet('LĐLĐ quận An Dương', smallRows(9, 9, 0, 0))]),
        workbook('a-ban-sua.xlsx', [selfSheet('A', smallRows(5, 5, 0, 0))]),
        workbook('b.xlsx', [selfSheet('B', smallRows(8, 8, 0, 0))]),
        workbook('c.xlsx', [selfSheet('C', smallRows(7, 7, 0, 0))]),
        workbook('x.xlsx', [selfSheet('LĐLĐ huyện Sóc Sơn', smallRows(7, 7, 0, 0))]),
      ],
    });
    const dup = withCode(r, 'SUBMISSION_DUPLICATE');
    expect(dup.map((f) => [f.place, f.params])).toEqual([
      [{ file: 'a-ban-sua.xlsx', sheet: 'Tự chấm' }, { unit: 'A', other: 'a.xlsx › Tự chấm' }],
    ]);
    expect(unit(r, 'A').status).toBe('invalid');
    expect(['B', 'C'].map((c) => unit(r, c).rank)).toEqual([1, 2]);
    const unknown = withCode(r, 'SUBMISSION_UNIT_UNKNOWN');
    expect(unknown.map((f) => [f.place, f.params])).toEqual([[{ file: 'x.xlsx', sheet: 'Tự chấm', cell: 'A1' }, { unit: 'LĐLĐ huyện Sóc Sơn' }]]);
    const notes = sheetOf(r, 'ranking').rows.find((x) => x[1]?.value === 'A')!.at(-1)!.value as string;
    expect(notes).toContain('a.xlsx › Tự chấm');
  });

  it('matches NFD names and converts a TCVN3 label by its font, with a warning', () => {
    const members = membersSheet([
      ['A', nfd('LĐLĐ quận Hoàn Kiếm')],
      ['B', 'LĐLĐ quận Ba Đình'],
    ]);
    // "Hoµn KiÕm" is "Hoàn Kiếm" in TCVN3 bytes, drawn with .VnTime.
    const a = selfSheet('placeholder', smallRows(9, 9, 0, 0));
    a.values[0] = ['Đơn vị: LĐLĐ quận Hoàn Kiếm'];
    const b = selfSheet('x', smallRows(8, 8, 0, 0));
    b.values[0] = ['§¬n vÞ: L§L§ quËn Ba §×nh'];
    b.fonts = [['.VnTime']];
    const r = runCluster({ cluster: clusterBook(rubricSheet(SMALL), members), submissions: [workbook('a.xlsx', [a]), workbook('b.xlsx', [b])] });
    expect(unit(r, 'A').rank).toBe(1);
    expect(unit(r, 'A').name).toBe('LĐLĐ quận Hoàn Kiếm');
    expect(unit(r, 'B').rank).toBe(2);
    expect(withCode(r, 'LEGACY_ENCODING_CONVERTED').map((f) => [f.place.cell, f.params.converted])).toEqual([['A1', 'Đơn vị: LĐLĐ quận Ba Đình']]);
  });

  it('does not read a hidden sheet, and reads hidden rows with a warning', () => {
    const hidden = selfSheet('A', smallRows(9, 9, 0, 0));
    hidden.hidden = true;
    const rows = selfSheet('B', smallRows(8, 8, 0, 0));
    rows.hiddenRows = [6];
    const r = runCluster({ cluster: cluster(), submissions: [workbook('a.xlsx', [hidden]), workbook('b.xlsx', [rows])] });
    expect(withCode(r, 'SHEET_HIDDEN_IGNORED').map((f) => f.place)).toEqual([{ file: 'a.xlsx', sheet: 'Tự chấm' }]);
    expect(codes(unit(r, 'A').reasons)).toEqual(['SUBMISSION_MISSING']);
    expect(withCode(r, 'ROW_HIDDEN_READ').map((f) => [f.place.file, f.params])).toEqual([['b.xlsx', { rows: '6' }]]);
    expect(unit(r, 'B').total?.toString()).toBe('16');
  });

  it('keeps =HYPERLINK(...), @SUM(...) and __proto__ as plain text from members to output', () => {
    const members = membersSheet([
      ['__proto__', '=HYPERLINK("http://x","bấm")'],
      ['constructor', '@SUM(A1:A2)'],
    ]);
    const r = runCluster({
      cluster: clusterBook(rubricSheet(SMALL), members, settingsSheet([['__proto__', 'x']])),
      submissions: [workbook('a.xlsx', [selfSheet('__proto__', smallRows(9, 9, 0, 0))]), workbook('b.xlsx', [selfSheet('constructor', smallRows(8, 8, 0, 0))])],
    });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(['__proto__', 'constructor'].map((c) => unit(r, c).rank)).toEqual([1, 2]);
    const ranking = sheetOf(r, 'ranking');
    const cells = ranking.rows.slice(4).map((row) => row[2]!);
    expect(cells).toEqual([
      { value: '=HYPERLINK("http://x","bấm")', format: '@' },
      { value: '@SUM(A1:A2)', format: '@' },
    ]);
    expect(withCode(r, 'SETTING_UNKNOWN').map((f) => f.params)).toEqual([{ key: '__proto__' }]);
  });

  it('reads a settings sheet written with English keys', () => {
    const settings = sheet('Settings', [
      ['Key', 'Value'],
      ['language', 'en'],
      ['score_source', 'self'],
      ['decimals', 1],
      ['vote_threshold', '2/3'],
      ['quorum', 0],
      ['awards', 'Flag: 1; Certificate: *'],
      ['grades', 'Excellent >= 18; Good >= 15; Fair'],
    ]);
    const r = runCluster({ cluster: cluster(settings), submissions: [workbook('a.xlsx', [selfSheet('A', smallRows(9, 9, 0, 0))])] });
    expect(r.findings.filter((f) => f.code.startsWith('SETTING'))).toEqual([]);
    expect(r.settings.lang).toBe('en');
    expect(r.settings.scoreSource).toBe('self');
    expect(r.settings.displayDecimals).toBe(1);
    expect([r.settings.vote.threshold.num, r.settings.vote.threshold.den]).toEqual([2n, 3n]);
    expect(r.settings.vote.quorum.isZero()).toBe(true);
    expect(r.settings.awards).toEqual([
      { name: 'Flag', quota: 1, excludesVeto: true },
      { name: 'Certificate', quota: null, excludesVeto: false },
    ]);
    expect(unit(r, 'A').grade).toBe('Excellent');
    expect(sheetOf(r, 'ranking').name).toBe('Ranking');
  });

  it('reads the same submission with columns reordered under a merged two-row header', () => {
    const ordinary = workbook('a.xlsx', [selfSheet('A', smallRows(9, 7.5, 1, 0))]);
    const reordered = workbook('a.xlsx', [
      sheet(
        'Tự chấm',
        [
          ['PHIẾU TỰ CHẤM ĐIỂM'],
          ['Đơn vị: A'],
          ['Điểm', null, 'Nội dung', 'Mã', 'Minh chứng'],
          ['Tự chấm', 'Tối đa', null, null, null],
          [null, null, 'Công tác chính', 'I', null],
          [9, 10, 'Tiêu chí một', 1, 'QĐ 12'],
          [7.5, 10, 'Tiêu chí hai', 2, null],
          [null, null, 'Điểm cộng', 'II', null],
          [1, 5, 'Sáng kiến', 1, null],
          [null, null, 'Điểm trừ', 'III', null],
          [0, 5, 'Báo cáo chậm', 1, null],
        ],
        { merges: ['C3:C4', 'D3:D4', 'E3:E4', 'A3:B3'] },
      ),
    ]);
    const a = runCluster({ cluster: cluster(), submissions: [ordinary] });
    const b = runCluster({ cluster: cluster(), submissions: [reordered] });
    expect(unit(b, 'A').total?.toString()).toBe('17.5');
    expect(unit(b, 'A').total?.toString()).toBe(unit(a, 'A').total?.toString());
    expect(b.counted.filter((c) => c.unit === 'A').map((c) => c.from[0]?.cell)).toEqual(['A6', 'A7', 'A9', 'A11']);
  });

  it('links Kiểm tra rows to cells of the cluster workbook only', () => {
    const pasted = selfSheet('A', smallRows(9, null, 0, 0), 'Bài A');
    const r = runCluster({ cluster: cluster(pasted), submissions: [workbook('b.xlsx', [selfSheet('B', smallRows(null, 8, 0, 0))])] });
    const checks = sheetOf(r, 'checks');
    const blank = checks.rows.filter((row) => row[4]?.value === 'SCORE_BLANK');
    expect(blank.map((row) => [row[1]?.value, row[2]?.value, row[3]?.value, row[6]?.value, row[6]?.link ?? null])).toEqual([
      ['b.xlsx', 'Tự chấm', 'D5', null, null],
      [CLUSTER, 'Bài A', 'D6', 'Xem ô D6', { sheet: 'Bài A', cell: 'D6' }],
    ]);
  });
});

describe('review: defects found and fixed', () => {
  it('a "Cộng" line under each section closes the section, not the rubric, and a member own "Cộng" line is checked', () => {
    const rubric = sheet('Thang điểm', [
      ['Mã', 'Nội dung', 'Điểm tối đa'],
      ['I', 'Mục một', 20],
      [1, 'Một', 10],
      [2, 'Hai', 10],
      [null, 'Cộng', 20],
      ['II', 'Mục hai', 10],
      [1, 'Ba', 10],
      [null, 'Cộng', 10],
      [null, 'Tổng cộng (I + II)', 30],
      [null, 'Người lập biểu', null],
    ]);
    const sub = sheet('A', [
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Tự chấm'],
      ['I', 'Mục một', 20, null],
      [1, 'Một', 10, 9],
      [2, 'Hai', 10, 8],
      [null, 'Cộng', 20, 18], // 9 + 8 = 17
      ['II', 'Mục hai', 10, null],
      [1, 'Ba', 10, 6],
      [null, 'Cộng', 10, 6],
      [null, 'Tổng cộng', 30, 23], // 17 + 6 = 23
    ]);
    const r = runCluster({ cluster: clusterBook(rubric, membersSheet([['A', 'Đơn vị A']])), submissions: [workbook('a.xlsx', [sub])] });
    expect(r.rubric?.leaves.map((n) => n.path)).toEqual(['I.1', 'I.2', 'II.1']);
    expect(unit(r, 'A').total?.toString()).toBe('23');
    expect(withCode(r, 'SUBTOTAL_MISMATCH').map((f) => [f.place.cell, f.params])).toEqual([['D5', { path: 'I', stated: '18.00', computed: '17.00' }]]);
  });

  it('a criterion with sub-criteria and a weight counts weight x its capped subtotal, as the rubric check assumes', () => {
    const rubric = rubricSheet([
      ['I', 'Mục một', 30, null, null],
      [1, 'Một', 10, null, null],
      [2, 'Hai', 10, null, 2],
      ['a', 'Hai a', 6, null, null],
      ['b', 'Hai b', 4, null, null],
    ]);
    const sub = selfSheet('A', [
      ['I', 'Mục một', 30, null],
      [1, 'Một', 10, 10],
      [2, 'Hai', 10, null],
      ['a', 'Hai a', 6, 6],
      ['b', 'Hai b', 4, 3],
    ]);
    const r = runCluster({ cluster: clusterBook(rubric, membersSheet([['A', 'Đơn vị A']])), submissions: [workbook('a.xlsx', [sub])] });
    // The rubric agrees with itself: 10 + 2 x (6 + 4) = 30.
    expect(withCode(r, 'RUBRIC_PARENT_MAX_MISMATCH')).toEqual([]);
    // 10 + 2 x (6 + 3) = 28.
    expect(unit(r, 'A').total?.toString()).toBe('28');
    expect(unit(r, 'A').sections.map((s) => s.subtotal.toString())).toEqual(['28']);
  });

  it('lists a group typed "Doanh nghiệp" and "doanh nghiệp " as the one group it is ranked in', () => {
    const members = membersSheet([
      ['A', 'Đơn vị A', 'Doanh nghiệp'],
      ['B', 'Đơn vị B', 'Hành chính'],
      ['C', 'Đơn vị C', 'doanh nghiệp '],
    ]);
    const r = runCluster({
      cluster: clusterBook(rubricSheet(SMALL), members),
      submissions: [
        workbook('a.xlsx', [selfSheet('A', smallRows(9, 9, 0, 0))]),
        workbook('b.xlsx', [selfSheet('B', smallRows(5, 5, 0, 0))]),
        workbook('c.xlsx', [selfSheet('C', smallRows(9, 8, 0, 0))]),
      ],
    });
    // A 18 and C 17 share a group: ranks 1 and 2; B is alone in its group.
    expect(['A', 'B', 'C'].map((c) => unit(r, c).rank)).toEqual([1, 1, 2]);
    const ranking = sheetOf(r, 'ranking');
    expect(ranking.rows.slice(4).map((row) => [row[0]?.value, row[1]?.value])).toEqual([
      [1, 'A'],
      [2, 'C'],
      [1, 'B'],
    ]);
  });

  it('a section with points titled "Điều kiện ..." is scored, while "Tiêu chí liệt" without points holds yes/no conditions', () => {
    const rubric = rubricSheet([
      ['I', 'Điều kiện hoạt động công đoàn', 20, null, null],
      [1, 'Kinh phí', 10, null, null],
      [2, 'Cơ sở vật chất', 10, null, null],
      ['II', 'Tiêu chí liệt', null, null, null],
      [1, 'Vi phạm pháp luật', null, null, null],
    ]);
    const sub = selfSheet('A', [
      ['I', 'Điều kiện hoạt động công đoàn', 20, null],
      [1, 'Kinh phí', 10, 9],
      [2, 'Cơ sở vật chất', 10, 8],
      ['II', 'Tiêu chí liệt', null, null],
      [1, 'Vi phạm pháp luật', null, 'Không'],
    ]);
    const r = runCluster({ cluster: clusterBook(rubric, membersSheet([['A', 'Đơn vị A']])), submissions: [workbook('a.xlsx', [sub])] });
    expect(r.rubric?.leaves.map((n) => `${n.path}:${n.kind}`)).toEqual(['I.1:standard', 'I.2:standard', 'II.1:veto']);
    expect([unit(r, 'A').total?.toString(), unit(r, 'A').veto]).toEqual(['17', false]);
  });

  it('compares a section max per group when criteria are split by Khối, and still reports a real mismatch', () => {
    const rubric = sheet('Thang điểm', [
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Khối'],
      ['I', 'Mục chung', 20, null],
      [1, 'Chung', 10, null],
      [2, 'Riêng doanh nghiệp', 10, 'Doanh nghiệp'],
      [3, 'Riêng hành chính', 10, 'Hành chính'],
      ['II', 'Mục lệch', 20, null],
      [1, 'Chung', 10, null],
      [2, 'Riêng doanh nghiệp', 5, 'Doanh nghiệp'],
      [3, 'Riêng hành chính', 10, 'Hành chính'],
    ]);
    const r = runCluster({ cluster: clusterBook(rubric, membersSheet([['A', 'Đơn vị A', 'Doanh nghiệp']])), submissions: [] });
    // I: 10 + 10 = 20 for either group. II: 10 + 5 = 15 for Doanh nghiệp (10 + 10 = 20 for Hành chính).
    expect(withCode(r, 'RUBRIC_PARENT_MAX_MISMATCH').map((f) => [f.place.cell, f.params])).toEqual([['C6', { path: 'II', max: '20', childrenSum: '15' }]]);
  });

  it('a member listed without a code stays in the ranking, unranked with the reason, and counts in the vote', () => {
    const members = sheet('Đơn vị', [
      ['Mã đơn vị', 'Tên đơn vị'],
      ['A', 'Đơn vị A'],
      ['B', 'Đơn vị B'],
      [null, 'Đơn vị chưa có mã'],
      ['D', 'Đơn vị D'],
    ]);
    const votes = sheet('Biểu quyết', [['Đơn vị', 'Tán thành'], ['A', 2], ['B', 3]]);
    const r = runCluster({
      cluster: clusterBook(rubricSheet(SMALL), members, votes),
      submissions: ['A', 'B', 'D'].map((c) => workbook(`${c}.xlsx`, [selfSheet(c, smallRows(9, 9, 0, 0))])),
    });
    const uncoded = r.units.find((u) => u.name === 'Đơn vị chưa có mã')!;
    expect([uncoded.code, uncoded.status, codes(uncoded.reasons), uncoded.reasons[0]?.place.cell]).toEqual(['', 'invalid', ['MEMBER_CODE_MISSING'], 'A4']);
    // Four members: 2 approvals is not more than half of 4, 3 is.
    expect(['A', 'B'].map((c) => [unit(r, c).vote?.members, unit(r, c).vote?.approved])).toEqual([
      [4, false],
      [4, true],
    ]);
    const ranking = sheetOf(r, 'ranking');
    expect(ranking.rows[1]![0]!.value).toContain('tổng số 4 thành viên');
    const row = ranking.rows.find((x) => x[2]?.value === 'Đơn vị chưa có mã')!;
    expect(row.at(-1)!.value).toBe('Không xếp hạng: Đơn vị "Đơn vị chưa có mã" chưa có mã đơn vị.');
  });
});

describe('review: a submission typed entirely in TCVN3 (.VnTime)', () => {
  it('finds its header, its unit and a veto mark "Cã" (Có) through the font, with a warning per converted value', () => {
    const rubric = rubricSheet([...SMALL, ['IV', 'Tiêu chí liệt', null, null, null], [1, 'Vi phạm pháp luật', null, null, null]]);
    const rows: CellValue[][] = [
      ['§¬n vÞ: A'],
      [],
      ['M·', 'Néi dung', '§iÓm tèi ®a', 'Tù chÊm'],
      ['I', 'C«ng t¸c chÝnh', 20, null],
      [1, 'Tiªu chÝ mét', 10, 9],
      [2, 'Tiªu chÝ hai', 10, 8],
      ['II', '§iÓm céng', null, null],
      [1, 'S¸ng kiÕn', 5, 1],
      ['III', '§iÓm trõ', null, null],
      [1, 'B¸o c¸o chËm', 5, 0],
      ['IV', 'Tiªu chÝ liÖt', null, null],
      [1, 'Vi ph¹m ph¸p luËt', null, 'Cã'],
    ];
    const fonts = rows.map((row) => row.map(() => '.VnTime'));
    const r = runCluster({
      cluster: clusterBook(rubric, membersSheet([['A', 'Đơn vị A']]), settingsSheet([['Xếp loại', 'Tốt >= 15; Khá']])),
      submissions: [workbook('a.xlsx', [sheet('Sheet1', rows, { fonts })])],
    });
    // 9 + 8 + 1 = 18, veto met: Tốt drops to Khá.
    expect([unit(r, 'A').total?.toString(), unit(r, 'A').veto, unit(r, 'A').grade]).toEqual(['18', true, 'Khá']);
    expect(withCode(r, 'LEGACY_ENCODING_CONVERTED').map((f) => [f.place.cell, f.params.converted])).toEqual([
      ['A1', 'Đơn vị: A'],
      ['D12', 'Có'],
    ]);
  });
});

describe('review: grade bands written as the brief writes them', () => {
  it('reads "Vững mạnh >= 85, Khá 70-85, Trung bình 50-70, Yếu < 50" and refuses a range that ends nowhere', () => {
    const run = (bands: string) =>
      runCluster({
        cluster: clusterBook(rubricSheet(SMALL), membersSheet([['A', 'Đơn vị A']]), settingsSheet([['Xếp loại', bands]])),
        submissions: [workbook('a.xlsx', [selfSheet('A', smallRows(9, 8, 0, 0))])],
      });
    const r = run('Vững mạnh >= 85, Khá 70-85, Trung bình 50-70, Yếu < 50');
    expect(r.settings.grades.map((g) => `${g.name}:${g.min.toString()}`)).toEqual(['Vững mạnh:85', 'Khá:70', 'Trung bình:50', 'Yếu:0']);
    // 9 + 8 = 17: Yếu.
    expect(unit(r, 'A').grade).toBe('Yếu');
    const gap = run('Vững mạnh >= 85, Khá 70-80, Yếu < 70');
    expect(withCode(gap, 'SETTING_INVALID').map((f) => f.params.value)).toEqual(['Vững mạnh >= 85, Khá 70-80, Yếu < 70']);
    expect(gap.settings.grades).toEqual([]);
  });
});

describe('review: the generated sheets', () => {
  it('Xếp hạng has the brief columns; Chi tiết names each counted score, its origin and its cell', () => {
    const sub = selfSheet('A', [
      ['I', 'Công tác chính', 20, null],
      [1, 'Tiêu chí một', 10, 9, 8.5],
      [2, 'Tiêu chí hai', 10, 7],
      ['II', 'Điểm cộng', null, null],
      [1, 'Sáng kiến', 5, null],
      ['III', 'Điểm trừ', null, null],
      [1, 'Báo cáo chậm', 5, -1],
    ]);
    const r = runCluster({ cluster: clusterBook(rubricSheet(SMALL), membersSheet([['A', 'Đơn vị A']])), submissions: [workbook('a.xlsx', [sub])] });
    const ranking = sheetOf(r, 'ranking');
    expect(values(ranking.rows[3])).toEqual([
      'Hạng',
      'Mã đơn vị',
      'Đơn vị',
      'I. Công tác chính',
      'Điểm cộng',
      'Điểm trừ',
      'Tổng điểm',
      'Xếp loại',
      'Tán thành / Thành viên',
      'Kết quả biểu quyết',
      'Đề nghị khen thưởng',
      'Ghi chú',
    ]);
    // I = 8.5 (reviewed) + 7 = 15.5; bonus 0 (blank); penalty 1: total 14.5. No vote: the flag is only proposed.
    expect(values(ranking.rows[4])).toEqual([1, 'A', 'Đơn vị A', 15.5, 0, 1, 14.5, null, null, 'Chưa biểu quyết', 'Cờ thi đua (đề nghị)', null]);
    const details = sheetOf(r, 'details');
    expect(details.rows.slice(4).map((row) => [row[2]?.value, row[7]?.value, row[8]?.value, row[9]?.value, row[10]?.value])).toEqual([
      ['I.1', 8.5, 8.5, 'Cụm chấm', 'a.xlsx › Tự chấm › E5'],
      ['I.2', 7, 7, 'Tự chấm', 'a.xlsx › Tự chấm › D6'],
      ['II.1', 0, 0, 'Ô trống tính 0', 'a.xlsx › Tự chấm › D8'],
      ['III.1', 1, 1, 'Tự chấm', 'a.xlsx › Tự chấm › D10'],
    ]);
  });
});
