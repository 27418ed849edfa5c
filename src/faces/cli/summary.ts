/** The plain table printed after a run: what a secretary needs to see without opening Excel. */
import type { ClusterResult, Finding, Lang, UnitResult } from '../../engine';
import { blocksOf, describe } from '../../engine';

const WORDS = {
  vi: {
    rank: 'Hạng',
    code: 'Mã',
    unit: 'Đơn vị',
    group: 'Khối',
    total: 'Tổng',
    grade: 'Xếp loại',
    vote: 'Biểu quyết',
    result: 'Kết quả',
    award: 'Đề nghị',
    invalid: 'không xếp hạng',
    approved: 'tán thành',
    rejected: 'không đạt',
    undecided: 'chưa quyết định',
    noVote: '-',
    tie: ' (đồng hạng)',
    confirmed: ' (đã biểu quyết)',
    counts: (e: number, w: number) => `${e} lỗi, ${w} cảnh báo.`,
    blocking: 'Lỗi cần sửa:',
    more: (n: number) => `... và ${n} lỗi khác: xem sheet Kiểm tra.`,
  },
  en: {
    rank: 'Rank',
    code: 'Code',
    unit: 'Unit',
    group: 'Group',
    total: 'Total',
    grade: 'Grade',
    vote: 'Votes',
    result: 'Result',
    award: 'Award',
    invalid: 'unranked',
    approved: 'approved',
    rejected: 'not approved',
    undecided: 'undecided',
    noVote: '-',
    tie: ' (tie)',
    confirmed: ' (confirmed)',
    counts: (e: number, w: number) => `${e} error(s), ${w} warning(s).`,
    blocking: 'To fix:',
    more: (n: number) => `... and ${n} more: see the Kiểm tra sheet.`,
  },
};

/** Errors listed under the table; the rest are in the Kiểm tra sheet. */
const LISTED_ERRORS = 15;

export function summaryText(result: ClusterResult, lang: Lang): string {
  const W = WORDS[lang];
  const dp = result.settings.displayDecimals;
  const hasGroups = result.units.some((u) => u.group !== '');
  const hasGrades = result.units.some((u) => u.grade !== null);
  const hasVotes = result.units.some((u) => u.vote !== null);
  const cols: { head: string; cell: (u: UnitResult) => string; right?: boolean }[] = [
    { head: W.rank, cell: (u) => (u.rank === null ? '-' : String(u.rank)), right: true },
    { head: W.code, cell: (u) => u.code },
    { head: W.unit, cell: (u) => u.name },
    ...(hasGroups ? [{ head: W.group, cell: (u: UnitResult) => u.group }] : []),
    { head: W.total, cell: (u) => (u.total === null ? W.invalid : u.total.toFixed(dp) + (u.tie ? W.tie : '')), right: true },
    ...(hasGrades ? [{ head: W.grade, cell: (u: UnitResult) => u.grade ?? '' }] : []),
    ...(hasVotes
      ? [
          { head: W.vote, cell: (u: UnitResult) => (u.vote ? `${u.vote.approvals}/${u.vote.members}` : W.noVote), right: true },
          { head: W.result, cell: (u: UnitResult) => (!u.vote ? W.noVote : u.vote.approved === true ? W.approved : u.vote.approved === false ? W.rejected : W.undecided) },
        ]
      : []),
    { head: W.award, cell: (u) => (u.award ? u.award.name + (u.award.confirmed ? W.confirmed : '') : '') },
  ];
  const table = [cols.map((c) => c.head), ...inSheetOrder(result.units).map((u) => cols.map((c) => oneLine(c.cell(u))))];
  const widths = cols.map((_, i) => Math.max(...table.map((row) => width(row[i]!))));
  const lines = table.map((row) =>
    row
      .map((text, i) => (cols[i]!.right ? pad(text, widths[i]!, true) : pad(text, widths[i]!, false)))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));

  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  lines.push('', W.counts(errors.length, warnings.length));
  const blocking = errors.filter((f: Finding) => blocksOf(f) !== 'none');
  const listed = blocking.length > 0 ? blocking : errors;
  if (listed.length > 0) {
    lines.push(W.blocking);
    for (const f of listed.slice(0, LISTED_ERRORS)) lines.push(`  - ${oneLine(describe(f, lang))}`);
    if (listed.length > LISTED_ERRORS) lines.push(`  ${W.more(listed.length - LISTED_ERRORS)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Units in the order of the Xếp hạng sheet, so the table reads like the sheet: groups as they first appear,
 * within each the ranked units by rank (equal ranks by code), then the unranked by code.
 * (The engine's ranking-sheet.ts orders the same way; it does not export its helper.)
 */
export function inSheetOrder(units: readonly UnitResult[]): UnitResult[] {
  const byCode = (a: UnitResult, b: UnitResult): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const ranked = (u: UnitResult): boolean => u.status === 'ranked' && u.rank !== null;
  return [...new Set(units.map((u) => u.group))].flatMap((g) => {
    const members = units.filter((u) => u.group === g);
    return [...members.filter(ranked).sort((a, b) => a.rank! - b.rank! || byCode(a, b)), ...members.filter((u) => !ranked(u)).sort(byCode)];
  });
}

/** Unit names are untrusted: no line breaks or control characters reach the terminal. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

/** Display width: combining marks take no column (text is NFC, but a name may still carry some). */
function width(s: string): number {
  return s.normalize('NFC').replace(/\p{M}/gu, '').length;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}
