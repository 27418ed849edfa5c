/**
 * Engine throughput on a federation-sized run: N grassroots unions (công đoàn cơ sở) scored against a
 * 40-criterion rubric, every unit in its own submission sheet.
 *
 * Baseline, measured in the same run on the same numbers: "the spreadsheet way" — float
 * SUMPRODUCT per unit then a RANK-style sort, with no checks, no exact arithmetic, no findings and no
 * output sheets. It is the floor of what any ranking costs; the ratio is what checking every cell,
 * exact decimals and the three generated sheets add on top.
 *
 * Run: npx tsx bench/engine.ts [units=6428] [rounds=3]
 */
import { runCluster } from '../src/engine';
import type { CellValue, GridSheet, GridWorkbook } from '../src/engine';

const units = Number(process.argv[2] ?? 6428);
const rounds = Number(process.argv[3] ?? 3);
const SECTIONS = 4;
const PER_SECTION = 10;

// Deterministic pseudo-random scores so every run measures the same work.
let seed = 42;
function rand(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

interface Crit { code: string | number; label: string; max: number }
const rubric: Crit[] = [];
const roman = ['I', 'II', 'III', 'IV'];
for (let s = 0; s < SECTIONS; s++) {
  rubric.push({ code: roman[s]!, label: `Mục ${roman[s]}`, max: PER_SECTION * 2.5 });
  for (let c = 1; c <= PER_SECTION; c++) rubric.push({ code: c, label: `Tiêu chí ${roman[s]}.${c}`, max: 2.5 });
}
const leaves = rubric.filter((r) => typeof r.code === 'number');

const codes = Array.from({ length: units }, (_, i) => `CS${String(i + 1).padStart(5, '0')}`);
const scores: number[][] = codes.map(() => leaves.map((l) => Math.round(rand() * l.max * 4) / 4));

function clusterWorkbook(): GridWorkbook {
  const rubricSheet: GridSheet = {
    name: 'Thang điểm',
    values: [['Mã', 'Nội dung', 'Điểm tối đa'], ...rubric.map((r) => [r.code, r.label, r.max] as CellValue[])],
  };
  const members: GridSheet = {
    name: 'Đơn vị',
    values: [['Mã đơn vị', 'Tên đơn vị'], ...codes.map((c, i) => [c, `Công đoàn cơ sở số ${i + 1}`] as CellValue[])],
  };
  return { file: 'LienDoan.xlsx', sheets: [rubricSheet, members] };
}

function submissions(): GridWorkbook[] {
  return codes.map((code, u) => {
    let k = 0;
    const rows: CellValue[][] = [[`Mã đơn vị: ${code}`], ['Mã', 'Nội dung', 'Điểm tối đa', 'Tự chấm']];
    for (const r of rubric) rows.push([r.code, r.label, r.max, typeof r.code === 'number' ? scores[u]![k++]! : null]);
    return { file: `${code}.xlsx`, sheets: [{ name: 'Tự chấm', values: rows }] };
  });
}

function spreadsheetBaseline(): number {
  // SUMPRODUCT(weights, scores) per unit, then RANK: what the hand-made workbook computes.
  const totals = scores.map((row) => row.reduce((s, x) => s + x, 0));
  const order = totals.map((t, i) => [t, i] as const).sort((a, b) => b[0] - a[0]);
  return order.length;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const cluster = clusterWorkbook();
const subs = submissions();
const base: number[] = [];
const engine: number[] = [];
let ranked = 0;
for (let i = 0; i < rounds; i++) {
  base.push(time(spreadsheetBaseline));
  engine.push(
    time(() => {
      const r = runCluster({ cluster, submissions: subs });
      ranked = r.units.filter((u) => u.rank !== null).length;
    }),
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const b = median(base);
const e = median(engine);
console.log(`units: ${units}, criteria: ${leaves.length}, rounds: ${rounds}, ranked: ${ranked}`);
console.log(`baseline (float SUMPRODUCT + sort, no checks): ${b.toFixed(1)} ms`);
console.log(`engine (runCluster: parse, check, exact totals, rank, 3 output sheets): ${e.toFixed(1)} ms`);
console.log(`per unit: ${((e / units) * 1000).toFixed(1)} µs; engine / baseline: ${(e / Math.max(b, 0.001)).toFixed(0)}x`);
if (ranked !== units) {
  console.error(`expected every unit ranked, got ${ranked}`);
  process.exitCode = 1;
}
