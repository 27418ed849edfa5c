/**
 * `thidua rank` as a secretary mistypes it: the result never lands on a source workbook or on someone
 * else's file, odd --out / --json paths do what she meant, a submission given in the cluster's place
 * writes nothing, and the plain output reads like the Xếp hạng sheet in the cluster's language.
 */
import { mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Progress } from '../../src/faces/cli/progress';
import { defaultOutPath } from '../../src/faces/cli/rank';
import { ExcelJS } from '../../src/hosts/xlsx/exceljs';
import { readWorkbook } from '../../src/hosts/xlsx/reader';
import { loadXlsx, sheetXml } from '../hosts/xlsx/helpers';
import { sampleCopy, thidua } from './helpers';

let sample: Awaited<ReturnType<typeof sampleCopy>>;
beforeEach(async () => {
  sample = await sampleCopy();
});
afterEach(async () => {
  await sample.done();
});

const bytes = (p: string): Promise<Buffer> => readFile(p);
const exists = (p: string): Promise<boolean> => stat(p).then(() => true, () => false);
const defaultOut = (): string => join(sample.dir, 'Cum1_LDLD_HaNoi_2024-xep-hang.xlsx');

describe('the result never overwrites a workbook it should not', () => {
  it('refuses --out equal to the cluster workbook, by any path, and changes nothing', async () => {
    const before = await bytes(sample.cluster);
    await symlink(sample.cluster, join(sample.dir, 'lien-ket.xlsx'));
    for (const out of [sample.cluster, join(sample.dir, 'lien-ket.xlsx'), join(sample.subs, '..', 'Cum1_LDLD_HaNoi_2024.xlsx')]) {
      const run = await thidua(['rank', sample.cluster, sample.subs, '--out', out]);
      expect([out, run.code]).toEqual([out, 2]);
      expect(run.stderr).toContain('là chính tệp cụm; ThiDua không bao giờ ghi đè tệp gốc');
    }
    expect((await bytes(sample.cluster)).equals(before)).toBe(true);
    expect(await exists(defaultOut())).toBe(false);
  });

  it('refuses --out equal to a submission it reads, and an existing workbook that is not a ThiDua result', async () => {
    const bd = join(sample.subs, 'BaDinh.xlsx');
    const before = await bytes(bd);
    const run = await thidua(['rank', sample.cluster, sample.subs, '--out', bd]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('là một bài nộp được đọc trong lệnh này');
    expect((await bytes(bd)).equals(before)).toBe(true);

    const mine = join(sample.dir, 'bang-cua-toi.xlsx');
    await writeFile(mine, before);
    const other = await thidua(['rank', sample.cluster, sample.subs, '--out', mine, '--lang', 'en']);
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(`thidua: ${mine} exists and is not a ThiDua result; it was not overwritten. Choose another name or delete it.\n`);
    expect((await bytes(mine)).equals(before)).toBe(true);
  });

  it('replaces an earlier result even after its generated sheets were deleted (its names then read #REF!)', async () => {
    const out = join(sample.dir, 'ket-qua.xlsx');
    expect((await thidua(['rank', sample.cluster, sample.subs, '--out', out])).code).toBe(1);
    const zip = await JSZip.loadAsync(await bytes(out));
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', wb.replace(/(<definedName name="ThiDua_\w+">)[^<]*/g, '$1#REF!$$A$$1'));
    await writeFile(out, await zip.generateAsync({ type: 'uint8array' }));
    const again = await thidua(['rank', sample.cluster, sample.subs, '--out', out]);
    expect(again.code).toBe(1);
    expect((await readWorkbook(new Uint8Array(await bytes(out)), 'ket-qua.xlsx')).generated.map((g) => g.sheet)).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
  });

  it('refuses --json naming one of the workbooks', async () => {
    const before = await bytes(sample.cluster);
    const run = await thidua(['rank', sample.cluster, sample.subs, '--json', sample.cluster]);
    expect(run.code).toBe(2);
    expect((await bytes(sample.cluster)).equals(before)).toBe(true);
    expect(await exists(defaultOut())).toBe(false);
  });

  it('writes nothing when a submission is given in the cluster\'s place, and says which comes first', async () => {
    const hk = join(sample.subs, 'HoanKiem.xlsx');
    const run = await thidua(['rank', hk, sample.subs]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('HoanKiem.xlsx không phải tệp cụm (không có sheet Thang điểm và Đơn vị); chưa ghi gì.');
    expect((await readdir(sample.subs)).sort()).toEqual(['BaDinh.xlsx', 'DongDa.xlsx', 'HaiBaTrung.xlsx', 'HoanKiem.xlsx', 'HoangMai.xlsx', 'LongBien.xlsx']);
  });
});

describe('--out and --json paths', () => {
  it('keeps a macro-enabled cluster\'s kind: the result of Cum.xlsm is Cum-xep-hang.xlsm', async () => {
    expect(defaultOutPath(join(sample.dir, 'Cum.xlsm'))).toBe(join(sample.dir, 'Cum-xep-hang.xlsm'));
    const xlsm = join(sample.dir, 'Cum.xlsm');
    await writeFile(xlsm, await bytes(sample.cluster));
    const run = await thidua(['rank', xlsm, sample.subs, '--out', join(sample.dir, 'kq.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`thidua: --out phải là tệp .xlsm (nhận được kq.xlsx).\n`);
  });

  it('takes a folder to create (ending with /), adds .xlsx to a bare name, refuses another extension and "-"', async () => {
    const folder = join(sample.dir, 'ket-qua', 'nam-2024') + '/';
    const intoFolder = await thidua(['rank', sample.cluster, sample.subs, '--out', folder]);
    expect(intoFolder.code).toBe(1);
    const expected = join(sample.dir, 'ket-qua', 'nam-2024', 'Cum1_LDLD_HaNoi_2024-xep-hang.xlsx');
    expect(intoFolder.stdout).toContain(`Đã ghi bảng xếp hạng: ${expected}\n`);
    expect((await readWorkbook(new Uint8Array(await bytes(expected)), 'x.xlsx')).generated).toHaveLength(3);

    const bare = await thidua(['rank', sample.cluster, sample.subs, '--out', join(sample.dir, 'xep-hang-2024')]);
    expect(bare.stdout).toContain(`Đã ghi bảng xếp hạng: ${join(sample.dir, 'xep-hang-2024.xlsx')}\n`);

    for (const out of [join(sample.dir, 'kq.xls'), join(sample.dir, 'kq.csv'), '-']) {
      const run = await thidua(['rank', sample.cluster, sample.subs, '--out', out]);
      expect([out, run.code]).toEqual([out, 2]);
    }
    expect(await exists(join(sample.dir, 'kq.xls'))).toBe(false);
  });

  it('creates the folder of --json', async () => {
    const path = join(sample.dir, 'bao-cao', '2024', 'ket-qua.json');
    const run = await thidua(['rank', sample.cluster, sample.subs, '--json', path]);
    expect(run.code).toBe(1);
    const doc = JSON.parse(await readFile(path, 'utf8')) as { units: { code: string }[] };
    expect(doc.units.map((u) => u.code)).toEqual(['HK', 'BD', 'DD', 'LB', 'HBT', 'HM']);
  });
});

describe('inputs', () => {
  it('reports .ods and .xlsb files found in a folder instead of passing over them', async () => {
    await writeFile(join(sample.subs, 'Khac.ods'), 'x');
    await writeFile(join(sample.subs, 'Khac2.xlsb'), 'x');
    const run = await thidua(['rank', sample.cluster, sample.subs, '--json', '-']);
    const doc = JSON.parse(run.stdout) as { findings: { code: string; file: string | null }[] };
    expect(doc.findings.filter((f) => f.code.startsWith('FILE_')).map((f) => f.file).sort()).toEqual(['Khac.ods', 'Khac2.xlsb']);
  });

  it('reads a file reached twice (a link in another folder) once', async () => {
    const extra = join(sample.dir, 'them');
    await mkdir(extra);
    await symlink(join(sample.subs, 'HoanKiem.xlsx'), join(extra, 'HK-ban-sao.xlsx'));
    const run = await thidua(['rank', sample.cluster, sample.subs, extra, '--json', '-']);
    const doc = JSON.parse(run.stdout) as { findings: { code: string }[] };
    expect(doc.findings.filter((f) => f.code === 'SUBMISSION_DUPLICATE')).toEqual([]);
  });

  it('says so when a folder holds no workbook', async () => {
    const empty = join(sample.dir, 'trong');
    await mkdir(empty);
    const run = await thidua(['rank', sample.cluster, empty]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`thidua: Thư mục ${empty} không có tệp .xlsx nào.\n`);
  });
});

describe('what the secretary reads', () => {
  it('lists the units in the order of the Xếp hạng sheet (tied units by code, unranked last)', async () => {
    const run = await thidua(['rank', sample.cluster, sample.subs]);
    const lines = run.stdout.split('\n');
    const codes = lines
      .slice(2, lines.indexOf(''))
      .map((l) => /^\s+(?:\d+|-)\s+(\S+)\s/.exec(l)?.[1])
      .filter((c): c is string => c !== undefined);
    // LB and HBT tie at 82.6 with rank 4: the sheet orders equal ranks by code, HBT before LB.
    expect(codes).toEqual(['HK', 'BD', 'DD', 'HBT', 'LB', 'HM']);
    const sheet = (await loadXlsx(new Uint8Array(await bytes(defaultOut())))).getWorksheet('Xếp hạng')!;
    expect([5, 6, 7, 8, 9, 10].map((r) => sheet.getCell(`B${r}`).value)).toEqual(codes);
  });

  it('speaks the language of the cluster\'s settings when --lang is not given', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample.cluster);
    const settings = wb.getWorksheet('Cấu hình')!;
    settings.addRow(['Ngôn ngữ', 'English']);
    await wb.xlsx.writeFile(sample.cluster);
    const run = await thidua(['rank', sample.cluster, sample.subs]);
    expect(run.stdout).toMatch(/^Rank\s+Code\s+Unit/);
    expect(run.stdout).toContain(`Ranking written to: ${defaultOut()}\n`);
  });

  it('keeps file names readable on a terminal that does not report its width', () => {
    let err = '';
    const p = new Progress({ write: (s: string) => (err += s), isTTY: true, columns: 0 }, 1, 'vi');
    p.tick('HaiBaTrung_2024.xlsx');
    expect(err).toContain('] 1/1 HaiBaTrung_2024.xlsx');
  });

  it('prints a note on its own line above the bar', () => {
    let err = '';
    const p = new Progress({ write: (s: string) => (err += s), isTTY: true, columns: 80 }, 2, 'vi');
    p.tick('a.xlsx');
    p.note('Bỏ qua ket-qua.xlsx: đây là tệp kết quả của ThiDua.');
    p.tick('b.xlsx');
    p.finish();
    expect(err).toContain('\r\x1b[KBỏ qua ket-qua.xlsx: đây là tệp kết quả của ThiDua.\n\r\x1b[K[');
  });
});

describe('thidua template', () => {
  it('writes neither file when one of them is already there', async () => {
    const dir = join(sample.dir, 'mau');
    await mkdir(dir);
    await writeFile(join(dir, 'bai-nop-mau.xlsx'), 'bài nộp của ai đó');
    const run = await thidua(['template', '--out', dir]);
    expect(run.code).toBe(2);
    expect(await readdir(dir)).toEqual(['bai-nop-mau.xlsx']);
    expect(await readFile(join(dir, 'bai-nop-mau.xlsx'), 'utf8')).toBe('bài nộp của ai đó');
  });

  it('validates ranges that do not overlap, with Vietnamese decimals in the message', async () => {
    const dir = join(sample.dir, 'mau');
    expect((await thidua(['template', '--out', dir])).code).toBe(0);
    const sqrefs = async (file: string, sheet: string): Promise<string[]> => {
      const xml = await sheetXml(new Uint8Array(await bytes(join(dir, file))), sheet);
      return [...xml.matchAll(/<dataValidation\b[^>]*\ssqref="([^"]+)"/g)].map((m) => m[1]!);
    };
    // Rubric rows 5-34 (the example plus room to grow); the vote matrix of the 3 example members.
    expect(await sqrefs('cum-thi-dua-mau.xlsx', 'Thang điểm')).toEqual(['C5:C34', 'D5:D34', 'E5:E34']);
    expect(await sqrefs('cum-thi-dua-mau.xlsx', 'Biểu quyết')).toEqual(['B5:D7']);
    // One cell per scored row of the form, never overlapping: I.1 F7, I.2.a F9, I.2.b F10, II.1 F12, II.2 F13...
    expect((await sqrefs('bai-nop-mau.xlsx', 'Tự chấm')).sort()).toEqual(['F10', 'F12', 'F13', 'F15', 'F17', 'F19', 'F7', 'F9']);
    const form = (await loadXlsx(new Uint8Array(await bytes(join(dir, 'bai-nop-mau.xlsx'))))).getWorksheet('Tự chấm')!;
    expect(form.getCell('F9').dataValidation.error).toBe('Điểm từ 0 đến 12,5 / Score from 0 to 12.5');
  });
});
