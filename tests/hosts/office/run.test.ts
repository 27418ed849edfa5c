/**
 * The whole pipeline on the open workbook (what the task pane's last step and the ribbon run):
 * read -> engine -> write, against the fake.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/engine';
import { runCluster } from '../../../src/engine';
import { runInWorkbook } from '../../../src/hosts/office';
import type { RunStage } from '../../../src/hosts/office';
import { CUM1_EXPECTED, CUM1_EXPECTED_FINDINGS, cum1Cluster, cum1Submissions } from '../../fixtures/cum1';
import type { FakeExcel, FakeSheet } from '../../fakes/excel-fake';
import { FakeExcel as Fake } from '../../fakes/excel-fake';
import { bigClusterSheets, cum1Workbook } from './seed';
import { differences } from './written';

function snapshots(fake: FakeExcel, names: string[]): Record<string, FakeSheet> {
  return Object.fromEntries(names.map((n) => [n, fake.snapshot(n)]));
}

/** Column values of the ranking body (rows 5..), read back from the written sheet. */
function column(fake: FakeExcel, letter: string, rows: number): CellValue[] {
  return Array.from({ length: rows }, (_, i) => fake.cell('Xếp hạng', `${letter}${5 + i}`)?.value ?? null);
}

describe('runInWorkbook', () => {
  it('ranks the seed cluster with imported submissions, writes exactly what the engine describes, and changes no source cell', async () => {
    const fake = cum1Workbook();
    const sources = fake.sheetNames();
    const before = snapshots(fake, sources);
    const stages: RunStage[] = [];
    const outcome = await fake.run((ctx) => runInWorkbook(ctx, { submissions: cum1Submissions(), onProgress: (s) => stages.push(s) }));

    expect(stages).toEqual(['read', 'check', 'compute', 'write', 'done']);
    expect(outcome.result.findings.map((f) => f.code)).toEqual(CUM1_EXPECTED_FINDINGS.map((f) => f.code));
    // The host is transparent: the engine finds in the workbook what it finds in the grids it came from.
    const direct = runCluster({ cluster: cum1Cluster(), submissions: cum1Submissions() });
    expect(outcome.result.findings).toEqual(direct.findings);
    expect(outcome.result.sheets).toEqual(direct.sheets);
    for (const s of outcome.result.sheets) expect(differences(fake, s.name, s)).toEqual([]);
    expect(snapshots(fake, sources)).toEqual(before);

    // The hand-worked ranking (tests/fixtures/cum1.ts): HK 96, BD 94.5, DD 89.3, then HBT and LB tied at
    // 85.6 (listed by code), HM 76.
    expect(column(fake, 'B', 6)).toEqual(['HK', 'BD', 'DD', 'HBT', 'LB', 'HM']);
    expect(column(fake, 'I', 6)).toEqual([96, 94.5, 89.3, 85.6, 85.6, 76]);
    expect(column(fake, 'A', 6)).toEqual([1, 2, 3, 4, 4, 6]);
    expect(CUM1_EXPECTED.map((u) => Number(u.total)).sort((a, b) => b - a)).toEqual([96, 94.5, 89.3, 85.6, 85.6, 76]);

    expect(outcome.summary).toEqual({
      units: 6,
      ranked: 6,
      invalid: 0,
      errors: 0,
      warnings: 5,
      blocked: false,
      leaders: [{ group: '', code: 'HK', name: 'LĐLĐ quận Hoàn Kiếm', total: '96.00' }],
      tiedUnits: 2,
      // HK, BD, LB, HBT approved; DD 3/6 rejected; HM without quorum.
      votes: { approved: 4, rejected: 1, undecided: 1 },
      awards: [
        { award: 'Bằng khen', unit: 'HK', confirmed: true },
        { award: 'Cờ thi đua', unit: 'BD', confirmed: true },
        { award: 'Bằng khen', unit: 'DD', confirmed: false },
      ],
    });
    expect(outcome.syncs).toEqual({ read: 3, write: 2 });
    expect(fake.syncCount).toBe(5);
    expect(fake.state.activeSheetId).toBe(fake.sheet('Xếp hạng').id);
  });

  it('re-runs without reading its own sheets and replaces them in place', async () => {
    const fake = cum1Workbook();
    const first = await fake.run((ctx) => runInWorkbook(ctx, { submissions: cum1Submissions() }));
    const names = fake.sheetNames();
    const second = await fake.run((ctx) => runInWorkbook(ctx, { submissions: cum1Submissions() }));
    expect(fake.sheetNames()).toEqual(names);
    expect(second.result.findings).toEqual(first.result.findings);
    expect(second.written.map((w) => [w.name, w.replaced])).toEqual([
      ['Xếp hạng', 'Xếp hạng'],
      ['Kiểm tra', 'Kiểm tra'],
      ['Chi tiết', 'Chi tiết'],
    ]);
    for (const s of second.result.sheets) expect(differences(fake, s.name, s)).toEqual([]);
    expect(second.syncs.read).toBe(3);
  });

  it('writes a hostile unit name as text in the ranking', async () => {
    const cluster = cum1Cluster();
    const members = cluster.sheets.find((s) => s.name === 'Đơn vị')!;
    const evil = '=HYPERLINK("http://evil.example","Bấm")';
    members.values[3]![2] = evil; // HK's name
    const fake = Fake.fromGrids(cluster);
    const outcome = await fake.run((ctx) => runInWorkbook(ctx, { submissions: cum1Submissions() }));
    for (const s of outcome.result.sheets) expect(differences(fake, s.name, s)).toEqual([]);
    // HK's submission names the unit by its old name, so HK is listed unranked: find its row by code.
    const row = 5 + column(fake, 'B', 6).indexOf('HK');
    expect(row).toBeGreaterThanOrEqual(5);
    expect(fake.cell('Xếp hạng', `C${row}`)).toMatchObject({ value: evil, numberFormat: '@' });
    expect(fake.cell('Xếp hạng', `C${row}`)?.formula).toBeUndefined();
  });

  it('shows the Kiểm tra sheet when something blocks', async () => {
    const cluster = cum1Cluster();
    cluster.sheets = cluster.sheets.filter((s) => s.name !== 'Đơn vị');
    const fake = Fake.fromGrids(cluster);
    const outcome = await fake.run((ctx) => runInWorkbook(ctx));
    expect(outcome.summary.blocked).toBe(true);
    expect(outcome.result.findings.map((f) => f.code)).toContain('MEMBERS_SHEET_MISSING');
    expect(fake.state.activeSheetId).toBe(fake.sheet('Kiểm tra').id);
  });

  it('reads 5,000 units in the same 3 round trips as 6, and writes their sheets under the cap', async () => {
    const fake = Fake.fromGrids({ file: 'LDLD_Tinh.xlsx', sheets: bigClusterSheets(5000) });
    const before = snapshots(fake, fake.sheetNames());
    const outcome = await fake.run((ctx) => runInWorkbook(ctx));
    expect(outcome.syncs.read).toBe(3);
    expect(outcome.result.units).toHaveLength(5000);
    expect(fake.syncs.every((s) => s.ok)).toBe(true);
    for (const s of outcome.result.sheets) expect(differences(fake, s.name, s)).toEqual([]);
    expect(snapshots(fake, Object.keys(before))).toEqual(before);
  });
});
