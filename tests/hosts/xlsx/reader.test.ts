/**
 * The .xlsx reader on real files: what Excel stores must reach the engine as Excel shows it, and every
 * hazard of the brief, built here as an .xlsx, must produce the engine's finding at the right cell.
 */
import { describe, expect, it } from 'vitest';
import type { GridWorkbook } from '../../../src/engine';
import { runCluster } from '../../../src/engine';
import { ExcelJS } from '../../../src/hosts/xlsx/exceljs';
import { readWorkbook } from '../../../src/hosts/xlsx/reader';
import { CUM1_CLUSTER_FILE, CUM1_EXPECTED, cum1Cluster, cum1Submission, cum1Submissions } from '../../fixtures/cum1';
import { addGridSheet, bytesOf, gridToXlsx, trimmed } from './helpers';

async function roundTrip(grid: GridWorkbook, extras: Parameters<typeof gridToXlsx>[1] = {}): Promise<GridWorkbook> {
  const read = await readWorkbook(await gridToXlsx(grid, extras), grid.file);
  expect(read.findings).toEqual([]);
  return read.workbook!;
}

async function readAll(cluster: GridWorkbook, subs: GridWorkbook[]): Promise<{ cluster: GridWorkbook; submissions: GridWorkbook[] }> {
  return { cluster: await roundTrip(cluster), submissions: await Promise.all(subs.map((s) => roundTrip(s))) };
}

describe('readWorkbook: values as Excel shows them', () => {
  it('reads the seed cluster back cell for cell, merges included', async () => {
    const grid = cum1Cluster();
    const back = await roundTrip(grid);
    expect(back.file).toBe(CUM1_CLUSTER_FILE);
    expect(back.sheets.map((s) => s.name)).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình']);
    back.sheets.forEach((s, i) => {
      expect(trimmed(s.values)).toEqual(trimmed(grid.sheets[i]!.values));
      expect(s.merges ?? []).toEqual(grid.sheets[i]!.merges ?? []);
    });
  });

  it('ranks the seed cluster from files exactly as from grids', async () => {
    const files = await readAll(cum1Cluster(), cum1Submissions());
    const result = runCluster({ cluster: files.cluster, submissions: files.submissions });
    const got = result.units.map((u) => ({ code: u.code, rank: u.rank, total: u.total?.toString() ?? null, tie: u.tie }));
    expect(got).toEqual(CUM1_EXPECTED.map((e) => ({ code: e.code, rank: e.rank, total: e.total, tie: e.tie })));
  });

  it('keeps an error value apart from text, a formula as its cached result, a date as its serial number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { error: '#REF!' } as never;
    ws.getCell('B1').value = '#REF!';
    ws.getCell('C1').value = { formula: 'SUM(D1:E1)', result: 8.5 } as never;
    ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as never;
    ws.getCell('E1').value = { formula: 'NOW()' } as never; // never calculated: no cached value
    // 2024-01-01 is serial 45292 (days since 1899-12-30).
    ws.getCell('F1').value = new Date(Date.UTC(2024, 0, 1));
    ws.getCell('G1').value = { richText: [{ text: 'LĐLĐ ' }, { text: 'Ba Đình', font: { bold: true } }] };
    ws.getCell('H1').value = true;
    const read = await readWorkbook(await bytesOf(wb), 'x.xlsx');
    expect(read.workbook!.sheets[0]!.values).toEqual([[{ error: '#REF!' }, '#REF!', 8.5, { error: '#DIV/0!' }, null, 45292, 'LĐLĐ Ba Đình', true]]);
  });

  it('reports fonts per cell, hidden sheets and hidden rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.getCell('A1').value = 'Hµ Néi';
    ws.getCell('A1').font = { name: '.VnTime' };
    ws.getCell('B2').value = { richText: [{ text: 'C«ng', font: { name: 'VNI-Times' } }] };
    ws.getRow(2).hidden = true;
    wb.addWorksheet('Cũ', { state: 'hidden' }).getCell('A1').value = 1;
    wb.addWorksheet('Ẩn hẳn', { state: 'veryHidden' }).getCell('A1').value = 2;
    const sheets = (await readWorkbook(await bytesOf(wb), 'x.xlsx')).workbook!.sheets;
    expect(sheets[0]!.fonts?.[0]?.[0]).toBe('.VnTime');
    expect(sheets[0]!.fonts?.[1]?.[1]).toBe('VNI-Times');
    expect(sheets[0]!.hiddenRows).toEqual([2]);
    expect(sheets[0]!.hidden).toBeUndefined();
    expect(sheets.slice(1).map((s) => [s.name, s.hidden])).toEqual([
      ['Cũ', true],
      ['Ẩn hẳn', true],
    ]);
  });
});

