/**
 * Exact rational arithmetic on BigInt numerator/denominator.
 *
 * Why not binary floating point: 0.1 + 0.2 must equal 0.3 and two units with the same points must tie
 * exactly. Why rational rather than scaled decimal: the peer mean and trimmed mean divide by a count
 * (26/3), which no fixed number of decimals holds; a fraction does, so ranking compares true values and
 * only display rounds. Every input is a finite decimal, so every value here is a fraction with small terms.
 */
export class Exact {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Exact(0n, 1n);
  static readonly ONE = new Exact(1n, 1n);

  static of(num: bigint, den: bigint = 1n): Exact {
    if (den === 0n) throw new RangeError('Exact: division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    return g > 1n ? new Exact(num / g, den / g) : new Exact(num, den);
  }

  static int(n: number): Exact {
    return Exact.of(BigInt(Math.trunc(n)));
  }

  /**
   * The decimal a cell shows, exactly: 0.1 becomes 1/10, not the nearest binary double.
   * Excel keeps 15 significant digits but writes the full double to the file, so a formula's cached
   * =0.1+0.2 arrives as 0.30000000000000004; rounding to 15 significant digits gives back the 0.3 the
   * secretary sees, so a member's own SUM agrees with the exact total.
   */
  static fromNumber(n: number): Exact | null {
    if (!Number.isFinite(n)) return null;
    return Exact.parseDecimal(n.toPrecision(15));
  }

  /** Parses a plain decimal string: optional sign, digits, optional `.digits`, optional exponent. */
  static parseDecimal(text: string): Exact | null {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m) return null;
    const intPart = m[2] ?? '';
    const frac = m[3] ?? '';
    if (intPart === '' && frac === '') return null;
    let num = BigInt((intPart || '0') + frac);
    let den = 10n ** BigInt(frac.length);
    const exp = m[4] ? Number(m[4]) : 0;
    if (Math.abs(exp) > 400) return null;
    if (exp > 0) num *= 10n ** BigInt(exp);
    else if (exp < 0) den *= 10n ** BigInt(-exp);
    if (m[1] === '-') num = -num;
    return Exact.of(num, den);
  }

  add(o: Exact): Exact {
    return this.den === o.den ? Exact.of(this.num + o.num, this.den) : Exact.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Exact): Exact {
    return this.add(o.neg());
  }
  mul(o: Exact): Exact {
    return Exact.of(this.num * o.num, this.den * o.den);
  }
  /** Throws on division by zero: callers divide by counts they have checked. */
  div(o: Exact): Exact {
    return Exact.of(this.num * o.den, this.den * o.num);
  }
  neg(): Exact {
    return new Exact(-this.num, this.den);
  }
  abs(): Exact {
    return this.num < 0n ? this.neg() : this;
  }
  cmp(o: Exact): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Exact): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Exact): boolean {
    return this.cmp(o) < 0;
  }
  gt(o: Exact): boolean {
    return this.cmp(o) > 0;
  }
  lte(o: Exact): boolean {
    return this.cmp(o) <= 0;
  }
  gte(o: Exact): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isNegative(): boolean {
    return this.num < 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  min(o: Exact): Exact {
    return this.lte(o) ? this : o;
  }
  max(o: Exact): Exact {
    return this.gte(o) ? this : o;
  }

  static sum(xs: Iterable<Exact>): Exact {
    let s = Exact.ZERO;
    for (const x of xs) s = s.add(x);
    return s;
  }

  /** Rounds half away from zero to `dp` decimals, as Excel's ROUND does (negative `dp`: tens, hundreds). */
  round(dp: number): Exact {
    const places = Number.isFinite(dp) ? Math.trunc(dp) : 0;
    const up = 10n ** BigInt(Math.max(places, 0));
    const down = 10n ** BigInt(Math.max(-places, 0));
    const scaled = this.num * up;
    const den = this.den * down;
    const neg = scaled < 0n;
    const a = neg ? -scaled : scaled;
    let q = a / den;
    if ((a % den) * 2n >= den) q += 1n;
    return Exact.of((neg ? -q : q) * down, up);
  }

  /** Fixed-point text with exactly `dp` decimals (none when `dp` <= 0), `.` as separator. */
  toFixed(dp: number): string {
    const r = this.round(dp);
    dp = Number.isFinite(dp) ? Math.max(Math.trunc(dp), 0) : 0;
    const scale = 10n ** BigInt(dp);
    const scaled = (r.num * scale) / r.den;
    const neg = scaled < 0n;
    const digits = (neg ? -scaled : scaled).toString().padStart(dp + 1, '0');
    const head = digits.slice(0, digits.length - dp);
    const tail = digits.slice(digits.length - dp);
    return (neg ? '-' : '') + head + (dp > 0 ? '.' + tail : '');
  }

  /** Decimal places of the value written out exactly (7.5 -> 1), or null when it repeats (26/3). */
  decimalPlaces(): number | null {
    let d = this.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    return d === 1n ? Math.max(twos, fives) : null;
  }

  /** Shortest text that is exact when the value is a finite decimal; else rounded to 15 decimal places. */
  toString(): string {
    const dp = this.decimalPlaces();
    if (dp !== null) {
      const s = this.toFixed(dp);
      return dp > 0 ? s.replace(/\.?0+$/, '') : s;
    }
    return this.toFixed(15).replace(/\.?0+$/, '');
  }

  /** Nearest double: for writing to cells and JSON only, never for comparison. */
  toNumber(): number {
    // Dividing two exactly representable integers is correctly rounded by IEEE 754, so small fractions
    // (26/3) land on the nearest double; larger ones go through their decimal digits.
    const n = this.num < 0n ? -this.num : this.num;
    if (n <= MAX_SAFE && this.den <= MAX_SAFE) return Number(this.num) / Number(this.den);
    return Number(this.toFixed(20));
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}
