/**
 * The result workbook, read back from its bytes: the generated sheets equal the engine's descriptions
 * cell by cell, the secretary's own sheets are exactly as they were, and a re-run replaces only ours.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClusterResult, OutputSheet } from '../../../src/engine';
import { runCluster } from '../../../src/engine';
import type { Workbook, Worksheet } from '../../../src/hosts/xlsx/exceljs';
import { ExcelJS } from '../../../src/hosts/xlsx/exceljs';
import { attributes } from '../../../src/hosts/xlsx/xml';
import { readWorkbook } from '../../../src/hosts/xlsx/reader';
import { freeSheetName, writeResult, writeResultReport } from '../../../src/hosts/xlsx/writer';
import { CUM1_CLUSTER_FILE, cum1Cluster, cum1Submissions } from '../../fixtures/cum1';
import { addGridSheet, bytesOf, gridToXlsx, loadXlsx, sheetXml } from './helpers';

/** The seed cluster as a secretary keeps it: styled, validated, frozen, with a formula, a link and her own "Xếp hạng" sheet. */
async function secretaryWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const grid = cum1Cluster();
  const rubric = addGridSheet(wb, grid.sheets[0]!);
  rubric.getRow(4).font = { bold: true, name: 'Times New Roman', size: 13 };
  rubric.getRow(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  rubric.getCell('C5').border = { bottom: { style: 'double', color: { argb: 'FF0000FF' } } };
  rubric.getCell('C5').numFmt = '0.0';
  rubric.getColumn(2).width = 64;
  rubric.views = [{ state: 'frozen', xSplit: 1, ySplit: 4 }];
  rubric.getCell('C28').value = { formula: 'SUM(C5,C13,C17)', result: 100 } as never;
  rubric.getCell('D6').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Cộng,Trừ,Điều kiện"'] };
  for (const s of grid.sheets.slice(1)) addGridSheet(wb, s);
  const own = wb.addWorksheet('Xếp hạng');
  own.getCell('A1').value = 'Bảng xếp hạng tự làm của thư ký';
  own.getCell('B2').value = { formula: "'Thang điểm'!C28*2", result: 200 } as never;
  own.mergeCells('A1:C1');
  return bytesOf(wb);
}

let source: Uint8Array;
let result: ClusterResult;
let output: Uint8Array;

beforeAll(async () => {
  source = await secretaryWorkbook();
  const cluster = (await readWorkbook(source, CUM1_CLUSTER_FILE)).workbook!;
  const submissions = await Promise.all(cum1Submissions().map(async (s) => (await readWorkbook(await gridToXlsx(s), s.file)).workbook!));
  result = runCluster({ cluster, submissions });
  output = await writeResult(source, result.sheets);
});

/** Location-only links (ref -> location) of a sheet, straight from the package XML. */
async function linksOf(bytes: Uint8Array, sheet: string): Promise<Record<string, string>> {
  const xml = await sheetXml(bytes, sheet);
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<hyperlink\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    expect(a['r:id']).toBeUndefined();
    out[a.ref!] = a.location!.replace(/&apos;/g, "'");
  }
  return out;
}

function expectSheetMatches(ws: Worksheet, s: OutputSheet): void {
  s.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const got = ws.getCell(r + 1, c + 1);
      expect([got.address, got.value]).toEqual([got.address, cell.value]);
      if (typeof cell.value === 'string') expect([got.address, got.numFmt]).toEqual([got.address, '@']);
      // Excel stores "General" as no format at all.
      const format = cell.format === 'General' ? undefined : cell.format;
      if (typeof cell.value === 'number') expect([got.address, got.numFmt]).toEqual([got.address, format]);
      if (cell.style === 'header') expect(got.font?.bold).toBe(true);
    });
    // Nothing written beyond the description's cells.
    expect(ws.getRow(r + 1).cellCount).toBeLessThanOrEqual(row.length);
  });
  expect(ws.rowCount).toBe(s.rows.length);
  s.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
  if (s.freezeRows > 0) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: s.freezeRows });
  if (s.table) expect(ws.autoFilter).toBe(s.table.range);
}

