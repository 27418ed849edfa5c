/**
 * What exceljs could not keep, and the writer now keeps because it never re-encodes the user's parts:
 * sheet-scoped names, a whole-column validation (exceljs expands it to a million entries), drawings and
 * charts, links to other workbooks. Checked on the package itself: the user's parts come out byte for byte.
 * And a re-run removes everything that belonged to the sheets it replaces (a chart or a table Excel or the
 * add-in put on them, Excel's filter name, the calculation chain), and nothing else.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputSheet } from '../../../src/engine';
import { runCluster } from '../../../src/engine';
import { ExcelJS } from '../../../src/hosts/xlsx/exceljs';
import { readWorkbook } from '../../../src/hosts/xlsx/reader';
import { writeResult, writeResultReport } from '../../../src/hosts/xlsx/writer';
import { CUM1_CLUSTER_FILE, cum1Cluster, cum1Submissions } from '../../fixtures/cum1';
import { addGridSheet, bytesOf, gridToXlsx, loadXlsx, partXml, sheetXml } from './helpers';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Rewrites parts of a package: `edit(path, text)` returns the new text, or null to leave it. */
async function patchPackage(bytes: Uint8Array, edits: Record<string, (xml: string) => string>, added: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [path, edit] of Object.entries(edits)) zip.file(path, edit((await zip.file(path)?.async('string')) ?? ''));
  for (const [path, text] of Object.entries(added)) zip.file(path, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const insertBefore = (tag: string, text: string) => (xml: string) => {
  const at = xml.indexOf(tag);
  if (at < 0) throw new Error(`no ${tag}`);
  return xml.slice(0, at) + text + xml.slice(at);
};

/**
 * The seed cluster as a long-used secretary's workbook: sheets 1-4 (Thang điểm, Đơn vị, Biểu quyết,
 * Cấu hình) from exceljs, then by hand what real Excel files carry.
 */
async function richCluster(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of cum1Cluster().sheets) addGridSheet(wb, s);
  const base = await bytesOf(wb);
  return patchPackage(
    base,
    {
      // The same name on two sheets (Excel makes these when a sheet is copied), and Excel's hidden filter ranges.
      'xl/workbook.xml': (xml) =>
        insertBefore('<calcPr', `<externalReferences><externalReference r:id="rIdExt"/></externalReferences><definedNames>` +
          `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Thang điểm'!$A$4:$E$26</definedName>` +
          `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Đơn vị'!$A$3:$E$9</definedName>` +
          `<definedName name="DiemI" localSheetId="0">'Thang điểm'!$C$5</definedName>` +
          `<definedName name="DiemI" localSheetId="1">'Đơn vị'!$B$4</definedName>` +
          `<definedName name="NamTruoc">[1]TongHop!$B$2</definedName></definedNames>`)(xml.replace(/<definedNames\/>|<definedNames>[\s\S]*?<\/definedNames>/, '')),
      'xl/_rels/workbook.xml.rels': insertBefore('</Relationships>', `<Relationship Id="rIdExt" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/>`),
      // A validation over six whole columns, and a chart on the rubric sheet.
      'xl/worksheets/sheet1.xml': (xml) =>
        insertBefore('<pageMargins', '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" sqref="F1:K1048576"><formula1>0</formula1><formula2>10</formula2></dataValidation></dataValidations>')(
          xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, ''),
        ).replace('</worksheet>', '<drawing r:id="rIdDr"/></worksheet>'),
      '[Content_Types].xml': insertBefore(
        '</Types>',
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
          '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
          '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>',
      ),
    },
    {
      'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
      'xl/drawings/drawing1.xml': '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><!-- biểu đồ điểm tối đa --></xdr:wsDr>',
      'xl/drawings/_rels/drawing1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
      'xl/charts/chart1.xml': '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><!-- max points --></c:chartSpace>',
      'xl/externalLinks/externalLink1.xml': '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></externalLink>',
    },
  );
}

let source: Uint8Array;
let sheets: OutputSheet[];
let output: Uint8Array;

