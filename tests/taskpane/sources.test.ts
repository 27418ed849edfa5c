/**
 * The two real WorkbookSources: FileSource over the committed sample workbooks and the file host, and
 * ExcelSource over the project's strict Excel fake (tests/fakes/excel-fake.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/engine';
import { readWorkbook } from '../../src/hosts/xlsx';
import { ExcelJS } from '../../src/hosts/xlsx/exceljs';
import type { LastRun } from '../../src/hosts/office';
import { ExcelSource } from '../../src/faces/taskpane/services/excel-source';
import type { ExcelRun } from '../../src/faces/taskpane/services/excel-source';
import { FileSource } from '../../src/faces/taskpane/services/file-source';
import { readSubmission } from '../../src/faces/taskpane/services/files';
import { fetchSample, SAMPLE_CLUSTER, SAMPLE_DIR, SAMPLE_SUBMISSIONS } from '../../src/faces/taskpane/services/sample';
import type { DownloadFile, RunInput, RunStage, SampleSet } from '../../src/faces/taskpane/services/source';
import { CUM1_CLUSTER_FILE, CUM1_EXPECTED, cum1Submissions } from '../fixtures/cum1';
import { cum1Workbook } from '../hosts/office/seed';

const ROOT = join(__dirname, '../..');

/** The page's fetch, answered from the repository: the build serves examples/ at the same relative path. */
const requested: string[] = [];
async function fromRepository(url: string): Promise<Uint8Array> {
  requested.push(url);
  return new Uint8Array(readFileSync(join(ROOT, decodeURIComponent(url))));
}

async function sampleInput(sample: SampleSet, lang: Lang = 'vi'): Promise<RunInput> {
  const read = await Promise.all(sample.submissions.map((f) => readSubmission(f, lang)));
  return { submissions: read.map((r) => r.workbook!), hostFindings: read.flatMap((r) => r.findings), lang };
}

describe('the sample', () => {
  it('fetches the committed sample cluster and its six submissions by relative URL', async () => {
    requested.length = 0;
    const sample = await fetchSample(fromRepository);
    expect(sample.cluster.name).toBe(SAMPLE_CLUSTER);
    expect(sample.submissions.map((s) => s.name)).toEqual([...SAMPLE_SUBMISSIONS]);
    // Relative URLs: they resolve against the page, so the request stays on its origin.
    expect(requested.every((u) => u.startsWith(`${SAMPLE_DIR}/`))).toBe(true);
    for (const f of [sample.cluster, ...sample.submissions]) expect([...f.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });
});

describe('FileSource', () => {
  it('ranks the sample cluster and hands back the workbook with the generated sheets', async () => {
    const saved: DownloadFile[] = [];
    const source = new FileSource({ loadSample: () => fetchSample(fromRepository), save: (f) => saved.push(f), pause: async () => {} });
    expect(source.cluster()).toEqual({ name: null, sample: false });
    const sample = await source.loadSample();
    expect(await source.openCluster(sample.cluster, { sample: true })).toEqual([]);
    expect(source.cluster()).toEqual({ name: SAMPLE_CLUSTER, sample: true });

    const stages: RunStage[] = [];
    const outcome = await source.generate(await sampleInput(sample), (s) => stages.push(s));
    expect(stages).toEqual(['read', 'check', 'compute', 'write', 'done']);
    // The sample's hand-worked figures (examples/cum1-data.ts): HK 32.5 + 35.5 + 22.5 + 3 = 93.5,
    // BD 35 + 37.5 + 19.5 + 1 - 1 = 92, DD 31 + 35 + 20.3 + 1 = 87.3, LB 29 + 32.5 + 18.3 + 2.8 = 82.6,
    // HBT 30 + 33.5 + 18.1 + 3 - 2 = 82.6 (tied at 4); HM unranked (III.2 scored 12 of 10).
    expect(outcome.result.units.map((u) => [u.code, u.rank, u.total?.toString() ?? null])).toEqual([
      ['HK', 1, '93.5'],
      ['BD', 2, '92'],
      ['DD', 3, '87.3'],
      ['LB', 4, '82.6'],
      ['HBT', 4, '82.6'],
      ['HM', null, null],
    ]);
    expect(outcome.written).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
    expect(outcome.download!.fileName).toBe(SAMPLE_CLUSTER);

    // The download is the cluster workbook plus our three sheets, marked as generated.
    const back = await readWorkbook(outcome.download!.bytes, SAMPLE_CLUSTER);
    expect(back.generated.map((g) => g.role).sort()).toEqual(['checks', 'details', 'ranking']);
    const original = await readWorkbook(sample.cluster.bytes, SAMPLE_CLUSTER);
    expect(back.workbook!.sheets).toEqual(original.workbook!.sheets);

    // The ranking sheet holds, cell for cell, what the engine described.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(outcome.download!.bytes as unknown as ArrayBuffer);
    const ranking = outcome.result.sheets[0]!;
    const ws = wb.getWorksheet('Xếp hạng')!;
    ranking.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const v = ws.getCell(r + 1, c + 1).value;
        expect([r, c, v === undefined ? null : v]).toEqual([r, c, cell.value]);
      }),
    );

    source.save(outcome.download!);
    expect(saved.map((f) => f.fileName)).toEqual([SAMPLE_CLUSTER]);
  });

  it('reports a cluster file it cannot read, and refuses to write into it', async () => {
    const source = new FileSource({ pause: async () => {} });
    const findings = await source.openCluster({ name: 'Cum.xlsx', bytes: new TextEncoder().encode('hello') });
    expect(findings.map((f) => f.code)).toEqual(['FILE_UNREADABLE']);
    const input: RunInput = { submissions: cum1Submissions(), hostFindings: [], lang: 'vi' };
    const result = await source.check(input);
    expect(result.findings.some((f) => f.code === 'FILE_UNREADABLE' && f.place.file === 'Cum.xlsx')).toBe(true);
    await expect(source.generate(input, () => {})).rejects.toThrow('Cum.xlsx: Không đọc được tệp (không phải tệp Excel). Các tệp khác vẫn được xử lý.');
  });

  it('selects nothing: outside Excel a finding shows its address', () => {
    expect(new FileSource().canSelect({ file: 'a.xlsx', sheet: 'Tự chấm', cell: 'F7' })).toBe(false);
  });
});

