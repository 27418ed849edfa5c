/**
 * The outcome of a vote (brief rule 7): quorum, then approvals against threshold x denominator, all in
 * exact arithmetic so that "more than 50% of 6" means 4 and never a rounding accident.
 */
import { Exact } from './exact';
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { Settings, UnitVote, VoteOutcome } from './model';

/** The fewest members present that meet the quorum: the smallest integer >= quorum x members. */
export function quorumNeeded(members: number, quorum: Exact): number {
  const need = quorum.mul(Exact.int(members));
  const floor = need.num / need.den;
  return Number(need.isInteger() || need.isNegative() ? floor : floor + 1n);
}

export function voteOutcome(vote: UnitVote, members: number, rule: Settings['vote']): { outcome: VoteOutcome; findings: Finding[] } {
  const m = Exact.int(members);
  // A tally that does not say how many took part cannot be checked, so the quorum is assumed (model.ts).
  const quorum = vote.present === null || Exact.int(vote.present).gte(rule.quorum.mul(m));
  const base = { approvals: vote.approvals, rejections: vote.rejections, present: vote.present, members, quorum, invalid: vote.invalid };
  if (vote.invalid) return { outcome: { ...base, approved: null }, findings: [] };
  if (!quorum) {
    const f = finding(
      'VOTE_NO_QUORUM',
      vote.place,
      { unit: vote.unit, present: vote.present ?? 0, members, needed: quorumNeeded(members, rule.quorum) },
      { unit: vote.unit },
    );
    return { outcome: { ...base, approved: null }, findings: [f] };
  }
  const denominator = rule.denominator === 'present' && vote.present !== null ? vote.present : members;
  const bar = rule.threshold.mul(Exact.int(denominator));
  const a = Exact.int(vote.approvals);
  return { outcome: { ...base, approved: rule.strict ? a.gt(bar) : a.gte(bar) }, findings: [] };
}
