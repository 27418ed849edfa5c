/**
 * The votes sheet (Biểu quyết): a matrix (one row per unit voted on, one column per voting member) or,
 * for a secret ballot, tallies (approvals, optionally rejections and members present). This module only
 * counts and checks the counts; whether a result is approved (threshold, quorum) is approval.ts's job.
 */
import { legacyFinding, readText } from './cells';
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { Place } from './findings/define';
import type { CellValue, GridSheet, GridWorkbook, SheetView } from './grid';
import { isBlank, isCellError } from './grid';
import type { MemberIndex } from './members';
import type { Member, UnitVote, VoteMark } from './model';
import { readNumber } from './numbers';
import { MEMBER_COLUMNS, RUBRIC_COLUMNS, SHEET_NAMES, SUBMISSION_COLUMNS, VOTE_COLUMNS, VOTE_MARKS, TOTAL_ROW_LABELS } from './aliases';
import { type TableMatch, findTable, mergeFill, specsOf } from './tables';
import { cleanText, foldKey, markKey, matchesAlias } from './text';

export interface VotesResult {
  votes: UnitVote[];
  findings: Finding[];
}

interface Where {
  file: string;
  sheet: string;
}

/**
 * Headers of a matrix that are not voters: row numbers, the unit's other identifying column, notes and
 * totals the secretary keeps beside the marks. Any other header is a voter and must be a member.
 */
const NOT_VOTER_HEADERS: readonly string[] = [
  ...RUBRIC_COLUMNS.code,
  ...MEMBER_COLUMNS.code,
  ...MEMBER_COLUMNS.name,
  ...MEMBER_COLUMNS.group,
  ...VOTE_COLUMNS.unit,
  ...SUBMISSION_COLUMNS.evidence,
  'Tổng', 'Tổng số', 'Tổng cộng', 'Cộng', 'Kết quả', 'Tỷ lệ', 'Tỉ lệ', 'Xếp hạng', 'Hạng', 'Tổng điểm', 'Điểm',
  'Total', 'Result', 'Rate', 'Rank', 'Score',
];

type Mark = VoteMark | 'abstain' | 'absent';

// ---------------------------------------------------------------- entry point

export function parseVotes(wb: GridWorkbook, members: MemberIndex): VotesResult {
  const out: VotesResult = { votes: [], findings: [] };
  const sheet = wb.sheets.find((s) => matchesAlias(s.name, SHEET_NAMES.votes));
  if (!sheet) return out;
  const where: Where = { file: wb.file, sheet: sheet.name };
  if (sheet.hidden) {
    out.findings.push(finding('SHEET_HIDDEN_IGNORED', { ...where }, {}));
    return out;
  }
  const match = findTable(sheet, specsOf(VOTE_COLUMNS, ['unit']));
  if (!match || match.missing.length > 0) {
    if (hasContent(sheet)) out.findings.push(finding('VOTE_TABLE_NOT_FOUND', { ...where }, {}));
    return out;
  }
  const rows = new VoteRows(match, where, members, out);
  if (match.columns.approvals !== undefined) rows.readTallies();
  else rows.readMatrix();
  return out;
}

function hasContent(sheet: GridSheet): boolean {
  return sheet.values.some((row) => row?.some((v) => !isBlank(v)));
}

// ---------------------------------------------------------------- rows of either form

interface Voter {
  member: Member;
  /** Columns headed by this member; more than one is the duplicate-voter error. */
  cols: number[];
  /** Header cell of its first column. */
  header: string;
}

class VoteRows {
  private readonly view: SheetView;
  /** unit key -> its vote, to report the same unit on two rows. */
  private readonly byUnit = new Map<string, { vote: UnitVote; cell: string }>();
  private readonly hidden: number[] = [];

  constructor(
    private readonly match: TableMatch,
    private readonly where: Where,
    private readonly members: MemberIndex,
    private readonly out: VotesResult,
  ) {
    this.view = match.view;
  }

  readMatrix(): void {
    const { voters, strangers } = this.voters();
    if (voters.length === 0 && strangers.length === 0) {
      this.out.findings.push(finding('VOTE_TABLE_NOT_FOUND', { ...this.where }, {}));
      return;
    }
    const voterCols = [...voters.flatMap((v) => v.cols), ...strangers];
    for (let r = this.match.headerRow + 1; r < this.view.rowCount; r++) {
      if (voterCols.every((c) => isBlank(this.view.value(r, c)))) continue;
      const unit = this.unitOf(r);
      if (!unit) continue;
      const vote = this.newVote(r, unit, { marks: new Map(), approvals: 0, rejections: 0, present: 0 });
      // A non-member's mark taints the row: the count would include someone who may not vote.
      if (strangers.some((c) => !isBlank(this.view.value(r, c)))) vote.invalid = true;
      for (const voter of voters) this.readVoter(r, voter, vote, unit.code);
      this.keep(vote, r);
    }
    this.reportHidden();
  }

