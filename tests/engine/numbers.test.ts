import { describe, expect, it } from 'vitest';
import { Exact } from '../../src/engine/exact';
import type { NumberRead } from '../../src/engine/numbers';
import { parseNumericText, readNumber } from '../../src/engine/numbers';

/** The value read, as exact decimal text, with whether it came from text; or the kind when not a number. */
function show(r: NumberRead): string {
  if (r.kind === 'number') return `${r.value.toString()}${r.fromText !== undefined ? ' (text)' : ''}`;
  return r.kind;
}

describe('readNumber: numbers typed as text', () => {
  it('reads the decimal comma a vi-VN secretary types, and says it was text', () => {
    const r = readNumber('9,5');
    expect(r.kind).toBe('number');
    if (r.kind !== 'number') return;
    expect(r.value.eq(Exact.of(19n, 2n))).toBe(true);
    expect(r.fromText).toBe('9,5');
  });

  it.each([
    [' 8 ', '8 (text)'],
    ['9.5', '9.5 (text)'],
    ['\u00a010\u00a0', '10 (text)'],
    ['\t7,25\n', '7.25 (text)'],
    ['1.200,5', '1200.5 (text)'],
    ['1,200.5', '1200.5 (text)'],
    ['1.200.000', '1200000 (text)'],
    ['1,200,000', '1200000 (text)'],
    ['1.234.567,89', '1234567.89 (text)'],
    ['0,125', '0.125 (text)'],
    ['0.125', '0.125 (text)'],
    ['1234,567', '1234.567 (text)'],
    ['12,5000', '12.5 (text)'],
    [',5', '0.5 (text)'],
    ['.75', '0.75 (text)'],
    ['-2', '-2 (text)'],
    ['\u22122', '-2 (text)'],
    ['+3', '3 (text)'],
    ['- 2', '-2 (text)'],
    ['-0,5', '-0.5 (text)'],
    ['1e3', '1000 (text)'],
    ['1 200 000', '1200000 (text)'],
    ['1\u202f200,5', '1200.5 (text)'],
    ['\u200b9\u200b', '9 (text)'],
    ['\ufeff6', '6 (text)'],
  ])('reads %j as %s', (text, expected) => {
    expect(show(readNumber(text))).toBe(expected);
  });

  it('refuses to guess between a thousand and a decimal: "1.000" and "2,500"', () => {
    expect(readNumber('1.000')).toEqual({ kind: 'ambiguous', text: '1.000' });
    expect(readNumber('2,500')).toEqual({ kind: 'ambiguous', text: '2,500' });
    expect(readNumber('-1.500').kind).toBe('ambiguous');
    expect(readNumber(' 10,000 ').kind).toBe('ambiguous');
    // With a zero in front there is no thousand to mean: 0,125 is an eighth.
    expect(readNumber('0,125').kind).toBe('number');
  });

  it.each(['abc', '9,5,5', '9..5', '9,', '1.2.3', '1,2.5', '12.34.567', '9 5', '1 20', 'x9', '9đ', '5%', '--2', '1.200.000,5,5', 'II.1'])(
    'says %j is not a number, keeping the text for the message',
    (text) => {
      expect(readNumber(text)).toEqual({ kind: 'not-number', text });
    },
  );

  it('reads real numbers without a warning, exactly as shown', () => {
    const r = readNumber(0.1);
    expect(r.kind === 'number' && r.value.eq(Exact.of(1n, 10n)) && r.fromText === undefined).toBe(true);
    expect(show(readNumber(7.5))).toBe('7.5');
    expect(show(readNumber(-2))).toBe('-2');
    expect(show(readNumber(0))).toBe('0');
    expect(readNumber(Number.NaN).kind).toBe('not-number');
  });

  it('treats blanks, booleans and Excel errors apart', () => {
    expect(readNumber(null)).toEqual({ kind: 'blank' });
    expect(readNumber(undefined)).toEqual({ kind: 'blank' });
    expect(readNumber('')).toEqual({ kind: 'blank' });
    expect(readNumber(' \u00a0\u3000 ')).toEqual({ kind: 'blank' });
    expect(readNumber(true)).toEqual({ kind: 'not-number', text: 'TRUE' });
    expect(readNumber(false)).toEqual({ kind: 'not-number', text: 'FALSE' });
    expect(readNumber({ error: '#REF!' })).toEqual({ kind: 'error', error: '#REF!' });
    expect(readNumber({ error: '#DIV/0!' })).toEqual({ kind: 'error', error: '#DIV/0!' });
  });

  it('reads text in NFD or with odd spacing the same as plain text', () => {
    // Digits do not decompose, but the text may arrive NFD from a Mac with a full-width space around it.
    expect(show(readNumber('9,5'.normalize('NFD')))).toBe('9.5 (text)');
    expect(show(readNumber('\u30009,5\u3000'))).toBe('9.5 (text)');
    expect(show(readNumber('\u20078\u2009'))).toBe('8 (text)');
    expect(show(readNumber('\r\n 8,75 \r\n'))).toBe('8.75 (text)');
  });
});

describe('parseNumericText', () => {
  it('returns exact values, the ambiguity marker, or null', () => {
    expect(parseNumericText('1.200,5')).toEqual(Exact.parseDecimal('1200.5'));
    expect(parseNumericText('1.000')).toBe('ambiguous');
    expect(parseNumericText('abc')).toBeNull();
  });
});
