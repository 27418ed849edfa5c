import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeResults } from '../../src/engine/compute';
import { finding } from '../../src/engine/findings/catalogue';
import type { Member, Settings, UnitVote } from '../../src/engine/model';
import type { CellSpec } from './helpers/model';
import { bands, member, rubric, settings, submission, tally, txt } from './helpers/model';

const r = rubric([
  { path: 'I', max: 50 },
  { path: 'I.1', max: 20 },
  { path: 'I.2', max: 10, weight: 3 },
  { path: 'II', max: 30 },
  { path: 'II.1', max: 20 },
  { path: 'II.2', max: 20 },
  { path: 'III', max: 5, kind: 'bonus' },
  { path: 'III.1', max: 5, kind: 'bonus' },
  { path: 'IV', kind: 'penalty' },
  { path: 'IV.1', max: 5, kind: 'penalty' },
  { path: 'V', kind: 'veto' },
  { path: 'V.1', kind: 'veto' },
]);

const scores = (i1: CellSpec, i2: CellSpec, ii1: CellSpec, ii2: CellSpec, bonus: CellSpec, penalty: CellSpec, veto: CellSpec) => ({
  'I.1': i1,
  'I.2': i2,
  'II.1': ii1,
  'II.2': ii2,
  'III.1': bonus,
  'IV.1': penalty,
  'V.1': veto,
});

function cluster() {
  const members = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => member(c));
  const subs = {
    // I = 18 + 3 x 9 = 45; II = 20 + 15 = 35 capped 30; bonus 3; penalty 1; total 77 (member states 76)
    A: submission('A', scores(18, 9, 20, 15, 3, -1, 0), { total: 76 }),
    // I = reviewed 19 + 3 x 10 = 49; II = 29; blank bonus 0; total 78; veto met
    B: submission('B', scores(20, 10, 15, 14, null, 0, 1), { reviewed: { 'I.1': 19 } }),
    // I = 20 + 24 = 44; II = 30; total 74
    C: submission('C', scores(20, 8, 18, 12, 0, 0, 0)),
    // I = 20 + 27 = 47; II = 27; total 74: ties with C, ahead of it on section I
    D: submission('D', scores(20, 9, 13, 14, 0, 0, 0)),
    // I.1 blank: SCORE_BLANK, invalid
    E: submission('E', scores(null, 5, 10, 10, 0, 0, 0)),
    // F sent nothing
    G: submission('G', scores(10, 'unreadable', 10, 10, 0, 0, 0)),
  };
  const parse = [
    finding('SCORE_NOT_NUMBER', subs.G.self.get('I.2')!.place, { path: 'I.2', value: 'mười' }, { unit: 'G' }),
    // warnings and non-blocking errors about a unit do not make it invalid
    finding('NUMBER_AS_TEXT', subs.A.self.get('I.1')!.place, { text: '18', value: '18' }, { unit: 'A' }),
  ];
  // 7 members: approval needs more than 3.5, quorum 2/3 x 7 = 14/3, so 5 present
  const votes: UnitVote[] = [tally('A', 5, 6), tally('B', 4, 6), tally('C', 4, 5), tally('D', 5, 6), tally('E', 4, 4)];
  return { members, subs, parse, votes };
}

function run(patch: Partial<Settings> = {}, c = cluster()) {
  return computeResults({
    rubric: r,
    members: c.members,
    submissions: Object.values(c.subs),
    peers: [],
    votes: c.votes,
    settings: settings({ grades: bands(['Xuất sắc', 80], ['Khá', 60], ['Trung bình', 0]), ...patch }),
    findings: c.parse,
  });
}

