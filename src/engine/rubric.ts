/**
 * The rubric (Thang điểm): a table whose code column nests its rows. Roman numerals are sections,
 * arabic numbers criteria, letters sub-criteria, and dotted codes (`2.1.a`, `II.2.1`) spell a path out.
 * Numbering restarts in every section, so a node is known by its path (`II.1.a`), never its bare code.
 */
import { CRITERION_KINDS, RUBRIC_COLUMNS, SHEET_NAMES, SUBMISSION_COLUMNS } from './aliases';
import { legacyFinding, readText } from './cells';
import { Exact } from './exact';
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { Place } from './findings/define';
import type { GridSheet, GridWorkbook, SheetView } from './grid';
import { isBlank, isCellError } from './grid';
import type { CriterionKind, Rubric, RubricNode } from './model';
import type { NumberRead } from './numbers';
import { readNumber } from './numbers';
import type { TableMatch } from './tables';
import { findTable, headerTexts, matchRow, sheetsByName, specsOf } from './tables';
import { cleanText, foldKey, matchesAlias } from './text';

export const RUBRIC_SPECS = specsOf(RUBRIC_COLUMNS, ['code', 'label', 'max']);

/**
 * Section labels that make every criterion under them a bonus, penalty or veto condition, so a cluster
 * can write "III. Điểm thưởng" once instead of filling the kind column on every row.
 */
const LABEL_KINDS: readonly { kind: CriterionKind; prefixes: readonly string[] }[] = [
  { kind: 'bonus', prefixes: ['Điểm cộng', 'Điểm thưởng', 'Cộng điểm', 'Thưởng điểm', 'Bonus'] },
  { kind: 'penalty', prefixes: ['Điểm trừ', 'Trừ điểm', 'Penalty', 'Penalties', 'Deduction'] },
  { kind: 'veto', prefixes: ['Điều kiện', 'Tiêu chí liệt', 'Veto'] },
];

export interface RubricWhere {
  file: string;
  sheet: string;
}

export interface RubricTableOptions {
  /**
   * A member's copy inside a submission: the max column is optional, max problems are left to the
   * caller (which compares with the cluster rubric), and structural problems block that unit only.
   */
  forSubmission: boolean;
  /** Unit the copy belongs to, when known, so its findings name it. */
  unit?: string;
}

/** Finds the cluster's rubric sheet and reads it. */
export function parseRubric(wb: GridWorkbook): { rubric: Rubric | null; findings: Finding[] } {
  let partial: TableMatch | null = null;
  const preferred = new Set(SHEET_NAMES.rubric.map(foldKey));
  for (const sheet of sheetsByName(wb, SHEET_NAMES.rubric)) {
    const match = findTable(sheet, RUBRIC_SPECS);
    // A sheet with a self-score column is a member's submission pasted into the cluster workbook.
    if (!match || hasSelfColumn(match)) continue;
    if (match.missing.length === 0) {
      const read = parseRubricTable(match, { file: wb.file, sheet: sheet.name }, { forSubmission: false });
      return { rubric: read.rubric, findings: read.findings };
    }
    if (!partial && preferred.has(foldKey(sheet.name))) partial = match;
  }
  if (partial) {
    const sheet: GridSheet = partial.view.sheet;
    const place: Place = { file: wb.file, sheet: sheet.name, cell: partial.view.address(partial.headerRow, 0) };
    const findings = partial.missing.map((key) => finding('RUBRIC_COLUMN_MISSING', place, { column: columnTitle(key) }));
    return { rubric: null, findings };
  }
  return { rubric: null, findings: [finding('RUBRIC_SHEET_MISSING', { file: wb.file }, {})] };
}

/** The first alias of a rubric column: the Vietnamese name a secretary would add. */
function columnTitle(key: string): string {
  const aliases = (RUBRIC_COLUMNS as Record<string, readonly string[]>)[key];
  return aliases?.[0] ?? key;
}

