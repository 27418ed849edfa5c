/**
 * Node only: files and folders on disk. Kept apart so the reader and writer stay free of Node built-ins
 * and bundle for the browser unchanged.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { finding } from '../../engine';
import type { ReadOptions } from './limits';
import { formatBytes, resolveLimits } from './limits';
import type { ReadResult } from './reader';
import { readWorkbook } from './reader';

/**
 * Extensions taken from a folder: workbooks, plus the spreadsheets that are not `.xlsx` (legacy `.xls`,
 * LibreOffice `.ods`, binary `.xlsb`) so each is reported with "save it as .xlsx" rather than silently missed.
 */
const WORKBOOK_FILE = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;

export interface ExpandedInputs {
  /** Absolute paths of files, folders expanded, in the order given (a folder's files by name). */
  files: string[];
  /** Paths that do not exist or cannot be listed. */
  missing: string[];
  /** Folders given that hold no workbook at all (the secretary may have named the wrong one). */
  empty: string[];
}

/** The file's real path (links resolved), so one file reached two ways is read once. */
export async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Paths given on the command line -> files. A folder contributes its workbooks (not its subfolders),
 * skipping Excel's lock files `~$Name.xlsx` and hidden files. A file named explicitly is always taken:
 * the reader decides what it is.
 */
export async function expandInputs(paths: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const missing: string[] = [];
  const empty: string[] = [];
  const seen = new Set<string>();
  const add = async (p: string): Promise<void> => {
    const real = await realPathOf(p);
    if (!seen.has(real)) {
      seen.add(real);
      files.push(p);
    }
  };
  for (const given of paths) {
    const p = resolve(given);
    let info;
    try {
      info = await stat(p);
    } catch {
      missing.push(given);
      continue;
    }
    if (info.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(p);
      } catch {
        missing.push(given);
        continue;
      }
      const picked = names.filter((n) => WORKBOOK_FILE.test(n) && !n.startsWith('~$') && !n.startsWith('.'));
      picked.sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
      if (picked.length === 0) empty.push(given);
      for (const n of picked) {
        const full = join(p, n);
        try {
          if ((await stat(full)).isFile()) await add(full);
        } catch {
          // Vanished between listing and reading: nothing to report.
        }
      }
    } else {
      await add(p);
    }
  }
  return { files, missing, empty };
}

/** Why a file on disk could not be read, in words; other codes are shown as they are. */
const READ_ERRORS: Record<string, { vi: string; en: string }> = {
  EACCES: { vi: 'không có quyền đọc tệp', en: 'no permission to read it' },
  EPERM: { vi: 'không có quyền đọc tệp', en: 'no permission to read it' },
  EBUSY: { vi: 'tệp đang bị chương trình khác khóa', en: 'another program has it locked' },
  ENOENT: { vi: 'tệp không còn ở đó', en: 'it is no longer there' },
  EISDIR: { vi: 'đây là một thư mục', en: 'it is a folder' },
};

/**
 * Reads one workbook from disk. The size cap is checked on the file's length before its bytes are read,
 * so an oversized file never enters memory. The finding names the file by its base name, as the
 * secretary knows it.
 */
export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<ReadResult & { bytes: Uint8Array | null }> {
  const name = basename(path);
  const limits = resolveLimits(options.limits);
  try {
    const info = await stat(path);
    if (info.size > limits.maxFileBytes) {
      return {
        workbook: null,
        findings: [finding('FILE_TOO_LARGE', { file: name }, { limit: formatBytes(limits.maxFileBytes), actual: formatBytes(info.size) })],
        generated: [],
        bytes: null,
      };
    }
    const bytes = new Uint8Array(await readFile(path));
    return { ...(await readWorkbook(bytes, name, options)), bytes };
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : '';
    const reason = READ_ERRORS[code]?.[options.lang ?? 'vi'] ?? (code || String(e));
    return { workbook: null, findings: [finding('FILE_UNREADABLE', { file: name }, { reason })], generated: [], bytes: null };
  }
}