describe('computeResults', () => {
  it('totals, ranks, grades, votes and awards a small cluster', () => {
    const c = cluster();
    const { units } = run({}, c);
    const summary = units.map((u) => [u.code, u.status, u.rank, u.tie, txt(u.total), u.grade, u.vote?.approved ?? null, u.award]);
    expect(summary).toEqual([
      ['A', 'ranked', 2, false, '77', 'Khá', true, { name: 'Cờ thi đua', confirmed: true }],
      // 78 is Khá, one band down for the met veto; the veto keeps it from the flag
      ['B', 'ranked', 1, false, '78', 'Trung bình', true, { name: 'Bằng khen', confirmed: true }],
      ['C', 'ranked', 3, true, '74', 'Khá', true, { name: 'Bằng khen', confirmed: true }],
      ['D', 'ranked', 3, true, '74', 'Khá', true, { name: 'Bằng khen', confirmed: true }],
      ['E', 'invalid', null, false, null, null, null, null],
      ['F', 'invalid', null, false, null, null, null, null],
      ['G', 'invalid', null, false, null, null, null, null],
    ]);
    const a = units[0]!;
    expect(a.sections.map((s) => [s.path, txt(s.subtotal)])).toEqual([
      ['I', '45'],
      ['II', '30'],
    ]);
    expect([txt(a.bonus), txt(a.penalty), a.veto, a.source]).toEqual(['3', '1', false, c.subs.A.place]);
    expect(units[1]!.veto).toBe(true);
    expect(units[2]!.vote).toEqual({ approvals: 4, rejections: null, present: 5, members: 7, quorum: true, invalid: false, approved: true });
  });

  it('marks invalid units with their reasons: parse errors and blanks found here', () => {
    const c = cluster();
    const { units, findings } = run({}, c);
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get('E')!.reasons.map((f) => [f.code, f.place])).toEqual([['SCORE_BLANK', c.subs.E.self.get('I.1')!.place]]);
    expect(byCode.get('F')!.reasons.map((f) => [f.code, f.place])).toEqual([['SUBMISSION_MISSING', c.members[5]!.place]]);
    expect(byCode.get('G')!.reasons).toEqual([c.parse[0]]);
    expect(byCode.get('F')!.source).toBeNull();
    // the vote on an invalid unit is still counted, here without a quorum
    expect(byCode.get('E')!.vote).toMatchObject({ quorum: false, approved: null });
    expect(findings.some((f) => c.parse.includes(f))).toBe(false);
  });

  it('returns only the new findings, in order: units, ties, votes, awards', () => {
    const c = cluster();
    const { findings } = run({}, c);
    expect(findings.map((f) => [f.code, f.unit ?? null, f.params])).toEqual([
      ['SUBTOTAL_MISMATCH', 'A', { path: 'Σ', stated: '76.00', computed: '77.00' }],
      ['SCORE_BLANK', 'E', { path: 'I.1' }],
      ['SUBMISSION_MISSING', 'F', { unit: 'F' }],
      ['RANK_TIE_UNRESOLVED', null, { rank: 3, units: 'C, D', group: '' }],
      // 4 of 7 took part, 14/3 needed -> 5
      ['VOTE_NO_QUORUM', 'E', { unit: 'E', present: 4, members: 7, needed: 5 }],
      // C and D tie at the Bằng khen boundary: three confirmed for two places
      ['AWARD_QUOTA_EXCEEDED', null, { award: 'Bằng khen', quota: 2, confirmed: 3, units: 'B, C, D' }],
    ]);
  });

  it('does not report a missing submission twice', () => {
    const c = cluster();
    const reported = finding('SUBMISSION_MISSING', c.members[5]!.place, { unit: 'F' }, { unit: 'F' });
    c.parse.push(reported);
    const { units, findings } = run({}, c);
    expect(findings.filter((f) => f.code === 'SUBMISSION_MISSING')).toEqual([]);
    expect(units[5]!.reasons).toEqual([reported]);
  });

  it('resolves the tie by section subtotals when the settings say so', () => {
    const { units, findings } = run({ tieBreak: ['sections', 'bonus'] });
    // D: I = 47 beats C: I = 44
    expect(units.slice(0, 4).map((u) => [u.code, u.rank, u.tie, u.award?.name ?? null])).toEqual([
      ['A', 2, false, 'Cờ thi đua'],
      ['B', 1, false, 'Bằng khen'],
      ['C', 4, false, null],
      ['D', 3, false, 'Bằng khen'],
    ]);
    expect(findings.map((f) => f.code)).not.toContain('RANK_TIE_UNRESOLVED');
    expect(findings.map((f) => f.code)).not.toContain('AWARD_QUOTA_EXCEEDED');
  });

  it('reads blanks as zero when the settings say so', () => {
    const { units, counted } = run({ blankScore: 'zero' });
    const e = units[4]!;
    // E: I = 0 + 3 x 5 = 15; II = 20; total 35 -> Trung bình
    expect([e.status, txt(e.total), e.grade]).toEqual(['ranked', '35', 'Trung bình']);
    expect(counted.find((s) => s.unit === 'E' && s.path === 'I.1')).toMatchObject({ origin: 'zero-blank' });
  });

  it('lists where each counted score came from', () => {
    const c = cluster();
    const { counted } = run({}, c);
    const b = counted.filter((s) => s.unit === 'B');
    expect(b.map((s) => [s.path, s.origin, txt(s.counted)])).toEqual([
      ['I.1', 'reviewed', '19'],
      ['I.2', 'self', '30'],
      ['II.1', 'self', '15'],
      ['II.2', 'self', '14'],
      ['III.1', 'zero-blank', '0'],
      ['IV.1', 'self', '0'],
      ['V.1', 'self', '1'],
    ]);
    expect(b[0]!.from).toEqual([c.subs.B.reviewed.get('I.1')!.place]);
  });

  it('gives the same ranks whatever the order of the members', () => {
    const c = cluster();
    const base = new Map(run({}, c).units.map((u) => [u.code, [u.rank, u.tie, u.award]]));
    fc.assert(
      fc.property(fc.shuffledSubarray(c.members, { minLength: c.members.length }), (shuffled: Member[]) => {
        const { units } = run({}, { ...c, members: shuffled });
        expect(units.map((u) => u.code)).toEqual(shuffled.map((m) => m.code));
        expect(new Map(units.map((u) => [u.code, [u.rank, u.tie, u.award]]))).toEqual(base);
      }),
      { numRuns: 50 },
    );
  });
});
