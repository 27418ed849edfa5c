/**
 * The zip-bomb guard. An `.xlsx` of a few hundred kilobytes can inflate to gigabytes; exceljs would inflate
 * every part into memory before we could count cells. So the zip is checked first, twice:
 * 1. the sizes its central directory declares (instant, catches ordinary bombs), and
 * 2. the bytes each entry really inflates to, counted while streaming and abandoned at the cap, because a
 *    crafted zip can declare small sizes and still inflate to anything.
 */
import JSZip from 'jszip';

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/** Entries from the central directory, or null when the bytes are not a readable zip. */
export function centralDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEnd = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= minEnd; i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let off = dv.getUint32(eocd + 16, true);
  // ZIP64 archives are not produced by Excel for workbooks under the size cap; the streaming count covers them.
  if (count === 0xffff || off === ZIP64_MARK) return [];
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (off + 46 > bytes.length || dv.getUint32(off, true) !== CENTRAL) return null;
    const compressed = dv.getUint32(off + 20, true);
    const uncompressed = dv.getUint32(off + 24, true);
    const nameLen = dv.getUint16(off + 28, true);
    const extraLen = dv.getUint16(off + 30, true);
    const commentLen = dv.getUint16(off + 32, true);
    if (off + 46 + nameLen > bytes.length) return null;
    const name = decoder.decode(bytes.subarray(off + 46, off + 46 + nameLen));
    entries.push({ name, compressed, uncompressed });
    off += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

interface StreamHelper {
  on(event: 'data', fn: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', fn: (e: Error) => void): StreamHelper;
  on(event: 'end', fn: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

export type InflateCheck = { ok: true; total: number } | { ok: false; total: number } | { ok: 'broken'; detail: string };

/**
 * Inflates every entry as a stream, counting bytes, and stops as soon as the total passes `cap`.
 * Memory stays at one chunk per entry: nothing is kept.
 */
export async function measureInflated(bytes: Uint8Array, cap: number): Promise<InflateCheck> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    return { ok: 'broken', detail: errorText(e) };
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const result = await new Promise<'ok' | 'over' | string>((resolve) => {
      // internalStream is JSZip's documented StreamHelper; its typings omit it.
      const stream = (file as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
      stream
        .on('data', (chunk: Uint8Array) => {
          total += chunk.length;
          if (total > cap) {
            stream.pause();
            resolve('over');
          }
        })
        .on('error', (e: Error) => resolve(errorText(e)))
        .on('end', () => resolve('ok'))
        .resume();
    });
    if (result === 'over') return { ok: false, total };
    if (result !== 'ok') return { ok: 'broken', detail: result };
  }
  return { ok: true, total };
}

export function errorText(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.length > 160 ? s.slice(0, 157) + '...' : s;
}
