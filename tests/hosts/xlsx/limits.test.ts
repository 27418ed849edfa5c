/**
 * Untrusted files: every bad file is one finding naming that file, never an exception, and never a
 * reason to inflate gigabytes into memory.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describe as describeFinding } from '../../../src/engine';
import { ExcelJS } from '../../../src/hosts/xlsx/exceljs';
import { readWorkbookFile } from '../../../src/hosts/xlsx/node-files';
import { readWorkbook } from '../../../src/hosts/xlsx/reader';
import { bytesOf, cfbWith, zipOf } from './helpers';

async function smallWorkbook(cells = 4): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tự chấm');
  for (let i = 0; i < cells; i++) ws.getCell(1 + Math.floor(i / 5), 1 + (i % 5)).value = i;
  return bytesOf(wb);
}

/** A zip that looks like a workbook and carries `size` zero bytes in one entry (they deflate ~1000:1). */
function bombFiles(size: number): Record<string, string | Uint8Array> {
  return { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/big.bin': new Uint8Array(size) };
}

/** Overwrites the uncompressed size that the local header and the central directory declare for `name`. */
function lieAboutSize(zip: Uint8Array, name: string, declared: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  const nameAt = (at: number): boolean => nameBytes.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i + 30)) dv.setUint32(i + 22, declared, true);
    if (sig === 0x02014b50 && nameAt(i + 46)) dv.setUint32(i + 24, declared, true);
  }
  return out;
}