/** Everything of a source sheet the writer promises to keep. */
function snapshot(ws: Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => cells.push([c.address, c.value, c.style, c.dataValidation])),
  );
  const views = (ws.views ?? []).map((v) => ({ ...v, tabSelected: undefined }));
  const widths = (ws.columns ?? []).map((c) => c.width);
  return { cells, merges: ws.model.merges, views, widths, state: ws.state };
}

describe('writeResult', () => {
  it('adds the three generated sheets after the source sheets, each marked', async () => {
    const wb = await loadXlsx(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Xếp hạng', 'Xếp hạng (2)', 'Kiểm tra', 'Chi tiết']);
    const markers = Object.fromEntries(wb.definedNames.model.map((d) => [d.name, d.ranges]));
    expect(markers).toEqual({
      ThiDua_ranking: ["'Xếp hạng (2)'!$A$1"],
      ThiDua_checks: ["'Kiểm tra'!$A$1"],
      ThiDua_details: ["'Chi tiết'!$A$1"],
    });
  });

  it('writes every generated sheet cell by cell as the engine described it', async () => {
    const wb = await loadXlsx(output);
    const names = ['Xếp hạng (2)', 'Kiểm tra', 'Chi tiết'];
    result.sheets.forEach((s, i) => expectSheetMatches(wb.getWorksheet(names[i]!)!, s));
  });

  it('links each finding to its cell in this workbook, renamed sheets included', async () => {
    const checks = result.sheets.find((s) => s.role === 'checks')!;
    const sheetNames = new Set(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Xếp hạng (2)', 'Kiểm tra', 'Chi tiết']);
    const expected: Record<string, string> = {};
    checks.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell.link || cell.value === null) return;
        const sheet = cell.link.sheet === 'Xếp hạng' ? 'Xếp hạng (2)' : cell.link.sheet;
        if (sheetNames.has(sheet)) expected[`${String.fromCharCode(65 + c)}${r + 1}`] = `'${sheet}'!${cell.link.cell}`;
      }),
    );
    // The seed cluster's RUBRIC_PARENT_MAX_MISMATCH is in this workbook: at least that link exists.
    expect(Object.values(expected)).toContain("'Thang điểm'!C16");
    expect(await linksOf(output, 'Kiểm tra')).toEqual(expected);
  });

  it('leaves every source sheet exactly as it was, the user\'s own "Xếp hạng" included', async () => {
    const before = await loadXlsx(source);
    const after = await loadXlsx(output);
    for (const ws of before.worksheets) expect(snapshot(after.getWorksheet(ws.name)!)).toEqual(snapshot(ws));
    expect(after.getWorksheet('Thang điểm')!.getCell('C28').value).toEqual({ formula: 'SUM(C5,C13,C17)', result: 100 });
  });

  it('re-running replaces only the marked sheets', async () => {
    const again = await writeResultReport(output, result.sheets);
    expect(again.replaced).toEqual(['Xếp hạng (2)', 'Kiểm tra', 'Chi tiết']);
    const wb = await loadXlsx(again.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Xếp hạng', 'Xếp hạng (2)', 'Kiểm tra', 'Chi tiết']);
    expect(wb.getWorksheet('Xếp hạng')!.getCell('A1').value).toBe('Bảng xếp hạng tự làm của thư ký');
    expectSheetMatches(wb.getWorksheet('Xếp hạng (2)')!, result.sheets[0]!);
    const before = await loadXlsx(source);
    for (const ws of before.worksheets) expect(snapshot(wb.getWorksheet(ws.name)!)).toEqual(snapshot(ws));
  });

  it('follows its marker when the user renamed a generated sheet', async () => {
    const wb = await loadXlsx(output);
    wb.getWorksheet('Kiểm tra')!.name = 'Lỗi cần sửa';
    wb.definedNames.model = wb.definedNames.model.map((d) => (d.name === 'ThiDua_checks' ? { ...d, ranges: ["'Lỗi cần sửa'!$A$1"] } : d));
    const renamed = await bytesOf(wb);
    const again = await writeResultReport(renamed, result.sheets);
    expect(again.replaced).toContain('Lỗi cần sửa');
    const names = (await loadXlsx(again.bytes)).worksheets.map((w) => w.name);
    expect(names).toContain('Kiểm tra');
    expect(names).not.toContain('Lỗi cần sửa');
  });

  it('reads its own result back without the generated sheets, as output rather than input', async () => {
    const read = await readWorkbook(output, 'out.xlsx');
    expect(read.generated.map((g) => g.sheet)).toEqual(['Xếp hạng (2)', 'Kiểm tra', 'Chi tiết']);
    expect(read.workbook!.sheets.map((s) => s.name)).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Xếp hạng']);
  });
});

