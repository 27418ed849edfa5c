/**
 * Member submissions: which sheets are score tables, which unit each belongs to, the member's copy of
 * the rubric compared with the cluster's, and every self / reviewed / peer score cell as read.
 * Whether a blank counts as an error, and which score counts, is decided later (scoring.ts): this module
 * only reads, and reports what is wrong with a cell where it is.
 */
import { type TextRead, legacyFinding, readText } from './cells';
import { Exact } from './exact';
import type { Finding, FindingOptions } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { Place } from './findings/define';
import { placeText } from './findings/define';
import type { GridSheet, GridWorkbook, SheetView } from './grid';
import type { MemberIndex } from './members';
import type { Member, PeerSheet, Rubric, RubricNode, ScoreCell, ScoreSource, Settings, Submission } from './model';
import { readNumber } from './numbers';
import { RUBRIC_COLUMNS, SHEET_NAMES, SUBMISSION_COLUMNS, UNIT_LABELS, VETO_MARKS } from './aliases';
import { type RubricTable, parseRubricTable } from './rubric';
import { appliesTo } from './scoring';
import { type ColumnSpec, type TableMatch, findTable, mergeFill, specsOf } from './tables';
import { cleanText, foldKey, markKey } from './text';

export interface SubmissionsResult {
  submissions: Submission[];
  peers: PeerSheet[];
  findings: Finding[];
}

interface Where {
  file: string;
  sheet: string;
}

/** Sheets the product writes into the cluster workbook; never read back as submissions. */
const GENERATED_SHEETS = ['Xếp hạng', 'Kiểm tra', 'Chi tiết', 'Ranking', 'Checks', 'Details'];

/**
 * Sheet names that say what a sheet is, not whose it is ("Sheet1", "Tự chấm", "Bảng điểm 2024").
 * Matched on the folded name so spacing, case and accents do not matter.
 */
const GENERIC_SHEET_NAME =
  /^(sheet|trangtinh|bangtinh|tucham|diemtucham|bangtucham|bangdiemtucham|bangdiem|thangdiem|thangbangdiem|chamdiem|bangchamdiem|phieuchamdiem|chamcheo|bangchamcheo|diemchamcheo|bainop|selfscore|score|scores|submission|rubric)(nam)?\d*$/;

const SELF_SPECS: ColumnSpec[] = [
  ...specsOf(RUBRIC_COLUMNS, ['code']),
  ...specsOf(SUBMISSION_COLUMNS, ['self']),
];
/** A peer sheet has no self column; its reviewed/evidence columns are taken so they are not read as units. */
const PEER_SPECS: ColumnSpec[] = [
  ...specsOf(RUBRIC_COLUMNS, ['code']),
  { key: 'reviewed', aliases: SUBMISSION_COLUMNS.reviewed, required: false },
  { key: 'evidence', aliases: SUBMISSION_COLUMNS.evidence, required: false },
];

/** Veto conditions are yes/no marks; a blank is "not met" and is left to scoring like any blank. */
const VETO_YES = VETO_MARKS.met;
const VETO_NO = VETO_MARKS.notMet;

// ---------------------------------------------------------------- entry point

export function parseSubmissions(
  input: { cluster: GridWorkbook; submissions: GridWorkbook[] },
  rubric: Rubric,
  members: MemberIndex,
  settings: Settings,
): SubmissionsResult {
  const run = new Run(rubric, members, countingColumns(settings.scoreSource));
  for (const sheet of clusterCandidates(input.cluster, rubric)) {
    run.sheet(sheet, input.cluster.file, false);
  }
  for (const wb of input.submissions) {
    let found = false;
    for (const sheet of wb.sheets) {
      if (run.sheet(sheet, wb.file, true)) found = true;
    }
    if (!found) run.findings.push(finding('SUBMISSION_NOT_FOUND', { file: wb.file }, {}));
  }
  return { submissions: run.submissions, peers: run.peers, findings: run.findings };
}

/**
 * Sheets of the cluster workbook that may be pasted submissions: not its rubric, members, votes or
 * settings sheets, and not a sheet this product generated.
 */
function clusterCandidates(wb: GridWorkbook, rubric: Rubric): GridSheet[] {
  const reserved = new Set(
    [...SHEET_NAMES.rubric, ...SHEET_NAMES.members, ...SHEET_NAMES.votes, ...SHEET_NAMES.settings, ...GENERATED_SHEETS].map(foldKey),
  );
  const rubricPlace = rubric.nodes[0]?.place;
  return wb.sheets.filter((s) => {
    if (reserved.has(foldKey(s.name))) return false;
    if (rubricPlace && rubricPlace.sheet === s.name && (rubricPlace.file === undefined || rubricPlace.file === wb.file)) return false;
    return true;
  });
}

