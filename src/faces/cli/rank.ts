/**
 * `thidua rank`: read the cluster and the submissions, run the engine, write the result workbook.
 * Exit 0: ranked with no blocking finding; 1: blocking findings (the result is still written, its
 * Kiểm tra sheet says what to fix); 2: a usage problem, a path or the cluster file that cannot be read,
 * a file that is not a cluster workbook, or a result that cannot be written. Refusals come before anything is written.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import type { ClusterResult, Finding, GridWorkbook, Lang } from '../../engine';
import { blocksOf, describe, parseSettings, runCluster } from '../../engine';
import { DEFAULT_LIMITS } from '../../hosts/xlsx/limits';
import { expandInputs, readWorkbookFile, realPathOf } from '../../hosts/xlsx/node-files';
import { isThiDuaResult } from '../../hosts/xlsx/workbook-patch';
import { writeResultReport } from '../../hosts/xlsx/writer';
import type { CliIO } from './io';
import { exists } from './io';
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

/** A message in both languages; the command picks one. */
interface Said {
  vi: string;
  en: string;
}

/** `Cum1.xlsx` -> `Cum1-xep-hang.xlsx` next to it (`.xlsm` stays `.xlsm`: its macros are kept). */
export function defaultOutPath(cluster: string): string {
  const abs = resolve(cluster);
  return join(dirname(abs), `${basename(abs, extname(abs))}-xep-hang${resultExtension(abs)}`);
}

/** A copy keeps the workbook's kind: Excel refuses a macro-enabled workbook saved under `.xlsx`. */
function resultExtension(cluster: string): string {
  return extname(cluster).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
}

