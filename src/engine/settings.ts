/**
 * Settings (Cấu hình): key / value rows that change the defaults. Every threshold of the product is data
 * here, never code. A bad value keeps its default and says so; nothing here stops a ranking.
 */
import { SETTINGS_COLUMNS, SHEET_NAMES } from './aliases';
import { legacyFinding, readText } from './cells';
import { defaultSettings } from './defaults';
import { Exact } from './exact';
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { Place } from './findings/define';
import type { GridSheet, GridWorkbook } from './grid';
import { SheetView, isCellError } from './grid';
import type { AwardRule, GradeBand, ScoreSource, Settings } from './model';
import { parseNumericText } from './numbers';
import type { TableMatch } from './tables';
import { ROMAN } from './rubric';
import { findTable, sheetsByName, specsOf } from './tables';
import { cleanText, foldKey } from './text';

// ---------------------------------------------------------------- value readers

/** One option of a choice: the value, its canonical Vietnamese and English words, and other accepted words. */
interface Choice<T> {
  value: T;
  vi: string;
  en: string;
  also?: readonly string[];
}

function pick<T>(text: string, choices: readonly Choice<T>[]): T | null {
  const k = foldKey(text);
  if (k === '') return null;
  for (const c of choices) {
    if ([c.vi, c.en, ...(c.also ?? [])].some((a) => foldKey(a) === k)) return c.value;
  }
  return null;
}

function showChoice<T>(value: T, choices: readonly Choice<T>[]): string {
  const c = choices.find((x) => x.value === value);
  if (!c) return String(value);
  return c.vi === c.en ? c.vi : `${c.vi} / ${c.en}`;
}

const NONE = 'không / none';
const NONE_WORDS = ['không', 'none', 'không có', 'no'];

const LANGS: Choice<'vi' | 'en'>[] = [
  { value: 'vi', vi: 'Tiếng Việt', en: 'vi', also: ['Việt', 'Vietnamese', 'VN', 'vi-VN'] },
  { value: 'en', vi: 'English', en: 'en', also: ['Tiếng Anh', 'Anh', 'en-US', 'en-GB'] },
];

const BLANK_SCORES: Choice<'error' | 'zero'>[] = [
  { value: 'error', vi: 'lỗi', en: 'error', also: ['báo lỗi'] },
  { value: 'zero', vi: 'không điểm', en: 'zero', also: ['0', '0 điểm', 'tính 0', 'tính là 0', 'tính 0 điểm'] },
];

const SCORE_SOURCES: Choice<ScoreSource>[] = [
  { value: 'auto', vi: 'tự động', en: 'auto', also: ['automatic'] },
  { value: 'self', vi: 'tự chấm', en: 'self', also: ['điểm tự chấm', 'self score'] },
  { value: 'reviewed', vi: 'cụm chấm', en: 'reviewed', also: ['điểm cụm chấm', 'thẩm định', 'điểm thẩm định', 'reviewed score'] },
  { value: 'peer-mean', vi: 'trung bình chấm chéo', en: 'peer-mean', also: ['chấm chéo', 'chấm chéo trung bình', 'peer mean', 'peer'] },
  { value: 'peer-median', vi: 'trung vị chấm chéo', en: 'peer-median', also: ['chấm chéo trung vị', 'trung vị', 'peer median', 'median'] },
  {
    value: 'peer-trimmed-mean',
    vi: 'trung bình cắt',
    en: 'peer-trimmed-mean',
    also: ['trung bình cắt chấm chéo', 'chấm chéo trung bình cắt', 'trimmed mean', 'peer trimmed mean'],
  },
];

const BOOLS: Choice<boolean>[] = [
  { value: true, vi: 'có', en: 'yes', also: ['true', '1', 'đúng', 'x', 'y'] },
  { value: false, vi: 'không', en: 'no', also: ['false', '0', 'sai', 'n'] },
];

