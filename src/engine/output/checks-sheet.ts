/**
 * The Kiểm tra sheet: every finding with its place and message in the UI language, and a link to the
 * cell when that cell is in the workbook the sheet is written into (links cannot reach other files).
 */
import type { Finding } from '../findings/catalogue';
import type { Lang } from '../findings/define';
import { columnLetters } from '../grid';
import { findingText, labelsFor, textCell, widthFor } from './labels';
import type { OutCell, OutputSheet } from './types';

export interface ChecksSheetInput {
  /** Already in display order (the pipeline sorts them). */
  findings: readonly Finding[];
  /** File name of the cluster workbook: the only file the links can point into. */
  clusterFile: string;
  lang: Lang;
}

export const CHECKS_HEADER_ROW = 4;

export function checksSheet(input: ChecksSheetInput): OutputSheet {
  const { lang } = input;
  const L = labelsFor(lang).checks;
  const count = (s: Finding['severity']): number => input.findings.filter((f) => f.severity === s).length;
  const header = [L.headers.severity, L.headers.file, L.headers.sheet, L.headers.cell, L.headers.code, L.headers.message, L.headers.goTo];

  const body: OutCell[][] = input.findings.map((f) => {
    const style = f.severity;
    const p = f.place;
    const link = p.file !== undefined && p.file === input.clusterFile && p.sheet && p.cell ? { sheet: p.sheet, cell: p.cell } : null;
    const goTo: OutCell = link ? { ...textCell(L.goTo(link.cell), style), link } : textCell(null, style);
    return [
      textCell(L.severity[f.severity], style),
      textCell(p.file, style),
      textCell(p.sheet, style),
      textCell(p.cell, style),
      textCell(f.code, style),
      textCell(findingText(f, lang), style),
      goTo,
    ];
  });

  const text = (col: number): string[] => body.map((r) => (typeof r[col]?.value === 'string' ? (r[col]!.value as string) : ''));
  const lastCol = columnLetters(header.length - 1);
  return {
    role: 'checks',
    name: labelsFor(lang).sheetNames.checks,
    rows: [
      [textCell(L.title, 'title')],
      [textCell(L.summary(count('error'), count('warning'), count('info')), 'subtitle')],
      [],
      header.map((h) => textCell(h, 'header')),
      ...body,
    ],
    columnWidths: [
      widthFor(text(0), 10, 12),
      widthFor(text(1), 14, 36),
      widthFor(text(2), 12, 28),
      8,
      widthFor(text(4), 14, 30),
      widthFor(text(5), 50, 100),
      widthFor(text(6), 12, 16),
    ],
    table: body.length > 0 ? { range: `A${CHECKS_HEADER_ROW}:${lastCol}${CHECKS_HEADER_ROW + body.length}`, name: 'ThiDuaKiemTra', headerRow: CHECKS_HEADER_ROW } : null,
    freezeRows: CHECKS_HEADER_ROW,
  };
}
