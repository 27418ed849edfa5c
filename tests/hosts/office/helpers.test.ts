/** The host's pure helpers: marker references, free names, read planning, style rectangles. */
import { describe, expect, it } from 'vitest';
import { chunkBytes, planReadRequests, splitRequest } from '../../../src/hosts/office/chunking';
import { freeSheetName, freeTableName, sheetOfReference } from '../../../src/hosts/office/markers';
import { parseAreas } from '../../../src/hosts/office/reader';
import { styleBlocks } from '../../../src/hosts/office/styles';
import { fitCell } from '../../../src/hosts/office/writer';

describe('marker references', () => {
  it('finds the sheet a defined name points at, with or without "=", quotes doubled, and none for #REF!', () => {
    expect(sheetOfReference("='Xếp hạng (2)'!$A$1")).toBe('Xếp hạng (2)');
    expect(sheetOfReference('Sheet1!$A$1')).toBe('Sheet1');
    expect(sheetOfReference("='Cụm của O''Brien'!$A$1")).toBe("Cụm của O'Brien");
    expect(sheetOfReference('=#REF!$A$1')).toBeNull();
    expect(sheetOfReference('#REF!')).toBeNull();
  });

  it('reads merged areas from a RangeAreas address', () => {
    expect(parseAreas("'Thang điểm'!A1:E1, 'Thang điểm'!$A$2:$E$2, S!B3")).toEqual(['A1:E1', 'A2:E2', 'B3']);
  });
});

describe('free names', () => {
  it('numbers a taken sheet name and keeps it within 31 characters', () => {
    expect(freeSheetName('Xếp hạng', new Set(['xếp hạng']))).toBe('Xếp hạng (2)');
    expect(freeSheetName('Xếp hạng', new Set(['xếp hạng', 'xếp hạng (2)']))).toBe('Xếp hạng (3)');
    // 33 characters: cut to 31; taken, so 27 characters + " (2)".
    const long = 'Kết quả xếp hạng thi đua năm 24';
    expect(long.length).toBe(31);
    expect(freeSheetName(`${long}xx`, new Set())).toBe(long);
    expect(freeSheetName(long, new Set([long.toLowerCase()]))).toBe('Kết quả xếp hạng thi đua nă (2)');
    expect(freeSheetName('Điểm [2024]: tổng/hợp?', new Set())).toBe('Điểm 2024 tổng hợp');
  });

  it('makes a valid, unused Excel table name', () => {
    expect(freeTableName('Thi Đua Xếp Hạng', new Set())).toBe('Thi_Dua_Xep_Hang');
    expect(freeTableName('A1', new Set())).toBe('_A1');
    expect(freeTableName('ThiDuaXepHang', new Set(['thiduaxephang']))).toBe('ThiDuaXepHang_2');
    // Excel reserves R and C (selection shortcuts), TRUE and FALSE, and R1C1-style references.
    expect(['R', 'c', 'TRUE', 'False', 'RC', 'R2C3', 'C7'].map((n) => freeTableName(n, new Set()))).toEqual(['_R', '_c', '_TRUE', '_False', '_RC', '_R2C3', '_C7']);
    expect(freeTableName('Rank', new Set())).toBe('Rank');
  });
});

describe('fitCell', () => {
  it("keeps a text within Excel's 32,767 characters a cell, without splitting a surrogate pair", () => {
    expect(fitCell('Hoàn Kiếm')).toBe('Hoàn Kiếm');
    const exact = 'a'.repeat(32_767);
    expect(fitCell(exact)).toBe(exact);
    // 32,766 kept + "…" = 32,767.
    expect(fitCell('b'.repeat(32_768))).toBe(`${'b'.repeat(32_766)}…`);
    // An emoji (2 UTF-16 units) straddling the cut at unit 32,766 is dropped whole: 32,765 + "…".
    const straddling = `${'c'.repeat(32_765)}😀${'d'.repeat(10)}`;
    expect(fitCell(straddling)).toBe(`${'c'.repeat(32_765)}…`);
  });
});

describe('planReadRequests', () => {
  it('packs rows of several sheets into requests up to the cap, splitting a sheet between requests', () => {
    // 2 columns: 2 x 96 + 48 = 240 bytes a row; a cap of 2,400 holds 10 rows.
    expect(chunkBytes(1, 2)).toBe(240);
    const plan = planReadRequests(
      [
        { sheet: 0, rowIndex: 0, columnIndex: 0, rowCount: 4, columnCount: 2 },
        { sheet: 1, rowIndex: 2, columnIndex: 1, rowCount: 0, columnCount: 0 },
        { sheet: 2, rowIndex: 0, columnIndex: 0, rowCount: 13, columnCount: 2 },
      ],
      2400,
    );
    expect(plan).toEqual([
      [
        { sheet: 0, firstRow: 0, rowCount: 4 },
        { sheet: 2, firstRow: 0, rowCount: 6 },
      ],
      [{ sheet: 2, firstRow: 6, rowCount: 7 }],
    ]);
  });

  it('splits a refused request between chunks, then by rows, and not below one row', () => {
    expect(splitRequest([{ sheet: 0, firstRow: 0, rowCount: 4 }, { sheet: 2, firstRow: 0, rowCount: 6 }, { sheet: 3, firstRow: 0, rowCount: 1 }])).toEqual([
      [{ sheet: 0, firstRow: 0, rowCount: 4 }, { sheet: 2, firstRow: 0, rowCount: 6 }],
      [{ sheet: 3, firstRow: 0, rowCount: 1 }],
    ]);
    expect(splitRequest([{ sheet: 2, firstRow: 6, rowCount: 7 }])).toEqual([[{ sheet: 2, firstRow: 6, rowCount: 4 }], [{ sheet: 2, firstRow: 10, rowCount: 3 }]]);
    expect(splitRequest([{ sheet: 2, firstRow: 6, rowCount: 1 }])).toBeNull();
  });
});

describe('styleBlocks', () => {
  it('merges identical rows into one rectangle and marks what lies inside the table', () => {
    const w = { value: 'x', style: 'warning' as const };
    const rows = [[{ value: 'Tiêu đề', style: 'title' as const }], [], [{ value: 'H', style: 'header' as const }, { value: 'H2', style: 'header' as const }], [w, w], [w, w], [w, w], [{ value: 1 }, w]];
    const table = { start: { row: 2, col: 0 }, end: { row: 6, col: 1 } };
    expect(styleBlocks(rows, table)).toEqual([
      { row: 0, col: 0, rows: 1, cols: 1, style: 'title', inTable: false },
      { row: 2, col: 0, rows: 1, cols: 2, style: 'header', inTable: true },
      { row: 3, col: 0, rows: 3, cols: 2, style: 'warning', inTable: true },
      { row: 6, col: 1, rows: 1, cols: 1, style: 'warning', inTable: true },
    ]);
  });
});
