import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../src/engine/exact';

const d = (s: string): Exact => Exact.parseDecimal(s)!;

describe('Exact arithmetic', () => {
  it('adds 0.1 and 0.2 to exactly 0.3, where doubles do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const sum = d('0.1').add(d('0.2'));
    expect(sum.eq(d('0.3'))).toBe(true);
    expect(sum.cmp(d('0.3'))).toBe(0);
    expect(sum.toString()).toBe('0.3');
  });

  it('reads a cell number as the decimal it shows: 0.1 is 1/10', () => {
    const x = Exact.fromNumber(0.1)!;
    expect(x.num).toBe(1n);
    expect(x.den).toBe(10n);
    expect(Exact.fromNumber(7.5)!.eq(Exact.of(15n, 2n))).toBe(true);
    expect(Exact.fromNumber(-2)!.eq(Exact.of(-2n))).toBe(true);
    expect(Exact.fromNumber(1e21)!.eq(Exact.of(10n ** 21n))).toBe(true);
    expect(Exact.fromNumber(Number.NaN)).toBeNull();
    expect(Exact.fromNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("reads a formula's cached 0.30000000000000004 as the 0.3 Excel shows (15 significant digits)", () => {
    expect(Exact.fromNumber(0.1 + 0.2)!.eq(d('0.3'))).toBe(true);
    // SUM(0.7; 0.1) is stored as 0.7999999999999999 and shown as 0.8; 3 x 1.1 as 3.3000000000000003.
    expect(0.7 + 0.1).toBe(0.7999999999999999);
    expect(Exact.fromNumber(0.7 + 0.1)!.toString()).toBe('0.8');
    expect(Exact.fromNumber(3 * 1.1)!.eq(d('3.3'))).toBe(true);
  });

  it('keeps 26/3 as a fraction and compares it with its neighbours exactly', () => {
    // Peer mean of 9 + 8 + 9 = 26 over 3 raters.
    const mean = Exact.of(26n).div(Exact.of(3n));
    expect(mean.num).toBe(26n);
    expect(mean.den).toBe(3n);
    // 26/3 = 8.666..., above 8.66 and 8.6666666666 but below 8.67.
    expect(mean.gt(d('8.66'))).toBe(true);
    expect(mean.gt(d('8.6666666666'))).toBe(true);
    expect(mean.lt(d('8.67'))).toBe(true);
    // 3 x 26/3 is exactly 26 again.
    expect(mean.mul(Exact.of(3n)).eq(Exact.of(26n))).toBe(true);
    // Two units with 26/3 tie; 17.3333... / 2 is the same value written differently.
    expect(mean.cmp(Exact.of(52n, 6n))).toBe(0);
  });

  it('normalises signs and common factors', () => {
    const x = Exact.of(6n, -4n);
    expect(x.num).toBe(-3n);
    expect(x.den).toBe(2n);
    expect(Exact.of(0n, 7n).eq(Exact.ZERO)).toBe(true);
    expect(() => Exact.of(1n, 0n)).toThrow(RangeError);
  });

  it('rounds half away from zero, as Excel ROUND does', () => {
    expect(d('2.345').round(2).eq(d('2.35'))).toBe(true);
    expect(d('-2.345').round(2).eq(d('-2.35'))).toBe(true);
    expect(d('2.344').round(2).eq(d('2.34'))).toBe(true);
    expect(d('-2.344').round(2).eq(d('-2.34'))).toBe(true);
    expect(d('0.5').round(0).eq(Exact.ONE)).toBe(true);
    expect(d('-0.5').round(0).eq(Exact.of(-1n))).toBe(true);
    // ROUND(1250, -2) = 1300; ROUND(1249, -2) = 1200.
    expect(d('1250').round(-2).eq(Exact.of(1300n))).toBe(true);
    expect(d('1249').round(-2).eq(Exact.of(1200n))).toBe(true);
    // 26/3 = 8.6666... -> 8.67
    expect(Exact.of(26n, 3n).round(2).eq(d('8.67'))).toBe(true);
  });

  it('formats with a fixed number of decimals', () => {
    expect(d('2.345').toFixed(2)).toBe('2.35');
    expect(d('-2.345').toFixed(2)).toBe('-2.35');
    expect(d('7').toFixed(2)).toBe('7.00');
    expect(d('0.05').toFixed(1)).toBe('0.1');
    expect(d('-0.004').toFixed(2)).toBe('0.00');
    expect(d('0.007').toFixed(2)).toBe('0.01');
    expect(d('12.5').toFixed(0)).toBe('13');
    expect(Exact.of(26n, 3n).toFixed(3)).toBe('8.667');
    expect(d('1250').toFixed(-2)).toBe('1300');
  });

  it('prints terminating values exactly and others to 15 decimal places', () => {
    expect(d('0.30').toString()).toBe('0.3');
    expect(d('100').toString()).toBe('100');
    expect(d('-12.125').toString()).toBe('-12.125');
    expect(Exact.of(1n, 8n).toString()).toBe('0.125');
    expect(Exact.of(26n, 3n).toString()).toBe('8.666666666666667');
    expect(Exact.of(-1n, 3n).toString()).toBe('-0.333333333333333');
    expect(Exact.of(2n, 3n).toNumber()).toBeCloseTo(0.6666666666666666, 15);
  });

  it('parses decimals with exponents and refuses anything else', () => {
    expect(d('1.5e2').eq(Exact.of(150n))).toBe(true);
    expect(d('15e-1').eq(Exact.of(3n, 2n))).toBe(true);
    expect(Exact.parseDecimal('abc')).toBeNull();
    expect(Exact.parseDecimal('.')).toBeNull();
    expect(Exact.parseDecimal('1,5')).toBeNull();
  });

  it('sums random two-decimal scores to exactly the integer sum of their cents', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { maxLength: 60 }), (cents) => {
        const texts = cents.map((c) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`);
        const total = Exact.sum(texts.map(d));
        const expected = Exact.of(BigInt(cents.reduce((a, b) => a + b, 0)), 100n);
        expect(total.eq(expected)).toBe(true);
        // Going through the double each cell holds gives the same exact value.
        const viaNumbers = Exact.sum(texts.map((t) => Exact.fromNumber(Number(t))!));
        expect(viaNumbers.eq(expected)).toBe(true);
      }),
    );
  });
});
