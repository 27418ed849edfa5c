/**
 * Reading a number from a cell as a secretary typed it. Numbers stored as text, the vi-VN decimal comma
 * and stray spaces are read (the caller warns); a lone separator followed by exactly three digits
 * (`1.000`, `2,500`) means a thousand in one locale and one in the other, so it is refused, never guessed.
 */
import { Exact } from './exact';
import type { CellValue } from './grid';
import { isCellError } from './grid';

export type NumberRead =
  | { kind: 'blank' }
  | { kind: 'number'; value: Exact; /** set when the number was text: the caller warns */ fromText?: string }
  | { kind: 'ambiguous'; text: string }
  | { kind: 'not-number'; text: string }
  | { kind: 'error'; error: string };

export function readNumber(v: CellValue | undefined): NumberRead {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') {
    const e = Exact.fromNumber(v);
    return e ? { kind: 'number', value: e } : { kind: 'not-number', text: String(v) };
  }
  if (typeof v === 'boolean') return { kind: 'not-number', text: v ? 'TRUE' : 'FALSE' };
  if (isCellError(v)) return { kind: 'error', error: v.error };
  const raw = String(v);
  const text = withoutSpaces(raw);
  if (text === '') return { kind: 'blank' };
  if (text === null) return { kind: 'not-number', text: raw };
  const parsed = parseNumericText(text);
  if (parsed === 'ambiguous') return { kind: 'ambiguous', text: raw };
  if (parsed === null) return { kind: 'not-number', text: raw };
  return { kind: 'number', value: parsed, fromText: raw };
}

const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The text with its spaces taken out, or null when a space sits where no number has one. Spaces
 * around the number and after a sign go; inside it a space may only group thousands ("1 200 000"),
 * so "9 5" (two scores in one cell) is not read as 95.
 */
function withoutSpaces(raw: string): string | null {
  const s = raw.normalize('NFC').replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim().replace(/^([+\-\u2212]) /, '$1');
  if (!s.includes(' ')) return s;
  return /^[+\-\u2212]?\d{1,3}( \d{3})+([.,]\d+)?$/.test(s) ? s.replace(/ /g, '') : null;
}

/** Parses numeric text without white space. Returns null when it is not a number at all. */
export function parseNumericText(text: string): Exact | 'ambiguous' | null {
  const m = /^([+\-\u2212]?)([\d.,]+)$/.exec(text);
  if (!m) {
    // Plain scientific notation ("1e3") is still a number.
    return /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/.test(text) ? Exact.parseDecimal(text) : null;
  }
  const sign = m[1] === '' || m[1] === '+' ? '' : '-';
  const body = m[2]!;
  // ".5" and ",5" are a half whichever the locale: a leading separator is always the decimal one.
  if (/^[.,]\d+$/.test(body)) return Exact.parseDecimal(`${sign}0.${body.slice(1)}`);
  if (!/\d/.test(body) || /^[.,]|[.,]$/.test(body) || /[.,]{2}/.test(body)) return null;
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;

  let intPart: string;
  let fracPart = '';
  if (dots === 0 && commas === 0) {
    intPart = body;
  } else if (dots > 0 && commas > 0) {
    // Both present: the one that comes last is the decimal separator and may appear once.
    const decSep = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const groupSep = decSep === '.' ? ',' : '.';
    if ((decSep === '.' ? dots : commas) !== 1) return null;
    const [intGrouped, frac] = body.split(decSep) as [string, string];
    if (!validGrouping(intGrouped, groupSep)) return null;
    intPart = intGrouped.split(groupSep).join('');
    fracPart = frac;
  } else {
    const sep = dots > 0 ? '.' : ',';
    const parts = body.split(sep);
    if (parts.length > 2) {
      // 1.200.000: only grouping reads this way.
      if (!validGrouping(body, sep)) return null;
      intPart = parts.join('');
    } else {
      const [a, b] = parts as [string, string];
      if (b.length === 3 && !/^0+$/.test(a) && a.length <= 3) return 'ambiguous';
      intPart = a;
      fracPart = b;
    }
  }
  return Exact.parseDecimal(`${sign}${intPart}${fracPart ? '.' + fracPart : ''}`);
}

function validGrouping(s: string, sep: string): boolean {
  const groups = s.split(sep);
  if (groups.length === 1) return /^\d+$/.test(s);
  const [head, ...rest] = groups;
  return /^\d{1,3}$/.test(head!) && rest.every((g) => /^\d{3}$/.test(g));
}
