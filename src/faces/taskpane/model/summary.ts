/**
 * The Generate step's summary, from a ClusterResult: who leads each group, what the votes decided, which
 * ties no tie-break resolved, what proposals the ranking makes and what blocks. Totals are formatted as
 * the sheets round them (settings.displayDecimals), with the UI language's decimal mark.
 */
import type { ClusterResult, Lang, UnitResult, VoteOutcome } from '../../../engine';
import { blocksOf } from '../../../engine';
import { formatPoints } from '../i18n';

export interface UnitRef {
  code: string;
  name: string;
}

export interface LeaderGroup {
  group: string;
  /** Rank 1 of the group: several when they tie. */
  leaders: (UnitRef & { total: string })[];
}

export type VoteState = 'approved' | 'rejected' | 'noQuorum' | 'invalid';

export interface VoteLine extends UnitRef {
  state: VoteState;
  approvals: number;
  members: number;
}

export interface TieLine {
  group: string;
  rank: number;
  total: string;
  units: UnitRef[];
}

export interface AwardLine extends UnitRef {
  award: string;
  confirmed: boolean;
}

export interface ResultSummary {
  units: number;
  ranked: number;
  invalid: number;
  errors: number;
  /** Errors that stop a unit, a vote, a file or the run. */
  blocking: number;
  leaders: LeaderGroup[];
  votes: VoteLine[];
  ties: TieLine[];
  awards: AwardLine[];
}

export function voteState(vote: VoteOutcome): VoteState {
  if (vote.invalid) return 'invalid';
  if (vote.approved === true) return 'approved';
  if (vote.approved === false) return 'rejected';
  return vote.quorum ? 'invalid' : 'noQuorum';
}

export function unitTotal(u: UnitResult, result: ClusterResult, lang: Lang): string | null {
  return u.total === null ? null : formatPoints(u.total, result.settings.displayDecimals, lang);
}

export function summarizeResult(result: ClusterResult, lang: Lang): ResultSummary {
  const ranked = result.units.filter((u) => u.status === 'ranked' && u.total !== null);
  const byGroup = new Map<string, UnitResult[]>();
  for (const u of ranked) {
    const list = byGroup.get(u.group) ?? [];
    list.push(u);
    byGroup.set(u.group, list);
  }

  const leaders: LeaderGroup[] = [...byGroup.entries()].map(([group, units]) => ({
    group,
    leaders: units.filter((u) => u.rank === 1).map((u) => ({ code: u.code, name: u.name, total: unitTotal(u, result, lang)! })),
  }));

  const ties: TieLine[] = [];
  for (const [group, units] of byGroup) {
    const tiedByRank = new Map<number, UnitResult[]>();
    for (const u of units) {
      if (!u.tie || u.rank === null) continue;
      const list = tiedByRank.get(u.rank) ?? [];
      list.push(u);
      tiedByRank.set(u.rank, list);
    }
    for (const [rank, tied] of [...tiedByRank.entries()].sort((a, b) => a[0] - b[0])) {
      ties.push({ group, rank, total: unitTotal(tied[0]!, result, lang)!, units: tied.map(ref) });
    }
  }

  const votes: VoteLine[] = result.units
    .filter((u) => u.vote !== null)
    .map((u) => ({ ...ref(u), state: voteState(u.vote!), approvals: u.vote!.approvals, members: u.vote!.members }));

  const awards: AwardLine[] = result.units.filter((u) => u.award !== null).map((u) => ({ ...ref(u), award: u.award!.name, confirmed: u.award!.confirmed }));

  return {
    units: result.units.length,
    ranked: ranked.length,
    invalid: result.units.filter((u) => u.status === 'invalid').length,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    blocking: result.findings.filter((f) => blocksOf(f) !== 'none').length,
    leaders,
    votes,
    ties,
    awards,
  };
}

function ref(u: UnitResult): UnitRef {
  return { code: u.code, name: u.name };
}
