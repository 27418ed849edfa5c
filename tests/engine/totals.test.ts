import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exact } from '../../src/engine/exact';
import { checkStatedTotals, computeTotals, rankingSections } from '../../src/engine/totals';
import { rubric, settings, submission, txt, x } from './helpers/model';

function totals(r: ReturnType<typeof rubric>, counted: Record<string, string | number>, group = '') {
  return computeTotals(r, group, new Map<string, Exact>(Object.entries(counted).map(([p, v]) => [p, x(v)])));
}

describe('totals', () => {
  it('caps a parent at its max: children 10 + 9 + 8 = 27, cap 25 -> 25', () => {
    const r = rubric([
      { path: 'I', max: 25 },
      { path: 'I.1', max: 10 },
      { path: 'I.2', max: 10 },
      { path: 'I.3', max: 10 },
      { path: 'II', max: 20 },
      { path: 'II.1', max: 20 },
    ]);
    const t = totals(r, { 'I.1': 10, 'I.2': 9, 'I.3': 8, 'II.1': 15 });
    expect(t.sections.map((s) => [s.path, txt(s.subtotal)])).toEqual([
      ['I', '25'],
      ['II', '15'],
    ]);
    // 25 + 15 = 40
    expect(txt(t.total)).toBe('40');
  });

  it('caps nested parents recursively: a capped sub-criterion feeds its section', () => {
    const r = rubric([
      { path: 'I' },
      { path: 'I.1', max: 12 },
      { path: 'I.1.a', max: 10 },
      { path: 'I.1.b', max: 10 },
      { path: 'I.2', max: 5 },
    ]);
    // I.1: 8 + 7 = 15, capped 12; I: 12 + 5 = 17 (no cap)
    const t = totals(r, { 'I.1.a': 8, 'I.1.b': 7, 'I.2': 5 });
    expect(txt(t.nodes.get('I.1')!.standard)).toBe('12');
    expect(txt(t.total)).toBe('17');
  });

  it('adds decimals exactly: 7.5 + 0.1 + 0.2 = 7.8', () => {
    const r = rubric([{ path: '1', max: 7.5 }, { path: '2', max: 1 }, { path: '3', max: 1 }]);
    const t = totals(r, { '1': 7.5, '2': 0.1, '3': 0.2 });
    expect(t.total.eq(x('7.8'))).toBe(true);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; exactly 0.3 here
    expect(totals(r, { '2': 0.1, '3': 0.2 }).total.eq(x('0.3'))).toBe(true);
  });

  const full = rubric([
    { path: 'I', max: 100 },
    { path: 'I.1', max: 60 },
    { path: 'I.2', max: 40 },
    { path: 'II', max: 5, kind: 'bonus' },
    { path: 'II.1', max: 3, kind: 'bonus' },
    { path: 'II.2', max: 3, kind: 'bonus' },
    { path: 'III', max: 5, kind: 'penalty' },
    { path: 'III.1', max: 4, kind: 'penalty' },
    { path: 'III.2', max: 4, kind: 'penalty' },
    { path: 'IV', kind: 'veto' },
    { path: 'IV.1', kind: 'veto' },
  ]);

  it('lets bonus lift the total above 100 and caps bonus at its section max', () => {
    // standard 60 + 40 = 100; bonus 3 + 3 = 6 capped at 5; total 105
    const t = totals(full, { 'I.1': 60, 'I.2': 40, 'II.1': 3, 'II.2': 3 });
    expect(txt(t.bonus)).toBe('5');
    expect(txt(t.total)).toBe('105');
    expect(t.sections.map((s) => s.path)).toEqual(['I']);
  });

  it('subtracts penalties, capped by their parent: 4 + 3 = 7 capped 5; 90 + 2 - 5 = 87', () => {
    const t = totals(full, { 'I.1': 55, 'I.2': 35, 'II.1': 2, 'III.1': 4, 'III.2': 3 });
    expect(txt(t.penalty)).toBe('5');
    expect(txt(t.total)).toBe('87');
    expect(t.veto).toBe(false);
  });

  it('a veto condition scored 1 is met', () => {
    expect(totals(full, { 'I.1': 60, 'IV.1': 1 }).veto).toBe(true);
    expect(totals(full, { 'I.1': 60, 'IV.1': 0 }).veto).toBe(false);
  });

  it('a flat rubric totals its top-level criteria and shows no sections', () => {
    const r = rubric([{ path: '1', max: 10, weight: 2 }, { path: '2', max: 10 }, { path: '3', max: 5, kind: 'bonus' }]);
    const t = totals(r, { '1': 20, '2': 7, '3': 2 });
    // 20 + 7 + 2 = 29
    expect(txt(t.total)).toBe('29');
    expect(rankingSections(r)).toEqual([]);
  });

  it('leaves out criteria of another group, and keeps the same section columns for every group', () => {
    const r = rubric([
      { path: 'I', max: 50 },
      { path: 'I.1', max: 50 },
      { path: 'II', max: 50, group: 'DN' },
      { path: 'II.1', max: 50 },
    ]);
    const t = totals(r, { 'I.1': 40, 'II.1': 30 }, 'HC');
    expect(txt(t.total)).toBe('40');
    expect(t.sections.map((s) => [s.path, txt(s.subtotal)])).toEqual([
      ['I', '40'],
      ['II', '0'],
    ]);
  });

  it('equals the integer-cents sum for random 2-decimal scores (no floating point drift)', () => {
    const r = rubric(Array.from({ length: 12 }, (_, i) => ({ path: String(i + 1), max: 100 })));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 12, maxLength: 12 }), (cents) => {
        const counted = Object.fromEntries(cents.map((c, i) => [String(i + 1), (c / 100).toFixed(2)]));
        const sum = cents.reduce((a, b) => a + b, 0);
        const t = totals(r, counted);
        expect(t.total.eq(x(sum).div(x(100)))).toBe(true);
      }),
    );
  });
});