function hasSelfColumn(match: TableMatch): boolean {
  const texts = headerTexts(match.view, match.headerRow);
  return matchRow(texts, [{ key: 'self', aliases: SUBMISSION_COLUMNS.self, required: true }]).columns.self !== undefined;
}

// ---------------------------------------------------------------- codes

type SegmentKind = 'roman' | 'arabic' | 'letter';
interface Segment {
  kind: SegmentKind;
  text: string;
}

export const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/**
 * Splits a code into segments: `II` -> [roman], `2.1.a` -> [arabic, arabic, letter]. Decorations people
 * type are dropped: a trailing `.` or `)`, a leading `(`, a word like "Mục" or "Phần". Null when a
 * segment is none of the three kinds, or a Roman numeral is not first.
 */
export function splitCode(text: string): Segment[] | null {
  const s = cleanText(text)
    .replace(/^(phần|mục|part|section)\s+/iu, '')
    .replace(/^\(+/, '')
    .replace(/[.)\s]+$/, '');
  if (s === '') return null;
  const segments: Segment[] = [];
  for (const raw of s.split('.')) {
    const t = raw.trim();
    let kind: SegmentKind;
    if (/^\d+$/.test(t)) kind = 'arabic';
    else if (/^[a-zđ]$/u.test(t)) kind = 'letter';
    else if (t !== '' && ROMAN.test(t)) kind = 'roman';
    else return null;
    if (kind === 'roman' && segments.length > 0) return null;
    if (kind === 'letter' && segments.length === 0 && s.includes('.')) return null;
    // `01` and `1` are the same criterion.
    segments.push({ kind, text: kind === 'arabic' ? String(Number(t)) : t });
  }
  return segments;
}

// ---------------------------------------------------------------- totals

/**
 * Total lines, which have no code: a bottom total ("Tổng cộng", "Cộng", "Tổng điểm tối đa (100 điểm)",
 * "Total") or a section subtotal ("Cộng mục I"). Matched whole, except for words only a total starts
 * with, so a line worded "Tổng số đoàn viên ..." is never taken for one.
 */
function totalKind(text: string): 'grand' | 'sub' | null {
  const k = foldKey(text);
  if (k === '') return null;
  if (SUBTOTAL_LINE.test(k)) return 'sub';
  if (/^(tong|cong|tongcong|tongdiem|tongsodiem|tongcongdiem|total|grandtotal|sum)(toida|chuan)?\d*(diem|d|points?)?$/.test(k)) return 'grand';
  // "Tổng cộng (I + II + III)", "Tổng điểm đạt được": only a total starts so, and only code-less lines get here.
  if (/^(tongcong|tongdiem|grandtotal)/.test(k)) return 'grand';
  return null;
}

/** Folded words that only ever close a whole table; a bare "Cộng" or "Tổng" may close a section. */
const GRAND_TOTAL_WORDS = /^(tongcong|tongdiem|tongso|total|grandtotal|sum)/;

/** A folded section subtotal line; the third group is the section it names, if any ("congmucii" -> "ii"). */
const SUBTOTAL_LINE = /^(tongcong|tongdiem|tong|cong|total|subtotal)(muc|phan|section|part)([a-z0-9]*)$/;

/** The section a subtotal line names ("Cộng mục II" -> II), when it names one. */
function sectionNamed(text: string): string | null {
  const named = SUBTOTAL_LINE.exec(foldKey(text))?.[3] ?? '';
  if (named === '') return null;
  const segments = splitCode(/^\d+$/.test(named) ? named : named.toUpperCase());
  return segments?.length === 1 ? segments[0]!.text : null;
}

// ---------------------------------------------------------------- the table

/** What a row said beyond the node itself, kept until the whole tree is known. */
interface RowExtras {
  maxRead: NumberRead;
  maxCol: number | undefined;
  kind: CriterionKind | null;
  group: string;
  sectionCode: boolean;
}

