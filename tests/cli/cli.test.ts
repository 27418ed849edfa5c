/**
 * `thidua` end to end on the committed sample cluster (examples/cum-thi-dua-so-1): exit statuses,
 * the JSON document, the summary, the result workbook, and files that are broken or not submissions.
 * Expected figures are worked out by hand in examples/cum1-data.ts.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Progress } from '../../src/faces/cli/progress';
import { addSubmissionSheet, buildSubmissionWorkbook, workbookBytes } from '../../src/hosts/xlsx/layout';
import { readWorkbook } from '../../src/hosts/xlsx/reader';
import { RUBRIC, SCORES } from '../../examples/cum1-data';
import { cfbWith, loadXlsx } from '../hosts/xlsx/helpers';
import type { Run } from './helpers';
import { CLUSTER_NAME, sampleCopy, thidua } from './helpers';

let sample: Awaited<ReturnType<typeof sampleCopy>>;
beforeEach(async () => {
  sample = await sampleCopy();
});
afterEach(async () => {
  await sample.done();
});

const EXPECTED_UNITS = [
  { code: 'HK', name: 'LĐLĐ quận Hoàn Kiếm', group: '', rank: 1, total: 93.5, status: 'ranked', tie: false, approvals: 6, members: 6, approved: true, award: 'Cờ thi đua' },
  { code: 'BD', name: 'LĐLĐ quận Ba Đình', group: '', rank: 2, total: 92, status: 'ranked', tie: false, approvals: 5, members: 6, approved: true, award: 'Bằng khen' },
  { code: 'DD', name: 'LĐLĐ quận Đống Đa', group: '', rank: 3, total: 87.3, status: 'ranked', tie: false, approvals: 5, members: 6, approved: true, award: 'Bằng khen' },
  { code: 'LB', name: 'LĐLĐ quận Long Biên', group: '', rank: 4, total: 82.6, status: 'ranked', tie: true, approvals: 4, members: 6, approved: true, award: null },
  { code: 'HBT', name: 'LĐLĐ quận Hai Bà Trưng', group: '', rank: 4, total: 82.6, status: 'ranked', tie: true, approvals: 3, members: 6, approved: false, award: null },
];
const HM_INVALID = { code: 'HM', name: 'LĐLĐ quận Hoàng Mai', group: '', rank: null, total: null, status: 'invalid', tie: false, approvals: 3, members: 6, approved: false, award: null };

function json(run: Run): { units: unknown[]; findings: { severity: string; code: string; file: string | null; sheet: string | null; cell: string | null; message: string }[] } {
  return JSON.parse(run.stdout) as never;
}

/** HM's submission with its one blocking defect fixed (III.2: 12 -> 6.5); HM then totals 74.5. */
async function fixHoangMai(): Promise<void> {
  const hm = SCORES.HM!;
  const self = [...hm.self];
  self[13] = 6.5;
  const wb = buildSubmissionWorkbook({ sheetName: hm.sheet, title: 'BẢNG TỰ CHẤM', labelRows: hm.labelRows, rubric: RUBRIC, self, gapRow: false });
  await writeFile(join(sample.subs, 'HoangMai.xlsx'), await workbookBytes(wb));
}