describe("a member's own subtotals", () => {
  const r = rubric([
    { path: 'I', max: 30 },
    { path: 'I.1', max: 10, weight: 2 },
    { path: 'I.2', max: 10 },
    { path: 'II', kind: 'penalty' },
    { path: 'II.1', max: 5, kind: 'penalty' },
  ]);

  it('warns at the stated cell naming both figures', () => {
    // I = 8 x 2 + 3 = 19, stated 18; total 19 - 2 = 17, stated 17
    const sub = submission('A', { 'I.1': 8, 'I.2': 3, 'II.1': -2 }, { stated: { I: 18, II: -2 }, total: 17 });
    expect(checkStatedTotals(r, '', sub, settings())).toEqual([
      {
        code: 'SUBTOTAL_MISMATCH',
        severity: 'warning',
        place: sub.statedSubtotals.get('I')!.place,
        params: { path: 'I', stated: '18.00', computed: '19.00' },
        unit: 'A',
      },
    ]);
  });

  it('checks the grand total, and shows exact figures when the display decimals would hide the difference', () => {
    // total 8 x 2 + 3 - 2 = 17; stated 17.001
    const sub = submission('A', { 'I.1': 8, 'I.2': 3, 'II.1': 2 }, { stated: { II: 2 }, total: 17.001 });
    const f = checkStatedTotals(r, '', sub, settings());
    expect(f.map((v) => [v.place, v.params])).toEqual([[sub.statedTotal!.place, { path: 'Σ', stated: '17.001', computed: '17' }]]);
  });

  it('does not warn about the binary noise of a formula result (27.299999999999997 is 27.3)', () => {
    const rd = rubric([{ path: 'I' }, { path: 'I.1', max: 20 }, { path: 'I.2', max: 10 }]);
    // 19.5 + 7.8 = 27.3; Excel's cached SUM is the double 27.299999999999997
    const sub = submission('A', { 'I.1': 19.5, 'I.2': 7.8 }, { stated: { I: '27.299999999999997' }, total: '27.299999999999997' });
    expect(checkStatedTotals(rd, '', sub, settings())).toEqual([]);
  });

  it('skips figures that depend on an unreadable self cell', () => {
    const sub = submission('A', { 'I.1': 'unreadable', 'I.2': 3, 'II.1': 2 }, { stated: { I: 99, II: 5 }, total: 1 });
    // II (penalty 2, stated 5) is still checked; I and the total are not
    expect(checkStatedTotals(r, '', sub, settings()).map((f) => f.params)).toEqual([{ path: 'II', stated: '5.00', computed: '2.00' }]);
  });
});
