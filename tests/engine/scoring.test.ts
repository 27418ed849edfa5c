import { describe, expect, it } from 'vitest';
import { Exact } from '../../src/engine/exact';
import type { PeerSheet, ScoreSource, Submission } from '../../src/engine/model';
import { applicableLeaves, indexPeers, mean, median, scoreUnit, trimmedMean } from '../../src/engine/scoring';
import { member, peer, rubric, settings, submission, txt, x } from './helpers/model';

const r = rubric([
  { path: 'I', max: 30 },
  { path: 'I.1', max: 10 },
  { path: 'I.2', max: 10 },
  { path: 'I.3', max: 10 },
  { path: 'II', max: 10, kind: 'bonus' },
  { path: 'II.1', max: 5, kind: 'bonus' },
  { path: 'III', kind: 'penalty' },
  { path: 'III.1', max: 5, kind: 'penalty' },
  { path: 'IV', kind: 'veto' },
  { path: 'IV.1', kind: 'veto' },
]);

function score(
  unit: string,
  sub: Submission | undefined,
  peers: PeerSheet[] = [],
  opts: { source?: ScoreSource; blankScore?: 'error' | 'zero'; blocked?: boolean } = {},
) {
  const m = member(unit);
  const s = settings({ scoreSource: opts.source ?? 'auto', blankScore: opts.blankScore ?? 'error' });
  return scoreUnit(applicableLeaves(r, ''), { member: m, submission: sub, peers: indexPeers(peers).get(unit) }, s, opts.blocked ?? false);
}

function byPath(result: ReturnType<typeof score>) {
  return new Map(result.counted.map((c) => [c.path, c]));
}

const full = { 'I.1': 5, 'I.2': 6, 'I.3': 7, 'II.1': 0, 'III.1': 0, 'IV.1': 0 };

describe('which score counts (auto)', () => {
  it('takes the reviewed score, else the peer mean without the self-rating, else the self score', () => {
    const sub = submission('A', full, { reviewed: { 'I.1': 9 } });
    const peers = [
      peer('B', { A: { 'I.1': 4, 'I.2': 8 } }),
      peer('C', { A: { 'I.2': 10 } }),
      // A's score of itself must not count: with it the mean would be (8 + 10 + 1) / 3.
      peer('A', { A: { 'I.2': 1 } }),
    ];
    const got = byPath(score('A', sub, peers));
    // I.1: reviewed 9 beats the peer score 4 and the self score 5.
    expect(got.get('I.1')).toMatchObject({ origin: 'reviewed', from: [sub.reviewed.get('I.1')!.place] });
    expect(txt(got.get('I.1')!.score)).toBe('9');
    // I.2: no reviewed score; peers by others 8 and 10 -> 18 / 2 = 9.
    expect(got.get('I.2')!.origin).toBe('peer-mean');
    expect(txt(got.get('I.2')!.score)).toBe('9');
    expect(got.get('I.2')!.from).toEqual([peers[0]!.scores.get('A')!.get('I.2')!.place, peers[1]!.scores.get('A')!.get('I.2')!.place]);
    // I.3: nothing but the self score 7.
    expect(got.get('I.3')).toMatchObject({ origin: 'self', from: [sub.self.get('I.3')!.place] });
    expect(txt(got.get('I.3')!.score)).toBe('7');
  });

  it('averages peers 8, 9, 10 to 9, leaving out the self-score of 10', () => {
    const peers = [
      peer('B', { A: { 'I.1': 8 } }),
      peer('C', { A: { 'I.1': 9 } }),
      peer('D', { A: { 'I.1': 10 } }),
      peer('A', { A: { 'I.1': 10 } }),
    ];
    // (8 + 9 + 10) / 3 = 9; with the self-score it would be 37 / 4 = 9.25.
    expect(txt(byPath(score('A', submission('A', full), peers)).get('I.1')!.score)).toBe('9');
  });

  it('keeps a mean like 26/3 exact, and skips blank peer cells', () => {
    const peers = [peer('B', { A: { 'I.1': 8 } }), peer('C', { A: { 'I.1': 9 } }), peer('D', { A: { 'I.1': 9 } }), peer('E', { A: { 'I.1': null } })];
    const got = byPath(score('A', submission('A', full), peers)).get('I.1')!;
    // (8 + 9 + 9) / 3 = 26/3, not 8.666666666666666
    expect(got.score.eq(Exact.of(26n, 3n))).toBe(true);
    expect(got.from).toHaveLength(3);
  });

  it('counts a rater with two peer sheets once (its first sheet)', () => {
    const peers = [peer('B', { A: { 'I.1': 8 } }), peer('C', { A: { 'I.1': 9 } }), peer('B', { A: { 'I.1': 10 } })];
    // (8 + 9) / 2 = 8.5; counting B's second sheet would give 27 / 3 = 9
    expect(txt(byPath(score('A', submission('A', full), peers)).get('I.1')!.score)).toBe('8.5');
  });

  it('does not fall back to the self score when the reviewed cell that counts is unreadable', () => {
    const sub = submission('A', full, { reviewed: { 'I.1': 'unreadable' } });
    const got = score('A', sub);
    expect(byPath(got).has('I.1')).toBe(false);
    expect(got.findings).toEqual([]);
  });
});