describe('thidua rank on the sample cluster', () => {
  it('exits 1 for the defective submission, writes the result next to the cluster and says where', async () => {
    const run = await thidua(['rank', sample.cluster, sample.subs]);
    expect(run.code).toBe(1);
    const out = join(sample.dir, 'Cum1_LDLD_HaNoi_2024-xep-hang.xlsx');
    expect(run.stdout).toContain(`Đã ghi bảng xếp hạng: ${out}`);
    expect(existsSync(out)).toBe(true);
    // The summary table: one line per unit, the blocking error with its file, sheet and cell.
    expect(run.stdout).toMatch(/^\s+1\s+HK\s+LĐLĐ quận Hoàn Kiếm\s+93\.50\s+Xuất sắc\s+6\/6\s+tán thành\s+Cờ thi đua \(đã biểu quyết\)$/m);
    expect(run.stdout).toMatch(/^\s+-\s+HM\s+LĐLĐ quận Hoàng Mai\s+không xếp hạng/m);
    expect(run.stdout).toContain('HoangMai.xlsx › Tự chấm › F18: Tiêu chí III.2: điểm 12 nằm ngoài khoảng 0 đến 10.');
    // Short runs print no progress lines when stderr is not a terminal.
    expect(run.stderr).toBe('');
  });

  it('prints the JSON document with exactly the documented fields, findings pointing at the defective cells', async () => {
    const run = await thidua(['rank', sample.cluster, sample.subs, '--json', '-', '--lang', 'en']);
    expect(run.code).toBe(1);
    const doc = json(run);
    expect(Object.keys(doc)).toEqual(['units', 'findings']);
    expect(doc.units).toEqual([...EXPECTED_UNITS, HM_INVALID]);
    expect(doc.findings).toEqual([
      { severity: 'error', code: 'SCORE_OUT_OF_RANGE', file: 'HoangMai.xlsx', sheet: 'Tự chấm', cell: 'F18', message: 'Criterion III.2: score 12 is outside 0 to 10.' },
      { severity: 'warning', code: 'RANK_TIE_UNRESOLVED', file: CLUSTER_NAME, sheet: 'Đơn vị', cell: 'B8', message: 'Tie at rank 4: HBT, LB. Add tie-break keys (setting "tie_break") or decide.' },
      // "8,5" typed as text with a decimal comma: II.1 is rubric row 8, HM's sheet row 5 + 8 = 13.
      { severity: 'warning', code: 'NUMBER_AS_TEXT', file: 'HoangMai.xlsx', sheet: 'Tự chấm', cell: 'F13', message: 'Number typed as text "8,5", read as 8.5.' },
    ]);
    // stdout is the JSON alone; the human summary went to stderr.
    expect(run.stderr).toContain('Ranking written to:');
  });

  it('exits 0 once the defect is fixed, and --json FILE writes the same document', async () => {
    await fixHoangMai();
    const jsonPath = join(sample.dir, 'ket-qua.json');
    const out = join(sample.dir, 'ra', 'Xep hang.xlsx');
    const run = await thidua(['rank', sample.cluster, sample.subs, '--out', out, '--json', jsonPath]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Đã ghi bảng xếp hạng: ${out}`);
    const doc = JSON.parse(await readFile(jsonPath, 'utf8')) as { units: { code: string; rank: number | null; total: number | null }[] };
    // HM: I 8+6+6+4+3.5 = 27.5 | II 8.5+2x7.5+7.5 = 31 | III 7+6.5+3.5 = 17 | -1 = 74.5, rank 6.
    expect(doc.units.map((u) => [u.code, u.rank, u.total])).toEqual([...EXPECTED_UNITS.map((u) => [u.code, u.rank, u.total]), ['HM', 6, 74.5]]);
    const wb = await loadXlsx(new Uint8Array(await readFile(out)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Xếp hạng', 'Kiểm tra', 'Chi tiết']);
  });

  it('re-running over its own result replaces the generated sheets and skips the result file in the folder', async () => {
    const out = join(sample.subs, 'ket-qua.xlsx');
    expect((await thidua(['rank', sample.cluster, sample.subs, '--out', out])).code).toBe(1);
    // Same --out: the file is replaced in place, its generated sheets replaced, not duplicated.
    const again = await thidua(['rank', sample.cluster, sample.subs, '--out', out, '--json', '-']);
    expect(json(again).units).toEqual([...EXPECTED_UNITS, HM_INVALID]);
    const read = await readWorkbook(new Uint8Array(await readFile(out)), 'ket-qua.xlsx');
    expect(read.generated.map((g) => g.sheet)).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
    // Default --out: ket-qua.xlsx is now just a file in the folder, recognised by its markers and skipped.
    const third = await thidua(['rank', sample.cluster, sample.subs, '--json', '-']);
    expect(third.stderr).toContain('Bỏ qua ket-qua.xlsx: đây là tệp kết quả của ThiDua.');
    expect(json(third).units).toEqual([...EXPECTED_UNITS, HM_INVALID]);
  });

  it('reports a broken, a password-protected and a legacy submission and still ranks the others', async () => {
    await writeFile(join(sample.subs, 'Hỏng.xlsx'), 'not a workbook');
    await writeFile(join(sample.subs, 'CoMatKhau.xlsx'), cfbWith(['EncryptionInfo', 'EncryptedPackage']));
    await writeFile(join(sample.subs, 'Cu.xls'), cfbWith(['Workbook']));
    await writeFile(join(sample.subs, '~$HoanKiem.xlsx'), 'Excel lock file');
    const run = await thidua(['rank', sample.cluster, sample.subs, '--json', '-']);
    expect(run.code).toBe(1);
    const doc = json(run);
    expect(doc.units).toEqual([...EXPECTED_UNITS, HM_INVALID]);
    const fileFindings = doc.findings.filter((f) => f.code.startsWith('FILE_')).map((f) => [f.code, f.file]);
    expect(fileFindings.sort()).toEqual([
      ['FILE_LEGACY_XLS', 'Cu.xls'],
      ['FILE_PASSWORD_PROTECTED', 'CoMatKhau.xlsx'],
      ['FILE_UNREADABLE', 'Hỏng.xlsx'],
    ]);
    expect(doc.findings.some((f) => f.file === '~$HoanKiem.xlsx')).toBe(false);
  });

  it('ranks submissions pasted into the cluster workbook itself', async () => {
    const wb = await loadXlsx(new Uint8Array(await readFile(sample.cluster)));
    const hk = SCORES.HK!;
    addSubmissionSheet(wb, { sheetName: 'HK tự chấm', title: 'BẢNG TỰ CHẤM', labelRows: hk.labelRows, rubric: RUBRIC, self: hk.self, reviewed: hk.reviewed ?? [] });
    await writeFile(sample.cluster, await workbookBytes(wb));
    const run = await thidua(['rank', sample.cluster, '--json', '-']);
    expect(run.code).toBe(1);
    const doc = json(run);
    expect(doc.units[0]).toEqual(EXPECTED_UNITS[0]);
    expect(doc.findings.filter((f) => f.code === 'SUBMISSION_MISSING').map((f) => f.message)).toEqual(['BD', 'DD', 'LB', 'HBT', 'HM'].map((u) => `Đơn vị ${u} chưa có bài tự chấm.`));
  });
});

describe('thidua template', () => {
  it('writes a cluster workbook the engine reads cleanly and a member form with score validation', async () => {
    const dir = join(sample.dir, 'mau');
    const run = await thidua(['template', '--out', dir]);
    expect(run.code).toBe(0);
    const cluster = join(dir, 'cum-thi-dua-mau.xlsx');
    const form = join(dir, 'bai-nop-mau.xlsx');
    expect(run.stdout).toBe(`Đã tạo:\n  ${cluster}\n  ${form}\n`);

    const wb = await loadXlsx(new Uint8Array(await readFile(cluster)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình']);
    const sub = (await loadXlsx(new Uint8Array(await readFile(form)))).getWorksheet('Tự chấm')!;
    // Header on row 5; I.1 (max 10) on row 7, I.2.a (max 12.5) on row 9, the penalty IV.1 (max 5) on row 17.
    expect(sub.getCell('F5').value).toBe('Tự chấm');
    expect(sub.getCell('F7').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 10] });
    expect(sub.getCell('F9').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 12.5] });
    expect(sub.getCell('F17').dataValidation).toMatchObject({ type: 'decimal', formulae: [-5, 5] });
    expect(sub.getCell('F6').dataValidation).toBeUndefined(); // section row: the member's subtotal, not a score

    // The blank cluster is consistent: no rubric, member or settings error, only "no submission yet".
    const ranked = await thidua(['rank', cluster, '--json', '-']);
    const codes = new Set(json(ranked).findings.filter((f) => f.severity === 'error').map((f) => f.code));
    expect([...codes]).toEqual(['SUBMISSION_MISSING']);

    // Never overwrites: a second run refuses and leaves the files alone.
    const again = await thidua(['template', '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('không ghi đè');
  });
});

describe('progress', () => {
  it('draws one bar in place on a terminal and clears it', () => {
    let err = '';
    const p = new Progress({ write: (s: string) => (err += s), isTTY: true, columns: 80 }, 2, 'vi');
    p.tick('HoanKiem.xlsx');
    p.tick('BaDinh.xlsx');
    p.finish();
    expect(err).toContain('[████████████████████████] 2/2 BaDinh.xlsx');
    expect(err.endsWith('\r\x1b[K')).toBe(true);
    expect(err).not.toContain('\n');
  });
});

describe('usage and unreadable input exit 2', () => {
  it('prints help in Vietnamese and English', async () => {
    const run = await thidua(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Cách dùng:');
    expect(run.stdout).toContain('Usage:');
    expect(run.stdout.indexOf('Cách dùng:')).toBeLessThan(run.stdout.indexOf('Usage:'));
    const en = (await thidua(['--help', '--lang', 'en'])).stdout;
    expect(en.indexOf('Usage:')).toBeLessThan(en.indexOf('Cách dùng:'));
  });

  it.each([
    [[], 'no command'],
    [['rank'], 'no cluster file'],
    [['rank', 'x.xlsx', '--lang', 'fr'], 'an unknown language'],
    [['rank', 'x.xlsx', '--frobnicate'], 'an unknown option'],
    [['export'], 'an unknown command'],
    [['rank', 'khong-co.xlsx'], 'a cluster file that does not exist'],
  ])('%j: %s', async (args) => {
    const run = await thidua(args);
    expect(run.code).toBe(2);
  });

  it('exits 2 when the cluster file cannot be read, naming it', async () => {
    await writeFile(sample.cluster, 'garbage');
    const run = await thidua(['rank', sample.cluster, sample.subs]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`thidua: ${CLUSTER_NAME}: Không đọc được tệp (không phải tệp Excel). Các tệp khác vẫn được xử lý.\n`);
  });

  it('exits 2 when a submission path does not exist', async () => {
    const run = await thidua(['rank', sample.cluster, join(sample.dir, 'khong-co')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Không tìm thấy');
  });
});

describe('the bin script', () => {
  it('runs as a real process with the same exit status', async () => {
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'thidua.mjs');
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, [bin, '--version']);
    expect(ok.stdout).toMatch(/^thidua \d+\.\d+\.\d+\n$/);
    const failed = await exec(process.execPath, [bin, 'rank', sample.cluster, sample.subs]).catch((e: { code: number; stdout: string }) => e);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stdout).toContain('Cum1_LDLD_HaNoi_2024-xep-hang.xlsx');
  });
});
