/**
 * The findings model, after zod's issues: a finding is data (a stable code, a severity, a place and
 * typed parameters); its message is rendered per language from the catalogue, never stored with it.
 */
export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'vi' | 'en';
export type ParamValue = string | number | boolean | null;

/** What an error stops: one unit's ranking, one vote, one whole file, or the whole run. */
export type Blocks = 'unit' | 'vote' | 'file' | 'cluster' | 'none';

export interface FindingDef<P> {
  severity: Severity;
  blocks: Blocks;
  vi: (p: P) => string;
  en: (p: P) => string;
}

/** Declares a catalogue entry; the type parameter is the shape of its params. */
export function def<P extends Record<string, ParamValue> = Record<string, never>>(d: FindingDef<P>): FindingDef<P> {
  return d;
}

/** Where a finding is: the file, the sheet and the A1 cell, as far as known. */
export interface Place {
  file?: string;
  sheet?: string;
  cell?: string;
}

/** Formats a place for messages: `HoanKiem.xlsx › Tự chấm › D12`. */
export function placeText(p: Place | undefined): string {
  if (!p) return '';
  return [p.file, p.sheet, p.cell].filter((x) => x !== undefined && x !== '').join(' › ');
}

/**
 * A number the engine computed, written the Vietnamese way (decimal comma: 7,5). Only for figures the
 * engine formats; text the secretary typed is quoted as typed.
 */
export function viNum(n: string | number): string {
  const s = String(n);
  return /^-?\d+\.\d+$/.test(s) ? s.replace('.', ',') : s;
}
