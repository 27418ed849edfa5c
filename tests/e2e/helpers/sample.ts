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
