/**
 * `thidua rank`: read the cluster and the submissions, run the engine, write the result workbook.
 * Exit 0: ranked with no blocking finding; 1: blocking findings (the result is still written, its
 * Kiểm tra sheet says what to fix); 2: the cluster file or a path cannot be read, or the result cannot be written.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Finding, GridWorkbook, Lang } from '../../engine';
import { blocksOf, describe, runCluster } from '../../engine';
import { expandInputs, readWorkbookFile } from '../../hosts/xlsx/node-files';
import { writeResultReport } from '../../hosts/xlsx/writer';
import type { CliIO } from './io';
import { toJson } from './json';
import { Progress } from './progress';
import { summaryText } from './summary';

export interface RankCommand {
  cluster: string;
  inputs: string[];
  out: string | null;
  json: string | null;
  lang: Lang | null;
}

export const EXIT_OK = 0;
export const EXIT_BLOCKING = 1;
export const EXIT_USAGE = 2;

/** `HoanKiem.xlsx` next to `Cum1.xlsx` -> `Cum1-xep-hang.xlsx`. */
export function defaultOutPath(cluster: string): string {
  const abs = resolve(cluster);
  return join(dirname(abs), `${basename(abs, extname(abs))}-xep-hang.xlsx`);
}

export async function rank(cmd: RankCommand, io: CliIO): Promise<number> {
  const lang: Lang = cmd.lang ?? 'vi';
  const say = (vi: string, en: string): string => (lang === 'vi' ? vi : en);
  const fail = (vi: string, en: string): number => {
    io.stderr.write(`thidua: ${say(vi, en)}\n`);
    return EXIT_USAGE;
  };

  const clusterPath = resolve(cmd.cluster);
  try {
    if (!(await stat(clusterPath)).isFile()) return fail(`${cmd.cluster} không phải là tệp.`, `${cmd.cluster} is not a file.`);
  } catch {
    return fail(`Không tìm thấy tệp cụm ${cmd.cluster}.`, `Cluster file ${cmd.cluster} not found.`);
  }
  const outPath = await resolveOut(cmd.out, clusterPath);

  const cluster = await readWorkbookFile(clusterPath, { lang });
  if (!cluster.workbook || !cluster.bytes) {
    for (const f of cluster.findings) io.stderr.write(`thidua: ${describe(f, lang)}\n`);
    return EXIT_USAGE;
  }

  const expanded = await expandInputs(cmd.inputs);
  if (expanded.missing.length > 0) {
    return fail(`Không tìm thấy: ${expanded.missing.join(', ')}`, `Not found: ${expanded.missing.join(', ')}`);
  }
  // The cluster itself and an earlier result sitting in the same folder are not submissions.
  const files = expanded.files.filter((f) => f !== clusterPath && f !== outPath);

  const progress = new Progress(io.stderr, files.length, lang);
  const submissions: GridWorkbook[] = [];
  const hostFindings: Finding[] = [...cluster.findings];
  for (const file of files) {
    const read = await readWorkbookFile(file, { lang });
    progress.tick(basename(file));
    hostFindings.push(...read.findings);
    if (!read.workbook) continue;
    if (read.generated.length > 0) {
      // A workbook carrying ThiDua's markers is an earlier result (a copy of a cluster workbook), not a submission.
      io.stderr.write(say(`Bỏ qua ${basename(file)}: đây là tệp kết quả của ThiDua.\n`, `Skipped ${basename(file)}: it is a ThiDua result file.\n`));
      continue;
    }
    submissions.push(read.workbook);
  }
  progress.finish();

  progress.stage('Đang tính điểm và xếp hạng...', 'Scoring and ranking...');
  const result = runCluster({ cluster: cluster.workbook, submissions, hostFindings, ...(cmd.lang ? { lang: cmd.lang } : {}) });
  const outLang: Lang = cmd.lang ?? result.settings.lang;

  progress.stage(`Đang ghi ${basename(outPath)}...`, `Writing ${basename(outPath)}...`);
  try {
    const written = await writeResultReport(cluster.bytes, result.sheets);
    await writeAtomically(outPath, written.bytes);
  } catch (e) {
    return fail(`Không ghi được ${outPath} (${errorText(e)}). Nếu tệp đang mở trong Excel, hãy đóng nó rồi chạy lại.`, `Could not write ${outPath} (${errorText(e)}). If it is open in Excel, close it and run again.`);
  }

  const summary = summaryText(result, outLang);
  const where = say(`Đã ghi bảng xếp hạng: ${outPath}\n`, `Ranking written to: ${outPath}\n`);
  if (cmd.json === '-') {
    // stdout carries the JSON alone, so it can be piped; the human summary goes to stderr.
    io.stdout.write(JSON.stringify(toJson(result, outLang), null, 2) + '\n');
    io.stderr.write(summary + where);
  } else {
    if (cmd.json !== null) {
      try {
        await writeFile(resolve(cmd.json), JSON.stringify(toJson(result, outLang), null, 2) + '\n', 'utf8');
      } catch (e) {
        return fail(`Không ghi được ${cmd.json} (${errorText(e)}).`, `Could not write ${cmd.json} (${errorText(e)}).`);
      }
    }
    io.stdout.write(summary + where);
  }
  return result.findings.some((f) => blocksOf(f) !== 'none') ? EXIT_BLOCKING : EXIT_OK;
}

/** `--out` may name a file or an existing folder (then the default name goes inside it). */
async function resolveOut(out: string | null, clusterPath: string): Promise<string> {
  if (out === null) return defaultOutPath(clusterPath);
  const abs = resolve(out);
  try {
    if ((await stat(abs)).isDirectory()) return join(abs, basename(defaultOutPath(clusterPath)));
  } catch {
    // Does not exist yet: a file name.
  }
  return abs;
}

/** Write next to the target, then rename: a failed run never leaves half a workbook under the real name. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return e instanceof Error ? e.message : String(e);
}