// ---------------------------------------------------------------- one run over all sheets

type Detected =
  | { kind: 'self'; match: TableMatch }
  | { kind: 'peer'; match: TableMatch; columns: PeerColumn[] };

interface PeerColumn {
  col: number;
  text: string;
  header: Place;
  member: Member | null;
}

class Run {
  readonly submissions: Submission[] = [];
  readonly peers: PeerSheet[] = [];
  readonly findings: Finding[] = [];
  /** unit code -> where its first self sheet / peer sheet is, for the duplicate finding. */
  private readonly selfSeen = new Map<string, Place>();
  private readonly peerSeen = new Map<string, Place>();

  constructor(
    private readonly rubric: Rubric,
    private readonly members: MemberIndex,
    private readonly counts: CountingColumns,
  ) {}

  /** Reads one sheet; true when it is a submission (even one that could not be used). */
  sheet(sheet: GridSheet, file: string, fileNamesUnit: boolean): boolean {
    const where: Where = { file, sheet: sheet.name };
    const detected = this.detect(sheet, where);
    if (!detected) return false;
    if (sheet.hidden) {
      this.findings.push(finding('SHEET_HIDDEN_IGNORED', { ...where }, {}));
      return false;
    }
    const unit = this.identifyUnit(detected.match, where, fileNamesUnit);
    if (!unit) return true;
    // A unit's second sheet of the same kind is reported and not read; a self sheet and a peer sheet
    // of one unit are two different things and may both be there.
    if (!this.claim(detected.kind === 'self' ? this.selfSeen : this.peerSeen, unit.code, { ...where })) return true;

    // The copy's own problems (codes that do not nest, hidden rows) are reported by the rubric reader
    // against this unit; differences from the cluster's rubric are reported below.
    const copy = parseRubricTable(detected.match, where, { forSubmission: true, unit: unit.code });
    this.findings.push(...copy.findings);

    if (detected.kind === 'self') this.readSelf(detected.match, copy, unit, where);
    else this.readPeer(detected.match, copy.rubric, detected.columns, unit, where);
    return true;
  }

  private detect(sheet: GridSheet, where: Where): Detected | null {
    const self = findTable(sheet, SELF_SPECS);
    if (self && self.missing.length === 0) return { kind: 'self', match: self };
    const peer = findTable(sheet, PEER_SPECS);
    if (!peer || peer.missing.length > 0) return null;
    const merged = mergeFill(peer.view);
    const columns: PeerColumn[] = peer.extra.map(({ col }) => {
      // A header merged over two rows is read from the cell that holds it, and pointed at there.
      const [r, c] = merged.get(`${peer.headerRow},${col}`) ?? [peer.headerRow, col];
      const text = readText(peer.view, r, c).text;
      return { col, text, header: { ...where, cell: peer.view.address(r, c) }, member: text === '' ? null : this.members.find(text) };
    });
    if (!columns.some((c) => c.member !== null)) return null;
    // A row-numbered table with a column per unit is also what a vote matrix or a members list looks
    // like; a peer sheet is known by scoring the cluster's criteria.
    const copy = parseRubricTable(peer, where, { forSubmission: true }).rubric;
    if (!copy.nodes.some((n) => this.rubric.byPath.has(n.path))) return null;
    return { kind: 'peer', match: peer, columns };
  }

  // -------------------------------------------------------------- which unit

  /**
   * A labelled cell above the header names the unit (the code label wins over the name label); else the
   * sheet name; else the file name. A label that names no member is an error there, not a reason to guess
   * from the sheet name.
   */
  private identifyUnit(match: TableMatch, where: Where, fileNamesUnit: boolean): Member | null {
    const labels = unitLabels(match, where);
    this.findings.push(...labels.findings);
    const claims = [labels.code, labels.name].filter((c): c is UnitClaim => c !== undefined);
    for (const claim of claims) {
      const m = (claim.kind === 'code' ? this.members.byCode(claim.text) : null) ?? this.members.find(claim.text);
      if (m) return m;
    }
    const first = claims[0];
    if (first) {
      this.findings.push(finding('SUBMISSION_UNIT_UNKNOWN', first.place, { unit: first.text }));
      return null;
    }

    const sheetName = cleanText(where.sheet);
    const fileBase = fileNamesUnit ? baseName(where.file) : '';
    const named = [sheetName, fileBase].filter((n) => n !== '' && !GENERIC_SHEET_NAME.test(foldKey(n)));
    for (const n of named) {
      const m = this.members.find(n);
      if (m) return m;
    }
    const guess = named[0];
    if (guess !== undefined) this.findings.push(finding('SUBMISSION_UNIT_UNKNOWN', { ...where }, { unit: guess }));
    else this.findings.push(finding('SUBMISSION_UNIT_UNNAMED', { ...where }, {}));
    return null;
  }