const DENOMINATORS: Choice<'members' | 'present'>[] = [
  { value: 'members', vi: 'tất cả thành viên', en: 'members', also: ['all', 'all members', 'toàn bộ thành viên', 'tổng số thành viên', 'thành viên'] },
  { value: 'present', vi: 'thành viên có mặt', en: 'present', also: ['có mặt', 'tham gia', 'thành viên tham gia', 'số có mặt', 'members present'] },
];

const TIE_SECTIONS: readonly string[] = ['các mục', 'sections', 'mục', 'tất cả các mục', 'điểm các mục', 'all sections'];
const TIE_BONUS: readonly string[] = ['điểm cộng', 'bonus', 'điểm thưởng', 'cộng', 'thưởng'];

/**
 * A share: "50%", "0.5", "0,5", "1/2", or 50 (a share above 1 can only be a percentage).
 * A repeating fraction (denominator up to 12) rounded to 4 or more decimals ("66.67%", "0.6667") means the fraction
 * itself: a quorum typed as 66.67% is two thirds, and 6 members x 0.6667 would otherwise need 5, not 4.
 */
export function parseShare(text: string): Exact | null {
  const t = cleanText(text).replace(/\s+/g, '');
  if (t === '') return null;
  const frac = /^(\d+)\/(\d+)$/.exec(t);
  if (frac) {
    const den = BigInt(frac[2]!);
    return den === 0n ? null : Exact.of(BigInt(frac[1]!), den);
  }
  const percent = t.endsWith('%');
  const n = parseNumericText(percent ? t.slice(0, -1) : t);
  if (n === null || n === 'ambiguous' || n.isNegative()) return null;
  const v = percent || n.gt(Exact.ONE) ? n.div(Exact.int(100)) : n;
  return v.gt(Exact.ONE) ? null : snapRepeating(v);
}

function snapRepeating(v: Exact): Exact {
  const places = v.decimalPlaces();
  if (places === null || places < 4) return v;
  // One unit of the last digit, not half: JS prints the double nearest 2/3 as 0.6666666666666666.
  const unit = Exact.of(1n, 10n ** BigInt(places));
  for (let den = 3n; den <= 12n; den++) {
    const near = Exact.of((v.num * den * 2n + v.den) / (2n * v.den), den);
    if (!near.eq(v) && near.sub(v).abs().lte(unit) && near.decimalPlaces() === null) return near;
  }
  return v;
}

function showShare(v: Exact): string {
  const pct = v.mul(Exact.int(100));
  return pct.decimalPlaces() !== null ? `${pct.toString()}%` : `${v.num}/${v.den}`;
}

function splitList(text: string, commasToo: boolean): string[] {
  const sep = /[;\n]/.test(text) || !commasToo ? /[;\n]+/ : /,+/;
  return text
    .split(sep)
    .map((s) => cleanText(s))
    .filter((s) => s !== '');
}

