/**
 * Writing the generated sheets: exactly the engine's descriptions, text never turned into formulas,
 * only our own sheets replaced, in one batch with calculation and screen updating suspended.
 */
import { describe, expect, it } from 'vitest';
import type { OutCell, OutputSheet } from '../../../src/engine';
import { runCluster } from '../../../src/engine';
import { CELL_TEXT_MAX, HYPERLINKS_PER_SHEET_MAX, PAYLOAD_CAP_BYTES, writeOutputSheets } from '../../../src/hosts/office';
import { cum1Cluster, cum1Submissions } from '../../fixtures/cum1';
import { cum1Workbook } from './seed';
import { differences } from './written';

function cum1Sheets(): OutputSheet[] {
  return runCluster({ cluster: cum1Cluster(), submissions: cum1Submissions() }).sheets;
}

const text = (value: string, extra: Partial<OutCell> = {}): OutCell => ({ value, format: '@', ...extra });

function tinyRanking(title: string, names: string[]): OutputSheet {
  return {
    role: 'ranking',
    name: 'Xếp hạng',
    rows: [
      [text(title, { style: 'title' })],
      [],
      [text('Hạng', { style: 'header' }), text('Đơn vị', { style: 'header' }), text('Tổng điểm', { style: 'header' })],
      ...names.map((n, i): OutCell[] => [{ value: i + 1, format: '0' }, text(n), { value: 90 - i * 2.5, format: '0.00', style: 'total' }]),
    ],
    columnWidths: [7, 30, 12],
    table: { range: `A3:C${3 + names.length}`, name: 'ThiDuaXepHang', headerRow: 3 },
    freezeRows: 3,
    totalsColumn: 'C',
  };
}

