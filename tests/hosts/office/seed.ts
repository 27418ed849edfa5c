/**
 * Workbooks for the Office host tests, built as plain grids and seeded into the fake: the seed cluster
 * (tests/fixtures/cum1.ts) and the same cluster grown to thousands of grassroots unions.
 */
import type { CellValue, GridSheet } from '../../../src/engine';
import { CUM1_CLUSTER_FILE, CUM1_MEMBERS, CUM1_SCORES, cum1Cluster, cum1SubmissionSheet } from '../../fixtures/cum1';
import type { FakeOptions, FakeSheetSeed } from '../../fakes/excel-fake';
import { FakeExcel } from '../../fakes/excel-fake';

/** The secretary's workbook as it is opened in Excel. */
export function cum1Workbook(options: FakeOptions = {}): FakeExcel {
  return FakeExcel.fromGrids(cum1Cluster(), options);
}

/**
 * The cluster workbook with every member's submission pasted in as a sheet. Excel needs unique sheet
 * names, so the pasted copies are named after their units (the labels above the tables still say which
 * unit each is; Long Biên's sheet has no label and keeps its unit's name).
 */
export function cum1WorkbookWithPastedSubmissions(options: FakeOptions = {}): FakeExcel {
  const sheets: GridSheet[] = cum1Cluster().sheets;
  for (const m of CUM1_MEMBERS) {
    const s = cum1SubmissionSheet(m.code);
    sheets.push({ ...s, name: CUM1_SCORES[m.code].label.length > 0 ? `Tự chấm ${m.code}` : s.name });
  }
  return FakeExcel.fromGrids({ file: CUM1_CLUSTER_FILE, sheets }, options);
}

export function unitCode(i: number): string {
  return `CD${String(i + 1).padStart(4, '0')}`;
}

/**
 * A cluster of `n` grassroots unions: the seed rubric and settings, a members sheet of n rows (code,
 * name, group) and a vote tally of n rows (unit, approvals, present), as a federation keeps them.
 */
export function bigClusterSheets(n: number): FakeSheetSeed[] {
  const base = cum1Cluster().sheets;
  const rubric = base.find((s) => s.name === 'Thang điểm')!;
  const settings = base.find((s) => s.name === 'Cấu hình')!;
  const members: CellValue[][] = [['Mã đơn vị', 'Tên đơn vị', 'Khối']];
  const votes: CellValue[][] = [['Mã đơn vị', 'Tán thành', 'Có mặt']];
  for (let i = 0; i < n; i++) {
    members.push([unitCode(i), `CĐCS Công ty số ${i + 1}`, i % 2 === 0 ? 'Doanh nghiệp' : 'Hành chính sự nghiệp']);
    votes.push([unitCode(i), Math.min(n, 4 + (i % 3)), n]);
  }
  return [rubric, { name: 'Đơn vị', values: members }, { name: 'Biểu quyết', values: votes }, settings];
}

/** Values as the reader returns them: a full rectangle, missing cells null. */
export function rectangle(values: CellValue[][], cols?: number): CellValue[][] {
  const width = cols ?? values.reduce((w, r) => Math.max(w, r.length), 0);
  return values.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined ? null : r[c]!)));
}