describe('hazards of the brief, as .xlsx files', () => {
  it('NFD: a unit named in decomposed Unicode still matches its member', async () => {
    // cum1's HM submission label is typed in NFD; it must rank 6th with 76, not be an unknown unit.
    const sub = cum1Submission('HM');
    expect(String(sub.sheets[0]!.values[2]![0])).not.toBe(String(sub.sheets[0]!.values[2]![0]).normalize('NFC'));
    const files = await readAll(cum1Cluster(), cum1Submissions());
    const result = runCluster({ cluster: files.cluster, submissions: files.submissions });
    expect(result.findings.filter((f) => f.code === 'SUBMISSION_UNIT_UNKNOWN')).toEqual([]);
    const hm = result.units.find((u) => u.code === 'HM')!;
    expect([hm.rank, hm.total?.toString()]).toEqual([6, '76']);
  });

  it('TCVN3: a member name typed in .VnTime is converted, with a warning at its cell', async () => {
    const cluster = cum1Cluster();
    const members = cluster.sheets[1]!;
    members.values[8]![2] = 'L§L§ quËn Hoµng Mai'; // row 9, column C: HM's name as stored under a .VnTime font
    const bytes = await (async () => {
      const wb = new ExcelJS.Workbook();
      for (const s of cluster.sheets) addGridSheet(wb, s, s === members ? { fonts: { C9: '.VnTime' } } : {});
      return bytesOf(wb);
    })();
    const read = await readWorkbook(bytes, CUM1_CLUSTER_FILE);
    expect(read.workbook!.sheets[1]!.fonts?.[8]?.[2]).toBe('.VnTime');
    const result = runCluster({ cluster: read.workbook!, submissions: [] });
    const f = result.findings.find((x) => x.code === 'LEGACY_ENCODING_CONVERTED');
    expect(f?.place).toEqual({ file: CUM1_CLUSTER_FILE, sheet: 'Đơn vị', cell: 'C9' });
    expect(result.members.find((m) => m.code === 'HM')?.name).toBe('LĐLĐ quận Hoàng Mai');
  });

  it('numbers typed as text are read with a warning at their cell', async () => {
    const sub = cum1Submission('BD');
    // BD's I.1 (rubric row 2, sheet row 7, column F) typed as text with a decimal comma and spaces.
    sub.sheets[0]!.values[6]![5] = ' 10,0 ';
    const files = await readAll(cum1Cluster(), [sub]);
    expect(files.submissions[0]!.sheets[0]!.values[6]![5]).toBe(' 10,0 ');
    const result = runCluster({ cluster: files.cluster, submissions: files.submissions });
    const f = result.findings.find((x) => x.code === 'NUMBER_AS_TEXT');
    expect(f?.place).toEqual({ file: 'BaDinh.xlsx', sheet: 'Tự chấm', cell: 'F7' });
  });

  it('merged title rows above the header do not hide the table', async () => {
    const sub = cum1Submission('DD');
    const back = await roundTrip(sub);
    expect(back.sheets[0]!.merges).toEqual(['A1:H1', 'A2:H2']);
    // A merged title's covered cells read as empty, as in Excel, not as copies of the title.
    expect(back.sheets[0]!.values[0]).toEqual(['LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI']);
    const files = await readAll(cum1Cluster(), [sub]);
    const result = runCluster({ cluster: files.cluster, submissions: files.submissions });
    expect(result.units.find((u) => u.code === 'DD')?.total?.toString()).toBe('89.3');
  });

  it('a hidden sheet is reported and not read as a submission', async () => {
    const sub = cum1Submission('LB');
    const bytes = await gridToXlsx(sub, { 'Long Biên': { state: 'hidden' } });
    const read = await readWorkbook(bytes, sub.file);
    const result = runCluster({ cluster: cum1Cluster(), submissions: [read.workbook!] });
    const f = result.findings.find((x) => x.code === 'SHEET_HIDDEN_IGNORED');
    expect(f?.place).toMatchObject({ file: 'LongBien_2024.xlsx', sheet: 'Long Biên' });
    expect(result.units.find((u) => u.code === 'LB')?.status).toBe('invalid');
  });

  it('an error value in a score cell is an error naming the Excel error', async () => {
    const sub = cum1Submission('HBT');
    sub.sheets[0]!.values[10]![5] = { error: '#REF!' }; // I.3.b: rubric row 5, sheet row 6 + 5 = 11, column F
    const files = await readAll(cum1Cluster(), [sub]);
    const result = runCluster({ cluster: files.cluster, submissions: files.submissions });
    const f = result.findings.find((x) => x.code === 'SCORE_CELL_ERROR');
    expect(f?.place).toEqual({ file: 'HaiBaTrung.xlsx', sheet: 'Sheet1', cell: 'F11' });
    expect(f?.params).toMatchObject({ error: '#REF!' });
  });

  it('a formula whose cached value is the only value still scores', async () => {
    const sub = cum1Submission('HK');
    // Every self score of HK as a formula (=9.5 etc.) with its cached result: the totals must not move.
    const formulas: Record<string, string> = {};
    sub.sheets[0]!.values.forEach((row, r) => {
      if (r >= 5 && typeof row[5] === 'number') formulas[`F${r + 1}`] = `${row[5]}+0`;
    });
    const bytes = await gridToXlsx(sub, { 'Tự chấm': { formulas } });
    const read = await readWorkbook(bytes, sub.file);
    const result = runCluster({ cluster: cum1Cluster(), submissions: [read.workbook!] });
    expect(result.units.find((u) => u.code === 'HK')?.total?.toString()).toBe('96');
  });

  it('a unit name starting with "=" is read as text', async () => {
    const cluster = cum1Cluster();
    cluster.sheets[1]!.values[3]![2] = '=HYPERLINK("http://example.invalid","Bấm vào đây")';
    const back = await roundTrip(cluster);
    expect(back.sheets[1]!.values[3]![2]).toBe('=HYPERLINK("http://example.invalid","Bấm vào đây")');
  });

  it('a member that changed a max in its copy gets an error at that cell', async () => {
    const sub = cum1Submission('DD');
    sub.sheets[0]!.values[7]![2] = 8; // I.2's max (7.5) typed as 8: rubric row 2, sheet row 6 + 2 = 8, column C
    const files = await readAll(cum1Cluster(), [sub]);
    const result = runCluster({ cluster: files.cluster, submissions: files.submissions });
    const f = result.findings.find((x) => x.code === 'CRITERION_MAX_CHANGED');
    expect(f?.place).toEqual({ file: 'DongDa.xlsx', sheet: 'Bảng điểm', cell: 'C8' });
  });
});
