/**
 * How the product recognises the sheets it generated, and how it names new ones without touching a
 * user's sheet.
 *
 * A generated sheet is marked by a workbook-level defined name `ThiDua_<role>` (ThiDua_ranking,
 * ThiDua_checks, ThiDua_details) referring to its cell A1. A name follows its sheet when the user renames
 * or moves it, survives saving as .xlsx (the file host uses the same convention), and a user's own sheet
 * called "Xếp hạng" never carries it, so it is never mistaken for ours.
 */
import type { OutputRole } from '../../engine';

export const MARKER_PREFIX = 'ThiDua_';

export const OUTPUT_ROLES: readonly OutputRole[] = ['ranking', 'checks', 'details'];

export function markerName(role: OutputRole): string {
  return `${MARKER_PREFIX}${role}`;
}

/** The role a defined name marks, or null when it is not one of ours. Excel compares names case-insensitively. */
export function roleOfMarker(name: string): OutputRole | null {
  const lower = name.toLowerCase();
  for (const role of OUTPUT_ROLES) if (markerName(role).toLowerCase() === lower) return role;
  return null;
}

/**
 * The sheet a defined name's reference points at: `='Xếp hạng (2)'!$A$1` or `Sheet1!$A$1` (Excel gives
 * the name's value with or without the `=`). Null for `#REF!` (the sheet was deleted) and for anything
 * that is not a plain sheet reference.
 */
export function sheetOfReference(reference: string): string | null {
  const s = reference.trim().replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!/.exec(s);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  const plain = /^([^'!#=]+)!/.exec(s);
  return plain ? plain[1]! : null;
}

/** A sheet name inside a formula or hyperlink target: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Sheet name'!B12`: a hyperlink's documentReference. */
export function cellReference(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell.replace(/\$/g, '')}`;
}

/** Excel's limit on sheet-name length. */
export const SHEET_NAME_MAX = 31;

/**
 * What Excel accepts as a sheet name: no `: \ / ? * [ ]`, no leading or trailing apostrophe, 1-31
 * characters, and not the reserved "History".
 */
export function sanitizeSheetName(name: string): string {
  let s = name.normalize('NFC').replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^'+|'+$/g, '').trim();
  if (s.length > SHEET_NAME_MAX) s = s.slice(0, SHEET_NAME_MAX).trim();
  if (s === '' || s.toLowerCase() === 'history') s = s === '' ? 'ThiDua' : `${s} 1`;
  return s;
}

/** Sheet names compare case-insensitively in Excel (and NFC and NFD spellings are the same to a person). */
export function sheetKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * The wanted name if no sheet has it, else "name (2)", "name (3)", ... shortened so the suffix fits in 31
 * characters. `taken` holds sheetKey()s.
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = sanitizeSheetName(wanted);
  if (!taken.has(sheetKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(sheetKey(candidate))) return candidate;
  }
}

/**
 * An Excel table name: letters, digits, `_` and `.`, starting with a letter or `_`, not a cell reference
 * (`A1`, `R1C1`), not `R`, `C`, TRUE or FALSE, at most 255 characters, unique in the workbook
 * (case-insensitively). Tables and defined names share one namespace, so `taken` must hold both, lower-cased.
 */
export function freeTableName(wanted: string, taken: ReadonlySet<string>): string {
  let base = wanted
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_.]+/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  const reserved = /^[A-Za-z]{1,3}\d+$/.test(base) || /^(?:[Rr]\d*)?(?:[Cc]\d*)?$/.test(base) || /^(true|false)$/i.test(base);
  if (reserved) base = `_${base}`;
  // 200 leaves room for a "_n" suffix under Excel's 255.
  base = base.slice(0, 200);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
