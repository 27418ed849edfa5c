/**
 * What a secretary wants to hear after a run, from a ClusterResult: who leads, what the votes decided,
 * what is unresolved and whether anything blocks.
 */
import type { ClusterResult, Finding } from '../../engine';
import { blocksOf } from '../../engine';

export interface RunSummary {
  units: number;
  ranked: number;
  /** Units listed unranked because of a blocking error. */
  invalid: number;
  errors: number;
  warnings: number;
  /** An error stops a unit, a vote, a file or the whole run: the secretary must look at the findings. */
  blocked: boolean;
  /** Rank 1 of each group (several when tied); totals rounded for display. */
  leaders: { group: string; code: string; name: string; total: string }[];
  /** Units sharing a rank that no tie-break resolved. */
  tiedUnits: number;
  votes: { approved: number; rejected: number; undecided: number };
  awards: { award: string; unit: string; confirmed: boolean }[];
}

export function isBlocking(f: Finding): boolean {
  return blocksOf(f) !== 'none';
}

export function summarize(result: ClusterResult): RunSummary {
  const decimals = result.settings.displayDecimals;
  const leaders = result.units
    .filter((u) => u.status === 'ranked' && u.rank === 1 && u.total !== null)
    .map((u) => ({ group: u.group, code: u.code, name: u.name, total: u.total!.toFixed(decimals) }));
  const votes = { approved: 0, rejected: 0, undecided: 0 };
  for (const u of result.units) {
    if (!u.vote) continue;
    if (u.vote.approved === true) votes.approved++;
    else if (u.vote.approved === false) votes.rejected++;
    else votes.undecided++;
  }
  return {
    units: result.units.length,
    ranked: result.units.filter((u) => u.status === 'ranked').length,
    invalid: result.units.filter((u) => u.status === 'invalid').length,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    blocked: result.findings.some(isBlocking),
    leaders,
    tiedUnits: result.units.filter((u) => u.tie).length,
    votes,
    awards: result.units.filter((u) => u.award).map((u) => ({ award: u.award!.name, unit: u.code, confirmed: u.award!.confirmed })),
  };
}