describe('writeOutputSheets', () => {
  it("writes the seed cluster's three sheets equal to the engine's descriptions, cell for cell, in 2 round trips", async () => {
    const fake = cum1Workbook();
    const sheets = cum1Sheets();
    const report = await fake.run((ctx) => writeOutputSheets(ctx, sheets));

    expect(report.sheets).toEqual([
      { role: 'ranking', name: 'Xếp hạng', replaced: null },
      { role: 'checks', name: 'Kiểm tra', replaced: null },
      { role: 'details', name: 'Chi tiết', replaced: null },
    ]);
    for (const s of sheets) expect(differences(fake, s.name, s)).toEqual([]);

    // 1 round trip to look at the workbook, 1 batch for everything else.
    expect(report.syncs).toBe(2);
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[1]).toMatchObject({ ok: true, calculationSuspended: true, screenUpdatingSuspended: true });

    const ranking = fake.sheet('Xếp hạng');
    expect(ranking.tables).toEqual([{ name: 'ThiDuaXepHang', address: 'A4:N10', style: 'TableStyleLight9' }]);
    expect(ranking.freezeRows).toBe(4);
    // Width 26 characters -> (26 x 7 + 5) x 0.75 = 140.25 points.
    expect(ranking.columnWidths[2]).toBe(140.25);
    // Totals in column I, body rows 5-10.
    expect(ranking.conditionalFormats).toEqual([{ address: 'I5:I10', type: 'DataBar' }]);
    expect(ranking.charts).toEqual([
      {
        name: 'Chart 1',
        type: 'BarClustered',
        source: 'I5:I10',
        seriesBy: 'Columns',
        title: 'Tổng điểm',
        legendVisible: false,
        seriesName: 'Tổng điểm',
        xValues: 'C5:C10',
        reversePlotOrder: true,
        position: { start: 'P4' },
      },
    ]);
    // Header styling: bold, and the fill left to the table style.
    expect(fake.cell('Xếp hạng', 'A4')).toMatchObject({ bold: true, wrap: true });
    expect(fake.cell('Xếp hạng', 'A4')?.fill).toBeUndefined();
    expect(fake.cell('Xếp hạng', 'A1')).toMatchObject({ bold: true, size: 14 });
    // The five warnings (rows 5-9) are coloured as warnings, the empty link cells of rows 8-9 included.
    expect(['A5', 'F7', 'G9'].map((a) => fake.cell('Kiểm tra', a)?.color)).toEqual(['#9C5700', '#9C5700', '#9C5700']);
    expect(fake.cell('Kiểm tra', 'A10')).toBeUndefined();

    // The findings link to their cells in this workbook.
    expect(fake.cell('Kiểm tra', 'G5')?.hyperlink).toEqual({ documentReference: "'Biểu quyết'!A9", textToDisplay: 'Xem ô A9' });
    expect(fake.sheet('Kiểm tra').charts).toEqual([]);
    expect(fake.sheet('Chi tiết').tables.map((t) => t.name)).toEqual(['ThiDuaChiTiet']);

    // Marked as ours, and shown.
    expect(['ThiDua_ranking', 'ThiDua_checks', 'ThiDua_details'].map((n) => fake.nameTarget(n))).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
    expect(fake.state.activeSheetId).toBe(ranking.id);
    expect(fake.sheetNames()).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Xếp hạng', 'Kiểm tra', 'Chi tiết']);
  });

  it('keeps hostile text as text: formulas, signs, @-mentions, leading zeros and TRUE stay what they say', async () => {
    const hostile = ['=HYPERLINK("http://evil.example","Bấm vào đây")', '@SUM(A1:A9)', '-5 điểm', '+84 912 345 678', '001', 'TRUE', '1.000', "'trích dẫn"];
    const fake = cum1Workbook();
    const sheet = tinyRanking('=1+1', hostile);
    await fake.run((ctx) => writeOutputSheets(ctx, [sheet]));
    expect(differences(fake, 'Xếp hạng', sheet)).toEqual([]);
    expect(hostile.map((_, i) => fake.cell('Xếp hạng', `B${4 + i}`)?.value)).toEqual(hostile);
    expect(fake.cell('Xếp hạng', 'A1')).toMatchObject({ value: '=1+1', numberFormat: '@' });
  });

  it("never touches a user's sheet of the same name: ours goes to a free name, and a re-run replaces only ours", async () => {
    const fake = cum1Workbook();
    const users = fake.seedSheet({ name: 'Xếp hạng', values: [['Bảng xếp hạng do thư ký tự làm'], ['HK', 96]] });
    users.tables.push({ name: 'ThiDuaXepHang', address: 'A1:B2' });
    const userBefore = fake.snapshot('Xếp hạng');

    const first = await fake.run((ctx) => writeOutputSheets(ctx, [tinyRanking('Lần 1', ['Hoàn Kiếm', 'Ba Đình'])]));
    expect(first.sheets).toEqual([{ role: 'ranking', name: 'Xếp hạng (2)', replaced: null }]);
    expect(fake.sheet('Xếp hạng (2)').tables.map((t) => t.name)).toEqual(['ThiDuaXepHang_2']);
    expect(fake.snapshot('Xếp hạng')).toEqual(userBefore);

    // The secretary moves our sheet to the front; the re-run replaces it in place and keeps its name.
    const ours = fake.sheet('Xếp hạng (2)');
    fake.state.sheets = [ours, ...fake.state.sheets.filter((s) => s !== ours)];
    const second = tinyRanking('Lần 2', ['Đống Đa']);
    const again = await fake.run((ctx) => writeOutputSheets(ctx, [second]));
    expect(again.sheets).toEqual([{ role: 'ranking', name: 'Xếp hạng (2)', replaced: 'Xếp hạng (2)' }]);
    expect(fake.sheetNames()).toEqual(['Xếp hạng (2)', 'Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Xếp hạng']);
    expect(differences(fake, 'Xếp hạng (2)', second)).toEqual([]);
    expect(fake.sheet('Xếp hạng (2)').id).not.toBe(ours.id);
    // The table name of the replaced sheet was free again: no ThiDuaXepHang_3.
    expect(fake.sheet('Xếp hạng (2)').tables.map((t) => t.name)).toEqual(['ThiDuaXepHang_2']);
    expect(fake.snapshot('Xếp hạng')).toEqual(userBefore);
    expect(fake.state.names.map((n) => n.name)).toEqual(['ThiDua_ranking']);
    expect(fake.nameTarget('ThiDua_ranking')).toBe('Xếp hạng (2)');
  });

  it('re-creates a generated sheet the user deleted, and drops the dangling marker', async () => {
    const fake = cum1Workbook();
    await fake.run((ctx) => writeOutputSheets(ctx, [tinyRanking('Lần 1', ['Hoàn Kiếm'])]));
    fake.state.sheets = fake.state.sheets.filter((s) => s.name !== 'Xếp hạng');
    const report = await fake.run((ctx) => writeOutputSheets(ctx, [tinyRanking('Lần 2', ['Ba Đình'])]));
    expect(report.sheets).toEqual([{ role: 'ranking', name: 'Xếp hạng', replaced: null }]);
    expect(fake.state.names.map((n) => n.name)).toEqual(['ThiDua_ranking']);
    expect(fake.nameTarget('ThiDua_ranking')).toBe('Xếp hạng');
  });

  it('splits a large output into requests under the 4 MB cap, each with calculation and screen updating suspended', async () => {
    // A Chi tiết sheet for a big federation: 20,000 rows x 8 cells of ~40 characters, about 8 MB of values
    // and formats: more than one request, and every request under the cap.
    const rows: OutCell[][] = [[text('CHI TIẾT', { style: 'title' })], [], ['Mã', 'Đơn vị', 'Tiêu chí', 'Nội dung', 'Điểm', 'Hệ số', 'Nguồn', 'Lấy từ'].map((h) => text(h, { style: 'header' }))];
    for (let i = 0; i < 20_000; i++) {
      rows.push([
        text(`CD${i}`),
        text(`Công đoàn cơ sở Công ty số ${i}`),
        text('II.2'),
        text('Chương trình "Mái ấm Công đoàn" năm 2024'),
        { value: (i % 20) / 2, format: '0.00' },
        { value: 2, format: 'General' },
        text('Tự chấm'),
        text(`CD${i}.xlsx › Tự chấm › F${15 + (i % 9)}`),
      ]);
    }
    const big: OutputSheet = { role: 'details', name: 'Chi tiết', rows, columnWidths: [8, 30, 8, 40, 8, 6, 10, 30], table: { range: `A3:H${rows.length}`, name: 'ThiDuaChiTiet', headerRow: 3 }, freezeRows: 3 };
    const fake = cum1Workbook();
    const report = await fake.run((ctx) => writeOutputSheets(ctx, [big], { activate: null }));
    const batches = fake.syncs.slice(1);
    const total = batches.reduce((n, s) => n + s.requestBytes, 0);
    expect(total).toBeGreaterThan(PAYLOAD_CAP_BYTES);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((s) => s.ok && s.requestBytes <= PAYLOAD_CAP_BYTES && s.calculationSuspended && s.screenUpdatingSuspended)).toBe(true);
    // Each batch but the last is filled past half the cap, so the count grows with the data only.
    expect(batches.length).toBeLessThanOrEqual(2 * Math.ceil(total / PAYLOAD_CAP_BYTES));
    expect(report.syncs).toBe(fake.syncCount);
    expect(differences(fake, 'Chi tiết', big)).toEqual([]);
  });

  it('replaces a generated sheet the user made "VeryHidden", which Excel refuses to delete as it is', async () => {
    const fake = cum1Workbook();
    await fake.run((ctx) => writeOutputSheets(ctx, [tinyRanking('Lần 1', ['Hoàn Kiếm'])]));
    fake.sheet('Xếp hạng').visibility = 'VeryHidden';
    const second = tinyRanking('Lần 2', ['Ba Đình']);
    const report = await fake.run((ctx) => writeOutputSheets(ctx, [second]));
    expect(report.sheets).toEqual([{ role: 'ranking', name: 'Xếp hạng', replaced: 'Xếp hạng' }]);
    expect(fake.sheetNames().filter((n) => n.startsWith('Xếp hạng'))).toEqual(['Xếp hạng']);
    expect(fake.sheet('Xếp hạng').visibility).toBe('Visible');
    expect(differences(fake, 'Xếp hạng', second)).toEqual([]);
  });

  it("gives the table a name no defined name has: Excel's tables and names share one namespace", async () => {
    const fake = cum1Workbook();
    const members = fake.sheet('Đơn vị');
    fake.state.names.push({ name: 'ThiDuaXepHang', sheetId: members.id, address: '$A$1:$C$9' });
    await fake.run((ctx) => writeOutputSheets(ctx, [tinyRanking('Lần 1', ['Hoàn Kiếm'])]));
    expect(fake.sheet('Xếp hạng').tables.map((t) => t.name)).toEqual(['ThiDuaXepHang_2']);
  });

  it(`links at most ${HYPERLINKS_PER_SHEET_MAX} findings on a sheet, as Excel allows, and still writes every row`, async () => {
    // 65,533 findings that each link to their cell: the first 65,530 get their link, the last 3 only the text.
    const count = HYPERLINKS_PER_SHEET_MAX + 3;
    const rows: OutCell[][] = [[text('KIỂM TRA', { style: 'title' })], [text('Ô', { style: 'header' }), text('Đi tới', { style: 'header' })]];
    for (let i = 0; i < count; i++) rows.push([text(`B${i + 2}`), text(`Xem ô B${i + 2}`, { link: { sheet: 'Đơn vị', cell: `B${i + 2}` } })]);
    const checks: OutputSheet = { role: 'checks', name: 'Kiểm tra', rows, columnWidths: [8, 14], table: null, freezeRows: 2 };
    const fake = cum1Workbook();
    const report = await fake.run((ctx) => writeOutputSheets(ctx, [checks], { activate: null }));
    expect(report.sheets).toEqual([{ role: 'checks', name: 'Kiểm tra', replaced: null, linksOmitted: 3 }]);
    const last = 2 + HYPERLINKS_PER_SHEET_MAX; // row of the 65,530th finding
    expect(fake.cell('Kiểm tra', `B${last}`)?.hyperlink).toEqual({ documentReference: `'Đơn vị'!B${last - 1}`, textToDisplay: `Xem ô B${last - 1}` });
    expect(fake.cell('Kiểm tra', `B${last + 1}`)).toMatchObject({ value: `Xem ô B${last}`, numberFormat: '@' });
    expect(fake.cell('Kiểm tra', `B${last + 1}`)?.hyperlink).toBeUndefined();
    expect(fake.cell('Kiểm tra', `B${2 + count}`)?.value).toBe(`Xem ô B${count + 1}`);
  });

  it(`cuts a text longer than Excel's ${CELL_TEXT_MAX} characters a cell, with an ellipsis, instead of failing the write`, async () => {
    // A unit "name" of 40,000 characters from a hostile file: 32,766 of them and "…" make 32,767.
    const huge = `Công đoàn ${'x'.repeat(40_000 - 10)}`;
    const fake = cum1Workbook();
    await fake.run((ctx) => writeOutputSheets(ctx, [tinyRanking('Lần 1', [huge, 'Ba Đình'])]));
    const written = fake.cell('Xếp hạng', 'B4')?.value as string;
    expect(written.length).toBe(CELL_TEXT_MAX);
    expect(written).toBe(`${huge.slice(0, CELL_TEXT_MAX - 1)}…`);
    expect(fake.cell('Xếp hạng', 'B5')?.value).toBe('Ba Đình');
  });
});