  readTallies(): void {
    const cols = this.match.columns;
    const tallyCols = [cols.approvals, cols.rejections, cols.present].filter((c): c is number => c !== undefined);
    for (let r = this.match.headerRow + 1; r < this.view.rowCount; r++) {
      if (tallyCols.every((c) => isBlank(this.view.value(r, c)))) continue;
      const unit = this.unitOf(r);
      if (!unit) continue;
      const vote = this.newVote(r, unit, { approvals: 0, rejections: null, present: null });
      const approvals = this.tally(r, cols.approvals!, vote, unit.code, true);
      const rejections = cols.rejections === undefined ? null : this.tally(r, cols.rejections, vote, unit.code, false);
      const present = cols.present === undefined ? null : this.tally(r, cols.present, vote, unit.code, false);
      vote.approvals = approvals ?? 0;
      vote.rejections = rejections;
      vote.present = present;
      if (!vote.invalid) this.checkCounts(r, vote, unit.code);
      this.keep(vote, r);
    }
    this.reportHidden();
  }

  // -------------------------------------------------------------- matrix columns and marks

  /** Voter columns of the header: members (grouped, duplicates reported) and non-members (reported). */
  private voters(): { voters: Voter[]; strangers: number[] } {
    const merged = mergeFill(this.view);
    const byCode = new Map<string, Voter>();
    const strangers: number[] = [];
    for (const { col } of this.match.extra) {
      const [r, c] = merged.get(`${this.match.headerRow},${col}`) ?? [this.match.headerRow, col];
      const read = readText(this.view, r, c);
      if (read.text === '' || NOT_VOTER_HEADERS.some((a) => foldKey(a) === foldKey(read.text))) continue;
      const place: Place = { ...this.where, cell: this.view.address(r, c) };
      const legacy = legacyFinding(read, place);
      if (legacy) this.out.findings.push(legacy);
      const member = this.members.find(read.text);
      if (!member) {
        this.out.findings.push(finding('VOTE_VOTER_NOT_MEMBER', place, { voter: read.text }));
        strangers.push(col);
        continue;
      }
      const voter = byCode.get(member.code);
      if (voter) {
        this.out.findings.push(finding('VOTE_DUPLICATE_VOTER', place, { voter: member.code, other: voter.header }));
        voter.cols.push(col);
      } else {
        byCode.set(member.code, { member, cols: [col], header: place.cell! });
      }
    }
    return { voters: [...byCode.values()], strangers };
  }

  /**
   * One member's mark on one row. With two columns for the member, two marks on the same row is that
   * member voting twice; a single mark in either column still counts once.
   */
  private readVoter(r: number, voter: Voter, vote: UnitVote, unit: string): void {
    let counted: Mark | null = null;
    let marks = 0;
    for (const c of voter.cols) {
      const v = this.view.value(r, c);
      if (isBlank(v)) continue;
      marks++;
      const mark = this.mark(r, c, v);
      if (mark === null) {
        this.out.findings.push(finding('VOTE_UNKNOWN_MARK', this.place(r, c), { mark: markText(this.view, r, c, v) }, { unit }));
        vote.invalid = true;
      } else if (counted === null) {
        counted = mark;
      }
    }
    if (marks > 1) vote.invalid = true;
    // "Vắng" says in words what a blank cell says: the member did not take part.
    if (marks === 0 || counted === 'absent') return;
    vote.present = (vote.present ?? 0) + 1;
    if (counted === null) return;
    vote.marks!.set(voter.member.code, counted === 'abstain' ? 'blank' : counted);
    if (counted === 'approve') vote.approvals++;
    if (counted === 'reject') vote.rejections = (vote.rejections ?? 0) + 1;
  }

  private mark(r: number, c: number, v: CellValue): Mark | null {
    if (isCellError(v)) return null;
    const key = markKey(markText(this.view, r, c, v));
    if (VOTE_MARKS.approve.some((m) => markKey(m) === key)) return 'approve';
    if (VOTE_MARKS.reject.some((m) => markKey(m) === key)) return 'reject';
    if (VOTE_MARKS.abstain.some((m) => markKey(m) === key)) return 'abstain';
    if (VOTE_MARKS.absent.some((m) => markKey(m) === key)) return 'absent';
    return null;
  }

