/**
 * Text typed in the pre-Unicode Vietnamese encodings TCVN3 (ABC) and VNI.
 *
 * Excel keeps such text as the Windows-1252 characters of its bytes and relies on the cell's font
 * (`.VnTime`, `VNI-Times`) to draw Vietnamese letters, so the engine sees "Hµ Néi" where the secretary
 * sees "Hà Nội". With the font known we convert; without it we convert only when the text cannot be
 * anything else: every converted word must be a well-formed Vietnamese syllable, and text that already
 * reads as Unicode Vietnamese is never touched.
 */

export type LegacyEncoding = 'TCVN3' | 'VNI';

// ---------------------------------------------------------------- fonts

/**
 * The encoding a font draws. TCVN3 fonts are the `.Vn*` family; a trailing `H` (`.VnTimeH`,
 * `.VnArialH`) is the all-capitals variant, where the lowercase byte codes draw capital letters.
 * VNI fonts are named `VNI-Times`, `VNI-Helve`, ...
 */
export function legacyEncodingOfFont(font: string | null | undefined): { encoding: LegacyEncoding; upper: boolean } | null {
  if (typeof font !== 'string') return null;
  const name = font.trim().replace(/^["']|["']$/g, '');
  if (/^\.vn\S/i.test(name)) return { encoding: 'TCVN3', upper: /h$/i.test(name) };
  if (/^vni[-_ ]\S/i.test(name)) return { encoding: 'VNI', upper: false };
  return null;
}

// ---------------------------------------------------------------- tables

const NON_ASCII = /[\u0080-\uffff]/;

/** Tone marks in the order the legacy tables list them: none, huyền, hỏi, ngã, sắc, nặng. */
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

/** The twelve Vietnamese vowels, without tone. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
type Vowel = (typeof VOWELS)[number];

function withTone(vowel: string, tone: number): string {
  return (vowel + TONE_MARKS[tone]!).normalize('NFC');
}

/**
 * TCVN3 (TCVN 5712:1993, the ABC fonts) byte codes per vowel, tones in TONE_MARKS order. The normal
 * fonts have capitals only for the seven base letters below; toned capitals come from the H fonts.
 */
const TCVN3_VOWEL_CODES: Record<Vowel, readonly number[]> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
const TCVN3_OTHER_CODES: readonly [number, string][] = [
  [0xae, 'đ'],
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
];

/** Windows-1252 character of a TCVN3 byte -> Unicode letter (only bytes that are not plain ASCII). */
const TCVN3: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const v of VOWELS) {
    TCVN3_VOWEL_CODES[v].forEach((code, tone) => {
      if (code >= 0x80) m.set(String.fromCharCode(code), withTone(v, tone));
    });
  }
  for (const [code, letter] of TCVN3_OTHER_CODES) m.set(String.fromCharCode(code), letter);
  return m;
})();

/**
 * VNI writes a base letter followed by a mark character; i, ơ, ư, đ and ỵ have letters of their own.
 * Each list is in TONE_MARKS order, lowercase then uppercase.
 */
const VNI_TONE = [['', 'ø', 'û', 'õ', 'ù', 'ï'], ['', 'Ø', 'Û', 'Õ', 'Ù', 'Ï']] as const;
const VNI_HAT = [['â', 'à', 'å', 'ã', 'á', 'ä'], ['Â', 'À', 'Å', 'Ã', 'Á', 'Ä']] as const;
const VNI_BREVE = [['ê', 'è', 'ú', 'ü', 'é', 'ë'], ['Ê', 'È', 'Ú', 'Ü', 'É', 'Ë']] as const;

/** VNI spelling of each toned vowel: [lowercase, uppercase] sequences per tone. */
function vniSpelling(v: Vowel, tone: number): [string, string] {
  const both = (lower: string, upper: string, marks: readonly (readonly string[])[]): [string, string] => [
    lower + marks[0]![tone]!,
    upper + marks[1]![tone]!,
  ];
  switch (v) {
    case 'a':
    case 'e':
    case 'o':
    case 'u':
      return both(v, v.toUpperCase(), VNI_TONE);
    case 'ă':
      return both('a', 'A', VNI_BREVE);
    case 'â':
      return both('a', 'A', VNI_HAT);
    case 'ê':
      return both('e', 'E', VNI_HAT);
    case 'ô':
      return both('o', 'O', VNI_HAT);
    case 'ơ':
      return both('ô', 'Ô', VNI_TONE);
    case 'ư':
      return both('ö', 'Ö', VNI_TONE);
    case 'i':
      return [['i', 'ì', 'æ', 'ó', 'í', 'ò'][tone]!, ['I', 'Ì', 'Æ', 'Ó', 'Í', 'Ò'][tone]!];
    case 'y':
      return tone === 5 ? ['î', 'Î'] : both('y', 'Y', VNI_TONE);
  }
}