describe('ExcelSource', () => {
  const noStatus = { last: () => null, subscribe: () => () => {} };

  it('checks the open workbook without writing, then generates into it by stage', async () => {
    const fake = cum1Workbook();
    const source = new ExcelSource((batch) => fake.run(batch), noStatus);
    const input: RunInput = { submissions: cum1Submissions(), hostFindings: [], lang: 'vi' };

    const checked = await source.check(input);
    expect(checked.units.map((u) => u.rank)).toEqual(CUM1_EXPECTED.map((e) => e.rank));
    expect(fake.sheetNames()).toEqual(['Thang điểm', 'Đơn vị', 'Biểu quyết', 'Cấu hình']);
    expect(source.cluster()).toEqual({ name: CUM1_CLUSTER_FILE, sample: false });

    const stages: RunStage[] = [];
    const outcome = await source.generate(input, (s) => stages.push(s));
    expect(stages).toEqual(['read', 'check', 'compute', 'write', 'done']);
    expect(outcome.written).toEqual(['Xếp hạng', 'Kiểm tra', 'Chi tiết']);
    expect(outcome.download).toBeNull();
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['Xếp hạng', 'Kiểm tra', 'Chi tiết']));
  });

  it('selects cells of the open workbook only', async () => {
    const fake = cum1Workbook();
    const source = new ExcelSource((batch) => fake.run(batch), noStatus);
    await source.check({ submissions: cum1Submissions(), hostFindings: [], lang: 'vi' });
    expect(source.canSelect({ file: CUM1_CLUSTER_FILE, sheet: 'Biểu quyết', cell: 'A9' })).toBe(true);
    expect(source.canSelect({ file: 'HoanKiem_TuCham_2024.xlsx', sheet: 'Tự chấm', cell: 'F17' })).toBe(false);
    expect(source.canSelect({ file: CUM1_CLUSTER_FILE, sheet: 'Biểu quyết' })).toBe(false);
    expect(source.canSelect({ file: CUM1_CLUSTER_FILE })).toBe(false);
  });

  it('before any read, tells imported files from the open workbook by name', async () => {
    const source = new ExcelSource(async () => {
      throw new Error('Excel is busy');
    }, noStatus);
    await expect(source.check({ submissions: cum1Submissions(), hostFindings: [], lang: 'vi' })).rejects.toThrow('Excel is busy');
    expect(source.canSelect({ file: 'HoanKiem_TuCham_2024.xlsx', sheet: 'Tự chấm', cell: 'F17' })).toBe(false);
    expect(source.canSelect({ file: 'Cum.xlsx', sheet: 'Thang điểm', cell: 'C16' })).toBe(true);
  });

  it('selects a cell with worksheet.getRange(cell).select()', async () => {
    const calls: string[] = [];
    const context = {
      workbook: {
        worksheets: {
          getItem: (sheet: string) => ({ getRange: (cell: string) => ({ select: () => calls.push(`select ${sheet}!${cell}`) }) }),
        },
      },
      sync: async () => {
        calls.push('sync');
      },
    };
    const run: ExcelRun = (batch) => batch(context as unknown as Excel.RequestContext);
    await new ExcelSource(run, noStatus).selectCell('Biểu quyết', 'A9');
    expect(calls).toEqual(['select Biểu quyết!A9', 'sync']);
  });

  it('passes on what the ribbon button did, the last run first', () => {
    const listeners: ((r: LastRun) => void)[] = [];
    const last: LastRun = { at: '2024-12-15T08:00:00.000Z', ok: true, summary: null, message: 'Đã xếp hạng 6/6 đơn vị.' };
    const source = new ExcelSource(async () => undefined as never, { last: () => last, subscribe: (l) => (listeners.push(l), () => {}) });
    const heard: string[] = [];
    source.onExternalRun((r) => heard.push(`${r.ok} ${r.message}`));
    listeners[0]!({ at: '2024-12-15T09:00:00.000Z', ok: false, summary: null, message: 'Có lỗi chặn kết quả.' });
    expect(heard).toEqual(['true Đã xếp hạng 6/6 đơn vị.', 'false Có lỗi chặn kết quả.']);
  });
});