export async function rank(cmd: RankCommand, io: CliIO): Promise<number> {
  let lang: Lang = cmd.lang ?? 'vi';
  const say = (m: Said): string => (lang === 'vi' ? m.vi : m.en);
  const fail = (m: Said): number => {
    io.stderr.write(`thidua: ${say(m)}\n`);
    return EXIT_USAGE;
  };

  const clusterPath = resolve(cmd.cluster);
  try {
    if (!(await stat(clusterPath)).isFile()) return fail({ vi: `${cmd.cluster} không phải là tệp.`, en: `${cmd.cluster} is not a file.` });
  } catch {
    return fail({ vi: `Không tìm thấy tệp cụm ${cmd.cluster}.`, en: `Cluster file ${cmd.cluster} not found.` });
  }
  const expanded = await expandInputs(cmd.inputs);
  if (expanded.missing.length > 0) return fail({ vi: `Không tìm thấy: ${expanded.missing.join(', ')}`, en: `Not found: ${expanded.missing.join(', ')}` });

  // Paths are compared by their real location: a link or a second spelling of the cluster is still the cluster.
  const clusterReal = await realPathOf(clusterPath);
  const inputs = await Promise.all(expanded.files.map(async (f) => ({ path: f, real: await realPathOf(f) })));
  const out = await resolveOut(cmd.out, clusterPath);
  if ('problem' in out) return fail(out.problem);
  const outReal = await realPathOf(out.path);
  const sources = new Set([clusterReal, ...inputs.map((i) => i.real)]);
  if (outReal === clusterReal) return fail(OVERWRITE_CLUSTER(out.path));
  if (sources.has(outReal) && !(await isResultFile(out.path))) return fail(OVERWRITE_SOURCE(out.path));
  if ((await exists(out.path)) && !(await isResultFile(out.path))) return fail(OVERWRITE_OTHER(out.path));
  const jsonPath = cmd.json === null || cmd.json === '-' ? null : resolve(cmd.json);
  if (jsonPath !== null) {
    const jsonReal = await realPathOf(jsonPath);
    if (sources.has(jsonReal) || jsonReal === outReal) return fail({ vi: `--json ${cmd.json} trùng với một tệp Excel của lệnh; hãy chọn tên khác.`, en: `--json ${cmd.json} is one of the command's workbooks; choose another name.` });
  }

  const cluster = await readWorkbookFile(clusterPath, { lang });
  if (!cluster.workbook || !cluster.bytes) {
    for (const f of cluster.findings) io.stderr.write(`thidua: ${describe(f, lang)}\n`);
    return EXIT_USAGE;
  }
  // Without --lang, everything follows the cluster's Cấu hình sheet, as the generated sheets do.
  if (!cmd.lang) lang = clusterLanguage(cluster.workbook);

  for (const folder of expanded.empty) io.stderr.write(`thidua: ${say({ vi: `Thư mục ${folder} không có tệp .xlsx nào.`, en: `Folder ${folder} holds no .xlsx file.` })}\n`);
  // The cluster itself and an earlier result sitting in the same folder are not submissions.
  const files = inputs.filter((i) => i.real !== clusterReal && i.real !== outReal).map((i) => i.path);

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
      progress.note(say({ vi: `Bỏ qua ${basename(file)}: đây là tệp kết quả của ThiDua.`, en: `Skipped ${basename(file)}: it is a ThiDua result file.` }));
      continue;
    }
    submissions.push(read.workbook);
  }
  progress.finish();

  progress.stage('Đang tính điểm và xếp hạng...', 'Scoring and ranking...');
  const result = runCluster({ cluster: cluster.workbook, submissions, hostFindings, lang });
  if (!looksLikeCluster(result)) {
    for (const f of result.findings.filter((x) => blocksOf(x) === 'cluster')) io.stderr.write(`thidua: ${describe(f, lang)}\n`);
    return fail({
      vi: `${basename(clusterPath)} không phải tệp cụm (không có sheet Thang điểm và Đơn vị); chưa ghi gì. Tệp cụm đứng trước: thidua rank <tệp cụm.xlsx> <bài nộp ...>`,
      en: `${basename(clusterPath)} is not a cluster workbook (no rubric and no members sheet); nothing was written. The cluster file comes first: thidua rank <cluster.xlsx> <submissions ...>`,
    });
  }

  progress.stage(`Đang ghi ${basename(out.path)}...`, `Writing ${basename(out.path)}...`);
  let bytes: Uint8Array;
  try {
    bytes = (await writeResultReport(cluster.bytes, result.sheets)).bytes;
  } catch (e) {
    return fail({ vi: `Không tạo được bảng kết quả từ ${basename(clusterPath)} (${errorText(e)}).`, en: `Could not build the result from ${basename(clusterPath)} (${errorText(e)}).` });
  }
  try {
    await writeAtomically(out.path, bytes);
  } catch (e) {
    return fail(cannotWrite(out.path, e));
  }

  const summary = summaryText(result, lang);
  const where = say({ vi: `Đã ghi bảng xếp hạng: ${out.path}\n`, en: `Ranking written to: ${out.path}\n` });
  const json = JSON.stringify(toJson(result, lang), null, 2) + '\n';
  if (cmd.json === '-') {
    // stdout carries the JSON alone, so it can be piped; the human summary goes to stderr.
    io.stdout.write(json);
    io.stderr.write(summary + where);
  } else {
    if (jsonPath !== null) {
      try {
        await mkdir(dirname(jsonPath), { recursive: true });
        await writeFile(jsonPath, json, 'utf8');
      } catch (e) {
        return fail(cannotWrite(jsonPath, e));
      }
    }
    io.stdout.write(summary + where);
  }
  return result.findings.some((f) => blocksOf(f) !== 'none') ? EXIT_BLOCKING : EXIT_OK;
}

