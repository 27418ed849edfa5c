/**
 * The sample cluster (examples/cum-thi-dua-so-1) as the Node side of the browser tests sees it: its
 * files, the command line run on them, the engine run on them, and the Excel fake seeded with it.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ClusterResult, GridWorkbook, Lang } from '../../../src/engine';
import { runCluster } from '../../../src/engine';
import { main } from '../../../src/faces/cli/main';
import { readWorkbook } from '../../../src/hosts/xlsx';
import type { FakeOfficeSeed } from '../browser/fake-office';
import { e2e } from './browser';

export const CLUSTER_FILE = 'Cum1_LDLD_HaNoi_2024.xlsx';
/** Member order of the cluster's Đơn vị sheet. */
export const SUBMISSION_FILES = ['HoanKiem.xlsx', 'BaDinh.xlsx', 'DongDa.xlsx', 'LongBien.xlsx', 'HaiBaTrung.xlsx', 'HoangMai.xlsx'] as const;

export function sampleDir(): string {
  return join(e2e().root, 'examples/cum-thi-dua-so-1');
}
export function clusterPath(): string {
  return join(sampleDir(), CLUSTER_FILE);
}
export function submissionPath(file: string): string {
  return join(sampleDir(), 'bai-nop', file);
}

export async function readGrid(path: string): Promise<GridWorkbook> {
  const read = await readWorkbook(await readFile(path), basename(path));
  if (!read.workbook) throw new Error(`${path}: ${JSON.stringify(read.findings)}`);
  return read.workbook;
}

/** The engine on the sample, as the browser sees it: the cluster and the submissions `files`. */
export async function engineOnSample(files: readonly string[], lang: Lang): Promise<ClusterResult> {
  const cluster = await readGrid(clusterPath());
  const submissions = await Promise.all(files.map((f) => readGrid(submissionPath(f))));
  return runCluster({ cluster, submissions, lang });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  bytes: Uint8Array;
}

/** `thidua rank <cluster> <submissions...> --out <file>`, in this process (the same main as bin/thidua.mjs). */
export async function runCli(files: readonly string[], outName: string, extra: string[] = []): Promise<CliRun> {
  const dir = join(e2e().outDir, 'cli');
  await mkdir(dir, { recursive: true });
  const out = join(dir, outName);
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
  const code = await main(['rank', clusterPath(), ...files.map(submissionPath), '--out', out, ...extra], io);
  return { code, stdout, stderr, bytes: new Uint8Array(await readFile(out)) };
}

/** The Excel fake seeded with the cluster workbook's sheets, as if the secretary had it open in Excel. */
export async function fakeSeedOfSample(displayLanguage = 'vi-VN'): Promise<FakeOfficeSeed> {
  const cluster = await readGrid(clusterPath());
  return { workbook: { file: CLUSTER_FILE, sheets: cluster.sheets }, options: { displayLanguage } };
}

/**
 * The sample's ranking, worked by hand (examples/cum1-data.ts has the arithmetic): rank, code and total
 * in columns A, B and I of the Xếp hạng sheet, rows 5 to 10, after the title rows and the header.
 *   HK  I 32.5 + II 35.5 + III 22.5 + bonus 3            = 93.5
 *   BD  I 35   + II 37.5 + III 19.5 + bonus 1 - penalty 1 = 92
 *   DD  I 31   + II 35   + III 20.3 + bonus 1            = 87.3
 *   HBT I 30   + II 33.5 + III 18.1 + bonus 3 - penalty 2 = 82.6  } equal totals share rank 4
 *   LB  I 29   + II 32.5 + III 18.3 + bonus 2.8          = 82.6  }
 *   HM  unranked (III.2 scored 12 of a max of 10): no rank, no total
 */
export const EXPECTED_RANKING: readonly (readonly [number | null, string, number | null])[] = [
  [1, 'HK', 93.5],
  [2, 'BD', 92],
  [3, 'DD', 87.3],
  [4, 'HBT', 82.6],
  [4, 'LB', 82.6],
  [null, 'HM', null],
];

/** Rank, code and total of ranking rows 5-10 from a sheet's values by A1 address. */
export function rankingTable(values: Map<string, unknown>): (readonly [unknown, unknown, unknown])[] {
  const rows: (readonly [unknown, unknown, unknown])[] = [];
  for (let r = 5; r <= 10; r++) rows.push([values.get(`A${r}`) ?? null, values.get(`B${r}`) ?? null, values.get(`I${r}`) ?? null]);
  return rows;
}
