import { describe, expect, it } from 'vitest';
import { quorumNeeded, voteOutcome } from '../../src/engine/approval';
import { settings, tally, x } from './helpers/model';

const rule = settings().vote; // more than 1/2 of all members, quorum 2/3

describe('approval', () => {
  it('6 members, more than 50%: 3 approvals is not enough, 4 is', () => {
    // 1/2 x 6 = 3; strict: 3 > 3 is false, 4 > 3 is true
    expect(voteOutcome(tally('A', 3, 6), 6, rule).outcome.approved).toBe(false);
    expect(voteOutcome(tally('A', 4, 6), 6, rule).outcome).toEqual({
      approvals: 4,
      rejections: null,
      present: 6,
      members: 6,
      quorum: true,
      invalid: false,
      approved: true,
    });
  });

  it('non-strict: 3 of 6 reaches 50%', () => {
    expect(voteOutcome(tally('A', 3, 6), 6, { ...rule, strict: false }).outcome.approved).toBe(true);
    expect(voteOutcome(tally('A', 2, 6), 6, { ...rule, strict: false }).outcome.approved).toBe(false);
  });

  it('quorum 2/3 of 6: 3 present decides nothing (warning, 4 needed), 4 present passes', () => {
    const v = tally('A', 3, 3);
    const { outcome, findings } = voteOutcome(v, 6, rule);
    expect(outcome).toMatchObject({ quorum: false, approved: null, approvals: 3, present: 3 });
    expect(findings).toEqual([
      { code: 'VOTE_NO_QUORUM', severity: 'warning', place: v.place, params: { unit: 'A', present: 3, members: 6, needed: 4 }, unit: 'A' },
    ]);
    // 4 present, 4 approvals > 3: approved
    expect(voteOutcome(tally('A', 4, 4), 6, rule)).toMatchObject({ outcome: { quorum: true, approved: true }, findings: [] });
  });

  it('a tally that does not say who was present is assumed to have a quorum', () => {
    expect(voteOutcome(tally('A', 4, null), 6, rule).outcome).toMatchObject({ quorum: true, approved: true });
  });

  it('denominator "present": 3 of 4 present is more than half', () => {
    const present = { ...rule, denominator: 'present' as const };
    // 1/2 x 4 = 2, 3 > 2; against all 6 members 3 > 3 would fail
    expect(voteOutcome(tally('A', 3, 4), 6, present).outcome.approved).toBe(true);
    expect(voteOutcome(tally('A', 3, 4), 6, rule).outcome.approved).toBe(false);
    // present unknown: falls back to all members, 3 > 3 fails
    expect(voteOutcome(tally('A', 3, null), 6, present).outcome.approved).toBe(false);
  });

  it('an invalid vote decides nothing', () => {
    expect(voteOutcome(tally('A', 6, 6, { invalid: true }), 6, rule)).toMatchObject({ outcome: { approved: null }, findings: [] });
  });

  it('quorum needed is the smallest whole number of members meeting it', () => {
    expect(quorumNeeded(6, x('0.6666666666666666'))).toBe(4); // a typed 66.67%-ish share still needs 4 of 6
    expect(quorumNeeded(6, rule.quorum)).toBe(4); // 2/3 x 6 = 4 exactly
    expect(quorumNeeded(5, rule.quorum)).toBe(4); // 10/3 -> 4
    expect(quorumNeeded(7, rule.quorum)).toBe(5); // 14/3 -> 5
    expect(quorumNeeded(6, x(0))).toBe(0);
  });
});