/** VNI sequence (one or two characters) -> Unicode letter, for sequences that are not plain ASCII. */
const VNI: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const v of VOWELS) {
    for (let tone = 0; tone < TONE_MARKS.length; tone++) {
      const lower = withTone(v, tone);
      const [lv, uv] = vniSpelling(v, tone);
      // í and ì are spelled as in Unicode but still belong to the encoding.
      if (NON_ASCII.test(lv)) m.set(lv, lower);
      if (NON_ASCII.test(uv)) m.set(uv, lower.toUpperCase());
    }
  }
  m.set('ñ', 'đ');
  m.set('Ñ', 'Đ');
  return m;
})();

/** Every non-ASCII character that takes part in a VNI sequence. */
const VNI_CHARS: ReadonlySet<string> = new Set([...VNI.keys()].flatMap((k) => [...k]).filter((ch) => NON_ASCII.test(ch)));

// ---------------------------------------------------------------- Vietnamese syllables

const INITIALS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];

/** Vowel nucleus -> the endings it takes ('-' is none). Written from Vietnamese spelling, not from data. */
const RIMES: Readonly<Record<string, readonly string[]>> = {
  a: ['-', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'i', 'y', 'o', 'u'],
  ă: ['c', 'm', 'n', 'ng', 'p', 't'],
  â: ['c', 'm', 'n', 'ng', 'p', 't', 'u', 'y'],
  e: ['-', 'c', 'm', 'n', 'ng', 'p', 't', 'o'],
  ê: ['-', 'ch', 'm', 'n', 'nh', 'p', 't', 'u'],
  i: ['-', 'ch', 'm', 'n', 'nh', 'p', 't', 'u'],
  o: ['-', 'c', 'm', 'n', 'ng', 'p', 't', 'i'],
  ô: ['-', 'c', 'm', 'n', 'ng', 'p', 't', 'i'],
  ơ: ['-', 'm', 'n', 'p', 't', 'i'],
  u: ['-', 'c', 'm', 'n', 'ng', 'p', 't', 'i'],
  ư: ['-', 'c', 'm', 'n', 'ng', 't', 'i', 'u'],
  y: ['-', 'ch', 'n', 'nh', 't', 'u'],
  ia: ['-'],
  iê: ['c', 'm', 'n', 'ng', 'p', 't', 'u'],
  yê: ['c', 'm', 'n', 'ng', 'p', 't', 'u'],
  ua: ['-'],
  uô: ['c', 'm', 'n', 'ng', 't', 'i'],
  ưa: ['-'],
  ươ: ['c', 'm', 'n', 'ng', 'p', 't', 'i', 'u'],
  oa: ['-', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'i', 'y', 'o'],
  oă: ['c', 'm', 'n', 'ng', 't'],
  oe: ['-', 'm', 'n', 't', 'o'],
  uâ: ['n', 'ng', 't', 'y'],
  uê: ['-', 'ch', 'n', 'nh'],
  uơ: ['-'],
  uy: ['-', 'ch', 'n', 'nh', 'p', 't', 'u'],
  uyê: ['n', 't'],
  uya: ['-'],
  oo: ['c', 'ng'],
};
const RIME_LIST = Object.entries(RIMES);
const STOP_ENDINGS = new Set(['c', 'ch', 'p', 't']);
const TONE_MARK_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Whether an initial consonant may stand before a rime (c/k, g/gh, ng/ngh, qu spelling rules). */
function initialFits(initial: string, rime: string): boolean {
  const first = rime[0] ?? '';
  const front = first === 'e' || first === 'ê' || first === 'i' || first === 'y';
  switch (initial) {
    case 'k':
    case 'gh':
    case 'ngh':
      return front;
    case 'c':
    case 'ng':
      return !front;
    case 'g':
      // "gì", "giếng" spell gi + i as g + i; before e and ê it must be gh.
      return first !== 'e' && first !== 'ê' && first !== 'y';
    case 'gi':
      return first !== 'i';
    case 'qu':
      return first !== 'u' && first !== 'o';
    default:
      return true;
  }
}

function rimeFits(rime: string, tone: string): boolean {
  for (const [nucleus, endings] of RIME_LIST) {
    if (!rime.startsWith(nucleus)) continue;
    const ending = rime.slice(nucleus.length) || '-';
    if (!endings.includes(ending)) continue;
    // A syllable closed by c, ch, p or t carries only the sắc or nặng tone.
    if (STOP_ENDINGS.has(ending) && tone !== '\u0301' && tone !== '\u0323') continue;
    return true;
  }
  return false;
}

