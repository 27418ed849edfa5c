/**
 * runCluster as hosts see it: phases wired in order, the settings language and its override, cluster
 * errors that stop all ranking, internal failures that become a finding, and the order of findings.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/findings/catalogue';
import { finding } from '../../src/engine/findings/catalogue';
import type { GridWorkbook } from '../../src/engine/grid';
import { runCluster, sortFindings } from '../../src/engine/pipeline';
import { CUM1_CLUSTER_FILE, cum1Cluster, cum1Submissions } from '../fixtures/cum1';

const values = (row: { value: unknown }[] | undefined): unknown[] => (row ?? []).map((c) => c.value);

describe('runCluster', () => {
  it('always returns the three sheets in the order ranking, checks, details', () => {
    const r = runCluster({ cluster: { file: 'trong.xlsx', sheets: [] }, submissions: [] });
    expect(r.sheets.map((s) => s.role)).toEqual(['ranking', 'checks', 'details']);
    expect(r.units).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['RUBRIC_SHEET_MISSING', 'MEMBERS_SHEET_MISSING']));
  });

  it('lists every member unranked, with the reason, when the rubric is missing', () => {
    const cluster = cum1Cluster();
    cluster.sheets = cluster.sheets.filter((s) => s.name !== 'Thang điểm');
    const r = runCluster({ cluster, submissions: cum1Submissions() });
    expect(r.rubric).toBeNull();
    expect(r.units).toHaveLength(6);
    expect(r.units.every((u) => u.status === 'invalid' && u.rank === null && u.total === null)).toBe(true);
    expect(r.units[0]!.reasons.map((f) => f.code)).toEqual(['RUBRIC_SHEET_MISSING']);
    const ranking = r.sheets[0]!;
    expect(values(ranking.rows[4]).slice(0, 3)).toEqual([null, 'BD', 'LĐLĐ quận Ba Đình']);
    expect(ranking.rows[4]!.at(-1)!.value).toBe('Không xếp hạng: Không tìm thấy sheet thang điểm (cần cột Mã, Nội dung/Tiêu chí, Điểm tối đa).');
    // No rubric: no section columns, no counted scores.
    expect(values(ranking.rows[3]).slice(3, 5)).toEqual(['Điểm cộng', 'Điểm trừ']);
    expect(r.counted).toEqual([]);
    expect(r.sheets[2]!.rows).toHaveLength(4);
  });

  it('ranks nobody when a rubric error blocks the cluster, but keeps the section columns', () => {
    const cluster = cum1Cluster();
    const rubric = cluster.sheets.find((s) => s.name === 'Thang điểm')!;
    // Row 7 (I.2) gets a max of "abc": a rubric error, blocking the whole cluster.
    rubric.values[6]![2] = 'abc';
    const r = runCluster({ cluster, submissions: cum1Submissions() });
    const bad = r.findings.find((f) => f.code === 'RUBRIC_MAX_INVALID')!;
    expect(bad.place).toEqual({ file: CUM1_CLUSTER_FILE, sheet: 'Thang điểm', cell: 'C7' });
    expect(r.units.every((u) => u.status === 'invalid' && u.reasons.includes(bad))).toBe(true);
    expect(r.findings[0]).toBe(bad);
    expect(values(r.sheets[0]!.rows[3]).slice(3, 6)).toEqual([
      'I. Công tác tổ chức và phát triển đoàn viên',
      'II. Chăm lo đời sống, bảo vệ quyền và lợi ích hợp pháp của đoàn viên',
      'III. Tuyên truyền, giáo dục (tối đa 25 điểm)',
    ]);
  });

  it('turns an unexpected exception into ENGINE_INTERNAL and still writes the Kiểm tra sheet', () => {
    const hostile = { file: 'hong.xlsx' } as GridWorkbook;
    Object.defineProperty(hostile, 'sheets', {
      get() {
        throw new TypeError('sheets exploded');
      },
    });
    const r = runCluster({ cluster: cum1Cluster(), submissions: [hostile] });
    const internal = r.findings.filter((f) => f.code === 'ENGINE_INTERNAL');
    expect(internal).toHaveLength(1);
    expect(internal[0]!.params).toEqual({ stage: 'submissions', detail: 'TypeError: sheets exploded' });
    expect(internal[0]!.severity).toBe('error');
    // Members were read before the failure: all six are listed, none ranked.
    expect(r.units.map((u) => [u.code, u.status, u.reasons[0]?.code])).toEqual(
      ['HK', 'BD', 'DD', 'LB', 'HBT', 'HM'].map((c) => [c, 'invalid', 'ENGINE_INTERNAL']),
    );
    const checks = r.sheets.find((s) => s.role === 'checks')!;
    const row = checks.rows.find((x) => x[4]?.value === 'ENGINE_INTERNAL')!;
    expect(row[5]!.value).toBe(
      'Lỗi nội bộ của chương trình ở bước "submissions" (TypeError: sheets exploded). Không đơn vị nào được xếp hạng; hãy gửi các tệp này cho người hỗ trợ kỹ thuật.',
    );
  });

  it('survives a thrown value whose text itself throws, and a cluster that is not an object', () => {
    const evil = {
      get file(): string {
        throw { toString: () => { throw new Error('again'); } };
      },
      sheets: [],
    } as unknown as GridWorkbook;
    const r = runCluster({ cluster: evil, submissions: [] });
    expect(r.sheets).toHaveLength(3);
    expect(r.findings.map((f) => f.code)).toContain('ENGINE_INTERNAL');
    const n = runCluster(null as never);
    expect(n.sheets.map((s) => s.name)).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
    expect(n.findings.map((f) => f.code)).toEqual(['ENGINE_INTERNAL']);
  });

  it('takes the language from the settings sheet, and input.lang over it', () => {
    const cluster = cum1Cluster();
    cluster.sheets.find((s) => s.name === 'Cấu hình')!.values.push(['Ngôn ngữ', 'English']);
    const fromSheet = runCluster({ cluster, submissions: cum1Submissions() });
    expect(fromSheet.settings.lang).toBe('en');
    expect(fromSheet.sheets.map((s) => s.name)).toEqual(['Ranking', 'Checks', 'Details']);
    const overridden = runCluster({ cluster, submissions: cum1Submissions(), lang: 'vi' });
    expect(overridden.settings.lang).toBe('vi');
    expect(overridden.sheets.map((s) => s.name)).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
  });

  it('reports host findings with the rest: first among errors, and in the Kiểm tra sheet', () => {
    const unreadable = finding('FILE_UNREADABLE', { file: 'zz_hong.xlsx' }, { reason: 'tệp zip hỏng' });
    const r = runCluster({ cluster: cum1Cluster(), submissions: cum1Submissions(), hostFindings: [unreadable] });
    expect(r.findings[0]).toBe(unreadable);
    const checks = r.sheets.find((s) => s.role === 'checks')!;
    expect(values(checks.rows[4]).slice(0, 5)).toEqual(['Lỗi', 'zz_hong.xlsx', null, null, 'FILE_UNREADABLE']);
    expect(checks.rows[1]![0]!.value).toBe('1 lỗi, 5 cảnh báo, 0 thông tin.');
  });
});

describe('sortFindings', () => {
  const at = (file: string | undefined, sheet: string | undefined, cell: string | undefined, severity?: 'warning' | 'info'): Finding =>
    finding('SCORE_BLANK', { ...(file ? { file } : {}), ...(sheet ? { sheet } : {}), ...(cell ? { cell } : {}) }, { path: `${file}/${sheet}/${cell}` }, severity ? { severity } : {});
  const id = (f: Finding): string => `${f.severity}:${(f.params as { path: string }).path}`;

  it('orders errors, warnings, info; then file, sheet, and cells by row then column', () => {
    const engine = [
      at('b.xlsx', 'S', 'A1', 'warning'),
      at('a.xlsx', 'S', 'B10'),
      at('a.xlsx', 'S', 'B9'),
      at('a.xlsx', 'S', 'AA9'),
      at('a.xlsx', 'R', 'Z99'),
      at('a.xlsx', 'S', 'C9', 'info'),
      at('a.xlsx', undefined, undefined),
    ];
    expect(sortFindings([], engine).map(id)).toEqual([
      'error:a.xlsx/undefined/undefined',
      'error:a.xlsx/R/Z99',
      'error:a.xlsx/S/B9',
      'error:a.xlsx/S/AA9',
      'error:a.xlsx/S/B10',
      'warning:b.xlsx/S/A1',
      'info:a.xlsx/S/C9',
    ]);
  });

  it('keeps host findings first within their severity and equal places in their original order', () => {
    const host = [at('z.xlsx', undefined, undefined), at('y.xlsx', undefined, undefined, 'warning')];
    const first = at('a.xlsx', 'S', 'A1');
    const second = finding('SCORE_NOT_NUMBER', { file: 'a.xlsx', sheet: 'S', cell: 'A1' }, { path: 'x', value: 'y' });
    const sorted = sortFindings(host, [at('a.xlsx', 'S', 'A1', 'warning'), first, second]);
    expect(sorted.slice(0, 3)).toEqual([host[0], first, second]);
    expect(sorted[3]).toBe(host[1]);
  });
});