describe('pinned score sources', () => {
  const sub = submission('A', full, { reviewed: { 'I.1': 9 } });
  const peers = [peer('B', { A: { 'I.1': 7, 'I.2': 6 } }), peer('C', { A: { 'I.1': 10, 'I.2': 9 } }), peer('D', { A: { 'I.1': 8, 'I.2': 6 } })];

  it('self: the self score even when reviewed and peer scores exist', () => {
    const got = byPath(score('A', sub, peers, { source: 'self' }));
    expect(got.get('I.1')).toMatchObject({ origin: 'self' });
    expect(txt(got.get('I.1')!.score)).toBe('5');
  });

  it('reviewed: a criterion with no reviewed score is blank, not the self score', () => {
    const got = score('A', sub, peers, { source: 'reviewed' });
    expect(txt(byPath(got).get('I.1')!.score)).toBe('9');
    expect(byPath(got).has('I.2')).toBe(false);
    expect(got.findings.map((f) => [f.code, f.params])).toEqual([
      ['SCORE_BLANK', { path: 'I.2' }],
      ['SCORE_BLANK', { path: 'I.3' }],
    ]);
  });

  it('peer-median: odd count takes the middle, even count the mean of the two middle values', () => {
    const got = byPath(score('A', sub, peers, { source: 'peer-median' }));
    // I.1: 7, 8, 10 -> 8
    expect(got.get('I.1')).toMatchObject({ origin: 'peer-median' });
    expect(txt(got.get('I.1')!.score)).toBe('8');
    expect(txt(median([x(6), x(10), x(7), x(9)]))).toBe('8'); // sorted 6 7 9 10 -> (7 + 9) / 2
  });

  it('peer-trimmed-mean drops one highest and one lowest when n >= 3', () => {
    const got = byPath(score('A', sub, peers, { source: 'peer-trimmed-mean' }));
    // I.1: 7, 8, 10 -> drop 7 and 10 -> 8; I.2: 6, 6, 9 -> drop one 6 and 9 -> 6
    expect(txt(got.get('I.1')!.score)).toBe('8');
    expect(txt(got.get('I.2')!.score)).toBe('6');
    expect(got.get('I.2')!.origin).toBe('peer-trimmed-mean');
    // 6, 10, 8, 9 -> drop 6 and 10 -> (8 + 9) / 2 = 8.5; two values: plain mean (6 + 9) / 2 = 7.5
    expect(txt(trimmedMean([x(6), x(10), x(8), x(9)]))).toBe('8.5');
    expect(txt(trimmedMean([x(6), x(9)]))).toBe('7.5');
  });

  it('peer-mean with no peer score is blank at the blank peer cell', () => {
    const blankPeer = peer('E', { A: { 'I.3': null } });
    const got = score('A', sub, [...peers, blankPeer], { source: 'peer-mean' });
    const blank = got.findings.find((f) => f.params && 'path' in f.params && f.params.path === 'I.3');
    expect(blank?.code).toBe('SCORE_BLANK');
    expect(blank?.place).toEqual(blankPeer.scores.get('A')!.get('I.3')!.place);
    // I.2: (6 + 9 + 6) / 3 = 7
    expect(txt(byPath(got).get('I.2')!.score)).toBe('7');
    expect(txt(mean([x(6), x(9), x(6)]))).toBe('7');
  });
});