  /** Records the first sheet of a unit; false (and the duplicate reported) when there was one already. */
  private claim(seen: Map<string, Place>, unit: string, place: Place): boolean {
    const first = seen.get(unit);
    if (first) {
      this.findings.push(finding('SUBMISSION_DUPLICATE', place, { unit, other: placeText(first) }, { unit }));
      return false;
    }
    seen.set(unit, place);
    return true;
  }

  /** Where a score cell's findings go, and whether they block: a column that never counts only warns. */
  private cells(where: Where, unit: string, counts: boolean): CellContext {
    return { where, out: this.findings, opts: counts ? { unit } : { unit, severity: 'warning' } };
  }

  // -------------------------------------------------------------- self-score sheets

  private readSelf(match: TableMatch, table: RubricTable, unit: Member, where: Where): void {
    const place: Place = { ...where };
    const view = match.view;
    const copy = table.rubric;
    const selfCol = match.columns.self!;
    const reviewedCol = match.columns.reviewed;
    const applies = (n: RubricNode) => appliesTo(this.rubric, n, unit.group);

    this.findings.push(...compareRubric(this.rubric, copy, match, where, applies, unit.code));

    const sub: Submission = { unit: unit.code, place, self: new Map(), reviewed: new Map(), statedSubtotals: new Map(), statedTotal: null };
    for (const node of this.rubric.nodes) {
      const mine = copy.byPath.get(node.path);
      if (!mine || !applies(node)) continue;
      if (node.children.length > 0) {
        const stated = statedNumber(view, mine.row, selfCol, where);
        if (stated) sub.statedSubtotals.set(node.path, stated);
        continue;
      }
      sub.self.set(node.path, readScore(view, mine.row, selfCol, node, this.cells(where, unit.code, this.counts.self)));
      if (reviewedCol !== undefined) {
        const reviewed = readScore(view, mine.row, reviewedCol, node, this.cells(where, unit.code, this.counts.reviewed));
        if (!reviewed.blank) sub.reviewed.set(node.path, reviewed);
      }
    }
    // A "Cộng mục I" line states the subtotal of a section whose own row left it blank.
    for (const line of table.subtotals) {
      const node = this.rubric.byPath.get(line.path);
      if (!node || node.children.length === 0 || !applies(node) || sub.statedSubtotals.has(line.path)) continue;
      const stated = statedNumber(view, line.row, selfCol, where);
      if (stated) sub.statedSubtotals.set(line.path, stated);
    }
    if (table.totalRow !== null) sub.statedTotal = statedNumber(view, table.totalRow, selfCol, where);
    this.submissions.push(sub);
  }

  // -------------------------------------------------------------- peer-scoring sheets

  private readPeer(match: TableMatch, copy: Rubric, columns: PeerColumn[], rater: Member, where: Where): void {
    const place: Place = { ...where };
    const view = match.view;
    const scored = new Map<string, { member: Member; header: Place; col: number }>();
    for (const c of columns) {
      if (c.member === null) {
        // Only a column holding scores is a unit column; notes or "Đơn vị tính" columns are not.
        if (holdsNumbers(view, copy, c.col)) this.findings.push(finding('PEER_UNIT_UNKNOWN', c.header, { unit: c.text }, { unit: rater.code }));
        continue;
      }
      const first = scored.get(c.member.code);
      if (first) {
        this.findings.push(finding('PEER_UNIT_DUPLICATE', c.header, { unit: c.member.code, other: first.header.cell ?? '' }, { unit: rater.code }));
        continue;
      }
      scored.set(c.member.code, { member: c.member, header: c.header, col: c.col });
    }

    const groups = [...scored.values()].map((s) => s.member.group);
    const appliesToAny = (n: RubricNode) => groups.some((g) => appliesTo(this.rubric, n, g));
    this.findings.push(...compareRubric(this.rubric, copy, match, where, appliesToAny, rater.code));

    const sheet: PeerSheet = { rater: rater.code, place, scores: new Map() };
    for (const { member, col } of scored.values()) {
      const byPath = new Map<string, ScoreCell>();
      for (const leaf of this.rubric.leaves) {
        const mine = copy.byPath.get(leaf.path);
        if (!mine || !appliesTo(this.rubric, leaf, member.group)) continue;
        // A bad cell is reported against the unit being scored: it is that unit's figure that is in doubt.
        byPath.set(leaf.path, readScore(view, mine.row, col, leaf, this.cells(where, member.code, this.counts.peer)));
      }
      sheet.scores.set(member.code, byPath);
    }
    this.peers.push(sheet);
  }
}

