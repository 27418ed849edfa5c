/** The Generate step's summary with two groups (khối): leaders and ties per group, votes, what blocks. */
import { describe, expect, it } from 'vitest';
import type { ClusterResult, UnitResult, VoteOutcome } from '../../src/engine';
import { Exact, finding } from '../../src/engine';
import { defaultSettings } from '../../src/engine/defaults';
import { summarizeResult, unitTotal, voteState } from '../../src/faces/taskpane/model/summary';

function unit(code: string, group: string, rank: number | null, total: string | null, extra: Partial<UnitResult> = {}): UnitResult {
  return {
    code,
    name: `Đơn vị ${code}`,
    group,
    status: rank === null ? 'invalid' : 'ranked',
    rank,
    tie: false,
    sections: [],
    bonus: Exact.ZERO,
    penalty: Exact.ZERO,
    total: total === null ? null : Exact.parseDecimal(total),
    grade: null,
    veto: false,
    vote: null,
    award: null,
    reasons: [],
    source: null,
    ...extra,
  };
}

const vote = (approvals: number, present: number, approved: boolean | null, quorum = true): VoteOutcome => ({ approvals, rejections: null, present, members: 6, quorum, invalid: false, approved });

describe('summarizeResult', () => {
  it('leads and ties per group, counts votes by outcome and what blocks', () => {
    const blank = finding('FILE_UNREADABLE', { file: 'E.xlsx' }, { reason: 'hỏng' });
    const result = {
      settings: defaultSettings(),
      units: [
        unit('A', 'Doanh nghiệp', 1, '90.5', { tie: true, vote: vote(4, 6, true) }),
        unit('B', 'Doanh nghiệp', 1, '90.5', { tie: true, vote: vote(3, 6, false) }),
        unit('C', 'Hành chính', 1, '80', { vote: vote(2, 3, null, false) }),
        unit('D', 'Hành chính', 2, '70.125', { award: { name: 'Bằng khen', confirmed: false } }),
        unit('E', 'Hành chính', null, null, { reasons: [blank] }),
      ],
      findings: [blank, finding('RANK_TIE_UNRESOLVED', {}, { rank: 1, units: 'A, B', group: 'Doanh nghiệp' })],
    } as unknown as ClusterResult;

    const s = summarizeResult(result, 'vi');
    expect(s).toMatchObject({ units: 5, ranked: 4, invalid: 1, errors: 1, blocking: 1 });
    // The warning about the tie blocks nothing; E's unreadable file does. Two decimals by default: 90.5 -> 90,50.
    expect(s.leaders).toEqual([
      { group: 'Doanh nghiệp', leaders: [{ code: 'A', name: 'Đơn vị A', total: '90,50' }, { code: 'B', name: 'Đơn vị B', total: '90,50' }] },
      { group: 'Hành chính', leaders: [{ code: 'C', name: 'Đơn vị C', total: '80,00' }] },
    ]);
    expect(s.ties).toEqual([{ group: 'Doanh nghiệp', rank: 1, total: '90,50', units: [{ code: 'A', name: 'Đơn vị A' }, { code: 'B', name: 'Đơn vị B' }] }]);
    expect(s.votes.map((v) => [v.code, v.state, v.approvals])).toEqual([
      ['A', 'approved', 4],
      ['B', 'rejected', 3],
      ['C', 'noQuorum', 2],
    ]);
    expect(s.awards).toEqual([{ code: 'D', name: 'Đơn vị D', award: 'Bằng khen', confirmed: false }]);
    expect(summarizeResult(result, 'en').leaders[1]!.leaders[0]!.total).toBe('80.00');
    // Rounded for display only, half away from zero: 70.125 -> 70,13.
    expect(unitTotal(result.units[3]!, result, 'vi')).toBe('70,13');
  });
});

describe('voteState', () => {
  it('says a vote a finding invalidated is invalid, even when few took part', () => {
    // A non-member's mark invalidates the vote; only 2 of 6 took part, which alone would read as "no quorum".
    expect(voteState({ approvals: 2, rejections: 0, present: 2, members: 6, quorum: false, invalid: true, approved: null })).toBe('invalid');
    expect(voteState({ approvals: 2, rejections: 0, present: 2, members: 6, quorum: false, invalid: false, approved: null })).toBe('noQuorum');
    expect(voteState({ approvals: 4, rejections: 2, present: 6, members: 6, quorum: true, invalid: false, approved: true })).toBe('approved');
  });
});