describe('blank and unreadable scores', () => {
  const blanks = { 'I.1': null, 'I.2': 6, 'I.3': 'unreadable' as const, 'II.1': null, 'III.1': null, 'IV.1': null };

  it('a blank standard criterion is a SCORE_BLANK error at its cell blocking the unit; unreadable counts nothing', () => {
    const sub = submission('A', blanks);
    const got = score('A', sub);
    expect(got.findings).toEqual([
      { code: 'SCORE_BLANK', severity: 'error', place: sub.self.get('I.1')!.place, params: { path: 'I.1' }, unit: 'A' },
    ]);
    const counted = byPath(got);
    expect(counted.has('I.1')).toBe(false);
    expect(counted.has('I.3')).toBe(false);
    // Blank bonus and penalty are 0, a blank veto condition is not met.
    for (const p of ['II.1', 'III.1', 'IV.1']) {
      expect(counted.get(p)).toMatchObject({ origin: 'zero-blank' });
      expect(counted.get(p)!.score.isZero()).toBe(true);
    }
  });

  it('with blank scores read as zero, a blank standard criterion counts 0 and nothing is reported', () => {
    const sub = submission('A', blanks);
    const got = score('A', sub, [], { blankScore: 'zero' });
    expect(got.findings).toEqual([]);
    expect(byPath(got).get('I.1')).toMatchObject({ origin: 'zero-blank', from: [sub.self.get('I.1')!.place] });
    expect(byPath(got).get('I.1')!.counted.isZero()).toBe(true);
  });

  it('a criterion missing from the submission is blank at the submission unless the unit is already blocked', () => {
    const sub = submission('A', { 'I.1': 5, 'I.2': 6, 'II.1': 0, 'III.1': 0, 'IV.1': 0 });
    expect(score('A', sub).findings.map((f) => [f.code, f.place])).toEqual([['SCORE_BLANK', sub.place]]);
    expect(score('A', sub, [], { blocked: true }).findings).toEqual([]);
  });

  it('no submission at all is reported once by the caller, not as a blank per criterion', () => {
    const got = score('A', undefined);
    expect(got.missingSubmission).toBe(true);
    expect(got.findings).toEqual([]);
    expect(got.counted).toEqual([]);
  });
});

describe('weights, penalties and groups', () => {
  it('counts weight x score for standard criteria and a penalty typed -2 as 2', () => {
    const rw = rubric([
      { path: '1', max: 10, weight: 2 },
      { path: '2', max: 5, kind: 'penalty' },
      { path: '3', max: 5, kind: 'bonus', weight: 3 },
    ]);
    const sub = submission('A', { '1': 10, '2': -2, '3': 4 });
    const got = scoreUnit(applicableLeaves(rw, ''), { member: member('A'), submission: sub, peers: undefined }, settings(), false);
    const c = new Map(got.counted.map((s) => [s.path, s]));
    // 10 x 2 = 20
    expect(txt(c.get('1')!.counted)).toBe('20');
    expect(txt(c.get('2')!.score)).toBe('2');
    expect(txt(c.get('2')!.counted)).toBe('2');
    // bonus counts its score, the weight is for standard criteria only
    expect(txt(c.get('3')!.counted)).toBe('4');
  });

  it('scores only the criteria of the unit group (a section for one group covers its children)', () => {
    const rg = rubric([
      { path: 'I', max: 20 },
      { path: 'I.1', max: 10 },
      { path: 'I.2', max: 10, group: 'Doanh nghiệp' },
      { path: 'II', max: 10, group: 'Hành chính' },
      { path: 'II.1', max: 10 },
    ]);
    expect(applicableLeaves(rg, 'doanh nghiep').map((l) => l.path)).toEqual(['I.1', 'I.2']);
    expect(applicableLeaves(rg, 'Hành chính').map((l) => l.path)).toEqual(['I.1', 'II.1']);
  });
});