  // -------------------------------------------------------------- tallies

  /** A count cell: a whole number, not negative. Blank is null (a blank approvals cell is an error). */
  private tally(r: number, c: number, vote: UnitVote, unit: string, required: boolean): number | null {
    const v = this.view.value(r, c);
    const read = readNumber(v);
    const bad = () => {
      this.out.findings.push(finding('VOTE_TALLY_INVALID', this.place(r, c), { value: markText(this.view, r, c, v) }, { unit }));
      vote.invalid = true;
      return null;
    };
    if (read.kind === 'blank') return required ? bad() : null;
    if (read.kind !== 'number' || !read.value.isInteger() || read.value.isNegative()) return bad();
    if (read.fromText !== undefined) {
      this.out.findings.push(finding('NUMBER_AS_TEXT', this.place(r, c), { text: cleanText(read.fromText), value: read.value.toString() }, { unit }));
    }
    return read.value.toNumber();
  }

  /** No count may exceed the members; approvals and rejections together may not exceed either. */
  private checkCounts(r: number, vote: UnitVote, unit: string): void {
    const n = this.members.size;
    const cols = this.match.columns;
    const exceeds = (count: number, c: number, present: number | null) => {
      this.out.findings.push(finding('VOTE_TALLY_EXCEEDS_MEMBERS', this.place(r, c), { count, members: n, present }, { unit }));
      vote.invalid = true;
    };
    const single: [number | null, number | undefined][] = [
      [vote.approvals, cols.approvals],
      [vote.rejections, cols.rejections],
      [vote.present, cols.present],
    ];
    for (const [count, c] of single) if (count !== null && c !== undefined && count > n) exceeds(count, c, null);
    if (vote.invalid) return;
    const both = vote.approvals + (vote.rejections ?? 0);
    if (both > n) exceeds(both, cols.approvals!, null);
    else if (vote.present !== null && both > vote.present) exceeds(both, cols.present!, vote.present);
  }

  // -------------------------------------------------------------- shared row handling

  /** The unit a row votes on, or null for a blank or closing total row. Unknown units are reported. */
  private unitOf(r: number): { code: string; member: Member | null } | null {
    const c = this.match.columns.unit!;
    const read = readText(this.view, r, c);
    if (read.text === '' || matchesAlias(read.text, TOTAL_ROW_LABELS)) return null;
    const legacy = legacyFinding(read, this.place(r, c));
    if (legacy) this.out.findings.push(legacy);
    const member = this.members.find(read.text);
    if (!member) this.out.findings.push(finding('VOTE_UNIT_UNKNOWN', this.place(r, c), { unit: read.text }, { unit: read.text }));
    return { code: member ? member.code : read.text, member };
  }

  private newVote(
    r: number,
    unit: { code: string; member: Member | null },
    counts: Pick<UnitVote, 'approvals' | 'rejections' | 'present'> & { marks?: Map<string, VoteMark> },
  ): UnitVote {
    const vote: UnitVote = { unit: unit.code, place: this.place(r, this.match.columns.unit!), ...counts, invalid: unit.member === null };
    const awardCol = this.match.columns.award;
    if (awardCol !== undefined) {
      const award = readText(this.view, r, awardCol).text;
      if (award !== '') vote.award = award;
    }
    if (this.view.isRowHidden(r)) this.hidden.push(this.view.originRow + r + 1);
    return vote;
  }

  /** Keeps the first row of a unit; a second row makes that unit's vote invalid. */
  private keep(vote: UnitVote, r: number): void {
    const first = this.byUnit.get(vote.unit);
    const cell = this.view.address(r, this.match.columns.unit!);
    if (first) {
      this.out.findings.push(finding('VOTE_DUPLICATE_UNIT', vote.place, { unit: vote.unit, other: first.cell }, { unit: vote.unit }));
      first.vote.invalid = true;
      return;
    }
    this.byUnit.set(vote.unit, { vote, cell });
    this.out.votes.push(vote);
  }

  private reportHidden(): void {
    if (this.hidden.length > 0) this.out.findings.push(finding('ROW_HIDDEN_READ', { ...this.where }, { rows: this.hidden.join(', ') }));
  }

  private place(r: number, c: number): Place {
    return { ...this.where, cell: this.view.address(r, c) };
  }
}

/** The text of a mark or count cell as the secretary sees it. */
function markText(view: SheetView, r: number, c: number, v: CellValue): string {
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return readText(view, r, c).text;
}
