/**
 * Building cluster and submission workbooks from plain data, in the layout the engine reads: used by
 * `thidua template` (blank forms) and by the sample cluster's generator (filled ones), so both always
 * agree with the parser. Browser-safe.
 */
import type { Worksheet } from './exceljs';
import { ExcelJS } from './exceljs';
import type { Workbook } from './exceljs';
import { LOOKS } from './styles';

export interface RubricRowSpec {
  code: string | number | null;
  label: string;
  max: number | null;
  /** Cộng, Trừ, Điều kiện; blank for a standard criterion. */
  kind?: string | null;
  weight?: number | null;
}

export interface MemberSpec {
  code: string;
  name: string;
  group?: string;
  role?: string;
}

export type Cell = string | number | boolean | null;

export interface ClusterSpec {
  /** Title rows above each table (merged across it). */
  title: string;
  subtitle?: string;
  rubric: readonly RubricRowSpec[];
  members: readonly MemberSpec[];
  /** Vote matrix: unit code -> one mark per member in `members` order; omit for a blank matrix. */
  votes?: Readonly<Record<string, readonly Cell[]>>;
  /** Settings rows: label, value, and a note for the secretary. */
  settings: readonly (readonly [string, Cell, string?])[];
  /** Lines of the Hướng dẫn sheet; omitted when empty. */
  instructions?: readonly string[];
}

export interface SubmissionSpec {
  sheetName: string;
  title: string;
  /** Rows between the title and the header, as typed (`['Đơn vị:', 'LĐLĐ quận Ba Đình']`). */
  labelRows: readonly (readonly Cell[])[];
  rubric: readonly RubricRowSpec[];
  /** Self score per rubric row (same index); parent rows may hold the member's subtotal. */
  self?: readonly Cell[];
  reviewed?: readonly Cell[];
  evidence?: readonly Cell[];
  /** Total row under the table, as the member typed it; omitted when undefined. */
  total?: Cell;
  /** Data validation on score cells (0 to max) so Excel refuses an out-of-range score as it is typed. */
  validation?: boolean;
  /** A blank row between the label rows and the header (default true). */
  gapRow?: boolean;
}

export const RUBRIC_HEADERS = ['Mã', 'Nội dung', 'Điểm tối đa', 'Loại', 'Hệ số'] as const;
export const SUBMISSION_HEADERS = [...RUBRIC_HEADERS, 'Tự chấm', 'Cụm chấm', 'Minh chứng / Ghi chú'] as const;

export function newWorkbook(): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiDua';
  return wb;
}

export function buildClusterWorkbook(spec: ClusterSpec): Workbook {
  const wb = newWorkbook();
  if (spec.instructions && spec.instructions.length > 0) instructionsSheet(wb, spec.instructions);
  rubricSheet(wb, spec);
  membersSheet(wb, spec);
  votesSheet(wb, spec);
  settingsSheet(wb, spec);
  return wb;
}

function titled(ws: Worksheet, width: number, title: string, subtitle?: string): number {
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { ...LOOKS.title.font };
  ws.mergeCells(1, 1, 1, width);
  if (subtitle) {
    ws.getCell(2, 1).value = subtitle;
    ws.getCell(2, 1).font = { ...LOOKS.subtitle.font };
    ws.mergeCells(2, 1, 2, width);
  }
  return subtitle ? 3 : 2;
}

function header(ws: Worksheet, row: number, texts: readonly string[]): void {
  texts.forEach((t, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = t;
    const look = LOOKS.header;
    if (look.font) c.font = { ...look.font };
    if (look.fill) c.fill = look.fill;
    if (look.border) c.border = look.border;
    if (look.alignment) c.alignment = look.alignment;
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: row }];
}

function widths(ws: Worksheet, w: readonly number[]): void {
  w.forEach((x, i) => (ws.getColumn(i + 1).width = x));
}

