import { describe, expect, it } from 'vitest';
import type { AwardInput } from '../../src/engine/awards';
import { proposeAwards } from '../../src/engine/awards';
import type { AwardRule, UnitVote } from '../../src/engine/model';
import { settings, tally } from './helpers/model';

const defaults = settings().awards; // Cờ thi đua x1 (not with a met veto), then Bằng khen x2

function unit(code: string, rank: number | null, opts: { group?: string; veto?: boolean; approved?: boolean | null; vote?: UnitVote } = {}): AwardInput {
  const approved = opts.approved ?? null;
  return {
    code,
    group: opts.group ?? '',
    rank,
    veto: opts.veto ?? false,
    vote: opts.vote ?? (approved === null ? undefined : tally(code, approved ? 5 : 1, 6)),
    approved,
  };
}

function propose(units: AwardInput[], rules: AwardRule[] = defaults) {
  const { awards, findings } = proposeAwards(units, rules);
  return { table: Object.fromEntries(units.map((u, i) => [u.code, awards[i] ? `${awards[i]!.name}${awards[i]!.confirmed ? ' ✓' : ''}` : null])), findings };
}

describe('awards', () => {
  it('proposes in rank order up to each quota; the vote confirms', () => {
    const { table, findings } = propose([
      unit('E', 5, { approved: true }),
      unit('A', 1, { approved: true }),
      unit('C', 3, { approved: false }),
      unit('B', 2),
      unit('D', 4, { approved: true }),
    ]);
    expect(table).toEqual({ A: 'Cờ thi đua ✓', B: 'Bằng khen', C: 'Bằng khen', D: null, E: null });
    expect(findings).toEqual([]);
  });

  it('a unit with a met veto cannot take the flag but can take the certificate', () => {
    const { table } = propose([unit('A', 1, { veto: true }), unit('B', 2), unit('C', 3), unit('D', 4)]);
    expect(table).toEqual({ A: 'Bằng khen', B: 'Cờ thi đua', C: 'Bằng khen', D: null });
  });

  it('a tie at the quota boundary proposes both; both approved is AWARD_QUOTA_EXCEEDED naming them', () => {
    const a = unit('A', 1, { approved: true });
    const b = unit('B', 1, { approved: true });
    const { table, findings } = propose([b, a, unit('C', 3), unit('D', 4), unit('E', 5)]);
    // Cờ x1 takes A and B (both rank 1); Bằng khen x2 takes C and D
    expect(table).toEqual({ A: 'Cờ thi đua ✓', B: 'Cờ thi đua ✓', C: 'Bằng khen', D: 'Bằng khen', E: null });
    expect(findings).toEqual([
      {
        code: 'AWARD_QUOTA_EXCEEDED',
        severity: 'error',
        place: a.vote!.place,
        params: { award: 'Cờ thi đua', quota: 1, confirmed: 2, units: 'A, B' },
      },
    ]);
  });

  it('a tie at the boundary with only one approved stays within the quota', () => {
    const { table, findings } = propose([unit('A', 1, { approved: true }), unit('B', 1, { approved: false })]);
    expect(table).toEqual({ A: 'Cờ thi đua ✓', B: 'Cờ thi đua' });
    expect(findings).toEqual([]);
  });

  it('quota null takes every remaining eligible unit; invalid units are never proposed', () => {
    const rules: AwardRule[] = [
      { name: 'Cờ thi đua', quota: 1, excludesVeto: true },
      { name: 'Giấy khen', quota: null, excludesVeto: false },
    ];
    const { table } = propose([unit('A', 1), unit('B', 2), unit('X', null), unit('C', 3)], rules);
    expect(table).toEqual({ A: 'Cờ thi đua', B: 'Giấy khen', C: 'Giấy khen', X: null });
  });

  it('proposes per group', () => {
    const { table } = propose([unit('A', 1, { group: 'DN' }), unit('B', 1, { group: 'HC' }), unit('C', 2, { group: 'HC' })], [
      { name: 'Cờ thi đua', quota: 1, excludesVeto: true },
    ]);
    expect(table).toEqual({ A: 'Cờ thi đua', B: 'Cờ thi đua', C: null });
  });

  it('a vote naming another award confirms nothing and says so', () => {
    const v = tally('A', 5, 6, { award: 'Bằng khen' });
    const { table, findings } = propose([unit('A', 1, { approved: true, vote: v }), unit('B', 2, { approved: true, vote: tally('B', 5, 6, { award: 'bang khen' }) })]);
    expect(table).toEqual({ A: 'Cờ thi đua', B: 'Bằng khen ✓' });
    expect(findings).toEqual([
      { code: 'AWARD_VOTE_MISMATCH', severity: 'warning', place: v.place, params: { unit: 'A', voted: 'Bằng khen', proposed: 'Cờ thi đua' }, unit: 'A' },
    ]);
  });
});