describe('hostile and odd text', () => {
  const hostile = ['=HYPERLINK("http://example.invalid","x")', '@SUM(A1:A9)', '+1+1', '-2', 'tab\there', 'bell\u0007char', '__proto__'];

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const sheet: OutputSheet = {
      role: 'ranking',
      name: 'Xếp hạng',
      rows: [hostile.map((v) => ({ value: v }))],
      columnWidths: [],
      table: null,
      freezeRows: 0,
    };
    const bytes = await writeResult(await secretaryWorkbook(), [sheet], { activate: false });
    const xml = await sheetXml(bytes, 'Xếp hạng (2)');
    expect(xml).not.toContain('<f>');
    const ws = (await loadXlsx(bytes)).getWorksheet('Xếp hạng (2)')!;
    // A control character cannot be stored in XML: it becomes U+FFFD, everything else is kept as typed.
    expect(hostile.map((_, i) => ws.getCell(1, i + 1).value)).toEqual(hostile.map((v) => v.replace('\u0007', '\ufffd')));
    expect(hostile.map((_, i) => ws.getCell(1, i + 1).type)).toEqual(hostile.map(() => ExcelJS.ValueType.String));
  });

  it('picks a free sheet name the way Excel compares names', () => {
    const taken = new Set(['xếp hạng', 'xếp hạng (2)']);
    expect(freeSheetName('Xếp hạng', taken)).toBe('Xếp hạng (3)');
    expect(freeSheetName('Kiểm tra', taken)).toBe('Kiểm tra');
    const long = 'Một tên sheet rất dài hơn ba mươi mốt ký tự';
    expect(freeSheetName(long, new Set([long.slice(0, 31).toLowerCase()]))).toBe(`${long.slice(0, 27).trimEnd()} (2)`);
  });

  it('keeps the user\'s internal links in the sheets it does not touch', async () => {
    const wb = new ExcelJS.Workbook();
    addGridSheet(wb, cum1Cluster().sheets[0]!);
    const src = await bytesOf(wb);
    // Excel's "Place in this document" link: a location, no relationship (exceljs itself would drop it).
    const zip = await JSZip.loadAsync(src);
    const path = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(path)!.async('string');
    zip.file(path, xml.replace('<pageMargins', `<hyperlinks><hyperlink ref="B5" location="'Thang điểm'!C28"/></hyperlinks><pageMargins`));
    const withLink = await zip.generateAsync({ type: 'uint8array' });
    const out = await writeResult(withLink, [{ role: 'checks', name: 'Kiểm tra', rows: [[{ value: 'x', link: { sheet: 'Thang điểm', cell: 'B5' } }]], columnWidths: [], table: null, freezeRows: 0 }]);
    expect(await linksOf(out, 'Thang điểm')).toEqual({ B5: "'Thang điểm'!C28" });
    expect(await linksOf(out, 'Kiểm tra')).toEqual({ A1: "'Thang điểm'!B5" });
  });
});

export type { Workbook };
