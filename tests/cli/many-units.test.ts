/**
 * A federation ranking 100 member units from a folder of 100 workbooks: the run finishes with a progress
 * bar (or a few plain lines when stderr is not a terminal) and every total is right.
 * Slow by nature (200 real .xlsx files are built, read and written), so it has its own file.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClusterWorkbook, buildSubmissionWorkbook, workbookBytes } from '../../src/hosts/xlsx/layout';
import { RUBRIC } from '../../examples/cum1-data';
import { thidua } from './helpers';

const UNITS = 100;
const code = (k: number): string => `U${String(k).padStart(3, '0')}`;

/**
 * Unit k scores every standard criterion at its max (35 + 40 + 25 = 100 with II.2 counting twice),
 * except I.1 = 10 - 0.5 x (k mod 20); it earns k mod 3 bonus points (IV.1) and no penalty, so
 *   total(k) = 100 - 0.5 x (k mod 20) + (k mod 3)
 * e.g. U001: 100 - 0.5 + 1 = 100.5; U020: 100 - 0 + 2 = 102; U019: 100 - 9.5 + 1 = 91.5.
 */
function expectedTotal(k: number): number {
  return 100 - 0.5 * (k % 20) + (k % 3);
}

function selfScores(k: number): (number | string | null)[] {
  return RUBRIC.map((r, i) => {
    if (i === 1) return 10 - 0.5 * (k % 20); // I.1
    if (r.kind === 'Cộng') return i === 16 ? k % 3 : 0; // IV.1 carries the bonus, IV.2 none
    if (r.kind === 'Trừ') return 0;
    if (r.kind === 'Điều kiện') return 'Không';
    if (typeof r.code === 'string' && /^[IVX]+$/.test(r.code)) return null; // section rows: no subtotal typed
    if (r.code === 3 && i === 3) return null; // I.3 is the parent of a and b
    return r.max;
  });
}

let dir: string;
let cluster: string;
let folder: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-100-'));
  folder = join(dir, 'bai-nop');
  await mkdir(folder);
  const members = Array.from({ length: UNITS }, (_, i) => ({ code: code(i + 1), name: `Công đoàn cơ sở số ${i + 1}` }));
  cluster = join(dir, 'LDLD_Quan.xlsx');
  await writeFile(cluster, await workbookBytes(buildClusterWorkbook({ title: 'XẾP HẠNG CĐCS', rubric: RUBRIC, members, settings: [['Năm', 2024]] })));
  for (let k = 1; k <= UNITS; k++) {
    const wb = buildSubmissionWorkbook({ sheetName: 'Tự chấm', title: 'BẢNG TỰ CHẤM', labelRows: [['Mã đơn vị:', code(k)]], rubric: RUBRIC, self: selfScores(k) });
    await writeFile(join(folder, `${code(k)}.xlsx`), await workbookBytes(wb));
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a folder of 100 member workbooks', () => {
  it('ranks all of them with the right totals, with plain progress lines off a terminal', async () => {
    const run = await thidua(['rank', cluster, folder, '--json', '-']);
    const doc = JSON.parse(run.stdout) as { units: { code: string; rank: number | null; total: number | null; status: string }[]; findings: { severity: string; code: string }[] };
    expect(doc.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(doc.units).toHaveLength(UNITS);
    for (const u of doc.units) {
      const k = Number(u.code.slice(1));
      const total = expectedTotal(k);
      // Shared ranks: one more than the number of units with a strictly higher total.
      const rank = 1 + Array.from({ length: UNITS }, (_, i) => expectedTotal(i + 1)).filter((t) => t > total).length;
      expect([u.code, u.status, u.total, u.rank]).toEqual([u.code, 'ranked', total, rank]);
    }
    // The top, 102, needs k mod 20 = 0 and k mod 3 = 2: of 20, 40, 60, 80, 100 only 20 and 80 (40 and 100
    // leave 1, 60 leaves 0). They share rank 1. Next, 101.5 at rank 3: k mod 20 = 1 (-0.5) with k mod 3 = 2
    // (+2): of 1, 21, 41, 61, 81 only 41.
    expect(doc.units.filter((u) => u.rank === 1).map((u) => u.code).sort()).toEqual(['U020', 'U080']);
    expect(doc.units.filter((u) => u.rank === 3).map((u) => u.code).sort()).toEqual(['U041']);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('Đang') || l.startsWith('Đã đọc'));
    expect(lines.slice(0, 2)).toEqual(['Đang đọc 100 tệp...', 'Đã đọc 100/100 tệp.']);
    expect(lines.length).toBeLessThanOrEqual(4);
  });

  it('shows a progress bar on a terminal', async () => {
    const run = await thidua(['rank', cluster, folder], { tty: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('] 100/100 U100.xlsx');
    expect(run.stderr).toContain('█');
    expect(run.stdout).toContain('Đã ghi bảng xếp hạng:');
  });
});