// ---------------------------------------------------------------- unit labels

interface UnitClaim {
  kind: 'code' | 'name';
  text: string;
  place: Place;
}

/**
 * Labelled cells above the header: "Đơn vị: X" in one cell, or the label alone with X in the next
 * non-blank cell to its right. Rows of a header merged down from above are not labels.
 */
function unitLabels(match: TableMatch, where: Where): { code?: UnitClaim; name?: UnitClaim; findings: Finding[] } {
  const view = match.view;
  const out: { code?: UnitClaim; name?: UnitClaim; findings: Finding[] } = { findings: [] };
  const last = headerTop(match);
  for (let r = 0; r < last; r++) {
    for (let c = 0; c < view.colCount; c++) {
      const read = readText(view, r, c);
      if (read.text === '') continue;
      const m = /^([^:：]*)[:：](.*)$/.exec(read.text);
      const label = m ? m[1]! : read.text;
      const kind = labelKind(label);
      if (!kind || out[kind]) continue;
      noteLegacy(read, { ...where, cell: view.address(r, c) }, out.findings);
      let text = cleanText(m ? m[2]! : '');
      let cell = view.address(r, c);
      // "Đơn vị: ........" in an unfilled template names nothing.
      if (foldKey(text) === '') {
        const next = nextTextRight(view, r, c);
        if (!next || foldKey(next.read.text) === '') continue;
        text = next.read.text;
        cell = view.address(r, next.col);
        noteLegacy(next.read, { ...where, cell }, out.findings);
      }
      out[kind] = { kind, text, place: { ...where, cell } };
    }
  }
  return out;
}

function labelKind(label: string): 'code' | 'name' | null {
  const k = foldKey(label);
  if (k === '') return null;
  if (UNIT_LABELS.code.some((a) => foldKey(a) === k)) return 'code';
  if (UNIT_LABELS.name.some((a) => foldKey(a) === k)) return 'name';
  return null;
}

function nextTextRight(view: SheetView, r: number, c: number): { col: number; read: TextRead } | null {
  for (let col = c + 1; col < view.colCount; col++) {
    const read = readText(view, r, col);
    if (read.text !== '') return { col, read };
  }
  return null;
}

/** The first row of the header, counting header cells merged down from rows above it. */
function headerTop(match: TableMatch): number {
  let top = match.headerRow;
  const merged = mergeFill(match.view);
  for (let c = 0; c < match.view.colCount; c++) {
    const src = merged.get(`${match.headerRow},${c}`);
    if (src && src[0] < top) top = src[0];
  }
  return top;
}

function noteLegacy(read: TextRead, place: Place, out: Finding[]): void {
  const f = legacyFinding(read, place);
  if (f) out.push(f);
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? '';
  return cleanText(name.replace(/\.[A-Za-z0-9]{1,5}$/, ''));
}

// ---------------------------------------------------------------- rubric drift

/**
 * The member's copy against the cluster's rubric, by path. Only criteria that apply to the unit are
 * required; any path the cluster does not know is an addition, whatever its group.
 */
