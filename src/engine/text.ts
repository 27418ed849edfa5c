/** Text normalisation shared by every parser: NFC, invisible spaces, and the folded keys used for matching. */

const INVISIBLE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Characters that take no room at all (zero-width space, joiners, byte-order mark): a reader sees nothing. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** NFC, invisible spaces made plain, runs of white space collapsed, trimmed. What a person means by the text. */
export function cleanText(s: string): string {
  return s.replace(ZERO_WIDTH, '').normalize('NFC').replace(INVISIBLE_SPACES, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Case-, accent- and spacing-insensitive key: `Điểm  tối đa` and `DIEM TOI DA` and `diemtoida` agree.
 * Used for headers, sheet names, labels and unit names; never shown to the user.
 */
export function foldKey(s: string): string {
  // Headers, codes and aliases repeat across thousands of sheets; folding is the parsers' hottest path.
  const hit = foldCache.get(s);
  if (hit !== undefined) return hit;
  const k = foldUncached(s);
  if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
  foldCache.set(s, k);
  return k;
}

const FOLD_CACHE_MAX = 50_000;
const foldCache = new Map<string, string>();

function foldUncached(s: string): string {
  return cleanText(s)
    .toLowerCase()
    // Đ has no decomposition; Ð (eth) and Ɖ stand in for it in some old fonts and keyboards.
    .replace(/[đðɖ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A mark typed in a cell (x, Có, ✓, -), folded; symbols fold to nothing, so they are kept as typed. */
export function markKey(s: string): string {
  return foldKey(s) || cleanText(s);
}

/** True when `s` folds to one of `aliases` (which are folded too). */
export function matchesAlias(s: string, aliases: readonly string[]): boolean {
  const k = foldKey(s);
  return k !== '' && aliases.some((a) => foldKey(a) === k);
}
