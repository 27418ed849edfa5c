/**
 * Award proposals (brief rule 8): per group, each award in the settings' order takes the eligible units
 * not yet proposed, in rank order, up to its quota; the vote confirms them.
 */
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { AwardRule, UnitVote } from './model';
import { foldKey } from './text';

export interface AwardInput {
  code: string;
  group: string;
  /** null: not ranked (invalid), so never proposed. */
  rank: number | null;
  veto: boolean;
  vote: UnitVote | undefined;
  /** The vote's outcome; null when there is none or nothing was decided. */
  approved: boolean | null;
}

export interface AwardOutcome {
  name: string;
  confirmed: boolean;
}

interface Indexed extends AwardInput {
  index: number;
}

function byRankThenCode(a: AwardInput, b: AwardInput): number {
  return a.rank! - b.rank! || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Takes units in rank order until the quota is reached, then every further unit sharing the last rank
 * taken: two units tied at the boundary are both proposed, and the vote (or the secretary) settles it.
 */
function takeWithinQuota<T extends AwardInput>(eligible: readonly T[], quota: number | null): T[] {
  if (quota === null) return [...eligible];
  const taken: T[] = [];
  for (const u of eligible) {
    if (taken.length < quota || (taken.length > 0 && u.rank === taken[taken.length - 1]!.rank)) taken.push(u);
    else break;
  }
  return taken;
}

/** A vote row that names an award confirms only that award; one that names none confirms the proposal. */
function voteNames(vote: UnitVote | undefined): string {
  return vote?.award?.trim() ?? '';
}

export function proposeAwards(units: readonly AwardInput[], rules: readonly AwardRule[]): { awards: (AwardOutcome | null)[]; findings: Finding[] } {
  const awards: (AwardOutcome | null)[] = units.map(() => null);
  const findings: Finding[] = [];

  const groups = new Map<string, Indexed[]>();
  units.forEach((u, index) => {
    if (u.rank === null) return;
    const key = foldKey(u.group);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ ...u, index });
  });

  for (const key of [...groups.keys()].sort()) {
    const ranked = groups.get(key)!.sort(byRankThenCode);
    const proposed = new Set<number>();
    for (const rule of rules) {
      const eligible = ranked.filter((u) => !proposed.has(u.index) && !(rule.excludesVeto && u.veto));
      const taken = takeWithinQuota(eligible, rule.quota);
      const confirmed: Indexed[] = [];
      for (const u of taken) {
        proposed.add(u.index);
        const named = voteNames(u.vote);
        const ok = u.approved === true && (named === '' || foldKey(named) === foldKey(rule.name));
        awards[u.index] = { name: rule.name, confirmed: ok };
        if (ok) confirmed.push(u);
      }
      if (rule.quota !== null && confirmed.length > rule.quota) {
        const codes = confirmed.map((u) => u.code).sort();
        const first = confirmed.find((u) => u.code === codes[0]);
        findings.push(
          finding('AWARD_QUOTA_EXCEEDED', first?.vote?.place ?? {}, { award: rule.name, quota: rule.quota, confirmed: confirmed.length, units: codes.join(', ') }),
        );
      }
    }
  }

  // A vote that names an award other than the one proposed is worth a word: it confirmed nothing.
  const warned = new Set<string>();
  units.forEach((u, i) => {
    const named = voteNames(u.vote);
    const award = awards[i];
    if (named === '' || (award && foldKey(award.name) === foldKey(named)) || warned.has(u.code)) return;
    warned.add(u.code);
    findings.push(finding('AWARD_VOTE_MISMATCH', u.vote!.place, { unit: u.code, voted: named, proposed: award?.name ?? '' }, { unit: u.code }));
  });
  return { awards, findings };
}