function instructionsSheet(wb: Workbook, lines: readonly string[]): void {
  const ws = wb.addWorksheet('Hướng dẫn');
  lines.forEach((line, i) => {
    ws.getCell(i + 1, 1).value = line;
    if (i === 0) ws.getCell(i + 1, 1).font = { ...LOOKS.title.font };
  });
  widths(ws, [120]);
}

const KIND_LIST = '"Chuẩn,Cộng,Trừ,Điều kiện"';

function rubricSheet(wb: Workbook, spec: ClusterSpec): void {
  const ws = wb.addWorksheet('Thang điểm');
  const top = titled(ws, RUBRIC_HEADERS.length, spec.title, spec.subtitle) + 1;
  header(ws, top, RUBRIC_HEADERS);
  spec.rubric.forEach((r, i) => {
    const row = top + 1 + i;
    ws.getRow(row).values = [r.code, r.label, r.max, r.kind ?? null, r.weight ?? null];
    if (isSection(r.code)) ws.getRow(row).font = { bold: true };
  });
  const last = top + Math.max(spec.rubric.length, 30);
  validate(ws, `C${top + 1}:C${last}`, positive('Điểm tối đa phải là số dương / Max points must be positive'));
  validate(ws, `D${top + 1}:D${last}`, { type: 'list', allowBlank: true, formulae: [KIND_LIST] });
  validate(ws, `E${top + 1}:E${last}`, positive('Hệ số phải là số dương / Weight must be positive'));
  widths(ws, [8, 70, 12, 12, 8]);
}

type Validation = NonNullable<ReturnType<Worksheet['getCell']>['dataValidation']>;

/**
 * One validation rule over a whole range. Set cell by cell, exceljs regroups equal neighbours when it
 * saves, sorting addresses as text (F10 before F9), and can write ranges that overlap; a range key is
 * written as it is.
 */
function validate(ws: Worksheet, range: string, rule: Validation): void {
  (ws as unknown as { dataValidations: { add(address: string, v: Validation): void } }).dataValidations.add(range, rule);
}

function positive(error: string): Validation {
  return { type: 'decimal', operator: 'greaterThan', allowBlank: true, showErrorMessage: true, error, formulae: [0] };
}

function membersSheet(wb: Workbook, spec: ClusterSpec): void {
  const ws = wb.addWorksheet('Đơn vị');
  const heads = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khối', 'Vai trò trong cụm'];
  const top = titled(ws, heads.length, spec.title) + 1;
  header(ws, top, heads);
  spec.members.forEach((m, i) => {
    ws.getRow(top + 1 + i).values = [i + 1, m.code, m.name, m.group || null, m.role || null];
  });
  widths(ws, [6, 12, 36, 14, 18]);
}

const MARK_LIST = '"x,Không"';

function votesSheet(wb: Workbook, spec: ClusterSpec): void {
  const ws = wb.addWorksheet('Biểu quyết');
  const codes = spec.members.map((m) => m.code);
  const heads = ['Mã đơn vị', ...codes];
  const top = titled(ws, Math.max(heads.length, 2), spec.title, 'Hàng: đơn vị được biểu quyết; cột: thành viên biểu quyết (x = đồng ý, Không = không đồng ý, để trống = không biểu quyết)') + 1;
  header(ws, top, heads);
  spec.members.forEach((m, i) => {
    const marks = spec.votes?.[m.code] ?? [];
    ws.getRow(top + 1 + i).values = [m.code, ...codes.map((_, j) => marks[j] ?? null)];
  });
  if (codes.length > 0) {
    validate(ws, `B${top + 1}:${ws.getColumn(codes.length + 1).letter}${top + codes.length}`, { type: 'list', allowBlank: true, formulae: [MARK_LIST] });
  }
  widths(ws, [14, ...codes.map(() => 9)]);
}

