/**
 * The seed cluster end to end: Cụm thi đua số 1 LĐLĐ Thành phố Hà Nội from grids to the three sheets.
 * Every figure is worked out by hand in tests/fixtures/cum1.ts (CUM1_EXPECTED).
 */
import { describe, expect, it } from 'vitest';
import type { OutCell, OutputSheet } from '../../src/engine/output/types';
import { runCluster } from '../../src/engine/pipeline';
import {
  CUM1_CLUSTER_FILE,
  CUM1_EXPECTED,
  CUM1_EXPECTED_FINDINGS,
  CUM1_LEAVES,
  CUM1_MEMBERS,
  cum1Cluster,
  cum1Submission,
  cum1Submissions,
} from '../fixtures/cum1';

const run = () => runCluster({ cluster: cum1Cluster(), submissions: cum1Submissions() });
const values = (row: OutCell[] | undefined): unknown[] => (row ?? []).map((c) => c.value);
const sheetOf = (r: ReturnType<typeof run>, role: OutputSheet['role']): OutputSheet => r.sheets.find((s) => s.role === role)!;

describe('Cụm thi đua số 1: results', () => {
  const result = run();

  it('reads the settings, the six members and the rubric', () => {
    expect(result.settings.clusterName).toBe('Cụm thi đua số 1 LĐLĐ Thành phố Hà Nội');
    expect(result.settings.year).toBe('2024');
    expect(result.members.map((m) => m.code)).toEqual(CUM1_MEMBERS.map((m) => m.code));
    expect(result.rubric?.sections.map((s) => s.path)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(result.rubric?.leaves.map((l) => l.path)).toEqual([...CUM1_LEAVES]);
  });

  for (const e of CUM1_EXPECTED) {
    it(`${e.code}: subtotals, bonus, penalty, total ${e.total}, rank ${e.rank}, ${e.grade}, vote and award`, () => {
      const u = result.units.find((x) => x.code === e.code)!;
      expect(u.status).toBe('ranked');
      expect(u.name).toBe(e.name);
      expect(Object.fromEntries(u.sections.map((s) => [s.path, s.subtotal.toString()]))).toEqual(e.sections);
      expect(u.bonus.toString()).toBe(e.bonus);
      expect(u.penalty.toString()).toBe(e.penalty);
      expect(u.total?.toString()).toBe(e.total);
      expect(u.rank).toBe(e.rank);
      expect(u.tie).toBe(e.tie);
      expect(u.veto).toBe(e.veto);
      expect(u.grade).toBe(e.grade);
      expect(u.vote).toMatchObject({ approvals: e.approvals, present: e.present, members: 6, approved: e.approved });
      expect(u.award).toEqual(e.award);
      expect(u.reasons).toEqual([]);
    });
  }

  it('ties LB and HBT exactly at 85.6 (different decimals, same exact total)', () => {
    const lb = result.units.find((u) => u.code === 'LB')!;
    const hbt = result.units.find((u) => u.code === 'HBT')!;
    expect(lb.total!.eq(hbt.total!)).toBe(true);
  });

  it('reports exactly the expected findings and no error', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.findings).toMatchObject([...CUM1_EXPECTED_FINDINGS]);
  });

  it('names both figures of a member subtotal that ignored the cap', () => {
    const mismatches = result.findings.filter((f) => f.code === 'SUBTOTAL_MISMATCH');
    // III: typed 26, recomputed 9 + 9 + 8 = 26 capped at 25. Total: typed 97.5, recomputed on self scores
    // 33 + 35.5 + 25 + 3 - 0 = 96.5.
    expect(mismatches.map((f) => [f.params])).toEqual([
      [expect.objectContaining({ path: 'III', stated: expect.stringMatching(/^26(\.0+)?$/), computed: expect.stringMatching(/^25(\.0+)?$/) })],
      [expect.objectContaining({ stated: expect.stringMatching(/^97\.50?$/), computed: expect.stringMatching(/^96\.50?$/) })],
    ]);
  });
});