/** A line that sums a section ("Cộng mục I", or a "Cộng" with more criteria below it): where it is and what it sums. */
export interface SubtotalLine {
  row: number;
  path: string;
}

export interface RubricTable {
  rubric: Rubric;
  /** Grid-relative row of the bottom total line, when there is one. */
  totalRow: number | null;
  subtotals: SubtotalLine[];
  findings: Finding[];
}

/** Context marker after a rejected row: rows that would nest under it are skipped without more noise. */
const REJECTED = 'rejected' as const;
type Context = RubricNode | null | typeof REJECTED;

/**
 * Reads a rubric table found by `findTable` (the cluster's, or a member's copy in a submission).
 * Never throws: every problem is a finding pointing at its cell.
 */
export function parseRubricTable(
  match: TableMatch,
  where: RubricWhere,
  opts: RubricTableOptions,
): RubricTable {
  const { view } = match;
  const cols = match.columns;
  const findings: Finding[] = [];
  const cluster = !opts.forSubmission;
  const unitOpt = opts.unit !== undefined ? { unit: opts.unit } : {};
  const at = (r: number, c: number): Place => ({ file: where.file, sheet: where.sheet, cell: view.address(r, c) });

  const nodes: RubricNode[] = [];
  const byPath = new Map<string, RubricNode>();
  const extras = new Map<RubricNode, RowExtras>();
  const codeCol = cols.code;
  const subtotals: SubtotalLine[] = [];
  if (codeCol === undefined) {
    if (cluster) findings.push(finding('RUBRIC_COLUMN_MISSING', at(match.headerRow, 0), { column: columnTitle('code') }));
    return { rubric: assemble(nodes, byPath), totalRow: null, subtotals, findings };
  }

  const nesting = (r: number, code: string, reason: string, parent = ''): void => {
    const params = { code, reason, parent };
    findings.push(
      cluster
        ? finding('RUBRIC_CODE_NESTING', at(r, codeCol), params)
        : finding('RUBRIC_COPY_CODE_NESTING', at(r, codeCol), params, unitOpt),
    );
  };

  let section: Context = null;
  let criterion: Context = null;
  let totalRow: number | null = null;
  const hiddenRows: number[] = [];
  // A total line: its words in the label cell under an empty code, or typed (or merged) into the code cell.
  const totalTextOf = (r: number): string => {
    const v = view.value(r, codeCol);
    if (isCellError(v)) return '';
    if (!isBlank(v)) return readText(view, r, codeCol).text;
    return cols.label !== undefined ? readText(view, r, cols.label).text : '';
  };
  // Forms close each section with a "Cộng" line and the table with "Tổng cộng": a total line with criteria
  // below it closes a section, and so does a bare "Cộng" / "Tổng" with another total line below it.
  const lastCoded = lastCodedRow(view, match.headerRow, codeCol);
  const isBottomTotal = (r: number, text: string): boolean => {
    if (r < lastCoded) return false;
    if (GRAND_TOTAL_WORDS.test(foldKey(text))) return true;
    for (let below = r + 1; below < view.rowCount; below++) if (totalKind(totalTextOf(below)) !== null) return false;
    return true;
  };

  for (let r = match.headerRow + 1; r < view.rowCount; r++) {
    const codeCell = view.value(r, codeCol);
    const maxCell = cols.max !== undefined ? view.value(r, cols.max) : null;
    const codeRead = isCellError(codeCell) ? null : readText(view, r, codeCol);
    const codeText = codeRead?.text ?? '';

    const totalText = totalTextOf(r);
    const total = totalKind(totalText);
    if (total === 'grand' && isBottomTotal(r, totalText)) {
      totalRow = r;
      break;
    }
    if (total !== null) {
      const owner = sectionNamed(totalText) ?? contextPath(section) ?? contextPath(criterion);
      if (owner !== null && byPath.has(owner)) subtotals.push({ row: r, path: owner });
      continue;
    }
    if (codeRead !== null && codeText === '') {
      if (isBlank(maxCell)) continue; // notes are not criteria
      nesting(r, '', 'max-without-code');
      continue;
    }
    if (view.isRowHidden(r)) hiddenRows.push(r);
    if (codeRead === null) {
      nesting(r, isCellError(codeCell) ? codeCell.error : '', 'cell-error');
      criterion = REJECTED;
      continue;
    }

    const segments = splitCode(codeText);
    if (!segments) {
      nesting(r, codeText, 'unreadable');
      criterion = REJECTED;
      continue;
    }
    const last = segments[segments.length - 1]!;
    const first = segments[0]!;
    const code = segments.map((s) => s.text).join('.');
    const isSection = segments.length === 1 && first.kind === 'roman';

    // Resolve the path and the parent from the code and the rows above it.
    let path: string;
    let parent: RubricNode | null = null;
    let parentPath: string | null = null;
    if (first.kind === 'roman') {
      path = code;
      parentPath = segments.length > 1 ? segments.slice(0, -1).map((s) => s.text).join('.') : null;
    } else if (first.kind === 'arabic') {
      if (section === REJECTED) {
        criterion = REJECTED;
        continue;
      }
      const prefix = section ? `${section.path}.` : '';
      path = prefix + code;
      parentPath = segments.length > 1 ? prefix + segments.slice(0, -1).map((s) => s.text).join('.') : (section?.path ?? null);
    } else {
      if (criterion === REJECTED) continue;
      if (criterion === null) {
        nesting(r, codeText, 'letter-without-criterion');
        continue;
      }
      path = `${criterion.path}.${code}`;
      parentPath = criterion.path;
    }
    if (parentPath !== null) {
      parent = byPath.get(parentPath) ?? null;
      if (!parent) {
        nesting(r, codeText, 'parent-missing', parentPath);
        if (last.kind === 'arabic') criterion = REJECTED;
        continue;
      }
    }
    const existing = byPath.get(path);
    if (existing) {
      const params = { path, other: existing.place.cell ?? '' };
      findings.push(
        cluster
          ? finding('RUBRIC_DUPLICATE_PATH', at(r, codeCol), params)
          : finding('RUBRIC_COPY_DUPLICATE_PATH', at(r, codeCol), params, unitOpt),
      );
      if (isSection) section = REJECTED;
      if (isSection || last.kind === 'arabic') criterion = REJECTED;
      continue;
    }

    const labelRead = cols.label !== undefined ? readText(view, r, cols.label) : { text: '' };
    if (cluster && cols.label !== undefined) {
      const legacy = legacyFinding(labelRead, at(r, cols.label));
      if (legacy) findings.push(legacy);
    }
    const node: RubricNode = {
      path,
      code,
      label: labelRead.text,
      depth: parent ? parent.depth + 1 : 0,
      kind: 'standard',
      max: null,
      weight: readWeight(view, r, cols.weight, path, cluster, at, findings),
      group: '',
      parent: parent?.path ?? null,
      children: [],
      place: at(r, codeCol),
      row: r,
    };
    nodes.push(node);
    byPath.set(path, node);
    parent?.children.push(path);
    extras.set(node, {
      maxRead: readNumber(maxCell),
      maxCol: cols.max,
      kind: readKind(view, r, cols.kind, path, cluster, at, findings),
      group: cols.group !== undefined ? readText(view, r, cols.group).text : '',
      sectionCode: isSection,
    });

    if (isSection) {
      section = node;
      criterion = null;
    } else if (first.kind === 'roman') {
      section = byPath.get(first.text) ?? section;
    }
    if (last.kind === 'arabic') criterion = node;
  }

  settleTree(nodes, byPath, extras, cluster, at, findings);
  if (cluster) checkParentMax(nodes, byPath, extras, at, findings);

  const rubric = assemble(nodes, byPath);
  if (cluster && rubric.leaves.length === 0) findings.push(finding('RUBRIC_EMPTY', at(match.headerRow, codeCol), {}));
  if (hiddenRows.length > 0) {
    const first = hiddenRows[0]!;
    const rows = rowRanges(hiddenRows.map((r) => view.originRow + r + 1));
    findings.push(finding('ROW_HIDDEN_READ', at(first, codeCol), { rows }, unitOpt));
  }
  return { rubric, totalRow, subtotals, findings };
}