function settingsSheet(wb: Workbook, spec: ClusterSpec): void {
  const ws = wb.addWorksheet('Cấu hình');
  const top = titled(ws, 3, spec.title) + 1;
  header(ws, top, ['Tham số', 'Giá trị', 'Ghi chú']);
  spec.settings.forEach(([k, v, note], i) => {
    ws.getRow(top + 1 + i).values = [k, v, note ?? null];
  });
  widths(ws, [30, 48, 70]);
}

function isSection(code: RubricRowSpec['code']): boolean {
  return typeof code === 'string' && /^[IVXLC]+$/.test(code);
}

export function buildSubmissionWorkbook(spec: SubmissionSpec): Workbook {
  const wb = newWorkbook();
  addSubmissionSheet(wb, spec);
  return wb;
}

export function addSubmissionSheet(wb: Workbook, spec: SubmissionSpec): Worksheet {
  const ws = wb.addWorksheet(spec.sheetName);
  ws.getCell(1, 1).value = spec.title;
  ws.getCell(1, 1).font = { ...LOOKS.title.font };
  ws.mergeCells(1, 1, 1, SUBMISSION_HEADERS.length);
  spec.labelRows.forEach((cells, i) => (ws.getRow(2 + i).values = [...cells]));
  const top = 2 + spec.labelRows.length + (spec.gapRow === false ? 0 : 1);
  header(ws, top, SUBMISSION_HEADERS);
  spec.rubric.forEach((r, i) => {
    const row = top + 1 + i;
    ws.getRow(row).values = [r.code, r.label, r.max, r.kind ?? null, r.weight ?? null, spec.self?.[i] ?? null, spec.reviewed?.[i] ?? null, spec.evidence?.[i] ?? null];
    if (isSection(r.code)) ws.getRow(row).font = { bold: true };
  });
  if (spec.validation) {
    // Consecutive rows with the same rule share one range.
    let from = 0;
    const rules = spec.rubric.map((r, i) => scoreValidation(r, spec.rubric[i + 1]));
    rules.forEach((v, i) => {
      const next = rules[i + 1];
      if (next !== undefined && JSON.stringify(next) === JSON.stringify(v)) return;
      if (v) validate(ws, from === i ? `F${top + 1 + i}` : `F${top + 1 + from}:F${top + 1 + i}`, v);
      from = i + 1;
    });
  }
  if (spec.total !== undefined) {
    const row = top + 1 + spec.rubric.length;
    ws.getRow(row).values = [null, 'Tổng cộng', null, null, null, spec.total];
    ws.getRow(row).font = { bold: true };
  }
  widths(ws, [8, 70, 12, 10, 8, 10, 10, 30]);
  return ws;
}

/** 0 to max for scores, -max to max for penalties (typed as 2 or -2), x / Không for veto conditions. */
function scoreValidation(r: RubricRowSpec, next: RubricRowSpec | undefined): Validation | null {
  const kind = (r.kind ?? '').toLowerCase();
  if (kind.startsWith('điều kiện')) return { type: 'list', allowBlank: true, formulae: [MARK_LIST] };
  // A row whose next row is its child is a parent: its cell holds the member's subtotal, not a score.
  if (r.max === null || isSection(r.code) || (next && isChildCode(r.code, next.code))) return null;
  const low = kind.startsWith('trừ') ? -r.max : 0;
  return {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Điểm không hợp lệ / Invalid score',
    error: `Điểm từ ${viNumber(low)} đến ${viNumber(r.max)} / Score from ${low} to ${r.max}`,
    formulae: [low, r.max],
  };
}

/** 7.5 as Vietnamese writes it: 7,5. */
function viNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** `3` followed by `a`: a criterion with lettered sub-criteria. */
function isChildCode(code: RubricRowSpec['code'], next: RubricRowSpec['code']): boolean {
  return typeof next === 'string' && /^[a-z]$/.test(next) && (typeof code === 'number' || /^\d+$/.test(String(code)));
}

export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
