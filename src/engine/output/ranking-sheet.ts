/**
 * The Xếp hạng sheet: one row per unit, grouped by Khối, ranked units in rank order and the unranked
 * ones at the end of their group with the reason. Numbers stay numbers (exact value, display format from
 * the settings) so the secretary can still sort and sum; every text is a text cell.
 */
import { quorumNeeded } from '../approval';
import { Exact } from '../exact';
import type { Lang } from '../findings/define';
import { columnLetters } from '../grid';
import type { Rubric, Settings, UnitResult } from '../model';
import { foldKey } from '../text';
import { rankingSections } from '../totals';
import { decimalsFormat, findingText, labelsFor, numberCell, percentText, textCell, widthFor } from './labels';
import type { OutCell, OutputSheet } from './types';

export interface RankingSheetInput {
  units: UnitResult[];
  /** Used for the section columns when no unit has subtotals (e.g. a rubric error blocked everything). */
  rubric: Rubric | null;
  settings: Settings;
  /** Number of cluster members: the denominator the approval rule speaks of. */
  memberCount: number;
  lang: Lang;
}

/** Sheet row (1-based) of the header; rows above it are title, rule and a blank spacer. */
export const RANKING_HEADER_ROW = 4;

/** One column of the sheet: its header, how wide it is for the texts it holds, and its cell for a unit. */
interface Column {
  header: string;
  width: (texts: string[]) => number;
  cell: (u: UnitResult, style: OutCell['style']) => OutCell;
}

const fixed =
  (n: number) =>
  (): number =>
    n;
const fitted =
  (min: number, max: number) =>
  (texts: string[]): number =>
    widthFor(texts, min, max);

export function rankingSheet(input: RankingSheetInput): OutputSheet {
  const { settings, lang } = input;
  const L = labelsFor(lang).ranking;
  const H = L.headers;
  const fmt = decimalsFormat(settings.displayDecimals);
  const groups = groupOrder(input.units);
  // An unranked unit's figures are left blank: they would read as a result the cluster cannot stand by.
  const figure = (u: UnitResult, v: Exact | null): Exact | null => (u.status === 'invalid' ? null : v);

  const columns: Column[] = [
    { header: H.rank, width: fixed(7), cell: (u, st) => (u.rank !== null && u.status !== 'invalid' ? numberCell(Exact.int(u.rank), '0', st) : textCell(null, st)) },
    { header: H.code, width: fitted(10, 14), cell: (u, st) => textCell(u.code, st) },
    { header: H.unit, width: fitted(26, 48), cell: (u, st) => textCell(u.name, st) },
    ...(groups.length > 1 ? [{ header: H.group, width: fitted(12, 24), cell: (u: UnitResult, st: OutCell['style']) => textCell(u.group, st) }] : []),
    ...sectionColumns(input.units, input.rubric).map(
      (s): Column => ({
        header: `${s.path}. ${s.label}`,
        width: () => widthFor([`${s.path}. ${s.label}`], 14, 30),
        cell: (u, st) => numberCell(figure(u, u.sections.find((x) => x.path === s.path)?.subtotal ?? null), fmt, st),
      }),
    ),
    { header: H.bonus, width: fixed(11), cell: (u, st) => numberCell(figure(u, u.bonus), fmt, st) },
    { header: H.penalty, width: fixed(11), cell: (u, st) => numberCell(figure(u, u.penalty), fmt, st) },
    { header: H.total, width: fixed(12), cell: (u, st) => numberCell(figure(u, u.total), fmt, st ?? 'total') },
    { header: H.grade, width: fitted(12, 20), cell: (u, st) => textCell(u.status === 'invalid' ? null : u.grade, st) },
    { header: H.approvals, width: fixed(14), cell: (u, st) => textCell(u.vote ? `${u.vote.approvals}/${u.vote.members}` : null, st) },
    { header: H.result, width: fitted(18, 26), cell: (u, st) => textCell(voteResult(u, lang), st) },
    {
      header: H.award,
      width: fitted(20, 32),
      cell: (u, st) => textCell(u.award ? (u.award.confirmed ? u.award.name : `${u.award.name} ${L.proposed}`) : null, st),
    },
    { header: H.notes, width: fitted(24, 80), cell: (u, st) => textCell(notes(u, lang), st) },
  ];

  const byGroup = new Map<string, UnitResult[]>(groups.map((g) => [g, []]));
  for (const u of input.units) byGroup.get(foldKey(u.group))!.push(u);
  const ordered = groups.flatMap((g) => orderWithinGroup(byGroup.get(g)!));
  const body: OutCell[][] = ordered.map((u) => {
    const style = u.status === 'invalid' ? 'invalid' : undefined;
    return columns.map((c) => c.cell(u, style));
  });
  const texts = (col: number): string[] => body.map((r) => (typeof r[col]?.value === 'string' ? (r[col]!.value as string) : ''));
  const lastCol = columnLetters(columns.length - 1);

  return {
    role: 'ranking',
    name: labelsFor(lang).sheetNames.ranking,
    rows: [
      [textCell(title(settings, L.title, L.yearWord), 'title')],
      [textCell(voteRuleText(settings, input.memberCount, lang), 'subtitle')],
      [],
      columns.map((c) => textCell(c.header, 'header')),
      ...body,
    ],
    columnWidths: columns.map((c, i) => c.width(texts(i))),
    table:
      body.length > 0
        ? { range: `A${RANKING_HEADER_ROW}:${lastCol}${RANKING_HEADER_ROW + body.length}`, name: 'ThiDuaXepHang', headerRow: RANKING_HEADER_ROW }
        : null,
    freezeRows: RANKING_HEADER_ROW,
    totalsColumn: columnLetters(columns.findIndex((c) => c.header === H.total)),
  };
}

