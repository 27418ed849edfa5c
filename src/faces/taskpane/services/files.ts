/**
 * Imported submission files: bytes from a File, parsed in the browser by the file host. The file host
 * (exceljs) is loaded on first use, so the task pane inside Excel starts without it.
 */
import type { Finding, GridWorkbook, Lang } from '../../../engine';
import { finding } from '../../../engine';
import type { NamedBytes, SubmissionReader } from './source';

/** File.arrayBuffer where the browser has it, FileReader elsewhere (older web views, jsdom). */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

export async function toNamedBytes(file: File): Promise<NamedBytes> {
  return { name: file.name, bytes: await fileBytes(file) };
}

/** Reads a workbook with the file host; never throws: a failure is the file's finding. */
export async function readWithFileHost(file: NamedBytes, lang: Lang): Promise<{ workbook: GridWorkbook | null; findings: Finding[] }> {
  try {
    const { readWorkbook } = await import('../../../hosts/xlsx');
    const read = await readWorkbook(file.bytes, file.name, { lang });
    return { workbook: read.workbook, findings: read.findings };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { workbook: null, findings: [finding('FILE_UNREADABLE', { file: file.name }, { reason: detail })] };
  }
}

export const readSubmission: SubmissionReader = (file, lang) => readWithFileHost(file, lang);