/** Workbooks repeat the same few hundred words in every cell, so answers are remembered (boundedly). */
const syllableCache = new Map<string, boolean>();
const SYLLABLE_CACHE_LIMIT = 20_000;

/** True when `word` (any case, NFC or NFD) is spelled like a Vietnamese syllable: "Nguyễn", "được", "gì". */
export function isVietnameseSyllable(word: string): boolean {
  let known = syllableCache.get(word);
  if (known === undefined) {
    known = checkSyllable(word);
    if (syllableCache.size >= SYLLABLE_CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(word, known);
  }
  return known;
}

function checkSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE_MARK_RE) ?? [];
  if (tones.length > 1) return false;
  const bare = nfd.replace(TONE_MARK_RE, '').normalize('NFC');
  if (!/^[a-zăâêôơưđ]+$/.test(bare)) return false;
  const tone = tones[0] ?? '';
  return INITIALS.some((initial) => {
    if (!bare.startsWith(initial)) return false;
    const rime = bare.slice(initial.length);
    return rime !== '' && initialFits(initial, rime) && rimeFits(rime, tone);
  });
}

// ---------------------------------------------------------------- decoding

/** Vietnamese letters that Latin-1 does not have: their presence means the text is already Unicode. */
const GENUINE_VIETNAMESE = /[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]/;
const ASCII_LETTER = /[A-Za-z]/;
/** TCVN3 codes that are symbols in Latin-1 (and `µ`, `ª`): never letters of a European word. */
const TCVN3_SYMBOL = /[\u00a1-\u00bf\u00d7\u00f7]/;

interface Word {
  /** The word as converted. */
  text: string;
  /** It held characters of the legacy encoding. */
  touched: boolean;
  /** It held plain ASCII letters too (a real word rather than a lone symbol). */
  hasAscii: boolean;
  /** A legacy mark character stood where no letter could carry it. */
  broken: boolean;
  /**
   * It held a character that ordinary European text does not use inside a word: a TCVN3 symbol
   * (`µ`, `§`, `©`) or a VNI letter-plus-mark pair (`oä`). Plain accented letters are weak evidence.
   */
  strong: boolean;
}

function newWord(): Word {
  return { text: '', touched: false, hasAscii: false, broken: false, strong: false };
}

/** A non-ASCII letter, which a legacy encoding must account for. */
function isForeignLetter(ch: string): boolean {
  return NON_ASCII.test(ch) && /\p{L}/u.test(ch);
}

interface Decoded {
  text: string;
  words: Word[];
  /** A non-ASCII letter the encoding does not use (`ç`, `ß`): the text is not in this encoding. */
  foreign: boolean;
}

function decodeTcvn3(text: string): Decoded {
  let out = '';
  const words: Word[] = [];
  let word: Word | null = null;
  let foreign = false;
  for (const ch of text) {
    const mapped = TCVN3.get(ch);
    const isAscii = ASCII_LETTER.test(ch);
    if (mapped === undefined && !isAscii) {
      foreign ||= isForeignLetter(ch);
      word = null;
      out += ch;
      continue;
    }
    if (!word) words.push((word = newWord()));
    const letter = mapped ?? ch;
    word.text += letter;
    word.touched ||= mapped !== undefined;
    word.strong ||= mapped !== undefined && TCVN3_SYMBOL.test(ch);
    word.hasAscii ||= isAscii;
    out += letter;
  }
  return { text: out, words, foreign };
}

function decodeVni(text: string): Decoded {
  const chars = [...text];
  let out = '';
  const words: Word[] = [];
  let word: Word | null = null;
  let foreign = false;
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    const isAscii = ASCII_LETTER.test(ch);
    if (!isAscii && !VNI_CHARS.has(ch)) {
      foreign ||= isForeignLetter(ch);
      word = null;
      out += ch;
      i++;
      continue;
    }
    if (!word) words.push((word = newWord()));
    const pair = ch + (chars[i + 1] ?? '');
    let letter: string;
    if (VNI.has(pair)) {
      letter = VNI.get(pair)!;
      word.touched = word.strong = true;
      i += 2;
    } else if (VNI.has(ch)) {
      letter = VNI.get(ch)!;
      word.touched = true;
      i++;
    } else {
      // A mark with no letter before it to carry it: kept as typed.
      letter = ch;
      if (!isAscii) word.touched = word.broken = true;
      i++;
    }
    word.hasAscii ||= isAscii;
    word.text += letter;
    out += letter;
  }
  return { text: out, words, foreign };
}

function decodeAs(encoding: LegacyEncoding, text: string): Decoded {
  return encoding === 'TCVN3' ? decodeTcvn3(text) : decodeVni(text);
}