describe('Cụm thi đua số 1: the generated sheets', () => {
  const result = run();
  const ranking = sheetOf(result, 'ranking');
  const checks = sheetOf(result, 'checks');
  const details = sheetOf(result, 'details');

  it('writes Xếp hạng, Kiểm tra, Chi tiết in that order', () => {
    expect(result.sheets.map((s) => s.name)).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
  });

  it('Xếp hạng: title, rule, header and every unit row', () => {
    expect(ranking.rows[0]![0]!.value).toBe('BẢNG XẾP HẠNG THI ĐUA – Cụm thi đua số 1 LĐLĐ Thành phố Hà Nội – năm 2024');
    expect(ranking.rows[1]![0]!.value).toBe('Kết quả được thông qua khi có trên 50% tổng số 6 thành viên tán thành; cần ít nhất 4/6 thành viên tham gia biểu quyết');
    expect(values(ranking.rows[3])).toEqual([
      'Hạng',
      'Mã đơn vị',
      'Đơn vị',
      'I. Công tác tổ chức và phát triển đoàn viên',
      'II. Chăm lo đời sống, bảo vệ quyền và lợi ích hợp pháp của đoàn viên',
      'III. Tuyên truyền, giáo dục (tối đa 25 điểm)',
      'Điểm cộng',
      'Điểm trừ',
      'Tổng điểm',
      'Xếp loại',
      'Tán thành / Thành viên',
      'Kết quả biểu quyết',
      'Đề nghị khen thưởng',
      'Ghi chú',
    ]);
    const veto = 'Vi phạm tiêu chí liệt (hạ một bậc xếp loại)';
    expect(ranking.rows.slice(4).map(values)).toEqual([
      [1, 'HK', 'LĐLĐ quận Hoàn Kiếm', 32.5, 35.5, 25, 3, 0, 96, 'Tốt', '5/6', 'Thông qua', 'Bằng khen', veto],
      [2, 'BD', 'LĐLĐ quận Ba Đình', 35, 37.5, 22, 1, 1, 94.5, 'Xuất sắc', '6/6', 'Thông qua', 'Cờ thi đua', null],
      [3, 'DD', 'LĐLĐ quận Đống Đa', 31, 34, 23.3, 1, 0, 89.3, 'Tốt', '3/6', 'Không thông qua', 'Bằng khen (đề nghị)', null],
      // Tied at 4, listed by code; the next rank is 6.
      [4, 'HBT', 'LĐLĐ quận Hai Bà Trưng', 30, 33.5, 21.1, 3, 2, 85.6, 'Tốt', '4/6', 'Thông qua', null, 'Đồng hạng'],
      [4, 'LB', 'LĐLĐ quận Long Biên', 29, 32.5, 21.3, 2.8, 0, 85.6, 'Tốt', '4/6', 'Thông qua', null, 'Đồng hạng'],
      [6, 'HM', 'LĐLĐ quận Hoàng Mai', 27.5, 30.5, 20, 0, 2, 76, 'Khá', '2/6', 'Chưa đủ số thành viên', null, null],
    ]);
    expect(ranking.rows[4]![8]).toEqual({ value: 96, format: '0.00', style: 'total' });
    expect(ranking.totalsColumn).toBe('I');
    expect(ranking.table).toEqual({ range: 'A4:N10', name: 'ThiDuaXepHang', headerRow: 4 });
  });

  it('Kiểm tra: the summary and a link to the rubric cell in the cluster workbook', () => {
    expect(checks.rows[1]![0]!.value).toBe('0 lỗi, 5 cảnh báo, 0 thông tin.');
    const rubricRow = checks.rows.find((r) => r[4]?.value === 'RUBRIC_PARENT_MAX_MISMATCH')!;
    expect(values(rubricRow).slice(0, 5)).toEqual(['Cảnh báo', CUM1_CLUSTER_FILE, 'Thang điểm', 'C16', 'RUBRIC_PARENT_MAX_MISMATCH']);
    expect(rubricRow[6]).toMatchObject({ value: 'Xem ô C16', link: { sheet: 'Thang điểm', cell: 'C16' } });
    // A member's file is not this workbook: no link.
    const memberRow = checks.rows.find((r) => r[4]?.value === 'SUBTOTAL_MISMATCH')!;
    expect(memberRow[1]!.value).toBe('HoanKiem_TuCham_2024.xlsx');
    expect(memberRow[6]!.link).toBeUndefined();
  });

  it('Chi tiết: every counted score of every unit, with its source cell', () => {
    // 16 leaves (11 criteria, 2 bonus, 2 penalty, 1 veto) x 6 units.
    expect(details.rows.length - 4).toBe(16 * 6);
    const row = (unit: string, path: string) => values(details.rows.find((r) => r[0]?.value === unit && r[2]?.value === path));
    // HK I.1: reviewed 9 (Cụm chấm, column G) over the self 9.5; rubric row 1 sits on sheet row 7.
    expect(row('HK', 'I.1')).toEqual([
      'HK', 'LĐLĐ quận Hoàn Kiếm', 'I.1', 'Phát triển đoàn viên mới đạt chỉ tiêu LĐLĐ Thành phố giao', 'Tiêu chí', 10, 1, 9, 9, 'Cụm chấm',
      'HoanKiem_TuCham_2024.xlsx › Tự chấm › G7',
    ]);
    // DD II.2: weight 2, reviewed 8 counts 16.
    expect(row('DD', 'II.2').slice(5, 11)).toEqual([10, 2, 8, 16, 'Cụm chấm', 'DongDa.xlsx › Bảng điểm › G15']);
    // BD V.1: typed -1, a deduction of 1.
    expect(row('BD', 'V.1').slice(4, 11)).toEqual(['Điểm trừ', 5, 1, 1, 1, 'Tự chấm', 'BaDinh.xlsx › Tự chấm › F25']);
    expect(row('HK', 'VI.1').slice(4, 10)).toEqual(['Tiêu chí liệt', null, null, 'Vi phạm', null, 'Tự chấm']);
  });

  it('is the same in English except for the words', () => {
    const en = runCluster({ cluster: cum1Cluster(), submissions: cum1Submissions(), lang: 'en' });
    expect(en.sheets.map((s) => s.name)).toEqual(['Ranking', 'Checks', 'Details']);
    const r = sheetOf(en, 'ranking');
    expect(values(r.rows[6])).toEqual([3, 'DD', 'LĐLĐ quận Đống Đa', 31, 34, 23.3, 1, 0, 89.3, 'Tốt', '3/6', 'Not approved', 'Bằng khen (proposed)', null]);
    expect(values(r.rows[9]).slice(11)).toEqual(['No quorum', null, null]);
  });

  it('gives the same result twice: no dates, no random ids', () => {
    expect(JSON.stringify(run().sheets)).toBe(JSON.stringify(result.sheets));
  });
});

