/**
 * Reading a cell as the text a person sees: every parser goes through here so that NFC, invisible
 * spaces and legacy Vietnamese encodings are dealt with once, in one way.
 */
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { Place } from './findings/define';
import type { SheetView } from './grid';
import { isCellError } from './grid';
import type { LegacyEncoding } from './legacy';
import { decodeLegacy } from './legacy';
import { cleanText } from './text';

export interface TextRead {
  /** Clean NFC text; '' for a blank cell. */
  text: string;
  /** Set when the cell was typed in TCVN3 or VNI and `text` is its conversion. */
  legacy?: { encoding: LegacyEncoding; original: string };
}

/**
 * A cell as clean text: '' for blank, numbers as `String(n)`, booleans as TRUE/FALSE, Excel errors as
 * their code (`#REF!`), and strings converted from TCVN3/VNI when the cell's font or the text's own
 * characters say so.
 */
export function readText(view: SheetView, r: number, c: number): TextRead {
  const v = view.value(r, c);
  if (v === null) return { text: '' };
  if (typeof v === 'number') return { text: String(v) };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (isCellError(v)) return { text: cleanText(v.error) };
  if (typeof v !== 'string') return { text: '' };
  // Decode before cleaning: TCVN3 writes ư as U+00AD (soft hyphen), which cleaning must not lose.
  const decoded = decodeLegacy(v, view.font(r, c));
  if (!decoded) return { text: cleanText(v) };
  return { text: cleanText(decoded.text), legacy: { encoding: decoded.encoding, original: v } };
}

/** The warning that a cell's text was converted from a legacy encoding; null when it was not. */
export function legacyFinding(read: TextRead, place: Place): Finding | null {
  if (!read.legacy) return null;
  return finding('LEGACY_ENCODING_CONVERTED', place, {
    encoding: read.legacy.encoding,
    original: read.legacy.original,
    converted: read.text,
  });
}
