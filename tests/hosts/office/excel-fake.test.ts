/**
 * The fake must be as strict as Excel where Office.js code goes wrong: otherwise a green host test
 * proves nothing about the add-in.
 */
import { describe, expect, it } from 'vitest';
import { FAKE_CELL_TEXT_MAX, FAKE_HYPERLINKS_PER_SHEET_MAX, FAKE_PAYLOAD_LIMIT, FakeExcel } from '../../fakes/excel-fake';

function book(): FakeExcel {
  return new FakeExcel('Cum.xlsx', [
    { name: 'Đơn vị', values: [['Mã đơn vị', 'Tên đơn vị'], ['HK', 'LĐLĐ quận Hoàn Kiếm'], ['BD', { error: '#REF!' }]], fonts: [[null, null], [null, '.VnTime']] },
    { name: 'Ẩn', values: [['x']], hidden: true },
  ]);
}

describe('the strict Excel fake', () => {
  it('throws PropertyNotLoaded when a property is read before load and sync, like Office.js', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Đơn vị').getRange('A1:B3');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      // Loading queues a request: still nothing to read until the sync answers it.
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => range.rowCount).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([
        ['Mã đơn vị', 'Tên đơn vị'],
        ['HK', 'LĐLĐ quận Hoàn Kiếm'],
        ['BD', '#REF!'],
      ]);
      // Only what was loaded: rowCount was not asked for.
      expect(() => range.rowCount).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('counts every sync, and Excel.run syncs what is left queued only', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(2);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Đơn vị').getRange('C1').values = [['mới']];
    });
    // The batch left one write queued: Excel.run sent it.
    expect(fake.syncCount).toBe(3);
    expect(fake.cell('Đơn vị', 'C1')?.value).toBe('mới');
  });

  it('refuses a request over 5 MB and applies none of it, like Excel on the web', async () => {
    const fake = book();
    // 3,000 rows x 10 cells of 180 characters: 3,000 x 10 x (180 + 3) bytes = 5.49 MB of JSON > 5 MB.
    const text = 'a'.repeat(180);
    const rows = Array.from({ length: 3000 }, () => Array.from({ length: 10 }, () => text));
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Đơn vị').getRange('D1:M3000').values = rows;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.syncs[0]!.requestBytes).toBeGreaterThan(FAKE_PAYLOAD_LIMIT);
    expect(fake.cell('Đơn vị', 'D1')).toBeUndefined();

    // The same data in two requests of 1,500 rows (2.7 MB each) goes through.
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Đơn vị');
      ws.getRange('D1:M1500').values = rows.slice(0, 1500);
      await ctx.sync();
      ws.getRange('D1501:M3000').values = rows.slice(1500);
      await ctx.sync();
    });
    expect(fake.cell('Đơn vị', 'M3000')?.value).toBe(text);
  });

  it('refuses a response over 5 MB', async () => {
    const text = 'b'.repeat(1000);
    // 6,000 cells of 1,000 characters: about 6 MB of values.
    const fake = new FakeExcel('Big.xlsx', [{ name: 'S', values: Array.from({ length: 600 }, () => Array.from({ length: 10 }, () => text)) }]);
    await expect(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('S').getRange('A1:J600');
        r.load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('turns a string written to values into a formula when it starts with = + - or @, unless the cell is text', async () => {
    const fake = book();
    const hostile = [['=HYPERLINK("http://x","y")', '+84 912', '-5 điểm', '@SUM(A1)', '001', 'TRUE', 'LĐLĐ']];
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Đơn vị');
      ws.getRange('A10:G10').values = hostile;
      const safe = ws.getRange('A11:G11');
      safe.numberFormat = [['@', '@', '@', '@', '@', '@', '@']];
      safe.values = hostile;
      // Text format set after the value in the same batch is too late: Excel already read a formula.
      const late = ws.getRange('A12:A12');
      late.values = [['=1+1']];
      late.numberFormat = [['@']];
      await ctx.sync();
    });
    const row10 = ['A10', 'B10', 'C10', 'D10'].map((a) => fake.cell('Đơn vị', a)?.formula);
    expect(row10).toEqual(hostile[0]!.slice(0, 4));
    expect(fake.cell('Đơn vị', 'E10')?.value).toBe(1); // "001" lost its zeros
    expect(fake.cell('Đơn vị', 'F10')?.value).toBe(true);
    expect(fake.cell('Đơn vị', 'G10')?.value).toBe('LĐLĐ');
    for (const [i, a] of ['A11', 'B11', 'C11', 'D11', 'E11', 'F11', 'G11'].entries()) {
      expect(fake.cell('Đơn vị', a)).toMatchObject({ value: hostile[0]![i], numberFormat: '@' });
      expect(fake.cell('Đơn vị', a)?.formula).toBeUndefined();
    }
    expect(fake.cell('Đơn vị', 'A12')?.formula).toBe('=1+1');
  });

  it('answers *OrNullObject with isNullObject after the sync, and throws for a missing getItem', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Không có');
      missing.load('name');
      const empty = ctx.workbook.worksheets.add('Trống').getUsedRangeOrNullObject(true);
      empty.load('address');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(empty.isNullObject).toBe(true);
    });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Không có').load('name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('validates names like Excel: unique sheets, the last visible sheet stays, table headers become unique text', async () => {
    const fake = book();
    await expect(fake.run(async (ctx) => void ctx.workbook.worksheets.add('đơn VỊ'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(fake.run(async (ctx) => void ctx.workbook.worksheets.add('a/b'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(fake.run(async (ctx) => ctx.workbook.worksheets.getItem('Đơn vị').delete())).rejects.toMatchObject({ code: 'InvalidOperation' });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Đơn vị');
      ws.getRange('A20:C20').values = [['Điểm', 'điểm', '']];
      ws.tables.add(ws.getRange('A20:C21'), true).name = 'Bang1';
    });
    expect(fake.sheet('Đơn vị').tables).toEqual([{ name: 'Bang1', address: 'A20:C21' }]);
    expect(['A20', 'B20', 'C20'].map((a) => fake.cell('Đơn vị', a)?.value)).toEqual(['Điểm', 'điểm2', 'Column3']);
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Đơn vị');
        ws.tables.add(ws.getRange('B21:D22'), true);
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('reads fonts, hidden rows, merges and visibility as seeded', async () => {
    const fake = new FakeExcel('F.xlsx', [{ name: 'S', values: [['a', 'b'], ['c', 'd'], ['e', 'f']], fonts: [[null, '.VnTime']], merges: ['A1:B1'], hiddenRows: [2], hidden: true }, { name: 'T', values: [[1]] }]);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.load('visibility');
      const r = ws.getRange('A1:B3');
      const fonts = r.getCellProperties({ format: { font: { name: true } } });
      const rows = r.getRowProperties({ rowHidden: true });
      const merged = r.getMergedAreasOrNullObject();
      merged.load('address');
      r.format.font.load('name');
      await ctx.sync();
      expect(ws.visibility).toBe('Hidden');
      expect(fonts.value.map((row) => row.map((c) => c.format?.font?.name))).toEqual([
        ['Calibri', '.VnTime'],
        ['Calibri', 'Calibri'],
        ['Calibri', 'Calibri'],
      ]);
      // Only what was asked for: no rowIndex, no address.
      expect(rows.value).toEqual([{ rowHidden: false }, { rowHidden: true }, { rowHidden: false }]);
      expect(merged.address).toBe('S!A1:B1');
      // Mixed fonts: Excel answers null.
      expect(r.format.font.name).toBeNull();
    });
  });
});

/**
 * Where the Excel JavaScript API reference and Excel's specifications say Excel refuses a call, the fake
 * refuses it too; where Excel accepts it, so does the fake.
 */
describe("the fake refuses what Excel refuses", () => {
  const refused = async (fake: FakeExcel, batch: (ctx: Excel.RequestContext) => void, code: string) =>
    expect(
      fake.run(async (ctx) => {
        batch(ctx);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code });

  it('will not delete a "VeryHidden" sheet (Worksheet.delete), but will once it is only hidden', async () => {
    const fake = book();
    fake.seedSheet({ name: 'Kín', values: [['x']], visibility: 'VeryHidden' });
    await refused(fake, (ctx) => ctx.workbook.worksheets.getItem('Kín').delete(), 'InvalidOperation');
    expect(fake.sheetNames()).toContain('Kín');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Kín');
      ws.visibility = 'Hidden';
      ws.delete();
    });
    expect(fake.sheetNames()).not.toContain('Kín');
  });

  it('takes defined names in any script but not R, C, TRUE, cell references, spaces or more than 255 characters', async () => {
    const fake = book();
    const add = (name: string) => (ctx: Excel.RequestContext) => void ctx.workbook.names.add(name, ctx.workbook.worksheets.getItem('Đơn vị').getRange('A1'));
    for (const name of ['R', 'c', 'TRUE', 'false', 'RC', 'R1C1', 'C12', 'A1', 'XFD1048576', 'Điểm tổng', '1Điểm', 'x'.repeat(256)]) {
      await refused(fake, add(name), 'InvalidArgument');
    }
    const good = ['Điểm_2024', '_tạm', 'Cụm.Hà_Nội', 'x'.repeat(255)];
    for (const name of good) await fake.run(async (ctx) => add(name)(ctx));
    expect(fake.state.names.map((n) => n.name)).toEqual(good);
    // Tables share the namespace.
    await refused(
      fake,
      (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Đơn vị');
        ws.tables.add(ws.getRange('A1:B3'), true).name = 'điểm_2024';
      },
      'ItemAlreadyExists',
    );
  });

  it(`holds at most ${FAKE_CELL_TEXT_MAX} characters in a cell`, async () => {
    const fake = book();
    await refused(fake, (ctx) => (ctx.workbook.worksheets.getItem('Đơn vị').getRange('C1').values = [['a'.repeat(FAKE_CELL_TEXT_MAX + 1)]]), 'InvalidArgument');
    await fake.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Đơn vị').getRange('C1').values = [['a'.repeat(FAKE_CELL_TEXT_MAX)]]));
    expect((fake.cell('Đơn vị', 'C1')?.value as string).length).toBe(32_767);
  });

  it(`holds at most ${FAKE_HYPERLINKS_PER_SHEET_MAX} hyperlinks on a worksheet`, async () => {
    const fake = book();
    const link = { documentReference: "'Đơn vị'!A1", textToDisplay: 'Xem' };
    // One hyperlink on a range of 65,530 cells puts one on each cell: the sheet is full.
    await fake.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Đơn vị').getRange(`D1:D${FAKE_HYPERLINKS_PER_SHEET_MAX}`).hyperlink = link));
    await refused(fake, (ctx) => (ctx.workbook.worksheets.getItem('Đơn vị').getRange('E1').hyperlink = link), 'InvalidOperation');
    // Replacing a cell's link adds none; another sheet has its own count.
    await fake.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Đơn vị').getRange('D1').hyperlink = { ...link, textToDisplay: 'Mới' }));
    await fake.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Ẩn').getRange('A2').hyperlink = link));
    expect(fake.cell('Đơn vị', 'D1')?.value).toBe('Mới');
    expect(fake.cell('Ẩn', 'A2')?.hyperlink).toEqual(link);
  });

  it('reads at most five million cells at once (RangeExceedsLimit), and reports a bad range at sync, not when queued', async () => {
    const fake = book();
    // A1:XFD400 = 16,384 x 400 = 6,553,600 cells.
    await refused(fake, (ctx) => void ctx.workbook.worksheets.getItem('Đơn vị').getRange('A1:XFD400').load('values'), 'RangeExceedsLimit');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Đơn vị');
      // Office.js queues these without complaint; the sync that runs them fails.
      const outside = ws.getRangeByIndexes(1_048_575, 0, 2, 1);
      const bad = ws.getRange('A1:B');
      outside.load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      bad.load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('accepts only the built-in table styles and series names of up to 255 characters', async () => {
    const fake = book();
    const table = (address: string, style: string) => (ctx: Excel.RequestContext) => {
      const ws = ctx.workbook.worksheets.getItem('Đơn vị');
      ws.tables.add(ws.getRange(address), true).style = style;
    };
    await refused(fake, table('A10:B11', 'TableStyleLight22'), 'InvalidArgument');
    await refused(fake, table('A13:B14', 'Bảng đẹp'), 'InvalidArgument');
    await fake.run(async (ctx) => table('A16:B17', 'TableStyleMedium28')(ctx));
    // A failed batch is not rolled back: what ran before the refused call stays, as in Excel.
    expect(fake.sheet('Đơn vị').tables.map((t) => [t.address, t.style])).toEqual([
      ['A10:B11', undefined],
      ['A13:B14', undefined],
      ['A16:B17', 'TableStyleMedium28'],
    ]);
    const chart = (name: string) => (ctx: Excel.RequestContext) => {
      const ws = ctx.workbook.worksheets.getItem('Đơn vị');
      ws.charts.add('BarClustered', ws.getRange('B2:B3'), 'Columns').series.getItemAt(0).name = name;
    };
    await refused(fake, chart('x'.repeat(256)), 'InvalidArgument');
    await fake.run(async (ctx) => chart('x'.repeat(255))(ctx));
    // The refused batch still added its chart, unnamed.
    expect(fake.sheet('Đơn vị').charts.map((c) => c.seriesName?.length)).toEqual([undefined, 255]);
  });

  it('answers an oversized read with GeneralException when told to act like Excel on the web under load', async () => {
    const fake = new FakeExcel('W.xlsx', [{ name: 'S', values: Array.from({ length: 11 }, (_, i) => [i]) }], { internalErrorCells: 10 });
    await refused(fake, (ctx) => void ctx.workbook.worksheets.getItem('S').getRange('A1:A11').load('values'), 'GeneralException');
    await refused(fake, (ctx) => void ctx.workbook.worksheets.getItem('S').getRange('A1:A11').getCellProperties({ format: { font: { name: true } } }), 'GeneralException');
    await fake.run(async (ctx) => void ctx.workbook.worksheets.getItem('S').getRange('A1:A10').load('values'));
  });
});
