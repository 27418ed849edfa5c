/**
 * Saving a file in the standalone page: a Blob URL and a link with `download`. Nothing is sent anywhere;
 * the browser writes the bytes it already holds.
 */
import type { DownloadFile } from './source';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Long enough for the browser to start the download; the URL only pins memory after that. */
const REVOKE_AFTER_MS = 60_000;

export function saveFile(file: DownloadFile, doc: Document = document): void {
  // A copy with its own ArrayBuffer: Blob takes no view over shared memory.
  const blob = new Blob([new Uint8Array(file.bytes)], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
