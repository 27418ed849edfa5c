/**
 * The Chi tiết sheet: every score that counted, with the cell it came from, so a secretary can answer
 * "why did we get this total" by pointing at the member's own cell.
 */
import type { Lang } from '../findings/define';
import { placeText } from '../findings/define';
import { columnLetters } from '../grid';
import type { CountedScore, Rubric, Settings, UnitResult } from '../model';
import { decimalsFormat, labelsFor, numberCell, textCell, widthFor } from './labels';
import type { OutCell, OutputSheet } from './types';

export interface DetailsSheetInput {
  counted: readonly CountedScore[];
  /** For unit names and the row order (members sheet order). */
  units: readonly UnitResult[];
  rubric: Rubric | null;
  settings: Settings;
  clusterFile: string;
  lang: Lang;
}

export const DETAILS_HEADER_ROW = 4;

export function detailsSheet(input: DetailsSheetInput): OutputSheet {
  const { lang, settings } = input;
  const L = labelsFor(lang).details;
  const fmt = decimalsFormat(settings.displayDecimals);
  const unitOrder = new Map(input.units.map((u, i) => [u.code, i] as const));
  const unitName = new Map(input.units.map((u) => [u.code, u.name] as const));
  const leafOrder = new Map((input.rubric?.nodes ?? []).map((n, i) => [n.path, i] as const));
  const rank = (m: Map<string, number>, k: string): number => m.get(k) ?? Number.MAX_SAFE_INTEGER;
  // A stable sort keeps compute's order for anything the maps do not know.
  const scores = [...input.counted].sort((a, b) => rank(unitOrder, a.unit) - rank(unitOrder, b.unit) || rank(leafOrder, a.path) - rank(leafOrder, b.path));

  const header = [
    L.headers.code,
    L.headers.unit,
    L.headers.path,
    L.headers.criterion,
    L.headers.kind,
    L.headers.max,
    L.headers.weight,
    L.headers.score,
    L.headers.counted,
    L.headers.origin,
    L.headers.from,
  ];
  const body: OutCell[][] = scores.map((s) => {
    const node = input.rubric?.byPath.get(s.path);
    const veto = s.kind === 'veto';
    const first = s.from[0];
    const link = first && first.file === input.clusterFile && first.sheet && first.cell ? { sheet: first.sheet, cell: first.cell } : null;
    const from = textCell(s.from.map(placeText).filter((t) => t !== '').join('; '));
    return [
      textCell(s.unit),
      textCell(unitName.get(s.unit) ?? ''),
      textCell(s.path),
      textCell(node?.label ?? ''),
      textCell(L.kind[s.kind]),
      numberCell(node?.max ?? null, fmt),
      numberCell(veto ? null : s.weight, 'General'),
      veto ? textCell(s.score.isZero() ? L.vetoNotMet : L.vetoMet) : numberCell(s.score, fmt),
      numberCell(veto ? null : s.counted, fmt),
      textCell(L.origin[s.origin]),
      link && from.value !== null ? { ...from, link } : from,
    ];
  });

  const text = (col: number): string[] => body.map((r) => (typeof r[col]?.value === 'string' ? (r[col]!.value as string) : ''));
  const lastCol = columnLetters(header.length - 1);
  return {
    role: 'details',
    name: labelsFor(lang).sheetNames.details,
    rows: [[textCell(L.title, 'title')], [textCell(L.source(settings.scoreSource), 'subtitle')], [], header.map((h) => textCell(h, 'header')), ...body],
    columnWidths: [
      widthFor(text(0), 10, 14),
      widthFor(text(1), 24, 40),
      12,
      widthFor(text(3), 30, 70),
      widthFor(text(4), 10, 16),
      11,
      8,
      10,
      10,
      widthFor(text(9), 12, 30),
      widthFor(text(10), 24, 60),
    ],
    table: body.length > 0 ? { range: `A${DETAILS_HEADER_ROW}:${lastCol}${DETAILS_HEADER_ROW + body.length}`, name: 'ThiDuaChiTiet', headerRow: DETAILS_HEADER_ROW } : null,
    freezeRows: DETAILS_HEADER_ROW,
  };
}