function title(settings: Settings, base: string, yearWord: string): string {
  const parts = [base];
  if (settings.clusterName.trim() !== '') parts.push(settings.clusterName.trim());
  if (settings.year.trim() !== '') parts.push(`${yearWord} ${settings.year.trim()}`);
  return parts.join(' – ');
}

/** The approval rule in words, from the same settings the approval itself uses. */
export function voteRuleText(settings: Settings, memberCount: number, lang: Lang): string {
  const v = settings.vote;
  const quorum = !v.quorum.isZero() && memberCount > 0 ? quorumNeeded(memberCount, v.quorum) : null;
  return labelsFor(lang).ranking.voteRule({
    percent: percentText(v.threshold, lang),
    strict: v.strict,
    denominator: v.denominator,
    members: memberCount,
    quorumNeeded: quorum,
  });
}

/** Section columns: the subtotals units carry, in rubric order; from the rubric when no unit has any. */
function sectionColumns(units: readonly UnitResult[], rubric: Rubric | null): { path: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const u of units) for (const s of u.sections) if (!seen.has(s.path)) seen.set(s.path, s.label);
  if (seen.size === 0 && rubric) for (const s of rankingSections(rubric)) seen.set(s.path, s.label);
  const order = new Map((rubric?.nodes ?? []).map((n, i) => [n.path, i] as const));
  return [...seen].map(([path, label]) => ({ path, label })).sort((a, b) => (order.get(a.path) ?? Infinity) - (order.get(b.path) ?? Infinity));
}

/**
 * Groups (folded, as ranking.ts ranks them: "Doanh nghiệp" and "doanh nghiệp" are one group) in the
 * order they first appear in the members sheet.
 */
function groupOrder(units: readonly UnitResult[]): string[] {
  return [...new Set(units.map((u) => foldKey(u.group)))];
}

/**
 * Ranked units by rank, then unranked ones. Equal ranks and the unranked list are ordered by unit code,
 * so the sheet does not depend on the order of rows in the members sheet.
 */
function orderWithinGroup(units: UnitResult[]): UnitResult[] {
  const byCode = (a: UnitResult, b: UnitResult): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const isRanked = (u: UnitResult): boolean => u.status === 'ranked' && u.rank !== null;
  const ranked = units.filter(isRanked).sort((a, b) => a.rank! - b.rank! || byCode(a, b));
  const rest = units.filter((u) => !isRanked(u)).sort(byCode);
  return [...ranked, ...rest];
}

function voteResult(u: UnitResult, lang: Lang): string | null {
  const R = labelsFor(lang).ranking.result;
  if (!u.vote) return R.notVoted;
  // An invalid vote decides nothing whatever its quorum: the secretary must fix the votes sheet first.
  if (u.vote.invalid === true) return R.invalid;
  if (u.vote.approved === true) return R.approved;
  if (u.vote.approved === false) return R.rejected;
  return R.noQuorum;
}

function notes(u: UnitResult, lang: Lang): string {
  const N = labelsFor(lang).ranking.notes;
  if (u.status === 'invalid') {
    const reasons = [...new Set(u.reasons.map((f) => findingText(f, lang)))];
    return reasons.length > 0 ? `${N.unranked}: ${reasons.join('; ')}` : N.unranked;
  }
  const out: string[] = [];
  if (u.tie) out.push(N.tie);
  if (u.veto) out.push(N.veto);
  return out.join('; ');
}