describe('Cụm thi đua số 1: variants', () => {
  it('a missing submission leaves that unit unranked and closes the tie', () => {
    const r = runCluster({ cluster: cum1Cluster(), submissions: cum1Submissions().filter((wb) => wb.file !== 'LongBien_2024.xlsx') });
    const lb = r.units.find((u) => u.code === 'LB')!;
    expect(lb.status).toBe('invalid');
    expect(lb.rank).toBeNull();
    expect(lb.reasons.map((f) => f.code)).toEqual(['SUBMISSION_MISSING']);
    // HBT is alone at 4 now; HM moves up to 5.
    expect(r.units.map((u) => [u.code, u.rank, u.tie])).toEqual([
      ['HK', 1, false],
      ['BD', 2, false],
      ['DD', 3, false],
      ['LB', null, false],
      ['HBT', 4, false],
      ['HM', 5, false],
    ]);
    const ranking = sheetOf(r, 'ranking');
    const last = ranking.rows[ranking.rows.length - 1]!;
    expect(values(last).slice(0, 3)).toEqual([null, 'LB', 'LĐLĐ quận Long Biên']);
    expect(last[13]!.value).toBe('Không xếp hạng: Đơn vị LB chưa có bài tự chấm.');
    expect(last.every((c) => c.style === 'invalid')).toBe(true);
    expect(r.findings[0]!.code).toBe('SUBMISSION_MISSING');
    expect(r.findings.some((f) => f.code === 'RANK_TIE_UNRESOLVED')).toBe(false);
  });

  it('a duplicated submission names both places and leaves the unit unranked', () => {
    const copy = cum1Submission('HBT');
    copy.file = 'HaiBaTrung_nop_lai.xlsx';
    const r = runCluster({ cluster: cum1Cluster(), submissions: [...cum1Submissions(), copy] });
    const hbt = r.units.find((u) => u.code === 'HBT')!;
    expect(hbt.status).toBe('invalid');
    const dup = r.findings.filter((f) => f.code === 'SUBMISSION_DUPLICATE');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.unit).toBe('HBT');
    // One place is the finding's own, the other is named in its message.
    const places = [dup[0]!.place.file, String((dup[0]!.params as { other: string }).other)].join(' | ');
    expect(places).toContain('HaiBaTrung.xlsx');
    expect(places).toContain('HaiBaTrung_nop_lai.xlsx');
    expect(hbt.reasons.map((f) => f.code)).toContain('SUBMISSION_DUPLICATE');
    // LB keeps rank 4 alone; HM is 5th.
    expect(r.units.filter((u) => u.rank !== null).map((u) => [u.code, u.rank])).toEqual([
      ['HK', 1],
      ['BD', 2],
      ['DD', 3],
      ['LB', 4],
      ['HM', 5],
    ]);
  });
});
