/**
 * Reading the open workbook into grids: what the engine sees, and how many round trips it costs.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, GridSheet } from '../../../src/engine';
import { PAYLOAD_CAP_BYTES, readWorkbook, READ_BYTES_PER_CELL, READ_BYTES_PER_ROW } from '../../../src/hosts/office';
import { CUM1_CLUSTER_FILE, cum1Cluster } from '../../fixtures/cum1';
import { FakeExcel } from '../../fakes/excel-fake';
import { bigClusterSheets, cum1Workbook, cum1WorkbookWithPastedSubmissions, rectangle } from './seed';

describe('readWorkbook', () => {
  it('reads the seed cluster as the grids it was built from, in 3 round trips', async () => {
    const fake = cum1Workbook();
    const read = await fake.run((ctx) => readWorkbook(ctx));
    expect(read.workbook.file).toBe(CUM1_CLUSTER_FILE);
    const seeded = cum1Cluster().sheets;
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(seeded.map((s) => s.name));
    for (const want of seeded) {
      const got = read.workbook.sheets.find((s) => s.name === want.name)!;
      expect(got.origin).toBe('A1');
      expect(got.values).toEqual(rectangle(want.values));
      expect(got.merges).toEqual(want.merges);
      expect(got.hidden).toBeUndefined();
      expect(got.hiddenRows).toBeUndefined();
    }
    // 1: sheets and names, 2: used ranges, 3: all cells of the four sheets in one request.
    expect(read.syncs).toBe(3);
    expect(fake.syncCount).toBe(3);
  });

  it('keeps what the engine must see: errors apart from text, cached formula results, fonts, hidden sheets and rows, the origin', async () => {
    const fake = new FakeExcel('Cum.xlsx', [
      {
        name: 'Bài nộp',
        origin: 'C3',
        values: [
          ['Mã', 'Nội dung', 'Tự chấm'],
          [1, 'Phát triển đoàn viên', { error: '#DIV/0!' }],
          [2, '#REF!', 19],
          [3, 'Tæng sè', 8.5],
        ],
        formulas: [[], [], [null, null, '=SUM(E4:E4)*0+19']],
        fonts: [[], [], [], [null, '.VnTime']],
        hiddenRows: [5],
      },
      { name: 'Cũ', values: [['Bản nháp']], hidden: true },
    ]);
    const read = await fake.run((ctx) => readWorkbook(ctx));
    const sheet = read.workbook.sheets[0]!;
    expect(sheet.origin).toBe('C3');
    expect(sheet.values).toEqual([
      ['Mã', 'Nội dung', 'Tự chấm'],
      [1, 'Phát triển đoàn viên', { error: '#DIV/0!' }],
      // Text that merely looks like an error stays text; a formula gives its cached result.
      [2, '#REF!', 19],
      [3, 'Tæng sè', 8.5],
    ]);
    expect(sheet.fonts?.[3]?.[1]).toBe('.VnTime');
    expect(sheet.fonts?.[0]?.[0]).toBe('Calibri');
    // Sheet row 5 = grid row 2 (origin row 3).
    expect(sheet.hiddenRows).toEqual([5]);
    expect(read.workbook.sheets[1]).toMatchObject({ name: 'Cũ', hidden: true, values: [['Bản nháp']] });
  });

  it('leaves out the sheets an earlier run generated (marked by ThiDua_<role> names)', async () => {
    const fake = cum1Workbook();
    const generated = fake.seedSheet({ name: 'Xếp hạng (2)', values: [['BẢNG XẾP HẠNG']] });
    fake.seedSheet({ name: 'Xếp hạng', values: [['Bảng của thư ký']] });
    fake.state.names.push({ name: 'ThiDua_ranking', sheetId: generated.id, address: '$A$1' });
    const read = await fake.run((ctx) => readWorkbook(ctx));
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Xếp hạng']);
    expect(read.generated.get('ranking')).toBe('Xếp hạng (2)');
  });

  it('costs the same round trips for 6 units and for 5,000 units, and for 4 sheets or 10', async () => {
    const syncsFor = async (fake: FakeExcel) => {
      const read = await fake.run((ctx) => readWorkbook(ctx));
      expect(fake.syncCount).toBe(read.syncs);
      return { syncs: read.syncs, rows: read.workbook.sheets.find((s) => s.name === 'Đơn vị')!.values.length };
    };
    const six = await syncsFor(cum1Workbook());
    // 5,001 rows x 3 columns in Đơn vị and in Biểu quyết: 2 x 5,001 x (3 x 96 + 48) = 3,360,672 estimated
    // bytes, plus the rubric (27 x (5 x 96 + 48) = 14,256) and settings: under the 4,194,304-byte cap.
    const big = await syncsFor(FakeExcel.fromGrids({ file: 'Big.xlsx', sheets: bigClusterSheets(5000) }));
    const pasted = await syncsFor(cum1WorkbookWithPastedSubmissions());
    expect(six).toEqual({ syncs: 3, rows: 9 });
    expect(big).toEqual({ syncs: 3, rows: 5001 });
    expect(pasted.syncs).toBe(3);
  });

  it('splits a large sheet into row blocks under the 4 MB cap, with the documented number of round trips', async () => {
    const rows = 40_000;
    const values: CellValue[][] = Array.from({ length: rows }, (_, i) => [`CĐCS số ${i + 1}`, 'Doanh nghiệp', i % 11, (i % 7) + 0.5, 'x', `Ghi chú ${i}`]);
    const fake = new FakeExcel('ChamCheo.xlsx', [{ name: 'Chấm chéo', values }]);
    const read = await fake.run((ctx) => readWorkbook(ctx));
    // A row is estimated at 6 x 96 + 48 = 624 bytes: floor(4,194,304 / 624) = 6,721 rows per request,
    // so 40,000 rows take ceil(40,000 / 6,721) = 6 requests, after the 2 metadata round trips.
    expect(READ_BYTES_PER_CELL * 6 + READ_BYTES_PER_ROW).toBe(624);
    expect(read.syncs).toBe(8);
    expect(fake.syncs.every((s) => s.ok && s.responseBytes <= PAYLOAD_CAP_BYTES && s.requestBytes <= PAYLOAD_CAP_BYTES)).toBe(true);
    expect(read.workbook.sheets[0]!.values).toEqual(values);
  });

  it('splits again when long texts make a request bigger than estimated, and still reads every cell', async () => {
    const long = 'Minh chứng: '.padEnd(1000, 'ạ');
    // 2,000 rows x 3 cells estimated at 2,000 x 336 = 672,000 bytes: one request planned. The real
    // response carries 2,000 texts of 1,000 characters (12 + 988 x 3 = 2,976 bytes each in UTF-8):
    // about 6 MB, refused.
    const values: CellValue[][] = Array.from({ length: 2000 }, (_, i) => [i + 1, long, `Đơn vị ${i}`]);
    const fake = new FakeExcel('Dai.xlsx', [{ name: 'Minh chứng', values }]);
    const read = await fake.run((ctx) => readWorkbook(ctx));
    expect(read.workbook.sheets[0]!.values).toEqual(values);
    expect(read.findings).toEqual([]);
    const refused = fake.syncs.filter((s) => !s.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((s) => s.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    // Halving: 2,000 rows (refused) -> two requests of 1,000 rows (~3 MB each, accepted), after the
    // 2 metadata syncs.
    expect(read.syncs).toBe(2 + 1 + 2);
    expect(refused.length).toBe(1);
  });

  it('reports a sheet whose single row is over the cap and reads the others', async () => {
    const huge = 'x'.repeat(32_000);
    const fake = new FakeExcel('Cum.xlsx', [
      { name: 'Đơn vị', values: [['Mã đơn vị', 'Tên đơn vị'], ['HK', 'Hoàn Kiếm']] },
      // One row of 200 cells of 32,000 characters: 6.4 MB, more than Excel on the web returns at once.
      { name: 'Quá lớn', values: [Array.from({ length: 200 }, () => huge)] },
    ]);
    const read = await fake.run((ctx) => readWorkbook(ctx));
    expect(read.workbook.sheets.map((s: GridSheet) => s.name)).toEqual(['Đơn vị']);
    expect(read.findings).toEqual([expect.objectContaining({ code: 'FILE_UNREADABLE', place: { file: 'Cum.xlsx', sheet: 'Quá lớn', cell: 'A1' } })]);
  });

  it('skips merged areas where Excel lacks ExcelApi 1.13, without failing', async () => {
    const fake = cum1Workbook({ excelApi: '1.9' });
    const restore = fake.install();
    try {
      const read = await fake.run((ctx) => readWorkbook(ctx));
      expect(read.workbook.sheets[0]!.merges).toBeUndefined();
      expect(read.workbook.sheets[0]!.values[0]![0]).toBe('LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI');
      expect(read.syncs).toBe(3);
    } finally {
      restore();
    }
  });

  it('reads a sheet with more merged areas than Excel will list (512) without them, and still reads every cell', async () => {
    // 100 title-like rows, each with 6 merged pairs (A:B, C:D, ... K:L): 600 merged areas in the top rows.
    const values: CellValue[][] = Array.from({ length: 120 }, (_, r) => Array.from({ length: 12 }, (_, c) => (c % 2 === 0 ? `ô ${r + 1}.${c + 1}` : null)));
    const merges = Array.from({ length: 100 }, (_, r) => ['A', 'C', 'E', 'G', 'I', 'K'].map((a) => `${a}${r + 1}:${String.fromCharCode(a.charCodeAt(0) + 1)}${r + 1}`)).flat();
    expect(merges.length).toBe(600);
    const fake = new FakeExcel('Cum.xlsx', [
      { name: 'Mẫu', values, merges },
      { name: 'Đơn vị', values: [['DANH SÁCH'], ['Mã đơn vị', 'Tên đơn vị'], ['HK', 'Hoàn Kiếm']], merges: ['A1:B1'] },
    ]);
    const read = await fake.run((ctx) => readWorkbook(ctx));
    expect(read.findings).toEqual([]);
    // Column L holds only the right halves of merges: the used range ends at K.
    expect(read.workbook.sheets[0]!.values).toEqual(values.map((r) => r.slice(0, 11)));
    // Both sheets were in the refused request, and Excel does not say whose areas were too many.
    expect(read.workbook.sheets.map((s) => s.merges)).toEqual([undefined, undefined]);
    expect(read.workbook.sheets[1]!.values).toEqual([['DANH SÁCH', null], ['Mã đơn vị', 'Tên đơn vị'], ['HK', 'Hoàn Kiếm']]);
    // 2 metadata syncs, the refused request, the same request without merged areas.
    expect(read.syncs).toBe(4);
    expect(fake.syncs.map((s) => s.error ?? 'ok')).toEqual(['ok', 'ok', 'GeneralException', 'ok']);
  });

  it("halves a request Excel on the web answers with an internal error, and reads every cell", async () => {
    // One column: 96 + 48 = 144 bytes a row, floor(4,194,304 / 144) = 29,127 rows per planned request,
    // so 40,000 rows are planned as 29,127 + 10,873. This Excel fails any operation over 20,000 cells:
    // the first request is refused and halved into 14,564 + 14,563 rows.
    const values: CellValue[][] = Array.from({ length: 40_000 }, (_, i) => [`CĐCS số ${i + 1}`]);
    const fake = new FakeExcel('Lon.xlsx', [{ name: 'Đơn vị', values }], { internalErrorCells: 20_000 });
    const read = await fake.run((ctx) => readWorkbook(ctx));
    expect(read.workbook.sheets[0]!.values).toEqual(values);
    expect(read.findings).toEqual([]);
    // 2 metadata, the refused request, the same without merged areas (they might have been the cause:
    // refused again), its 2 halves, then the last 10,873 rows.
    expect(read.syncs).toBe(2 + 1 + 1 + 2 + 1);
    expect(fake.syncs.map((s) => s.error ?? 'ok')).toEqual(['ok', 'ok', 'GeneralException', 'GeneralException', 'ok', 'ok', 'ok']);
  });

  it('passes on an internal error that no smaller request avoids', async () => {
    const fake = new FakeExcel('Hong.xlsx', [{ name: 'S', values: [['a', 'b']] }], { internalErrorCells: 1 });
    await expect(fake.run((ctx) => readWorkbook(ctx))).rejects.toMatchObject({ code: 'GeneralException' });
    // With the merged areas, then without: a single row cannot be halved.
    expect(fake.syncs.map((s) => s.error ?? 'ok')).toEqual(['ok', 'ok', 'GeneralException', 'GeneralException']);
  });
});