const OVERWRITE_CLUSTER = (p: string): Said => ({
  vi: `--out ${p} là chính tệp cụm; ThiDua không bao giờ ghi đè tệp gốc. Hãy chọn tên khác hoặc bỏ --out.`,
  en: `--out ${p} is the cluster workbook itself; ThiDua never overwrites the source. Choose another name or leave --out out.`,
});
const OVERWRITE_SOURCE = (p: string): Said => ({
  vi: `--out ${p} là một bài nộp được đọc trong lệnh này; hãy chọn tên khác.`,
  en: `--out ${p} is a submission read by this command; choose another name.`,
});
const OVERWRITE_OTHER = (p: string): Said => ({
  vi: `${p} đã có và không phải tệp kết quả của ThiDua; không ghi đè. Hãy chọn tên khác hoặc xóa tệp đó.`,
  en: `${p} exists and is not a ThiDua result; it was not overwritten. Choose another name or delete it.`,
});

/**
 * `--out` may name a file, an existing folder, or a folder to create (ending with `/`): then the default
 * name goes inside. A name without extension gets the workbook's; another extension is refused, since
 * Excel would not open the file.
 */
async function resolveOut(out: string | null, clusterPath: string): Promise<{ path: string } | { problem: Said }> {
  if (out === null) return { path: defaultOutPath(clusterPath) };
  const ext = resultExtension(clusterPath);
  if (out === '-') return { problem: { vi: '--out cần tên một tệp (kết quả là bảng tính, không in ra màn hình được).', en: '--out needs a file name (the result is a workbook; it cannot go to standard output).' } };
  const abs = resolve(out);
  const defaultName = basename(defaultOutPath(clusterPath));
  if (out.endsWith('/') || out.endsWith(sep)) return { path: join(abs, defaultName) };
  try {
    if ((await stat(abs)).isDirectory()) return { path: join(abs, defaultName) };
  } catch {
    // Does not exist yet: a file name.
  }
  const given = extname(abs).toLowerCase();
  if (given === '') return { path: abs + ext };
  if (given !== ext) return { problem: { vi: `--out phải là tệp ${ext} (nhận được ${basename(abs)}).`, en: `--out must be an ${ext} file (got ${basename(abs)}).` } };
  return { path: abs };
}

/** A workbook ThiDua wrote earlier: the only kind of existing file a run may replace. */
async function isResultFile(path: string): Promise<boolean> {
  try {
    // Anything larger than a workbook ThiDua would read is not one of its results; it is not loaded.
    if ((await stat(path)).size > DEFAULT_LIMITS.maxUncompressedBytes) return false;
    return await isThiDuaResult(new Uint8Array(await readFile(path)));
  } catch {
    return false;
  }
}

function clusterLanguage(wb: GridWorkbook): Lang {
  try {
    return parseSettings(wb).settings.lang === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Neither a rubric nor a member list: a submission or some other workbook given in the cluster's place. */
function looksLikeCluster(result: ClusterResult): boolean {
  const codes = new Set(result.findings.map((f) => f.code));
  return !(codes.has('RUBRIC_SHEET_MISSING') && codes.has('MEMBERS_SHEET_MISSING'));
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

/** Why a file could not be written, in words a secretary can act on. */
function cannotWrite(path: string, e: unknown): Said {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  const reason: Said =
    code === 'EBUSY' || code === 'EPERM'
      ? { vi: 'tệp đang mở ở chương trình khác, như Excel; hãy đóng nó rồi chạy lại', en: 'the file is open in another program such as Excel; close it and run again' }
      : code === 'EACCES' || code === 'EROFS'
        ? { vi: 'không có quyền ghi vào đó', en: 'no permission to write there' }
        : code === 'ENOSPC'
          ? { vi: 'ổ đĩa đã đầy', en: 'the disk is full' }
          : code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENOENT'
            ? { vi: 'đường dẫn không hợp lệ (một phần của nó là tệp, hoặc tên trùng một thư mục)', en: 'the path is not valid (part of it is a file, or the name is a folder)' }
            : { vi: errorText(e), en: errorText(e) };
  return { vi: `Không ghi được ${path}: ${reason.vi}.`, en: `Could not write ${path}: ${reason.en}.` };
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