describe('limits and broken files', () => {
  it('refuses a file over the size cap, naming the file and both sizes', async () => {
    const bytes = await smallWorkbook();
    const r = await readWorkbook(bytes, 'HoanKiem.xlsx', { limits: { maxFileBytes: 1024 } });
    expect(r.workbook).toBeNull();
    expect(r.findings.map((f) => [f.code, f.place])).toEqual([['FILE_TOO_LARGE', { file: 'HoanKiem.xlsx' }]]);
    expect(r.findings[0]!.params).toEqual({ limit: '1 KB', actual: `${(bytes.length / 1024).toFixed(1)} KB` });
    expect(describeFinding(r.findings[0]!, 'vi')).toMatch(/^HoanKiem\.xlsx: Tệp quá lớn/);
  });

  it('checks the size on disk before reading the bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-limits-'));
    try {
      const path = join(dir, 'LongBien.xlsx');
      await writeFile(path, new Uint8Array(4096));
      const r = await readWorkbookFile(path, { limits: { maxFileBytes: 2048 } });
      expect(r.bytes).toBeNull();
      expect(r.findings.map((f) => [f.code, f.place, f.params])).toEqual([['FILE_TOO_LARGE', { file: 'LongBien.xlsx' }, { limit: '2 KB', actual: '4 KB' }]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a zip bomb from the sizes its directory declares', async () => {
    const zip = await zipOf(bombFiles(3 * 1024 * 1024));
    expect(zip.length).toBeLessThan(64 * 1024);
    const r = await readWorkbook(zip, 'bomb.xlsx', { limits: { maxUncompressedBytes: 1024 * 1024 } });
    expect(r.findings.map((f) => f.code)).toEqual(['FILE_TOO_LARGE']);
    // 3 MB of zeros plus the two tiny parts (8 + 11 bytes) is still "3.0 MB" to one decimal.
    expect(r.findings[0]!.params).toEqual({ limit: '1 MB khi giải nén', actual: '3.0 MB khi giải nén' });
  });

  it('refuses a zip bomb that lies about its sizes, by counting while inflating', async () => {
    const zip = lieAboutSize(await zipOf(bombFiles(3 * 1024 * 1024)), 'xl/big.bin', 100);
    const r = await readWorkbook(zip, 'liar.xlsx', { limits: { maxUncompressedBytes: 1024 * 1024 }, lang: 'en' });
    expect(r.findings.map((f) => [f.code, f.place])).toEqual([['FILE_TOO_LARGE', { file: 'liar.xlsx' }]]);
    expect((r.findings[0]!.params as { limit: string }).limit).toBe('1 MB uncompressed');
  });

  it('refuses a workbook with more cells than the cap', async () => {
    const r = await readWorkbook(await smallWorkbook(50), 'many.xlsx', { limits: { maxCells: 10 }, lang: 'en' });
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([['FILE_TOO_LARGE', { limit: '10 cells', actual: 'over 10 cells' }]]);
  });

  it('reports a corrupt file as unreadable', async () => {
    const good = await smallWorkbook();
    for (const [name, bytes] of [
      ['truncated.xlsx', good.slice(0, Math.floor(good.length / 2))],
      ['random.xlsx', Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251)],
      ['empty.xlsx', new Uint8Array(0)],
    ] as const) {
      const r = await readWorkbook(bytes, name);
      expect([r.workbook, r.findings.map((f) => [f.code, f.place])]).toEqual([null, [['FILE_UNREADABLE', { file: name }]]]);
    }
  });

  it('reports a zip that is not a workbook (a .docx renamed) as unreadable', async () => {
    const zip = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const r = await readWorkbook(zip, 'BaoCao.xlsx', { lang: 'en' });
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([['FILE_UNREADABLE', { reason: 'a zip archive but not an .xlsx workbook' }]]);
  });

  it('names the other spreadsheet formats that arrive as zips, so the fix is clear', async () => {
    // LibreOffice's default format and Excel's binary workbook: both must be saved again as .xlsx.
    const ods = await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
    const xlsb = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': new Uint8Array(8) });
    const reasons = await Promise.all([readWorkbook(ods, 'DongDa.ods'), readWorkbook(xlsb, 'LongBien.xlsb', { lang: 'en' })]);
    expect(reasons.map((r) => [r.findings[0]!.code, r.findings[0]!.params])).toEqual([
      ['FILE_UNREADABLE', { reason: 'bảng tính .ods của LibreOffice/OpenOffice; hãy lưu lại dạng .xlsx' }],
      ['FILE_UNREADABLE', { reason: 'a binary .xlsb workbook; save it as .xlsx' }],
    ]);
  });

  it('recognises a password-protected workbook', async () => {
    const r = await readWorkbook(cfbWith(['EncryptionInfo', 'EncryptedPackage']), 'DongDa.xlsx');
    expect(r.findings.map((f) => [f.code, f.place])).toEqual([['FILE_PASSWORD_PROTECTED', { file: 'DongDa.xlsx' }]]);
  });

  it('refuses a legacy .xls, whatever its name says', async () => {
    for (const name of ['HaiBaTrung.xls', 'HaiBaTrung.xlsx']) {
      const r = await readWorkbook(cfbWith(['Workbook', 'SummaryInformation']), name);
      expect(r.findings.map((f) => [f.code, f.place])).toEqual([['FILE_LEGACY_XLS', { file: name }]]);
    }
    // An "xls" that is really an HTML export is still a legacy file to save again as .xlsx.
    const html = new TextEncoder().encode('<html><body><table><tr><td>1</td></tr></table></body></html>');
    const r = await readWorkbook(html, 'export.xls');
    expect(r.findings.map((f) => f.code)).toEqual(['FILE_LEGACY_XLS']);
    expect(describeFinding(r.findings[0]!, 'vi')).toBe('export.xls: Tệp .xls (Excel 97-2003) chưa được hỗ trợ; hãy mở và lưu lại dạng .xlsx.');
  });

  describe('never throws on damaged bytes', () => {
    let good: Uint8Array;
    beforeAll(async () => {
      good = await smallWorkbook(12);
    });

    it('returns a workbook or findings for 40 corrupted copies', async () => {
      let seed = 12345;
      const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
      for (let n = 0; n < 40; n++) {
        const bad = good.slice();
        for (let k = 0; k < 1 + (n % 5); k++) bad[next() % bad.length] = next() % 256;
        const r = await readWorkbook(bad, `bad${n}.xlsx`);
        expect(r.workbook !== null || r.findings.length > 0).toBe(true);
        if (r.workbook === null) expect(r.findings.map((f) => f.place.file)).toEqual([`bad${n}.xlsx`]);
      }
    });
  });
});