/** The last row whose code cell holds a code (not a total's words), or -1. */
function lastCodedRow(view: SheetView, headerRow: number, codeCol: number): number {
  for (let r = view.rowCount - 1; r > headerRow; r--) {
    const v = view.value(r, codeCol);
    if (isBlank(v) || isCellError(v)) continue;
    const text = readText(view, r, codeCol).text;
    if (totalKind(text) === null && splitCode(text) !== null) return r;
  }
  return -1;
}

function contextPath(c: Context): string | null {
  return c !== null && c !== REJECTED ? c.path : null;
}

function assemble(nodes: RubricNode[], byPath: Map<string, RubricNode>): Rubric {
  return {
    nodes,
    byPath,
    leaves: nodes.filter((n) => n.children.length === 0),
    sections: nodes.filter((n) => n.parent === null),
  };
}

/** `12, 14-16`: sheet row numbers, consecutive ones joined. */
function rowRanges(rows: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(i === j ? String(rows[i]) : `${rows[i]}-${rows[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

type At = (r: number, c: number) => Place;

function readWeight(view: SheetView, r: number, col: number | undefined, path: string, cluster: boolean, at: At, findings: Finding[]): Exact {
  if (col === undefined) return Exact.ONE;
  const read = readNumber(view.value(r, col));
  if (read.kind === 'blank') return Exact.ONE;
  if (read.kind === 'number' && read.value.gt(Exact.ZERO)) {
    if (read.fromText !== undefined && cluster) {
      findings.push(finding('NUMBER_AS_TEXT', at(r, col), { text: read.fromText, value: read.value.toString() }));
    }
    return read.value;
  }
  if (cluster) findings.push(finding('RUBRIC_WEIGHT_INVALID', at(r, col), { path, value: shownValue(read) }));
  return Exact.ONE;
}

function readKind(view: SheetView, r: number, col: number | undefined, path: string, cluster: boolean, at: At, findings: Finding[]): CriterionKind | null {
  if (col === undefined) return null;
  const text = readText(view, r, col).text;
  if (text === '') return null;
  for (const kind of ['standard', 'bonus', 'penalty', 'veto'] as const) {
    if (matchesAlias(text, CRITERION_KINDS[kind])) return kind;
  }
  if (cluster) findings.push(finding('RUBRIC_KIND_UNKNOWN', at(r, col), { path, value: text }));
  return null;
}

function kindFromLabel(label: string): CriterionKind | null {
  const k = foldKey(label);
  if (k === '') return null;
  for (const { kind, prefixes } of LABEL_KINDS) {
    if (prefixes.some((p) => k.startsWith(foldKey(p)))) return kind;
  }
  return null;
}

/** What a cell held, for a message. */
function shownValue(read: NumberRead): string {
  switch (read.kind) {
    case 'blank':
      return '';
    case 'number':
      return read.fromText ?? read.value.toString();
    case 'error':
      return read.error;
    default:
      return read.text;
  }
}

/**
 * Once the tree is known: kinds (explicit, else implied by a section's label, else the parent's),
 * groups (inherited), and max points, whose rules differ for leaves, parents and veto conditions.
 * Parents come before their children in `nodes`, so one pass in order sees every parent settled.
 */
function settleTree(
  nodes: RubricNode[],
  byPath: Map<string, RubricNode>,
  extras: Map<RubricNode, RowExtras>,
  cluster: boolean,
  at: At,
  findings: Finding[],
): void {
  for (const node of nodes) {
    const ex = extras.get(node)!;
    const parent = node.parent !== null ? byPath.get(node.parent) : undefined;
    const isLeaf = node.children.length === 0;
    // Only headings imply a kind: a leaf criterion may well be about "Điều kiện làm việc". And a heading
    // with points ("III. Điều kiện hoạt động, 20 điểm") is not a list of yes/no conditions.
    const implied = !isLeaf || ex.sectionCode ? kindFromLabel(node.label) : null;
    const labelKind = implied === 'veto' && ex.maxRead.kind === 'number' ? null : implied;
    node.kind = ex.kind ?? labelKind ?? parent?.kind ?? 'standard';
    node.group = ex.group !== '' ? ex.group : (parent?.group ?? '');

    const read = ex.maxRead;
    const vetoLeaf = isLeaf && node.kind === 'veto';
    if (vetoLeaf) continue; // a yes/no condition has no points
    if (!cluster) {
      // The caller compares a member's max with the cluster's, including a zero or negative one.
      if (read.kind === 'number') node.max = read.value;
      continue;
    }
    const maxCell = ex.maxCol !== undefined ? at(node.row, ex.maxCol) : node.place;
    if (read.kind === 'number' && read.value.gt(Exact.ZERO)) {
      node.max = read.value;
      if (read.fromText !== undefined) {
        findings.push(finding('NUMBER_AS_TEXT', maxCell, { text: read.fromText, value: read.value.toString() }));
      }
      continue;
    }
    if (read.kind === 'blank' && !isLeaf) continue; // a parent without a max has no cap
    findings.push(finding('RUBRIC_MAX_INVALID', maxCell, { path: node.path, value: shownValue(read) }));
  }
}

/**
 * A standard parent's max is compared with what its standard children can reach: weight x max for each
 * (a child parent counts with its own cap, or its children's sum when it has none). With a Khối column,
 * each group is compared with the children that apply to it, so criteria split by group are not a mismatch.
 */
function checkParentMax(
  nodes: RubricNode[],
  byPath: Map<string, RubricNode>,
  extras: Map<RubricNode, RowExtras>,
  at: At,
  findings: Finding[],
): void {
  const named = [...new Set(nodes.map((n) => foldKey(n.group)).filter((g) => g !== ''))];
  const groups = named.length > 0 ? named : [''];
  const fits = (node: RubricNode, group: string): boolean => node.group === '' || foldKey(node.group) === group;
  for (const group of groups) {
    const reach = new Map<RubricNode, Exact | null>();
    const childrenSum = (node: RubricNode): Exact | null => {
      let sum = Exact.ZERO;
      let any = false;
      for (const p of node.children) {
        const child = byPath.get(p);
        if (!child || child.kind !== 'standard' || !fits(child, group)) continue;
        const w = weighted(child);
        if (w === null) return null;
        sum = sum.add(w);
        any = true;
      }
      return any ? sum : null;
    };
    const weighted = (node: RubricNode): Exact | null => {
      if (reach.has(node)) return reach.get(node)!;
      const own = node.max ?? (node.children.length > 0 ? childrenSum(node) : null);
      const w = own === null ? null : own.mul(node.weight);
      reach.set(node, w);
      return w;
    };
    for (const node of nodes) {
      if (node.children.length === 0 || node.max === null || node.kind !== 'standard' || !fits(node, group)) continue;
      const sum = childrenSum(node);
      const cell = extras.get(node)!.maxCol;
      const place = cell !== undefined ? at(node.row, cell) : node.place;
      if (sum === null || sum.eq(node.max) || findings.some((f) => f.code === 'RUBRIC_PARENT_MAX_MISMATCH' && f.place.cell === place.cell)) continue;
      findings.push(finding('RUBRIC_PARENT_MAX_MISMATCH', place, { path: node.path, max: node.max.toString(), childrenSum: sum.toString() }));
    }
  }
}
