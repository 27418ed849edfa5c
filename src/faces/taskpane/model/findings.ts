/**
 * Findings as the Kiểm tra step lists them: grouped by file, then by sheet, each group counted. Groups
 * keep the engine's order (errors first), so the file with the first error is the first group.
 */
import type { Finding, Severity } from '../../../engine';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface SheetGroup {
  /** null: findings about the whole file (no sheet). */
  sheet: string | null;
  findings: Finding[];
  counts: SeverityCounts;
}

export interface FileGroup {
  /** null: findings about no file in particular. */
  file: string | null;
  sheets: SheetGroup[];
  counts: SeverityCounts;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity as Severity]++;
  return counts;
}

export function groupFindings(findings: readonly Finding[]): FileGroup[] {
  // Maps keyed by text: a file named `__proto__` is just a name here.
  const files = new Map<string, { file: string | null; sheets: Map<string, SheetGroup> }>();
  for (const f of findings) {
    const file = f.place.file ? f.place.file : null;
    const sheet = f.place.sheet ? f.place.sheet : null;
    const fileKey = file === null ? '\u0000' : `f:${file}`;
    let fg = files.get(fileKey);
    if (!fg) {
      fg = { file, sheets: new Map() };
      files.set(fileKey, fg);
    }
    const sheetKey = sheet === null ? '\u0000' : `s:${sheet}`;
    let sg = fg.sheets.get(sheetKey);
    if (!sg) {
      sg = { sheet, findings: [], counts: { error: 0, warning: 0, info: 0 } };
      fg.sheets.set(sheetKey, sg);
    }
    sg.findings.push(f);
    sg.counts[f.severity]++;
  }
  return [...files.values()].map((fg) => {
    const sheets = [...fg.sheets.values()];
    return { file: fg.file, sheets, counts: countSeverities(sheets.flatMap((s) => s.findings)) };
  });
}

/** Findings about one imported file, for its line in the import list. */
export function countsForFile(findings: readonly Finding[], file: string): SeverityCounts {
  return countSeverities(findings.filter((f) => f.place.file === file));
}
