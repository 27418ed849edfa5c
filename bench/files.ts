/**
 * A federation's batch run from files: `thidua rank` over a folder of N member workbooks (.xlsx).
 *
 * Baseline, measured in the same run on the same files: opening every workbook with exceljs and doing
 * nothing else — the I/O and unzip floor any tool reading .xlsx pays. The difference is ThiDua's own work:
 * turning cells into grids (fonts, merges, hidden rows), checking, scoring exactly, and writing the
 * ranking workbook.
 *
 * Run: npx tsx bench/files.ts [workbooks=100]
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { RUBRIC } from '../examples/cum1-data';
import { main } from '../src/faces/cli/main';
import { buildClusterWorkbook, buildSubmissionWorkbook, workbookBytes } from '../src/hosts/xlsx/layout';

const N = Number(process.argv[2] ?? 100);
const code = (k: number): string => `U${String(k).padStart(4, '0')}`;

function selfScores(k: number): (number | string | null)[] {
  return RUBRIC.map((r, i) => {
    if (r.kind === 'Cộng') return k % 3;
    if (r.kind === 'Trừ') return 0;
    if (r.kind === 'Điều kiện') return 'Không';
    if (typeof r.code === 'string' && /^[IVX]+$/.test(r.code)) return null;
    if (r.code === 3 && i === 3) return null;
    return r.max;
  });
}

const dir = await mkdtemp(join(tmpdir(), 'thidua-bench-'));
const folder = join(dir, 'bai-nop');
await mkdir(folder);
const members = Array.from({ length: N }, (_, i) => ({ code: code(i + 1), name: `Công đoàn cơ sở số ${i + 1}` }));
const cluster = join(dir, 'LienDoan.xlsx');
await writeFile(cluster, await workbookBytes(buildClusterWorkbook({ title: 'XẾP HẠNG CĐCS', rubric: RUBRIC, members, settings: [['Năm', 2024]] })));
for (let k = 1; k <= N; k++) {
  const wb = buildSubmissionWorkbook({ sheetName: 'Tự chấm', title: 'BẢNG TỰ CHẤM', labelRows: [['Mã đơn vị:', code(k)]], rubric: RUBRIC, self: selfScores(k) });
  await writeFile(join(folder, `${code(k)}.xlsx`), await workbookBytes(wb));
}

async function baseline(): Promise<void> {
  for (const f of [cluster, ...(await readdir(folder)).map((n) => join(folder, n))]) {
    const wb = new ExcelJS.Workbook();
    const bytes = await readFile(f);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
}

const sink = { write: () => true };
async function thidua(): Promise<number> {
  return main(['rank', cluster, folder, '--out', join(dir, 'out.xlsx')], { stdout: sink, stderr: sink });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

// One warm-up of each so both pay module loading and JIT equally, then measured runs.
await baseline();
await thidua();
const b = await time(baseline);
let status = -1;
const e = await time(async () => {
  status = await thidua();
});
console.log(`workbooks: ${N} submissions + 1 cluster workbook`);
console.log(`baseline (exceljs opens every file, nothing else): ${b.toFixed(0)} ms`);
console.log(`thidua rank (read, check, rank, write the ranking workbook): ${e.toFixed(0)} ms, exit ${status}`);
console.log(`per workbook: ${(e / (N + 1)).toFixed(1)} ms; thidua / baseline: ${(e / b).toFixed(2)}x`);
await rm(dir, { recursive: true, force: true });
if (status !== 0) process.exitCode = 1;
