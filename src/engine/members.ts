/**
 * The cluster's members (Đơn vị): code, name and optional group, and the index every other parser uses
 * to tell which unit a submission, a vote row or a peer-score column means.
 */
import { MEMBER_COLUMNS, RUBRIC_COLUMNS, SHEET_NAMES, SUBMISSION_COLUMNS, VOTE_COLUMNS } from './aliases';
import { legacyFinding, readText } from './cells';
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { Place } from './findings/define';
import type { GridWorkbook } from './grid';
import { isCellError } from './grid';
import type { Member } from './model';
import type { ColumnSpec, TableMatch } from './tables';
import { findTable, headerTexts, matchRow, sheetsByName, specsOf } from './tables';
import { foldKey } from './text';

const MEMBER_SPECS = specsOf(MEMBER_COLUMNS, ['code', 'name']);

/**
 * Columns that mark a table as something else that also has "Mã" and "Đơn vị ..." headers: the rubric or
 * a pasted submission (max, self score), a vote tally, or a ranking sheet the product generated.
 */
const NOT_MEMBERS: ColumnSpec[] = [
  { key: 'max', aliases: RUBRIC_COLUMNS.max, required: false },
  { key: 'self', aliases: SUBMISSION_COLUMNS.self, required: false },
  { key: 'approvals', aliases: VOTE_COLUMNS.approvals, required: false },
  { key: 'rank', aliases: ['Hạng', 'Xếp hạng', 'Thứ hạng', 'Rank', 'Ranking'], required: false },
];

/**
 * A bottom total row ("Tổng cộng", "Tổng số: 6 đơn vị"). Matched whole, not by prefix: "Tổng công ty
 * Điện lực" folds to a text that starts like "Tổng cộng" and is a member.
 */
function isTotalRow(text: string): boolean {
  return /^(tong|cong|tongcong|tongso|total|grandtotal)(co)?\d*(donvi|units?)?$/.test(foldKey(text));
}

export function parseMembers(wb: GridWorkbook): { members: Member[]; findings: Finding[] } {
  const preferred = new Set(SHEET_NAMES.members.map(foldKey));
  let partial: TableMatch | null = null;
  for (const sheet of sheetsByName(wb, SHEET_NAMES.members)) {
    const match = findTable(sheet, MEMBER_SPECS);
    if (!match || looksLikeOtherTable(match)) continue;
    if (match.missing.length === 0) return readMembers(match, wb.file);
    if (!partial && preferred.has(foldKey(sheet.name))) partial = match;
  }
  if (partial) {
    const place: Place = { file: wb.file, sheet: partial.view.sheet.name, cell: partial.view.address(partial.headerRow, 0) };
    const findings = partial.missing.map((key) =>
      finding('MEMBERS_COLUMN_MISSING', place, { column: (MEMBER_COLUMNS as Record<string, readonly string[]>)[key]?.[0] ?? key }),
    );
    return { members: [], findings };
  }
  return { members: [], findings: [finding('MEMBERS_SHEET_MISSING', { file: wb.file }, {})] };
}

function looksLikeOtherTable(match: TableMatch): boolean {
  const { columns } = matchRow(headerTexts(match.view, match.headerRow), NOT_MEMBERS);
  return NOT_MEMBERS.some((s) => columns[s.key] !== undefined);
}

function readMembers(match: TableMatch, file: string): { members: Member[]; findings: Finding[] } {
  const { view } = match;
  const sheet = view.sheet.name;
  const codeCol = match.columns.code!;
  const nameCol = match.columns.name!;
  const groupCol = match.columns.group;
  const at = (r: number, c: number): Place => ({ file, sheet, cell: view.address(r, c) });
  const members: Member[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, Member>();

  for (let r = match.headerRow + 1; r < view.rowCount; r++) {
    const codeCell = view.value(r, codeCol);
    const codeRead = isCellError(codeCell) ? { text: '' } : readText(view, r, codeCol);
    const nameRead = readText(view, r, nameCol);
    const code = codeRead.text;
    const name = nameRead.text;
    if (code === '' && name === '' && !isCellError(codeCell)) continue;
    if (code === '' && isTotalRow(name)) break;
    if (isTotalRow(code) && name === '') break;

    for (const [read, c] of [[codeRead, codeCol], [nameRead, nameCol]] as const) {
      const legacy = legacyFinding(read, at(r, c));
      if (legacy) findings.push(legacy);
    }
    const key = foldKey(code);
    const first = code === '' ? undefined : seen.get(key);
    if (first) {
      findings.push(finding('MEMBER_DUPLICATE', at(r, codeCol), { unit: code, other: first.place.cell ?? '' }, { unit: first.code }));
      continue;
    }
    let group = '';
    if (groupCol !== undefined) {
      const groupRead = readText(view, r, groupCol);
      const legacy = legacyFinding(groupRead, at(r, groupCol));
      if (legacy) findings.push(legacy);
      group = groupRead.text;
    }
    if (code === '') {
      // Still a member: listed unranked with the reason (compute.ts), and counted when votes are.
      findings.push(finding('MEMBER_CODE_MISSING', at(r, codeCol), { name }));
      members.push({ code: '', name, group, place: at(r, codeCol) });
      continue;
    }
    const member: Member = { code, name: name === '' ? code : name, group, place: at(r, codeCol) };
    seen.set(key, member);
    members.push(member);
  }
  if (members.length === 0 && findings.length === 0) {
    findings.push(finding('MEMBERS_EMPTY', at(match.headerRow, codeCol), {}));
  }
  return { members, findings };
}

/**
 * Finds a member by what a person typed: its code, its name, or the end of its name ("Hoàn Kiếm" for
 * "LĐLĐ quận Hoàn Kiếm"), all folded so case, accents, NFD and spacing do not matter.
 */
export class MemberIndex {
  private readonly codes = new Map<string, Member>();
  /** null marks a name two members share: it names neither. */
  private readonly names = new Map<string, Member | null>();
  private readonly folded: { name: string; member: Member }[] = [];

  /** Every member, those without a code included: the count votes are measured against. */
  readonly size: number;

  constructor(members: Member[]) {
    this.size = members.length;
    for (const m of members) {
      const code = foldKey(m.code);
      // Submissions and votes name a unit by its code or name; without a code it stays unranked until the
      // secretary gives it one (MEMBER_CODE_MISSING), so nothing is matched to it meanwhile.
      if (code === '') continue;
      if (!this.codes.has(code)) this.codes.set(code, m);
      const name = foldKey(m.name);
      if (name === '') continue;
      this.names.set(name, this.names.has(name) ? null : m);
      this.folded.push({ name, member: m });
    }
  }

  byCode(code: string): Member | null {
    return this.codes.get(foldKey(code)) ?? null;
  }

  find(text: string): Member | null {
    const k = foldKey(text);
    if (k === '') return null;
    const byCode = this.codes.get(k);
    if (byCode) return byCode;
    if (this.names.has(k)) return this.names.get(k) ?? null;
    // A short text ends too many names by chance ("an" ends "Hải An" and "Lê Chân Tân An").
    if (k.length < 4) return null;
    let hit: Member | null = null;
    for (const { name, member } of this.folded) {
      if (!name.endsWith(k) || member === hit) continue;
      if (hit) return null;
      hit = member;
    }
    return hit;
  }
}
