/**
 * The Xếp hạng sheet: one row per unit, grouped by Khối, ranked units in rank order and the unranked
 * ones at the end of their group with the reason. Numbers stay numbers (exact value, display format from
 * the settings) so the secretary can still sort and sum; every text is a text cell.
 */
import { Exact } from '../exact';
import type { Finding } from '../findings/catalogue';
import { blocksOf } from '../findings/catalogue';
import type { Lang } from '../findings/define';
import { columnLetters } from '../grid';
import type { Rubric, Settings, UnitResult } from '../model';
import { decimalsFormat, findingText, labelsFor, numberCell, percentText, textCell, widthFor } from './labels';
import type { OutCell, OutputSheet } from './types';

export interface RankingSheetInput {
  units: UnitResult[];
  /** Used for the section columns when no unit has subtotals (e.g. a rubric error blocked everything). */
  rubric: Rubric | null;
  settings: Settings;
  /** Number of cluster members: the denominator the approval rule speaks of. */
  memberCount: number;
  /** All findings of the run, to tell an invalid vote from a missing quorum. */
  findings: readonly Finding[];
  lang: Lang;
}

/** Sheet row (1-based) of the header; rows above it are title, rule and a blank spacer. */
export const RANKING_HEADER_ROW = 4;

export function rankingSheet(input: RankingSheetInput): OutputSheet {
  const { settings, lang } = input;
  const L = labelsFor(lang).ranking;
  const fmt = decimalsFormat(settings.displayDecimals);
  const sections = sectionColumns(input.units, input.rubric);
  const groups = groupOrder(input.units);
  const showGroup = groups.length > 1;
  const voteBlocked = unitsWithBlockedVotes(input.findings);

  const header: string[] = [L.headers.rank, L.headers.code, L.headers.unit];
  if (showGroup) header.push(L.headers.group);
  for (const s of sections) header.push(`${s.path}. ${s.label}`);
  header.push(L.headers.bonus, L.headers.penalty, L.headers.total, L.headers.grade, L.headers.approvals, L.headers.result, L.headers.award, L.headers.notes);
  const totalCol = 3 + (showGroup ? 1 : 0) + sections.length + 2;

  const byGroup = new Map<string, UnitResult[]>(groups.map((g) => [g, []]));
  for (const u of input.units) byGroup.get(u.group)!.push(u);
  const ordered = groups.flatMap((g) => orderWithinGroup(byGroup.get(g)!));
  const body: OutCell[][] = ordered.map((u) => {
    const invalid = u.status === 'invalid';
    const rowStyle = invalid ? 'invalid' : undefined;
    const cells: OutCell[] = [
      u.rank !== null && !invalid ? numberCell(Exact.int(u.rank), '0', rowStyle) : textCell(null, rowStyle),
      textCell(u.code, rowStyle),
      textCell(u.name, rowStyle),
    ];
    if (showGroup) cells.push(textCell(u.group, rowStyle));
    for (const s of sections) {
      const sub = invalid ? null : (u.sections.find((x) => x.path === s.path)?.subtotal ?? null);
      cells.push(numberCell(sub, fmt, rowStyle));
    }
    cells.push(numberCell(invalid ? null : u.bonus, fmt, rowStyle));
    cells.push(numberCell(invalid ? null : u.penalty, fmt, rowStyle));
    cells.push(numberCell(invalid ? null : u.total, fmt, rowStyle ?? 'total'));
    cells.push(textCell(invalid ? null : u.grade, rowStyle));
    cells.push(textCell(u.vote ? `${u.vote.approvals}/${u.vote.members}` : null, rowStyle));
    cells.push(textCell(voteResult(u, voteBlocked.has(u.code), lang), rowStyle));
    cells.push(textCell(u.award ? (u.award.confirmed ? u.award.name : `${u.award.name} ${L.proposed}`) : null, rowStyle));
    cells.push(textCell(notes(u, lang), rowStyle));
    return cells;
  });

  const rows: OutCell[][] = [
    [textCell(title(settings, L.title, L.yearWord), 'title')],
    [textCell(voteRuleText(settings, input.memberCount, lang), 'subtitle')],
    [],
    header.map((h) => textCell(h, 'header')),
    ...body,
  ];

  const lastCol = columnLetters(header.length - 1);
  const text = (col: number): string[] => body.map((r) => (typeof r[col]?.value === 'string' ? (r[col]!.value as string) : ''));
  let col = 0;
  const widths: number[] = [];
  widths[col++] = 7;
  widths[col] = widthFor(text(col), 10, 14);
  col++;
  widths[col] = widthFor(text(col), 26, 48);
  col++;
  if (showGroup) {
    widths[col] = widthFor(text(col), 12, 24);
    col++;
  }
  for (const s of sections) widths[col++] = widthFor([`${s.path}. ${s.label}`], 14, 30);
  widths[col++] = 11;
  widths[col++] = 11;
  widths[col++] = 12;
  widths[col] = widthFor(text(col), 12, 20);
  col++;
  widths[col++] = 14;
  widths[col] = widthFor(text(col), 18, 26);
  col++;
  widths[col] = widthFor(text(col), 20, 32);
  col++;
  widths[col] = widthFor(text(col), 24, 80);

  return {
    role: 'ranking',
    name: labelsFor(lang).sheetNames.ranking,
    rows,
    columnWidths: widths,
    table: body.length > 0 ? { range: `A${RANKING_HEADER_ROW}:${lastCol}${RANKING_HEADER_ROW + body.length}`, name: 'ThiDuaXepHang', headerRow: RANKING_HEADER_ROW } : null,
    freezeRows: RANKING_HEADER_ROW,
    totalsColumn: columnLetters(totalCol),
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
  let quorumNeeded: number | null = null;
  if (!v.quorum.isZero() && memberCount > 0) {
    // Smallest whole number of members that reaches the quorum share: ceil(quorum x members).
    const need = v.quorum.mul(Exact.int(memberCount));
    const floor = need.num / need.den;
    quorumNeeded = Number(need.isInteger() ? floor : floor + 1n);
  }
  return labelsFor(lang).ranking.voteRule({
    percent: percentText(v.threshold, lang),
    strict: v.strict,
    denominator: v.denominator,
    members: memberCount,
    quorumNeeded,
  });
}

/** Section columns: the subtotals units carry, in rubric order; from the rubric when no unit has any. */
function sectionColumns(units: readonly UnitResult[], rubric: Rubric | null): { path: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const u of units) for (const s of u.sections) if (!seen.has(s.path)) seen.set(s.path, s.label);
  if (seen.size === 0 && rubric) {
    for (const s of rubric.sections) if (hasStandardLeaf(rubric, s.path)) seen.set(s.path, s.label);
  }
  const order = new Map((rubric?.nodes ?? []).map((n, i) => [n.path, i] as const));
  return [...seen].map(([path, label]) => ({ path, label })).sort((a, b) => (order.get(a.path) ?? Infinity) - (order.get(b.path) ?? Infinity));
}

function hasStandardLeaf(rubric: Rubric, path: string): boolean {
  const node = rubric.byPath.get(path);
  if (!node) return false;
  if (node.children.length === 0) return node.kind === 'standard';
  return node.children.some((c) => hasStandardLeaf(rubric, c));
}

/** Groups in the order they first appear in the members sheet. */
function groupOrder(units: readonly UnitResult[]): string[] {
  return [...new Set(units.map((u) => u.group))];
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

function unitsWithBlockedVotes(findings: readonly Finding[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) if (f.unit !== undefined && blocksOf(f) === 'vote') out.add(f.unit);
  return out;
}

function voteResult(u: UnitResult, blocked: boolean, lang: Lang): string {
  const R = labelsFor(lang).ranking.result;
  if (!u.vote) return blocked ? R.invalid : R.notVoted;
  if (blocked) return R.invalid;
  if (u.vote.approved === true) return R.approved;
  if (u.vote.approved === false) return R.rejected;
  return u.vote.quorum ? R.invalid : R.noQuorum;
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
