import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RankInput } from '../../src/engine/ranking';
import { rankUnits } from '../../src/engine/ranking';
import { x } from './helpers/model';

function unit(code: string, total: number | string | null, opts: { group?: string; sections?: (number | string)[]; bonus?: number | string } = {}): RankInput {
  return {
    code,
    group: opts.group ?? '',
    total: total === null ? null : x(total),
    sections: (opts.sections ?? []).map((s, i) => ({ path: ['I', 'II', 'III'][i]!, subtotal: x(s) })),
    bonus: x(opts.bonus ?? 0),
    place: { file: 'cluster.xlsx', sheet: 'Đơn vị', cell: `A${code}` },
  };
}

function ranksOf(units: RankInput[], keys: readonly string[] = []) {
  const { ranks, findings } = rankUnits(units, keys);
  return { table: Object.fromEntries(units.map((u, i) => [u.code, [ranks[i]!.rank, ranks[i]!.tie]])), findings };
}

describe('ranking', () => {
  it('ranks highest first and shares ranks on equal totals: 1, 2, 2, 4, with one tie warning', () => {
    const { table, findings } = ranksOf([unit('D', 80), unit('C', 90.5), unit('A', 95), unit('B', '90.50')]);
    expect(table).toEqual({ A: [1, false], B: [2, true], C: [2, true], D: [4, false] });
    expect(findings).toEqual([
      {
        code: 'RANK_TIE_UNRESOLVED',
        severity: 'warning',
        place: { file: 'cluster.xlsx', sheet: 'Đơn vị', cell: 'AB' },
        params: { rank: 2, units: 'B, C', group: '' },
      },
    ]);
  });

  it('breaks ties by each section subtotal in order, then by bonus', () => {
    const units = [
      // all total 90
      unit('A', 90, { sections: [50, 38], bonus: 2 }),
      unit('B', 90, { sections: [52, 36], bonus: 2 }), // section I 52 beats 50
      unit('C', 90, { sections: [50, 37], bonus: 3 }), // same I as A, II 37 < 38
      unit('D', 90, { sections: [50, 38], bonus: 2 }), // same as A in every key
      unit('E', 90, { sections: [50, 37], bonus: 2 }), // same as C until bonus 2 < 3
    ];
    const { table, findings } = ranksOf(units, ['sections', 'bonus']);
    expect(table).toEqual({ B: [1, false], A: [2, true], D: [2, true], C: [4, false], E: [5, false] });
    expect(findings.map((f) => f.params)).toEqual([{ rank: 2, units: 'A, D', group: '' }]);
  });

  it('breaks ties by one named section', () => {
    const units = [unit('A', 80, { sections: [50, 30] }), unit('B', 80, { sections: [45, 35] })];
    // section:II -> B (35) ahead of A (30)
    expect(ranksOf(units, ['section:II']).table).toEqual({ B: [1, false], A: [2, false] });
    // bonus equal: stays tied
    expect(ranksOf(units, ['bonus']).table).toEqual({ A: [1, true], B: [1, true] });
  });

  it('ranks each group separately and names the group in its tie warning', () => {
    const { table, findings } = ranksOf([
      unit('A', 90, { group: 'Doanh nghiệp' }),
      unit('B', 85, { group: 'Hành chính' }),
      unit('C', 95, { group: 'Doanh nghiệp' }),
      unit('D', 85, { group: 'Hành chính' }),
    ]);
    expect(table).toEqual({ C: [1, false], A: [2, false], B: [1, true], D: [1, true] });
    expect(findings.map((f) => f.params)).toEqual([{ rank: 1, units: 'B, D', group: 'Hành chính' }]);
  });

  it('gives invalid units no rank and leaves no gap for them', () => {
    const { table } = ranksOf([unit('A', 70), unit('B', null), unit('C', 60)]);
    expect(table).toEqual({ A: [1, false], B: [null, false], C: [2, false] });
  });

  it('does not depend on the order of the members', () => {
    const arb = fc.uniqueArray(
      fc.record({
        code: fc.stringMatching(/^[A-Z]{1,3}$/),
        total: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
        group: fc.constantFrom('', 'DN', 'HC'),
        s1: fc.integer({ min: 0, max: 3 }),
        bonus: fc.integer({ min: 0, max: 2 }),
      }),
      { selector: (u) => u.code, minLength: 1, maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, fc.array(fc.nat()), fc.constantFrom([], ['sections'], ['bonus'], ['sections', 'bonus']), (specs, seeds, keys) => {
        const units = specs.map((s) => unit(s.code, s.total, { group: s.group, sections: [s.s1], bonus: s.bonus }));
        const shuffled = [...units];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seeds[i] ?? i * 7) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = ranksOf(units, keys);
        const b = ranksOf(shuffled, keys);
        expect(b.table).toEqual(a.table);
        expect(b.findings).toEqual(a.findings);
      }),
    );
  });
});