function parseTieBreak(text: string): string[] | null {
  if (NONE_WORDS.some((w) => foldKey(w) === foldKey(text))) return [];
  const out: string[] = [];
  for (const token of text.split(/[,;\n]+/).map((s) => cleanText(s)).filter((s) => s !== '')) {
    let key: string;
    if (TIE_SECTIONS.some((a) => foldKey(a) === foldKey(token))) key = 'sections';
    else if (TIE_BONUS.some((a) => foldKey(a) === foldKey(token))) key = 'bonus';
    else {
      const code = token.replace(/^(section\s*:|mục|phần|section|part)\s*/iu, '').replace(/[.)]+$/, '');
      if (/^\d+$/.test(code)) key = `section:${Number(code)}`;
      else if (code !== '' && ROMAN.test(code.toUpperCase())) key = `section:${code.toUpperCase()}`;
      else return null;
    }
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

function showTieBreak(keys: string[]): string {
  if (keys.length === 0) return NONE;
  return keys.map((k) => (k === 'sections' ? 'các mục / sections' : k === 'bonus' ? 'điểm cộng / bonus' : k.replace(/^section:/, ''))).join(', ');
}

const BAND = /^(.*?)(?:\s*(>=|≥|=>|:|<)\s*|\s+(từ|from)\s+)(\S+?)(?:\s*(?:điểm|đ|points?))?$/iu;
/** "Khá 70-85", "Khá: 70 – 85 điểm": the brief writes bands as ranges. */
const RANGE = /^(.*?)[\s:]+(\d[\d.,]*)\s*[-–—]\s*(\d[\d.,]*)(?:\s*(?:điểm|đ|points?))?$/iu;

/**
 * "Vững mạnh >= 85; Khá >= 70; Trung bình >= 50; Yếu", or with ranges as the brief writes them
 * ("Vững mạnh >= 85, Khá 70-85, Trung bình 50-70, Yếu < 50"): a band without a number (or "Yếu < 50")
 * starts at 0, and a range must end where the band above it starts.
 */
function parseGrades(text: string): GradeBand[] | null {
  if (NONE_WORDS.some((w) => foldKey(w) === foldKey(text))) return [];
  const bands: GradeBand[] = [];
  const below: Exact[] = [];
  const ends: Exact[] = [];
  const number = (t: string | undefined): Exact | null => {
    const n = parseNumericText((t ?? '').replace(/\s/g, ''));
    return n === null || n === 'ambiguous' ? null : n;
  };
  for (const item of splitBands(text)) {
    const range = RANGE.exec(item);
    const m = range ? null : BAND.exec(item);
    let name = item;
    let min = Exact.ZERO;
    if (range) {
      const from = number(range[2]);
      const to = number(range[3]);
      if (from === null || to === null || !to.gt(from)) return null;
      name = cleanText(range[1] ?? '');
      min = from;
      ends.push(to);
    } else if (m) {
      const n = number(m[4]);
      if (n === null) return null;
      name = cleanText(m[1] ?? '');
      if (m[2] === '<') below.push(n);
      else min = n;
    } else if (/[\d<>]/.test(item)) {
      return null; // a strict bound ("> 90") that a band's inclusive minimum cannot say
    }
    if (name === '') return null;
    if (bands.some((b) => foldKey(b.name) === foldKey(name) || b.min.eq(min))) return null;
    bands.push({ name, min });
  }
  // "Yếu < 50" only makes sense as the band under the lowest stated minimum, and "Khá 70-85" under a band from 85.
  const lowest = bands.filter((b) => !b.min.isZero()).reduce<Exact | null>((lo, b) => (lo === null || b.min.lt(lo) ? b.min : lo), null);
  if (below.some((b) => lowest === null || !b.eq(lowest))) return null;
  if (ends.some((end) => !bands.some((b) => b.min.eq(end)))) return null;
  return bands.sort((a, b) => b.min.cmp(a.min));
}

/** Bands are separated by ";" or new lines; without those, by a comma and a space (72,5 keeps its comma). */
function splitBands(text: string): string[] {
  if (/[;\n]/.test(text)) return splitList(text, false);
  return text
    .split(/,\s+/)
    .map((s) => cleanText(s))
    .filter((s) => s !== '');
}

function showGrades(bands: GradeBand[]): string {
  if (bands.length === 0) return NONE;
  return bands.map((b) => (b.min.isZero() ? b.name : `${b.name} >= ${b.min.toString()}`)).join('; ');
}

/** "Cờ thi đua: 1; Bằng khen: 2"; a quota of "*" or none means unlimited; the first award excludes a veto. */
function parseAwards(text: string): AwardRule[] | null {
  if (NONE_WORDS.some((w) => foldKey(w) === foldKey(text))) return [];
  const awards: AwardRule[] = [];
  for (const item of splitList(text, true)) {
    const m = /^(.*?)\s*(?:[:=]\s*(.*))?$/u.exec(item);
    const name = cleanText(m?.[1] ?? '');
    const quotaText = cleanText(m?.[2] ?? '');
    let quota: number | null = null;
    if (quotaText !== '' && quotaText !== '*') {
      const n = parseNumericText(quotaText.replace(/\s/g, ''));
      if (n === null || n === 'ambiguous' || !n.isInteger() || !n.gt(Exact.ZERO)) return null;
      quota = n.toNumber();
    }
    // A name without a letter is a stray number ("1,5" split at its comma), not an award.
    if (!/\p{L}/u.test(name) || awards.some((a) => foldKey(a.name) === foldKey(name))) return null;
    awards.push({ name, quota, excludesVeto: awards.length === 0 });
  }
  return awards.length > 0 ? awards : null;
}

function showAwards(awards: AwardRule[]): string {
  if (awards.length === 0) return NONE;
  return awards.map((a) => `${a.name}: ${a.quota ?? '*'}`).join('; ');
}

// ---------------------------------------------------------------- the keys

interface SettingDef {
  key: string;
  vi: string;
  en: string;
  aliases: readonly string[];
  /** Accepted values, written to read in both languages: the README and SETTING_INVALID show it. */
  accepts: string;
  /** Applies a value; false when it is not valid (then the setting keeps its value). */
  apply: (text: string, s: Settings) => boolean;
  show: (s: Settings) => string;
}

function choiceDef<T>(
  base: Omit<SettingDef, 'apply' | 'show' | 'accepts'>,
  choices: readonly Choice<T>[],
  get: (s: Settings) => T,
  set: (s: Settings, v: T) => void,
): SettingDef {
  return {
    ...base,
    accepts: choices.map((c) => (c.vi === c.en ? c.vi : `${c.vi} | ${c.en}`)).join(', '),
    apply: (text, s) => {
      const v = pick(text, choices);
      if (v === null) return false;
      set(s, v);
      return true;
    },
    show: (s) => showChoice(get(s), choices),
  };
}

function shareDef(base: Omit<SettingDef, 'apply' | 'show' | 'accepts'>, allowZero: boolean, get: (s: Settings) => Exact, set: (s: Settings, v: Exact) => void): SettingDef {
  return {
    ...base,
    accepts: allowZero ? '0 - 100%: 2/3, 66.67%, 0.5, 0,5; 0 = không / none' : '0 - 100%: 50%, 0.5, 0,5, 1/2',
    apply: (text, s) => {
      const none = allowZero && NONE_WORDS.some((w) => foldKey(w) === foldKey(text));
      const v = none ? Exact.ZERO : parseShare(text);
      if (v === null || (!allowZero && v.isZero())) return false;
      set(s, v);
      return true;
    },
    show: (s) => showShare(get(s)),
  };
}

const DEFS: SettingDef[] = [
  {
    key: 'ten_cum',
    vi: 'Tên cụm',
    en: 'cluster_name',
    aliases: ['Tên cụm thi đua', 'Tên khối thi đua', 'Cụm thi đua', 'Cluster'],
    accepts: 'text',
    apply: (text, s) => {
      s.clusterName = text;
      return true;
    },
    show: (s) => s.clusterName || NONE,
  },
  {
    key: 'nam',
    vi: 'Năm',
    en: 'year',
    aliases: ['Năm thi đua', 'Năm đánh giá'],
    accepts: '2025, 2024-2025',
    apply: (text, s) => {
      s.year = text;
      return true;
    },
    show: (s) => s.year || NONE,
  },
  choiceDef({ key: 'ngon_ngu', vi: 'Ngôn ngữ', en: 'language', aliases: ['Lang'] }, LANGS, (s) => s.lang, (s, v) => (s.lang = v)),
  choiceDef(
    { key: 'diem_trong', vi: 'Ô điểm trống', en: 'blank_score', aliases: ['Điểm trống', 'Ô trống'] },
    BLANK_SCORES,
    (s) => s.blankScore,
    (s, v) => (s.blankScore = v),
  ),
  choiceDef(
    { key: 'nguon_diem', vi: 'Nguồn điểm', en: 'score_source', aliases: ['Điểm được tính', 'Cách tính điểm'] },
    SCORE_SOURCES,
    (s) => s.scoreSource,
    (s, v) => (s.scoreSource = v),
  ),
  {
    key: 'so_chu_so_thap_phan',
    vi: 'Số chữ số thập phân',
    en: 'decimals',
    aliases: ['Số thập phân', 'Làm tròn', 'Decimal places'],
    accepts: '0 - 6',
    apply: (text, s) => {
      const n = parseNumericText(text.replace(/\s/g, ''));
      if (n === null || n === 'ambiguous' || !n.isInteger() || n.isNegative() || n.gt(Exact.int(6))) return false;
      s.displayDecimals = n.toNumber();
      return true;
    },
    show: (s) => String(s.displayDecimals),
  },
  {
    key: 'tieu_chi_phu',
    vi: 'Tiêu chí phụ',
    en: 'tie_break',
    aliases: ['Tiêu chí phụ xếp hạng', 'Tiêu chí phân định', 'Tie break', 'Tie-break keys'],
    accepts: 'I, II, các mục | sections, điểm cộng | bonus',
    apply: (text, s) => {
      const keys = parseTieBreak(text);
      if (keys === null) return false;
      s.tieBreak = keys;
      return true;
    },
    show: (s) => showTieBreak(s.tieBreak),
  },
  {
    key: 'xep_loai',
    vi: 'Xếp loại',
    en: 'grades',
    aliases: ['Thang xếp loại', 'Grade bands'],
    accepts: 'Vững mạnh >= 85; Khá >= 70; Trung bình >= 50; Yếu | Vững mạnh >= 85, Khá 70-85, Trung bình 50-70, Yếu < 50',
    apply: (text, s) => {
      const bands = parseGrades(text);
      if (bands === null) return false;
      s.grades = bands;
      return true;
    },
    show: (s) => showGrades(s.grades),
  },
  shareDef(
    { key: 'ty_le_tan_thanh', vi: 'Tỷ lệ tán thành', en: 'vote_threshold', aliases: ['Tỉ lệ tán thành', 'Tỷ lệ đồng ý', 'Tỉ lệ đồng ý', 'Threshold'] },
    false,
    (s) => s.vote.threshold,
    (s, v) => (s.vote.threshold = v),
  ),
  choiceDef(
    { key: 'vuot_qua', vi: 'Phải vượt quá tỷ lệ', en: 'vote_strict', aliases: ['Phải vượt quá tỉ lệ', 'Vượt quá', 'Strict'] },
    BOOLS,
    (s) => s.vote.strict,
    (s, v) => (s.vote.strict = v),
  ),
  choiceDef(
    { key: 'mau_so', vi: 'Mẫu số biểu quyết', en: 'vote_denominator', aliases: ['Mẫu số', 'Denominator'] },
    DENOMINATORS,
    (s) => s.vote.denominator,
    (s, v) => (s.vote.denominator = v),
  ),
  shareDef(
    { key: 'so_thanh_vien_toi_thieu', vi: 'Tỷ lệ tham gia tối thiểu', en: 'quorum', aliases: ['Tỉ lệ tham gia tối thiểu', 'Số thành viên tối thiểu', 'Túc số'] },
    true,
    (s) => s.vote.quorum,
    (s, v) => (s.vote.quorum = v),
  ),
  {
    key: 'khen_thuong',
    vi: 'Khen thưởng',
    en: 'awards',
    aliases: ['Hình thức khen thưởng', 'Danh hiệu', 'Award'],
    accepts: 'Cờ thi đua: 1; Bằng khen: 2 (* = không giới hạn / unlimited)',
    apply: (text, s) => {
      const awards = parseAwards(text);
      if (awards === null) return false;
      s.awards = awards;
      return true;
    },
    show: (s) => showAwards(s.awards),
  },
];

/** A setting as documented: machine key, labels, accepted values and default (the README is written from this). */
export interface SettingKeyInfo {
  key: string;
  vi: string;
  en: string;
  aliases: readonly string[];
  accepts: string;
  default: string;
}

export const SETTING_KEYS: readonly SettingKeyInfo[] = (() => {
  const d = defaultSettings();
  return DEFS.map((x) => ({ key: x.key, vi: x.vi, en: x.en, aliases: x.aliases, accepts: x.accepts, default: x.show(d) }));
})();

/** Folded name -> setting; a Map, so a key like `__proto__` is just an unknown key. */
const BY_NAME = new Map<string, SettingDef>();
for (const d of DEFS) for (const name of [d.key, d.vi, d.en, ...d.aliases]) BY_NAME.set(foldKey(name), d);

// ---------------------------------------------------------------- the sheet

const SETTINGS_SPECS = specsOf(SETTINGS_COLUMNS, ['key', 'value']);

interface Layout {
  view: SheetView;
  firstRow: number;
  keyCol: number;
  valueCol: number;
}

export function parseSettings(wb: GridWorkbook): { settings: Settings; findings: Finding[] } {
  const settings = defaultSettings();
  const layout = findLayout(wb);
  if (!layout) return { settings, findings: [] };
  return { settings, findings: readRows(layout, wb.file, settings) };
}

/**
 * The settings table: a sheet named like Cấu hình with a Key / Value header, or without one (then its
 * first two columns); another sheet only when its header fits and it names a known setting.
 */
function findLayout(wb: GridWorkbook): Layout | null {
  const preferred = new Set(SHEET_NAMES.settings.map(foldKey));
  for (const sheet of sheetsByName(wb, SHEET_NAMES.settings)) {
    const named = preferred.has(foldKey(sheet.name));
    const match = findTable(sheet, SETTINGS_SPECS);
    if (match && match.missing.length === 0) {
      const layout = layoutOf(match);
      if (named || namesAKnownKey(layout)) return layout;
    } else if (named) {
      return { view: new SheetView(sheet as GridSheet), firstRow: 0, keyCol: 0, valueCol: 1 };
    }
  }
  return null;
}

function layoutOf(match: TableMatch): Layout {
  return { view: match.view, firstRow: match.headerRow + 1, keyCol: match.columns.key!, valueCol: match.columns.value! };
}

function namesAKnownKey(l: Layout): boolean {
  for (let r = l.firstRow; r < l.view.rowCount; r++) {
    if (BY_NAME.has(foldKey(readText(l.view, r, l.keyCol).text))) return true;
  }
  return false;
}

function readRows(l: Layout, file: string, settings: Settings): Finding[] {
  const { view } = l;
  const at = (r: number, c: number): Place => ({ file, sheet: view.sheet.name, cell: view.address(r, c) });
  const findings: Finding[] = [];
  const seen = new Map<SettingDef, string>();
  const fallback = defaultSettings();

  for (let r = l.firstRow; r < view.rowCount; r++) {
    const keyRead = readText(view, r, l.keyCol);
    const rawValue = view.value(r, l.valueCol);
    const valueRead = isCellError(rawValue) ? { text: rawValue.error } : readText(view, r, l.valueCol);
    const keyText = keyRead.text;
    const valueText = valueRead.text;
    if (keyText === '' || valueText === '') continue; // titles, headings and settings left at their default

    for (const [read, c] of [[keyRead, l.keyCol], [valueRead, l.valueCol]] as const) {
      const legacy = legacyFinding(read, at(r, c));
      if (legacy) findings.push(legacy);
    }
    const def = BY_NAME.get(foldKey(keyText));
    if (!def) {
      findings.push(finding('SETTING_UNKNOWN', at(r, l.keyCol), { key: keyText }));
      continue;
    }
    const first = seen.get(def);
    if (first !== undefined) {
      findings.push(finding('SETTING_DUPLICATE', at(r, l.keyCol), { key: keyText, other: first }));
      continue;
    }
    seen.set(def, view.address(r, l.keyCol));
    if (isCellError(rawValue) || !def.apply(valueText, settings)) {
      findings.push(
        finding('SETTING_INVALID', at(r, l.valueCol), { key: keyText, value: valueText, expected: def.accepts, fallback: def.show(fallback) }),
      );
    }
  }
  return findings;
}
