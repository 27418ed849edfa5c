/**
 * Caps on untrusted files. A member workbook comes from outside the secretary's office: a file that is
 * huge, or small on disk but huge once unzipped, must be refused before it can exhaust memory.
 */
import type { Lang } from '../../engine';

export interface ReadLimits {
  /** Bytes on disk. */
  maxFileBytes: number;
  /** Sum of the zip entries once inflated: the zip-bomb guard. */
  maxUncompressedBytes: number;
  /** Non-empty cells over all sheets. */
  maxCells: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCells: 2_000_000,
};

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  /** Language of the sizes and reasons put into finding parameters (the messages themselves follow the UI). */
  lang?: Lang;
}

export function resolveLimits(partial: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}

/** `20 MB`, `512 KB`, `300 B`: sizes as a secretary reads them (binary units, one decimal when small). */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = u === 0 || v >= 10 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(1);
  return `${text} ${units[u]}`;
}

/** `1.200.000 ô` / `1,200,000 cells`. */
export function formatCells(n: number, lang: Lang): string {
  const grouped = String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return lang === 'vi' ? `${grouped} ô` : `${grouped} cells`;
}

export function uncompressedText(bytes: number, lang: Lang): string {
  return lang === 'vi' ? `${formatBytes(bytes)} khi giải nén` : `${formatBytes(bytes)} uncompressed`;
}