beforeAll(async () => {
  source = await richCluster();
  const cluster = (await readWorkbook(source, CUM1_CLUSTER_FILE)).workbook!;
  const submissions = await Promise.all(cum1Submissions().map(async (s) => (await readWorkbook(await gridToXlsx(s), s.file)).workbook!));
  sheets = runCluster({ cluster, submissions }).sheets;
  output = await writeResult(source, sheets);
});

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('string'));
  return out;
}

function definedNamesOf(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
}

describe('the user\'s parts come out byte for byte', () => {
  it('keeps every sheet, drawing, chart, external link, string and theme part unchanged', async () => {
    const before = await partsOf(source);
    const after = await partsOf(output);
    const untouched = [...before.keys()].filter((p) => !['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'].includes(p));
    expect(untouched).toEqual(expect.arrayContaining(['xl/worksheets/sheet1.xml', 'xl/drawings/drawing1.xml', 'xl/charts/chart1.xml', 'xl/externalLinks/externalLink1.xml', 'xl/sharedStrings.xml']));
    for (const p of untouched) expect([p, after.get(p)]).toEqual([p, before.get(p)]);
    // The whole-column rule is there as written: one element, not a million cells.
    expect(await sheetXml(output, 'Thang điểm')).toContain('sqref="F1:K1048576"');
  });

  it('keeps sheet-scoped names on their sheets and a name pointing into another workbook', async () => {
    const names = definedNamesOf(await partXml(output, 'xl/workbook.xml'));
    expect(names).toEqual([
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Thang điểm'!$A$4:$E$26</definedName>`,
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Đơn vị'!$A$3:$E$9</definedName>`,
      `<definedName name="DiemI" localSheetId="0">'Thang điểm'!$C$5</definedName>`,
      `<definedName name="DiemI" localSheetId="1">'Đơn vị'!$B$4</definedName>`,
      `<definedName name="NamTruoc">[1]TongHop!$B$2</definedName>`,
      `<definedName name="ThiDua_ranking">'Xếp hạng'!$A$1</definedName>`,
      `<definedName name="ThiDua_checks">'Kiểm tra'!$A$1</definedName>`,
      `<definedName name="ThiDua_details">'Chi tiết'!$A$1</definedName>`,
    ]);
    expect(await partXml(output, 'xl/workbook.xml')).toContain('<externalReferences><externalReference r:id="rIdExt"/></externalReferences>');
  });

  it('appends its cell formats after the workbook\'s own, which keep their numbers', async () => {
    const xfs = (xml: string): string[] => [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const before = xfs(await partXml(source, 'xl/styles.xml'));
    const after = xfs(await partXml(output, 'xl/styles.xml'));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('reads back as the same workbook plus the three generated sheets, which are output, not input', async () => {
    const read = await readWorkbook(output, 'out.xlsx');
    expect(read.generated.map((g) => g.sheet)).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
    expect(read.workbook!.sheets.map((s) => s.name)).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình']);
    // The ranking's first data row (sheet row 5): rank 1, HK.
    expect((await sheetXml(output, 'Xếp hạng')).match(/<c r="B5"[^>]*><is><t>([^<]*)<\/t><\/is><\/c>/)?.[1]).toBe('HK');
  });
});

/**
 * The previous result as it comes back after a secretary worked in it: Excel added a filter name and a
 * calculation chain, the add-in (or she) put a chart and a table on Xếp hạng, and she added her own sheet
 * "Ghi chú" after the generated ones, with a sheet-scoped name, selected when she saved.
 */
async function workedResult(): Promise<Uint8Array> {
  const first = await writeResult(await richCluster(), sheets);
  const wb = await partXml(first, 'xl/workbook.xml');
  const ranking = /<sheet name="Xếp hạng"[^>]*r:id="(rId\d+)"/.exec(wb)![1]!;
  const rels = await partXml(first, 'xl/_rels/workbook.xml.rels');
  const rankingPart = `xl/${new RegExp(`Id="${ranking}"[^>]*Target="([^"]+)"`).exec(rels)![1]!}`;
  const rankingRels = rankingPart.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  return patchPackage(
    first,
    {
      'xl/workbook.xml': (xml) =>
        xml
          .replace('</sheets>', `<sheet name="Ghi chú" sheetId="40" r:id="rIdNote"/></sheets>`)
          .replace(
            '</definedNames>',
            `<definedName name="_xlnm._FilterDatabase" localSheetId="4" hidden="1">'Xếp hạng'!$A$4:$N$10</definedName><definedName name="GhiChu" localSheetId="7">'Ghi chú'!$A$1</definedName></definedNames>`,
          )
          .replace('<calcPr', '<calcPr fullCalcOnLoad="0"'),
      'xl/_rels/workbook.xml.rels': insertBefore(
        '</Relationships>',
        `<Relationship Id="rIdNote" Type="${REL}/worksheet" Target="worksheets/note.xml"/><Relationship Id="rIdCalc" Type="${REL}/calcChain" Target="calcChain.xml"/>`,
      ),
      [rankingPart]: (xml) => xml.replace('</worksheet>', '<drawing r:id="rIdBar"/><tableParts count="1"><tablePart r:id="rIdTbl"/></tableParts></worksheet>'),
      '[Content_Types].xml': insertBefore(
        '</Types>',
        '<Override PartName="/xl/worksheets/note.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
          '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
          '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
          '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>',
      ),
    },
    {
      'xl/worksheets/note.xml':
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ghi chú của thư ký</t></is></c></row></sheetData></worksheet>',
      'xl/calcChain.xml': '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C28" i="1"/></calcChain>',
      [rankingRels]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdBar" Type="${REL}/drawing" Target="../drawings/drawing2.xml"/><Relationship Id="rIdTbl" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
      'xl/drawings/drawing2.xml': '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
      'xl/drawings/_rels/drawing2.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart2.xml"/></Relationships>`,
      'xl/charts/chart2.xml': '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
      'xl/tables/table1.xml': '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="ThiDuaXepHang" ref="A4:N10"/>',
    },
  );
}

describe('re-running on a result someone worked in', () => {
  it('removes the replaced sheets with their chart, table, filter name and the calculation chain, and nothing of the user\'s', async () => {
    const worked = await workedResult();
    const again = await writeResultReport(worked, sheets);
    expect(again.replaced).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
    const parts = await partsOf(again.bytes);
    for (const gone of ['xl/drawings/drawing2.xml', 'xl/charts/chart2.xml', 'xl/tables/table1.xml', 'xl/calcChain.xml', 'xl/drawings/_rels/drawing2.xml.rels']) expect([gone, parts.has(gone)]).toEqual([gone, false]);
    const types = parts.get('[Content_Types].xml')!;
    for (const gone of ['drawing2', 'chart2', 'table1', 'calcChain']) expect(types).not.toContain(gone);
    // The user's chart on Thang điểm is still there.
    expect(parts.get('xl/charts/chart1.xml')).toBe((await partsOf(source)).get('xl/charts/chart1.xml'));

    const wbXml = parts.get('xl/workbook.xml')!;
    expect([...wbXml.matchAll(/<sheet\b[^>]*\sname="([^"]+)"/g)].map((m) => m[1])).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Xếp hạng', 'Kiểm tra', 'Chi tiết', 'Ghi chú']);
    const names = definedNamesOf(wbXml);
    // Ghi chú is still the 8th sheet (index 7); the filter name of the old Xếp hạng went with it.
    expect(names.filter((n) => n.includes('GhiChu'))).toEqual([`<definedName name="GhiChu" localSheetId="7">'Ghi chú'!$A$1</definedName>`]);
    expect(names.filter((n) => n.includes('Xếp hạng'))).toEqual([`<definedName name="ThiDua_ranking">'Xếp hạng'!$A$1</definedName>`]);
    // Opens on Xếp hạng, and only that tab is selected.
    expect(/<workbookView\b[^>]*activeTab="4"/.test(wbXml)).toBe(true);
    expect(parts.get('xl/worksheets/note.xml')).not.toContain('tabSelected');
    expect(await sheetXml(again.bytes, 'Xếp hạng')).toContain('tabSelected="1"');
  });

  it('moves sheet-scoped names along when a generated sheet goes without a successor', async () => {
    const worked = await workedResult();
    const checksOnly = sheets.filter((s) => s.role === 'checks');
    const again = await writeResultReport(worked, checksOnly, { activate: false });
    const wbXml = await partXml(again.bytes, 'xl/workbook.xml');
    expect([...wbXml.matchAll(/<sheet\b[^>]*\sname="([^"]+)"/g)].map((m) => m[1])).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình', 'Kiểm tra', 'Ghi chú']);
    expect(definedNamesOf(wbXml).filter((n) => n.includes('GhiChu'))).toEqual([`<definedName name="GhiChu" localSheetId="5">'Ghi chú'!$A$1</definedName>`]);
    // Left alone, the active tab follows the sheet that was active (Xếp hạng, gone: its place, now Kiểm tra).
    expect(/<workbookView\b[^>]*activeTab="4"/.test(wbXml)).toBe(true);
    const read = await readWorkbook(again.bytes, 'x.xlsx');
    expect(read.generated).toEqual([{ role: 'checks', sheet: 'Kiểm tra' }]);
  });
});

describe('the generated sheets take the workbook\'s look', () => {
  it('uses the workbook\'s default typeface and reuses its custom number format', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thang điểm');
    ws.getCell('A1').value = 7.125;
    ws.getCell('A1').numFmt = '0.000';
    const base = await bytesOf(wb);
    // A Vietnamese office's default: Times New Roman 13.
    const src = await patchPackage(base, {
      'xl/styles.xml': (xml) => xml.replace(/(<fonts[^>]*>)<font>[\s\S]*?<\/font>/, '$1<font><sz val="13"/><name val="Times New Roman"/><family val="1"/></font>'),
    });
    const sheet: OutputSheet = {
      role: 'ranking',
      name: 'Xếp hạng',
      rows: [[{ value: 'BẢNG XẾP HẠNG', style: 'title' }], [{ value: 'Tổng', style: 'header' }, { value: 93.5, format: '0.000' }]],
      columnWidths: [],
      table: null,
      freezeRows: 0,
    };
    const out = await writeResult(src, [sheet]);
    const back = await loadXlsx(out);
    const ranking = back.getWorksheet('Xếp hạng')!;
    // The title keeps its own size (14) in the workbook's typeface; the header its bold in the default size.
    expect([ranking.getCell('A1').font?.name, ranking.getCell('A1').font?.size, ranking.getCell('A1').font?.bold]).toEqual(['Times New Roman', 14, true]);
    expect([ranking.getCell('A2').font?.name, ranking.getCell('A2').font?.size, ranking.getCell('A2').font?.bold]).toEqual(['Times New Roman', 13, true]);
    expect([ranking.getCell('B2').value, ranking.getCell('B2').numFmt]).toEqual([93.5, '0.000']);
    expect(back.getWorksheet('Thang điểm')!.getCell('A1').numFmt).toBe('0.000');
    const styles = await partXml(out, 'xl/styles.xml');
    expect(styles.match(/formatCode="0\.000"/g)).toHaveLength(1);
  });
});

describe('a workbook another program wrote', () => {
  it('gets a styles part when it had none, and reads back with its cells', async () => {
    // The least an .xlsx can be: one sheet of inline strings, no styles, no shared strings, no theme.
    const src = await patchPackage(await new JSZip().generateAsync({ type: 'uint8array' }), {}, {
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Đơn vị" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã đơn vị</t></is></c></row></sheetData></worksheet>',
    });
    const sheet: OutputSheet = { role: 'ranking', name: 'Xếp hạng', rows: [[{ value: 'BẢNG XẾP HẠNG', style: 'title' }], [{ value: 1.5, format: '0.00' }]], columnWidths: [12], table: null, freezeRows: 1 };
    const out = await writeResult(src, [sheet]);
    expect(await partXml(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    const wb = await loadXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Đơn vị', 'Xếp hạng']);
    expect(wb.getWorksheet('Đơn vị')!.getCell('A1').value).toBe('Mã đơn vị');
    const ranking = wb.getWorksheet('Xếp hạng')!;
    expect([ranking.getCell('A1').value, ranking.getCell('A1').font?.bold, ranking.getCell('A2').value, ranking.getCell('A2').numFmt]).toEqual(['BẢNG XẾP HẠNG', true, 1.5, '0.00']);
  });
});