function compareRubric(
  cluster: Rubric,
  copy: Rubric,
  match: TableMatch,
  where: Where,
  applies: (n: RubricNode) => boolean,
  unit: string,
): Finding[] {
  const out: Finding[] = [];
  const view = match.view;
  const codeCol = match.columns.code!;
  const maxCol = match.columns.max;
  for (const node of cluster.nodes) {
    if (applies(node) && !copy.byPath.has(node.path)) out.push(finding('CRITERION_MISSING', { ...where }, { path: node.path }, { unit }));
  }
  for (const mine of copy.nodes) {
    const theirs = cluster.byPath.get(mine.path);
    if (!theirs) {
      out.push(finding('CRITERION_ADDED', { ...where, cell: view.address(mine.row, codeCol) }, { path: mine.path }, { unit }));
      continue;
    }
    // A blank max in the copy changes nothing the member scores against; a different figure does.
    if (maxCol !== undefined && mine.max && theirs.max && !mine.max.eq(theirs.max)) {
      out.push(
        finding(
          'CRITERION_MAX_CHANGED',
          { ...where, cell: view.address(mine.row, maxCol) },
          { path: mine.path, expected: theirs.max.toString(), found: mine.max.toString() },
          { unit },
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- score cells

/** Which columns can count under a score source (brief rule 3); the others are read for the record only. */
interface CountingColumns {
  self: boolean;
  reviewed: boolean;
  peer: boolean;
}

function countingColumns(source: ScoreSource): CountingColumns {
  const auto = source === 'auto';
  return { self: auto || source === 'self', reviewed: auto || source === 'reviewed', peer: auto || source.startsWith('peer-') };
}

interface CellContext {
  where: Where;
  out: Finding[];
  /** The unit the figure is about; a warning severity when the column cannot count. */
  opts: FindingOptions;
}

/** One score cell of a leaf, with its finding when it is not a usable score. Never throws. */
function readScore(view: SheetView, r: number, c: number, leaf: RubricNode, ctx: CellContext): ScoreCell {
  const place: Place = { ...ctx.where, cell: view.address(r, c) };
  const unusable = (f: Finding): ScoreCell => {
    ctx.out.push(f);
    return { value: null, blank: false, place };
  };
  if (leaf.kind === 'veto') return readVeto(view, r, c, leaf, place, ctx);

  const read = readNumber(view.value(r, c));
  switch (read.kind) {
    case 'blank':
      return { value: null, blank: true, place };
    case 'ambiguous':
      return unusable(finding('SCORE_AMBIGUOUS', place, { path: leaf.path, value: cleanText(read.text) }, ctx.opts));
    case 'not-number':
      return unusable(finding('SCORE_NOT_NUMBER', place, { path: leaf.path, value: cleanText(read.text) }, ctx.opts));
    case 'error':
      return unusable(finding('SCORE_CELL_ERROR', place, { path: leaf.path, error: read.error }, ctx.opts));
    case 'number': {
      if (read.fromText !== undefined) {
        ctx.out.push(finding('NUMBER_AS_TEXT', place, { text: cleanText(read.fromText), value: read.value.toString() }, { unit: ctx.opts.unit }));
      }
      // A penalty typed as -2 deducts 2 just as a 2 does.
      const value = leaf.kind === 'penalty' ? read.value.abs() : read.value;
      if (value.isNegative() || (leaf.max !== null && value.gt(leaf.max))) {
        return unusable(
          finding('SCORE_OUT_OF_RANGE', place, { path: leaf.path, value: read.value.toString(), max: leaf.max?.toString() ?? '' }, ctx.opts),
        );
      }
      return { value, blank: false, place };
    }
  }
}

function readVeto(view: SheetView, r: number, c: number, leaf: RubricNode, place: Place, ctx: CellContext): ScoreCell {
  const v = view.value(r, c);
  if (typeof v === 'boolean') return { value: v ? Exact.ONE : Exact.ZERO, blank: false, place };
  const number = readNumber(v);
  if (number.kind === 'blank') return { value: null, blank: true, place };
  if (number.kind === 'error') {
    ctx.out.push(finding('SCORE_CELL_ERROR', place, { path: leaf.path, error: number.error }, ctx.opts));
    return { value: null, blank: false, place };
  }
  // Through readText like every other text cell: "Cã" drawn in .VnTime is "Có".
  const read = readText(view, r, c);
  noteLegacy(read, place, ctx.out);
  const key = markKey(read.text);
  if (VETO_YES.some((m) => markKey(m) === key)) return { value: Exact.ONE, blank: false, place };
  if (VETO_NO.some((m) => markKey(m) === key)) return { value: Exact.ZERO, blank: false, place };
  ctx.out.push(finding('VETO_MARK_UNKNOWN', place, { path: leaf.path, value: read.text }, ctx.opts));
  return { value: null, blank: false, place };
}

/** A subtotal or total the member wrote, when it is a number; anything else is simply not stated. */
function statedNumber(view: SheetView, r: number, c: number, where: Where): ScoreCell | null {
  const read = readNumber(view.value(r, c));
  if (read.kind !== 'number') return null;
  return { value: read.value, blank: false, place: { ...where, cell: view.address(r, c) } };
}

function holdsNumbers(view: SheetView, copy: Rubric, col: number): boolean {
  return copy.leaves.some((n) => {
    const k = readNumber(view.value(n.row, col)).kind;
    return k === 'number' || k === 'ambiguous';
  });
}