/**
 * The text already reads as Unicode Vietnamese: every word with a non-ASCII character is a syllable
 * in lower, upper or title case. Legacy symbols inside a word ("b¹n", "§õng") keep it from reading so.
 */
function readsAsUnicodeVietnamese(text: string): boolean {
  const words = (text.match(/[\p{L}\u00a1-\u00bf\u00d7\u00f7]+/gu) ?? []).filter((w) => NON_ASCII.test(w) && /\p{L}/u.test(w));
  return words.length > 0 && words.every((w) => isVietnameseSyllable(w) && hasNaturalCase(w));
}

/** "thó", "Thó" and "THÓ" are how Unicode text is written; "thÓ" is a TCVN3 code inside a word. */
function hasNaturalCase(w: string): boolean {
  const lower = w.toLowerCase();
  const chars = [...lower];
  const title = (chars[0] ?? '').toUpperCase() + chars.slice(1).join('');
  return w === lower || w === w.toUpperCase() || w === title;
}

/** Capitals such as "LĐLĐ" or "CĐCS": common in union names, never syllables. */
function isAbbreviation(w: Word): boolean {
  return w.hasAscii && [...w.text].length >= 2 && w.text === w.text.toUpperCase();
}

/**
 * Whether a decoding is plausible without a font to vouch for it: every converted word (but one in
 * ten, for typos) is a Vietnamese syllable or a capitalised abbreviation; one of them at least is a
 * real word of three letters or more mixing ASCII letters and legacy characters (so a lone "©" or
 * "µm" never qualifies); the evidence adds up to more than one plain accented word; and most words
 * of the text, converted or not, are Vietnamese.
 */
function plausible(d: Decoded): boolean {
  if (d.foreign) return false;
  const touched = d.words.filter((w) => w.touched);
  const misfits = touched.filter((w) => w.broken || !(isVietnameseSyllable(w.text) || isAbbreviation(w))).length;
  // A typo in a long text is tolerated (one word in ten); in a short one it is not.
  if (misfits > Math.floor(touched.length / 10)) return false;
  const words = touched.filter((w) => w.hasAscii && isVietnameseSyllable(w.text));
  if (!words.some((w) => [...w.text].length >= 3)) return false;
  // One word of plain accented letters ("mãe" would read "móe") is not enough.
  if (words.reduce((n, w) => n + (w.strong ? 2 : 1), 0) < 2) return false;
  const lowercase = d.words.filter((w) => w.text !== w.text.toUpperCase());
  const valid = lowercase.filter((w) => isVietnameseSyllable(w.text)).length;
  return lowercase.length === 0 || valid * 2 > lowercase.length;
}

/**
 * TCVN3 capitals typed with an H font but read without it: ASCII letters in capitals and toned letters
 * in the lowercase codes ("CéNG HOµ"). When every ASCII letter (two at least) is a capital, the
 * secretary saw capitals throughout.
 */
function looksAllCaps(original: string): boolean {
  const letters = original.match(/[A-Za-z]/g) ?? [];
  return letters.length >= 2 && letters.every((ch) => ch >= 'A' && ch <= 'Z');
}

/**
 * Converts TCVN3 or VNI text to Unicode (NFC); null when the text is not legacy-encoded.
 * `font` is the cell's font name; without a legacy font the encoding is inferred conservatively.
 */
export function decodeLegacy(text: string, font: string | null | undefined): { text: string; encoding: LegacyEncoding } | null {
  if (typeof text !== 'string' || !NON_ASCII.test(text)) return null;
  const source = text.normalize('NFC');
  if (GENUINE_VIETNAMESE.test(source)) return null;

  const byFont = legacyEncodingOfFont(font);
  if (byFont) {
    const d = decodeAs(byFont.encoding, source);
    // Only characters of the encoding count: an H font alone does not make "abc °" legacy text.
    if (!d.words.some((w) => w.touched && !w.broken)) return null;
    const converted = (byFont.upper ? d.text.toUpperCase() : d.text).normalize('NFC');
    return converted === source ? null : { text: converted, encoding: byFont.encoding };
  }

  if (readsAsUnicodeVietnamese(source)) return null;
  const candidates = (['TCVN3', 'VNI'] as const)
    .map((encoding) => ({ encoding, d: decodeAs(encoding, source) }))
    .filter((c) => plausible(c.d));
  // Both readings plausible is too close to call: leave the text alone.
  if (candidates.length !== 1) return null;
  const { encoding, d } = candidates[0]!;
  const converted = encoding === 'TCVN3' && looksAllCaps(source) ? d.text.toUpperCase() : d.text;
  return { text: converted.normalize('NFC'), encoding };
}
