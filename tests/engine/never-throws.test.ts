/**
 * Property tests of the engine's promises to hosts: whatever the grids hold, runCluster returns the three
 * sheets and never throws; the parsers cope without falling back on ENGINE_INTERNAL; numbers handed to
 * hosts are finite; and the ranking does not depend on the order of the member rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as aliases from '../../src/engine/aliases';
import type { CellValue, GridSheet, GridWorkbook } from '../../src/engine/grid';
import type { ClusterResult } from '../../src/engine/pipeline';
import { runCluster } from '../../src/engine/pipeline';
import { SETTING_KEYS } from '../../src/engine/settings';
import { cum1Cluster, cum1Submissions } from '../fixtures/cum1';

/** Every alias the engine looks for, so random sheets often look like real tables. */
const ALIAS_TEXTS: string[] = [
  ...new Set(
    Object.values(aliases)
      .filter((group) => typeof group === 'object' && group !== null)
      .flatMap((group) => Object.values(group as Record<string, readonly string[]>).flatMap((list) => (Array.isArray(list) ? [...list] : []))),
  ),
  ...SETTING_KEYS.flatMap((k) => [k.key, k.vi, k.en]),
];

const WEIRD_TEXTS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  '=HYPERLINK("http://evil.example","x")', '@SUM(A1:A9)', '+cmd', '-2', '−2',
  '1.000', '2,500', '9,5', ' 8 ', '\u00a010\u00a0', '1.200,5', '1e400', '-0', 'NaN', 'Infinity',
  '', '   ', '\u200b', '\ufeff', 'x', 'X', 'Không', 'Đồng ý', 'vi phạm', 'có',
  'I', 'II', 'IV', 'MMMM', 'a', 'b', 'z', '1', '2.1', '2.1.a', 'I.1', '1.', 'a)', '...', '.', 'II.2.1.a.b',
  'Tổng cộng', 'Điểm cộng', 'Điểm trừ', 'Tiêu chí liệt', 'Điều kiện',
  'HK', 'BD', 'DD', 'LB', 'HBT', 'HM', 'Hoàn Kiếm', 'Đơn vị: HK', 'Mã đơn vị:', 'Đơn vị: __proto__',
  'Céng hoµ', 'Coäng hoøa', 'Hoàn Kiếm'.normalize('NFD'), '50%', '2/3', '0/0', '1/0', '200%',
  'Xuất sắc >= 90; Tốt', 'Cờ thi đua: 0', 'Cờ thi đua: *', 'a'.repeat(3000), '😀', '\u0000', '\ud800',
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 12 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 5e-324, 1e21, 0.1, 7.5, 2 ** 53 + 1, -0) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#N/A' }, { error: '' }) },
  { weight: 3, arbitrary: fc.constantFrom(...WEIRD_TEXTS) },
  { weight: 3, arbitrary: fc.constantFrom(...ALIAS_TEXTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const sheetName = fc.oneof(
  fc.constantFrom(...Object.values(aliases.SHEET_NAMES).flatMap((l) => [...l]), 'Xếp hạng', 'Kiểm tra', 'Chi tiết', 'Sheet1', '__proto__', 'HK', 'Long Biên'),
  fc.string({ maxLength: 10 }),
);

const sheet: fc.Arbitrary<GridSheet> = fc.record(
  {
    name: sheetName,
    values: fc.array(fc.array(cellValue, { maxLength: 9 }), { maxLength: 14 }),
    origin: fc.constantFrom('A1', 'C3', 'B10', 'ZZZ', 'garbage', ''),
    merges: fc.array(fc.constantFrom('A1:C1', 'A1:A3', 'B2:A1', 'A1:XFD1048576', 'nonsense', 'C3'), { maxLength: 3 }),
    hidden: fc.boolean(),
    hiddenRows: fc.array(fc.integer({ min: -1, max: 20 }), { maxLength: 3 }),
    fonts: fc.array(fc.array(fc.constantFrom(null, '.VnTime', '.VnTimeH', 'VNI-Times', 'Arial', undefined), { maxLength: 4 }), { maxLength: 4 }),
  },
  { requiredKeys: ['name', 'values'] },
);

const workbook: fc.Arbitrary<GridWorkbook> = fc.record({
  file: fc.constantFrom('cum.xlsx', 'HK.xlsx', '__proto__.xlsx', '', 'a/b.xlsx'),
  sheets: fc.array(sheet, { maxLength: 5 }),
});

/** Writes random values over random cells of the seed cluster: deep paths through every parser. */
const mutatedSeed: fc.Arbitrary<{ cluster: GridWorkbook; submissions: GridWorkbook[] }> = fc
  .array(fc.tuple(fc.nat(6), fc.nat(5), fc.nat(40), fc.nat(9), cellValue), { minLength: 1, maxLength: 12 })
  .map((edits) => {
    const cluster = cum1Cluster();
    const submissions = cum1Submissions();
    const books = [cluster, ...submissions];
    for (const [b, sh, r, c, v] of edits) {
      const book = books[b % books.length]!;
      const s = book.sheets[sh % book.sheets.length]!;
      const row = s.values[r % Math.max(1, s.values.length)] ?? (s.values[0] = []);
      row[c] = v;
    }
    return { cluster, submissions };
  });

function checkShape(r: ClusterResult): void {
  expect(r.sheets.map((s) => s.role)).toEqual(['ranking', 'checks', 'details']);
  for (const s of r.sheets) {
    for (const row of s.rows) {
      for (const c of row) {
        const ok = c.value === null || typeof c.value === 'string' || typeof c.value === 'boolean' || (typeof c.value === 'number' && Number.isFinite(c.value));
        if (!ok) throw new Error(`cell value ${String(c.value)} in ${s.name} cannot be written`);
      }
    }
  }
  const internal = r.findings.filter((f) => f.code === 'ENGINE_INTERNAL');
  if (internal.length > 0) throw new Error(`ENGINE_INTERNAL: ${JSON.stringify(internal.map((f) => f.params))}`);
  // Nothing reached a prototype.
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

describe('runCluster on arbitrary grids', () => {
  it('never throws on random workbooks, and always gives the three sheets', () => {
    fc.assert(
      fc.property(workbook, fc.array(workbook, { maxLength: 3 }), fc.constantFrom<'vi' | 'en' | undefined>('vi', 'en', undefined), (cluster, submissions, lang) => {
        checkShape(runCluster({ cluster, submissions, ...(lang ? { lang } : {}) }));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on the seed cluster with random cells overwritten', () => {
    fc.assert(
      fc.property(mutatedSeed, ({ cluster, submissions }) => {
        checkShape(runCluster({ cluster, submissions }));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps __proto__ and friends as plain data', () => {
    const cluster = cum1Cluster();
    const members = cluster.sheets.find((s) => s.name === 'Đơn vị')!;
    members.values.push([7, '__proto__', '__proto__'], [8, 'constructor', '=HYPERLINK("http://x","y")']);
    const r = runCluster({ cluster, submissions: cum1Submissions() });
    checkShape(r);
    expect(r.units.map((u) => u.code)).toEqual(['HK', 'BD', 'DD', 'LB', 'HBT', 'HM', '__proto__', 'constructor']);
    const names = r.sheets[0]!.rows.slice(4).map((row) => row[2]!);
    expect(names.find((c) => c.value === '=HYPERLINK("http://x","y")')).toEqual(expect.objectContaining({ format: '@' }));
  });
});

describe('ranking does not depend on the order of member rows', () => {
  const reference = runCluster({ cluster: cum1Cluster(), submissions: cum1Submissions() });
  const ranksOf = (r: ClusterResult) => Object.fromEntries(r.units.map((u) => [u.code, [u.rank, u.tie, u.total?.toString(), u.award?.name ?? null]]));

  it('gives the same ranks and the same Xếp hạng sheet for any order of the members and the files', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }), fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }), (memberOrder, fileOrder) => {
        const cluster = cum1Cluster();
        const members = cluster.sheets.find((s) => s.name === 'Đơn vị')!;
        const head = members.values.slice(0, 3);
        const rows = members.values.slice(3);
        members.values = [...head, ...memberOrder.map((i) => rows[i]!)];
        const files = cum1Submissions();
        const r = runCluster({ cluster, submissions: fileOrder.map((i) => files[i]!) });
        expect(ranksOf(r)).toEqual(ranksOf(reference));
        expect(r.sheets[0]).toEqual(reference.sheets[0]);
      }),
      { numRuns: 40 },
    );
  });
});
