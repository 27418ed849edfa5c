/**
 * How a workbook remembers which sheets ThiDua generated: a workbook-level defined name `ThiDua_<role>`
 * pointing at the sheet's A1. A name survives the user renaming or moving the sheet (Excel rewrites it),
 * and a user's own sheet called "Xếp hạng" has no such name, so it is never mistaken for ours.
 * The Office add-in uses the same convention.
 */
import type { OutputRole } from '../../engine';

export const MARKER_PREFIX = 'ThiDua_';
const ROLES: readonly OutputRole[] = ['ranking', 'checks', 'details'];

export function markerName(role: OutputRole): string {
  return `${MARKER_PREFIX}${role}`;
}

/** `ThiDua_ranking` -> `ranking`; anything else -> null. */
export function roleOfMarker(name: string): OutputRole | null {
  if (!name.toLowerCase().startsWith(MARKER_PREFIX.toLowerCase())) return null;
  const role = name.slice(MARKER_PREFIX.length).toLowerCase();
  return (ROLES as readonly string[]).includes(role) ? (role as OutputRole) : null;
}

/** Sheet name of a reference such as `'Xếp hạng'!$A$1` or `Sheet1!A1`; null for `#REF!` and the like. */
export function sheetOfReference(ref: string): string | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(ref.trim().replace(/^=/, ''));
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
}

/** Quotes a sheet name for a reference: `'Xếp hạng'!$A$1`. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface GeneratedSheet {
  role: OutputRole;
  sheet: string;
}

/** Marked sheets among `definedNames` ({ name, ranges } as exceljs models them). */
export function markedSheets(definedNames: readonly { name: string; ranges: readonly string[] }[]): GeneratedSheet[] {
  const out: GeneratedSheet[] = [];
  for (const dn of definedNames) {
    const role = roleOfMarker(dn.name);
    const sheet = dn.ranges[0] !== undefined ? sheetOfReference(dn.ranges[0]) : null;
    if (role && sheet) out.push({ role, sheet });
  }
  return out;
}
