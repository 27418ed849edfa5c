/**
 * Compares a sheet in the fake with the engine's OutputSheet description, cell by cell: value, number
 * format, no formula, link target. Returns the differences (empty when equal) so a failure names cells.
 */
import type { OutputSheet } from '../../../src/engine';
import { formatAddress } from '../../../src/engine';
import type { FakeExcel } from '../../fakes/excel-fake';

export function differences(fake: FakeExcel, sheetName: string, out: OutputSheet): string[] {
  const diffs: string[] = [];
  const width = out.rows.reduce((w, r) => Math.max(w, r.length), 0);
  out.rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const a1 = formatAddress({ row: r, col: c });
      const want = row[c];
      const value = want?.value ?? null;
      const format = typeof value === 'string' ? '@' : typeof value === 'number' ? (want?.format ?? 'General') : 'General';
      const link = want?.link ? `'${want.link.sheet.replace(/'/g, "''")}'!${want.link.cell}` : undefined;
      const got = fake.cell(sheetName, a1);
      const actual = { value: got?.value ?? null, format: got?.numberFormat ?? 'General', link: got?.hyperlink?.documentReference, formula: got?.formula, error: got?.error };
      const expected = { value, format, link, formula: undefined, error: undefined };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) diffs.push(`${sheetName}!${a1}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`);
    }
  });
  // Nothing written beyond the description.
  const used = fake.values(sheetName);
  if (used.length > out.rows.length) diffs.push(`${sheetName}: ${used.length} rows written, ${out.rows.length} described`);
  if (used.some((r) => r.length > width)) diffs.push(`${sheetName}: wider than ${width} columns`);
  return diffs;
}
