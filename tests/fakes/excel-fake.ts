/**
 * A strict in-memory Excel for testing Office.js code without Excel.
 *
 * Strict where real Excel bites:
 * - reading a property before `load()` + `sync()` throws PropertyNotLoaded, as Office.js does;
 * - commands are queued and run only at `sync()`, in order; every sync is counted and logged;
 * - a request whose payload (JSON of everything queued since the last sync) or whose response exceeds
 *   5 MB fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, like Excel on the web;
 * - a string starting with `=`, `+`, `-` or `@` written to `values` becomes a formula, a numeric-looking
 *   string a number and TRUE/FALSE a boolean, unless the cell's number format is `@` (text) already;
 * - sheet, table and defined names are validated and unique (case-insensitive); the last visible sheet
 *   cannot be deleted, nor a "VeryHidden" one; tables may not overlap; table headers are made unique text
 *   as Excel does;
 * - Excel's own limits: 32,767 characters in a cell, 65,530 hyperlinks on a worksheet, 255 characters in a
 *   defined, table or chart-series name, five million cells in one read (RangeExceedsLimit);
 * - a bad argument (an address outside the sheet) fails at `sync()`, where Office.js reports it, not when
 *   the call is queued.
 *
 * The workbook is plain data (`fake.state`) that tests seed from grids and inspect directly.
 * `fake.install()` sets the globals `Excel`, `Office` and `OfficeExtension` for code that uses them.
 */
import type { CellValue, GridSheet } from '../../src/engine';
import { columnIndex, columnLetters, formatAddress, isCellError, parseAddress } from '../../src/engine';

/** Excel on the web refuses requests and responses above 5 MB. */
export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** "Excel specifications and limits": characters in a cell, hyperlinks on a worksheet. */
export const FAKE_CELL_TEXT_MAX = 32_767;
export const FAKE_HYPERLINKS_PER_SHEET_MAX = 65_530;
/** Defined and table names, and chart series names ("should not be greater than 255 characters"). */
const NAME_MAX = 255;
/** "On all platforms, a range is limited to five million cells for get operations." */
const READ_CELLS_MAX = 5_000_000;

// ------------------------------------------------------------------------------------------ state

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface FakeCell {
  /** Cached value; null when empty (or an error, see `error`). */
  value: string | number | boolean | null;
  formula?: string;
  error?: string;
  numberFormat?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  hyperlink?: FakeHyperlink;
}

export interface FakeTable {
  name: string;
  /** A1 range on its sheet, header row first. */
  address: string;
  style?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
  legendVisible?: boolean;
  seriesName?: string;
  xValues?: string;
  reversePlotOrder?: boolean;
  position?: { start: string; end?: string };
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Sparse rows of cells from A1. */
  cells: (FakeCell | undefined)[][];
  merges: string[];
  /** 1-based hidden row numbers. */
  hiddenRows: number[];
  /** 0-based column -> width in points. */
  columnWidths: Record<number, number>;
  freezeRows: number;
  tables: FakeTable[];
  charts: FakeChart[];
  conditionalFormats: { address: string; type: string }[];
}

export interface FakeName {
  name: string;
  /** Sheet the name refers to (by id, so renames follow); null when it refers to nothing. */
  sheetId: string | null;
  /** Absolute A1 address on that sheet (`$A$1`). */
  address: string | null;
  comment?: string;
}

export interface FakeWorkbookState {
  name: string;
  sheets: FakeSheet[];
  names: FakeName[];
  activeSheetId: string | null;
  calculationMode: string;
}

export interface FakeSync {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  ok: boolean;
  error?: string;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
}

/** A sheet to seed: a GridSheet (values with cached results, fonts, merges, hidden rows) plus formulas. */
export interface FakeSheetSeed extends GridSheet {
  formulas?: (string | null | undefined)[][];
  numberFormats?: (string | null | undefined)[][];
  visibility?: FakeSheet['visibility'];
}

export interface FakeOptions {
  /** Payload cap of one request and of one response (default 5 MB, Excel on the web). */
  payloadLimit?: number;
  /** Highest ExcelApi version the fake claims (default 1.13). */
  excelApi?: string;
  sharedRuntime?: boolean;
  displayLanguage?: string;
  /**
   * Off by default. When set, a single read or cell-properties call over more cells than this fails the
   * whole request with GeneralException ("An internal error has occurred."), which is how Excel on the web
   * has answered oversized operations (office-js #1314, #2564; office-js-docs-reference #354) where the
   * documented payload errors did not apply. The threshold is not documented, hence an option.
   */
  internalErrorCells?: number;
}

// ------------------------------------------------------------------------------------------ errors

export class FakeRichApiError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

const fail = (code: string, message: string): never => {
  throw new FakeRichApiError(code, message);
};

function notLoaded(prop: string): FakeRichApiError {
  return new FakeRichApiError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ------------------------------------------------------------------------------------------ helpers

// Measured with the platform's own encoder, not the host's counter: a fake that shared the host's
// arithmetic could not catch a mistake in it.
const encoder = new TextEncoder();
const utf8 = (s: string): number => encoder.encode(s).length;
const json = (v: unknown): number => utf8(JSON.stringify(v) ?? 'null');
const key = (name: string): string => name.normalize('NFC').toLowerCase();

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

function rectAddress(r: Rect): string {
  const a = formatAddress({ row: r.r0, col: r.c0 });
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${formatAddress({ row: r.r0 + r.rows - 1, col: r.c0 + r.cols - 1 })}`;
}

function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A1, A1:B2, B:D, 3:5, with optional `Sheet!` prefix and `$`; the whole sheet for '' / undefined. */
function parseRect(address: string | undefined): Rect {
  if (address === undefined || address.trim() === '') return { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLS };
  const a = address.replace(/^.*!/, '').replace(/\$/g, '').trim().toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (cols) {
    const c1 = columnIndex(cols[1]!);
    const c2 = columnIndex(cols[2]!);
    return { r0: 0, c0: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 };
  }
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) {
    const r1 = Number(rows[1]) - 1;
    const r2 = Number(rows[2]) - 1;
    return { r0: Math.min(r1, r2), c0: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS };
  }
  const [p, q] = a.split(':');
  const s = parseAddress(p ?? '');
  const e = q === undefined ? s : parseAddress(q);
  if (!s || !e) return fail('InvalidArgument', `Invalid range address "${address}".`);
  return { r0: Math.min(s.row, e.row), c0: Math.min(s.col, e.col), rows: Math.abs(e.row - s.row) + 1, cols: Math.abs(e.col - s.col) + 1 };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}

function isEmptyCell(c: FakeCell | undefined): boolean {
  return !c || (c.value === null && c.formula === undefined && c.error === undefined);
}

function formatNumber(v: number, format: string): string {
  const m = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (!m) return String(v);
  const fixed = v.toFixed(m[2]?.length ?? 0);
  if (!m[1]) return fixed;
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

const CHART_TYPES = new Set(['BarClustered', 'BarStacked', 'ColumnClustered', 'ColumnStacked', 'Line', 'Pie']);

/** Table.style: the built-in styles (TableStyleLight1-21, Medium1-28, Dark1-11) or none. */
function isTableStyle(v: string): boolean {
  const m = /^TableStyle(Light|Medium|Dark)(\d+)$/.exec(v);
  if (!m) return v === '';
  const n = Number(m[2]);
  const max = m[1] === 'Light' ? 21 : m[1] === 'Medium' ? 28 : 11;
  return n >= 1 && n <= max;
}

/**
 * Excel's rules for a defined or table name (ECMA-376 Part 4 "Names", Excel's "Names in formulas"): a
 * letter (any script), `_` or a backslash first, then letters, digits, `_`, `.`, backslash; at most 255 characters;
 * not TRUE/FALSE, not R or C (selection shortcuts), not a cell reference in A1 or R1C1 style.
 */
function isValidName(name: string): boolean {
  if (name.length === 0 || name.length > NAME_MAX) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^(true|false)$/i.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  return !/^(?:[Rr]\d*)?(?:[Cc]\d*)?$/.test(name);
}

const CF_TYPES = new Set(['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue']);

// ------------------------------------------------------------------------------------------ the fake

export class FakeExcel {
  state: FakeWorkbookState;
  readonly syncs: FakeSync[] = [];
  readonly options: Required<FakeOptions>;
  taskpaneShown = 0;
  readonly dialogs: string[] = [];
  readonly actions = new Map<string, (...args: unknown[]) => unknown>();
  private nextId = 1;

  constructor(workbookName: string, sheets: FakeSheetSeed[] = [], options: FakeOptions = {}) {
    this.options = {
      payloadLimit: options.payloadLimit ?? FAKE_PAYLOAD_LIMIT,
      excelApi: options.excelApi ?? '1.13',
      sharedRuntime: options.sharedRuntime ?? false,
      displayLanguage: options.displayLanguage ?? 'vi-VN',
      internalErrorCells: options.internalErrorCells ?? Infinity,
    };
    this.state = { name: workbookName, sheets: [], names: [], activeSheetId: null, calculationMode: 'Automatic' };
    for (const s of sheets) this.seedSheet(s);
    this.state.activeSheetId = this.state.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
  }

  /** Seeds a workbook from grids, the shape the engine reads (GridWorkbook.file becomes the workbook name). */
  static fromGrids(wb: { file: string; sheets: FakeSheetSeed[] }, options: FakeOptions = {}): FakeExcel {
    return new FakeExcel(wb.file, wb.sheets, options);
  }

  seedSheet(seed: FakeSheetSeed): FakeSheet {
    const sheet = this.newSheet(seed.name);
    sheet.visibility = seed.visibility ?? (seed.hidden ? 'Hidden' : 'Visible');
    const o = parseAddress(seed.origin ?? 'A1') ?? { row: 0, col: 0 };
    seed.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const formula = seed.formulas?.[r]?.[c] ?? undefined;
        const font = seed.fonts?.[r]?.[c] ?? undefined;
        const numberFormat = seed.numberFormats?.[r]?.[c] ?? undefined;
        if ((v === null || v === undefined) && !formula && !font && !numberFormat) return;
        const cell: FakeCell = { value: null };
        if (isCellError(v)) cell.error = v.error;
        else cell.value = (v ?? null) as FakeCell['value'];
        if (formula) cell.formula = formula;
        if (font) cell.font = font;
        if (numberFormat) cell.numberFormat = numberFormat;
        setCell(sheet, o.row + r, o.col + c, cell);
      }),
    );
    sheet.merges = [...(seed.merges ?? [])];
    sheet.hiddenRows = [...(seed.hiddenRows ?? [])];
    this.state.sheets.push(sheet);
    return sheet;
  }

  newSheet(name: string): FakeSheet {
    return {
      id: `{${String(this.nextId++).padStart(8, '0')}}`,
      name,
      visibility: 'Visible',
      cells: [],
      merges: [],
      hiddenRows: [],
      columnWidths: {},
      freezeRows: 0,
      tables: [],
      charts: [],
      conditionalFormats: [],
    };
  }

  // -------------------------------------------------------------------------- inspection

  get syncCount(): number {
    return this.syncs.length;
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  sheet(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => key(x.name) === key(name));
    if (!s) throw new Error(`fake: no sheet "${name}" (have ${this.sheetNames().join(', ')})`);
    return s;
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    const r = parseAddress(a1);
    if (!r) throw new Error(`fake: bad address ${a1}`);
    return this.sheet(sheet).cells[r.row]?.[r.col];
  }

  /** Values from A1 to the last used cell, errors as {error}; what a GridSheet would hold. */
  values(sheet: string): CellValue[][] {
    const s = this.sheet(sheet);
    const used = usedRect(s, true);
    if (!used) return [];
    const out: CellValue[][] = [];
    for (let r = 0; r < used.r0 + used.rows; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < used.c0 + used.cols; c++) {
        const cell = s.cells[r]?.[c];
        row.push(!cell ? null : cell.error !== undefined ? { error: cell.error } : cell.value);
      }
      out.push(row);
    }
    return out;
  }

  /** A deep copy of a sheet's whole state, for before/after comparisons. */
  snapshot(sheet: string): FakeSheet {
    return JSON.parse(JSON.stringify(this.sheet(sheet))) as FakeSheet;
  }

  nameTarget(name: string): string | null {
    const n = this.state.names.find((x) => key(x.name) === key(name));
    if (!n || n.sheetId === null) return null;
    return this.state.sheets.find((s) => s.id === n.sheetId)?.name ?? null;
  }

  // -------------------------------------------------------------------------- Office.js surface

  /** Excel.run: a fresh context; what the batch leaves queued is synced at the end. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  }

  /** Sets the globals Excel, Office and OfficeExtension; returns the function that restores them. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
    g.Excel = this.excelGlobal();
    g.Office = this.officeGlobal();
    g.OfficeExtension = { Error: FakeRichApiError, ErrorCodes: { propertyNotLoaded: 'PropertyNotLoaded' } };
    return () => {
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    };
  }

  excelGlobal(): Record<string, unknown> {
    return {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => this.run(batch),
      ErrorCodes: {
        itemNotFound: 'ItemNotFound',
        itemAlreadyExists: 'ItemAlreadyExists',
        invalidArgument: 'InvalidArgument',
        invalidOperation: 'InvalidOperation',
        generalException: 'GeneralException',
        rangeExceedsLimit: 'RangeExceedsLimit',
        requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
        responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
      },
    };
  }

  officeGlobal(): Record<string, unknown> {
    const isSetSupported = (name: string, version?: string): boolean => {
      if (name === 'ExcelApi') return versionAtLeast(this.options.excelApi, version ?? '1.1');
      if (name === 'SharedRuntime') return this.options.sharedRuntime && versionAtLeast('1.1', version ?? '1.1');
      return false;
    };
    return {
      HostType: { Excel: 'Excel' },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
      // office.js calls the callback it is given and also resolves its promise (pages use either form).
      onReady: async (callback?: (info: { host: string; platform: string }) => void) => {
        const info = { host: 'Excel', platform: 'OfficeOnline' };
        callback?.(info);
        return info;
      },
      context: {
        displayLanguage: this.options.displayLanguage,
        requirements: { isSetSupported },
        ui: {
          displayDialogAsync: (url: string, _opts: unknown, cb?: (r: unknown) => void) => {
            this.dialogs.push(url);
            cb?.({ status: 'succeeded', value: { close() {}, addEventHandler() {} } });
          },
        },
      },
      addin: {
        showAsTaskpane: async () => {
          if (!this.options.sharedRuntime) throw new FakeRichApiError('GeneralException', 'showAsTaskpane needs the shared runtime.');
          this.taskpaneShown++;
        },
      },
      actions: { associate: (name: string, fn: (...args: unknown[]) => unknown) => this.actions.set(name, fn) },
    };
  }

  // -------------------------------------------------------------------------- internal: state operations

  findSheet(id: string): FakeSheet | undefined {
    return this.state.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): FakeSheet | undefined {
    return this.state.sheets.find((s) => key(s.name) === key(name));
  }

  validateSheetName(name: string, except?: FakeSheet): void {
    if (name.length === 0 || name.length > 31) fail('InvalidArgument', `Sheet name "${name}" must have 1-31 characters.`);
    if (/[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) fail('InvalidArgument', `Sheet name "${name}" has a character Excel does not allow.`);
    if (key(name) === 'history') fail('InvalidArgument', 'The sheet name "History" is reserved.');
    const other = this.sheetByName(name);
    if (other && other !== except) fail('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  }

  /** Table and defined names share one namespace in Excel. */
  validateWorkbookName(name: string, exceptTable?: FakeTable): void {
    if (!isValidName(name)) fail('InvalidArgument', `"${name}" is not a valid name.`);
    const k = key(name);
    if (this.state.names.some((n) => key(n.name) === k)) fail('ItemAlreadyExists', `The name "${name}" already exists.`);
    for (const s of this.state.sheets) for (const t of s.tables) if (t !== exceptTable && key(t.name) === k) fail('ItemAlreadyExists', `A table named "${name}" already exists.`);
  }

  deleteSheet(sheet: FakeSheet): void {
    // Worksheet.delete(): "if the worksheet's visibility is set to VeryHidden, the delete operation will fail".
    if (sheet.visibility === 'VeryHidden') fail('InvalidOperation', 'A very hidden worksheet cannot be deleted; make it hidden or visible first.');
    const visible = this.state.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
    if (sheet.visibility === 'Visible' && visible.length === 0) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.state.sheets = this.state.sheets.filter((s) => s !== sheet);
    if (this.state.activeSheetId === sheet.id) this.state.activeSheetId = visible[0]?.id ?? null;
  }

  /** Hyperlinks on a sheet, counted once and then kept up to date by the writes that add or clear them. */
  private readonly linkCounts = new WeakMap<FakeSheet, number>();

  hyperlinkCount(sheet: FakeSheet): number {
    let n = this.linkCounts.get(sheet);
    if (n === undefined) {
      n = 0;
      for (const row of sheet.cells) for (const cell of row ?? []) if (cell?.hyperlink) n++;
      this.linkCounts.set(sheet, n);
    }
    return n;
  }

  adjustHyperlinkCount(sheet: FakeSheet, delta: number): void {
    this.linkCounts.set(sheet, this.hyperlinkCount(sheet) + delta);
  }
}

function setCell(sheet: FakeSheet, r: number, c: number, cell: FakeCell): void {
  const row = (sheet.cells[r] ??= []);
  row[c] = cell;
}

function cellAt(sheet: FakeSheet, r: number, c: number): FakeCell {
  const row = (sheet.cells[r] ??= []);
  return (row[c] ??= { value: null });
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  sheet.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      if (valuesOnly && isEmptyCell(cell)) return;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }),
  );
  return r1 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** Excel's rules for a value written to a cell. */
function writeValue(cell: FakeCell, v: unknown): void {
  if (v === null || v === undefined) return; // null entries leave the cell unchanged
  delete cell.formula;
  delete cell.error;
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (s.length > FAKE_CELL_TEXT_MAX) fail('InvalidArgument', `A cell holds at most ${FAKE_CELL_TEXT_MAX} characters (${s.length} given).`);
  if (s === '') {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = s;
    return;
  }
  if (/^[=+\-@]/.test(s)) {
    cell.formula = s;
    cell.value = null;
    return;
  }
  if (/^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(s)) {
    cell.value = Number(s);
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    cell.value = s.toLowerCase() === 'true';
    return;
  }
  cell.value = s;
}

// ------------------------------------------------------------------------------------------ context

type Loaded = Record<string, unknown>;

interface Op {
  bytes: number;
  /** Runs against the state; a load returns its response and how to hand it to the proxy. */
  run(): { response: unknown; commit(): void } | void;
  suspends?: 'calculation' | 'screen';
}

class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const record: FakeSync = {
      requestBytes: ops.reduce((n, o) => n + o.bytes, 0),
      responseBytes: 0,
      ops: ops.length,
      ok: false,
      calculationSuspended: ops.some((o) => o.suspends === 'calculation'),
      screenUpdatingSuspended: ops.some((o) => o.suspends === 'screen'),
    };
    this.fake.syncs.push(record);
    await Promise.resolve();
    const limit = this.fake.options.payloadLimit;
    try {
      if (record.requestBytes > limit) fail('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
      const commits: (() => void)[] = [];
      for (const op of ops) {
        const r = op.run();
        if (r) {
          record.responseBytes += json(r.response);
          commits.push(r.commit);
        }
      }
      if (record.responseBytes > limit) fail('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      for (const c of commits) c();
      record.ok = true;
    } catch (e) {
      record.error = (e as { code?: string }).code ?? String(e);
      throw e;
    }
  }
}

// ------------------------------------------------------------------------------------------ proxies

/**
 * A client object: properties readable only once loaded and synced (or set locally), commands queued.
 * Subclasses say how to read a scalar property from the state and which properties navigate to objects.
 */
abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  /** Set for objects from *OrNullObject methods. */
  protected nullable = false;

  constructor(readonly ctx: FakeContext) {}

  protected abstract defaultProps(): string[];
  defaults(): string[] {
    return this.defaultProps();
  }
  /** Current state of a scalar property (at the op's turn in the batch). */
  protected abstract readProp(name: string): unknown;
  /** Navigation properties (format, font, worksheet...). */
  protected child(_name: string): FakeObject | undefined {
    return undefined;
  }
  /** Whether the object exists, evaluated at the op's turn; non-nullable objects throw instead. */
  protected exists(): boolean {
    return true;
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  protected setLocal(name: string, value: unknown, apply: () => void): void {
    this.loaded.set(name, value);
    this.ctx.enqueue({
      bytes: json(value) + utf8(name),
      run: () => {
        apply();
      },
    });
  }

  protected command(args: unknown, run: () => void): void {
    this.ctx.enqueue({
      bytes: json(args ?? null),
      run: () => {
        run();
      },
    });
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }

  load(spec?: string | string[] | { select?: string | string[] }): this {
    const list = typeof spec === 'string' ? spec.split(',') : Array.isArray(spec) ? spec : typeof spec?.select === 'string' ? spec.select.split(',') : (spec?.select ?? []);
    const paths = list.map((p) => p.trim()).filter((p) => p !== '');
    this.ctx.enqueue({
      bytes: json(paths),
      run: () => {
        const data = this.snapshot(paths.length > 0 ? paths : this.defaultProps());
        return { response: data, commit: () => this.commit(data) };
      },
    });
    return this;
  }

  /** Reads the paths from the state now; nested objects as nested records. */
  snapshot(paths: string[]): Loaded {
    const out: Loaded = {};
    if (this.nullable) {
      const present = this.exists();
      out.isNullObject = !present;
      if (!present) return out;
    } else this.exists();
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      const child = this.child(head!);
      if (child) {
        const list = nested.get(head!) ?? [];
        if (rest.length > 0) list.push(rest.join('/'));
        nested.set(head!, list);
      } else out[head!] = this.readProp(head!);
    }
    for (const [name, sub] of nested) {
      const child = this.child(name)!;
      out[name] = child.snapshot(sub.length > 0 ? sub : child.defaultProps());
    }
    return out;
  }

  commit(data: Loaded): void {
    for (const [k, v] of Object.entries(data)) {
      const child = k === 'items' ? undefined : this.child(k);
      if (child && v && typeof v === 'object' && !Array.isArray(v)) child.commit(v as Loaded);
      else this.loaded.set(k, v);
    }
  }

  toJSON(): Loaded {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection: `items` after load; loading 'name' means every item's name. */
abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  protected abstract list(): T[];

  get items(): T[] {
    return this.get<T[]>('items');
  }

  protected defaultProps(): string[] {
    return ['items'];
  }

  protected readProp(name: string): unknown {
    return fail('InvalidArgument', `Unknown collection property ${name}.`);
  }

  override snapshot(paths: string[]): Loaded {
    const sub = paths.map((p) => (p === 'items' ? '' : p.replace(/^items\//, ''))).filter((p) => p !== '');
    const items = this.list();
    const data: Loaded = { items: items.map((item) => item.snapshot(sub.length > 0 ? sub : item.defaults())) };
    // The proxies travel with the data but not in the response's JSON (they are not payload).
    Object.defineProperty(data, 'objects', { value: items, enumerable: false });
    return data;
  }

  override commit(data: Loaded): void {
    const objects = (data as { objects?: T[] }).objects ?? [];
    const rows = data.items as Loaded[];
    objects.forEach((o, i) => o.commit(rows[i]!));
    this.loaded.set('items', objects);
  }
}

// ---------------------------------------------------------------- workbook, application

class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.application = new FakeApplication(ctx);
  }

  get name(): string {
    return this.get('name');
  }

  protected defaultProps(): string[] {
    return ['name'];
  }

  protected readProp(name: string): unknown {
    if (name === 'name') return this.ctx.fake.state.name;
    return fail('InvalidArgument', `Workbook has no property ${name} in the fake.`);
  }
}

class FakeApplication extends FakeObject {
  get calculationMode(): string {
    return this.get('calculationMode');
  }

  set calculationMode(mode: string) {
    this.setLocal('calculationMode', mode, () => (this.ctx.fake.state.calculationMode = mode));
  }

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ bytes: 0, run: () => {}, suspends: 'calculation' });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue({ bytes: 0, run: () => {}, suspends: 'screen' });
  }

  protected defaultProps(): string[] {
    return ['calculationMode'];
  }

  protected readProp(name: string): unknown {
    if (name === 'calculationMode') return this.ctx.fake.state.calculationMode;
    return fail('InvalidArgument', `Application has no property ${name} in the fake.`);
  }
}

// ---------------------------------------------------------------- worksheets

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected list(): FakeWorksheet[] {
    return this.ctx.fake.state.sheets.map((s) => FakeWorksheet.pinned(this.ctx, s.id));
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheetByName(name) ?? fail('ItemNotFound', `No sheet named "${name}".`), false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheetByName(name) ?? null, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.findSheet(this.ctx.fake.state.activeSheetId ?? '') ?? fail('ItemNotFound', 'No active sheet.'), false);
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.command({ name }, () => {
      const fake = this.ctx.fake;
      let n = name;
      if (n === undefined) for (let i = 1; ; i++) if (!fake.sheetByName((n = `Sheet${i}`))) break;
      fake.validateSheetName(n!);
      created = fake.newSheet(n!);
      fake.state.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => created ?? fail('InvalidOperation', 'The sheet was used before it was added.'), false);
  }
}

class FakeWorksheet extends FakeObject {
  private pinnedId: string | null = null;

  constructor(
    ctx: FakeContext,
    private readonly find: () => FakeSheet | null,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }

  static pinned(ctx: FakeContext, id: string): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, () => ctx.fake.findSheet(id) ?? null, false);
    ws.pinnedId = id;
    return ws;
  }

  /** The sheet, resolved once and then followed by id (renames do not lose it). */
  sheet(): FakeSheet {
    if (this.pinnedId !== null) return this.ctx.fake.findSheet(this.pinnedId) ?? fail('ItemNotFound', 'The worksheet no longer exists.');
    const s = this.find() ?? fail('ItemNotFound', 'The worksheet does not exist.');
    this.pinnedId = s.id;
    return s;
  }

  protected override exists(): boolean {
    if (this.pinnedId !== null) {
      if (!this.ctx.fake.findSheet(this.pinnedId)) fail('ItemNotFound', 'The worksheet no longer exists.');
      return true;
    }
    const s = this.find();
    if (s) this.pinnedId = s.id;
    else if (!this.nullable) fail('ItemNotFound', 'The worksheet does not exist.');
    return s !== null;
  }

  protected defaultProps(): string[] {
    return ['id', 'name', 'position', 'visibility'];
  }

  protected readProp(name: string): unknown {
    const s = this.sheet();
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.ctx.fake.state.sheets.indexOf(s);
      default:
        return fail('InvalidArgument', `Worksheet has no property ${name} in the fake.`);
    }
  }

  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.setLocal('name', v, () => {
      const s = this.sheet();
      this.ctx.fake.validateSheetName(v, s);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: FakeSheet['visibility']) {
    this.setLocal('visibility', v, () => {
      const s = this.sheet();
      if (v !== 'Visible' && !this.ctx.fake.state.sheets.some((x) => x !== s && x.visibility === 'Visible')) fail('InvalidOperation', 'A workbook must keep one visible sheet.');
      s.visibility = v;
    });
  }
  get position(): number {
    return this.get('position');
  }
  set position(p: number) {
    this.setLocal('position', p, () => {
      const s = this.sheet();
      const sheets = this.ctx.fake.state.sheets;
      if (!Number.isInteger(p) || p < 0 || p >= sheets.length) fail('InvalidArgument', `Position ${p} is out of range.`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(p, 0, s);
    });
  }

  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) =>
        this.command({ n }, () => {
          if (!Number.isInteger(n) || n < 0) fail('InvalidArgument', 'freezeRows needs a count.');
          this.sheet().freezeRows = n;
        }),
    };
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, this);
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, this);
  }

  delete(): void {
    this.command(null, () => this.ctx.fake.deleteSheet(this.sheet()));
  }

  activate(): void {
    this.command(null, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') fail('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.ctx.fake.state.activeSheetId = s.id;
    });
  }

  // A bad address is reported by the sync that uses the range, as Office.js does, not by this call.
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      this,
      () => {
        if (address?.includes('!')) fail('InvalidArgument', 'Worksheet.getRange takes an address without a sheet name.');
        return parseRect(address);
      },
      false,
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(
      this.ctx,
      this,
      () => {
        if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
          fail('InvalidArgument', 'getRangeByIndexes is out of the sheet.');
        }
        return { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount };
      },
      false,
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, () => usedRect(this.sheet(), valuesOnly) ?? { r0: 0, c0: 0, rows: 1, cols: 1 }, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, () => usedRect(this.sheet(), valuesOnly), true);
  }
}

// ---------------------------------------------------------------- ranges

class FakeClientResult<T> {
  private done = false;
  private result: T | undefined;
  constructor(ctx: FakeContext, compute: () => T) {
    ctx.enqueue({
      bytes: 16,
      run: () => {
        const r = compute();
        return {
          response: r,
          commit: () => {
            this.result = r;
            this.done = true;
          },
        };
      },
    });
  }
  get value(): T {
    if (!this.done) throw notLoaded('value');
    return this.result as T;
  }
}

class FakeRange extends FakeObject {
  private pinned: Rect | null | undefined = undefined;

  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private readonly locate: () => Rect | null,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }

  /** Resolved at its first use in a batch, then fixed, as Excel tracks the range it found. */
  rect(): Rect {
    if (this.pinned === undefined) this.pinned = this.locate();
    return this.pinned ?? fail('ItemNotFound', 'The range does not exist.');
  }

  protected override exists(): boolean {
    this.ws.sheet();
    if (this.pinned === undefined) this.pinned = this.locate();
    if (this.pinned === null && !this.nullable) fail('ItemNotFound', 'The range does not exist.');
    return this.pinned !== null;
  }

  /** The read limits of one operation on this range. */
  checkReadSize(): void {
    const rect = this.rect();
    const cells = rect.rows * rect.cols;
    if (cells > READ_CELLS_MAX) fail('RangeExceedsLimit', 'The cell count in range has exceeded the maximum supported number.');
    if (cells > this.ctx.fake.options.internalErrorCells) fail('GeneralException', 'An internal error has occurred.');
  }

  private cells<T>(f: (cell: FakeCell | undefined, r: number, c: number) => T): T[][] {
    const rect = this.rect();
    this.checkReadSize();
    const sheet = this.ws.sheet();
    const out: T[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row: T[] = [];
      const src = sheet.cells[rect.r0 + r];
      for (let c = 0; c < rect.cols; c++) row.push(f(src?.[rect.c0 + c], rect.r0 + r, rect.c0 + c));
      out.push(row);
    }
    return out;
  }

  /** Every cell of the range, created when missing (for writes). */
  forEachCell(f: (cell: FakeCell, i: number, j: number) => void): void {
    const rect = this.rect();
    if (rect.rows * rect.cols > 5_000_000) fail('InvalidArgument', 'The fake does not write to whole columns or sheets.');
    const sheet = this.ws.sheet();
    for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) f(cellAt(sheet, rect.r0 + i, rect.c0 + j), i, j);
  }

  /** A 2D argument must match the range's shape exactly; a scalar fills it. */
  private matrix(v: unknown): (i: number, j: number) => unknown {
    const rect = this.rect();
    if (!Array.isArray(v)) return () => v;
    if (v.length !== rect.rows || v.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
      fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}x${rect.cols}).`);
    }
    return (i, j) => (v as unknown[][])[i]![j];
  }

  protected defaultProps(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values', 'valueTypes', 'formulas', 'numberFormat', 'text'];
  }

  protected override child(name: string): FakeObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.ws;
    return undefined;
  }

  protected readProp(name: string): unknown {
    const rect = this.rect();
    switch (name) {
      case 'address':
        return `${quoteSheetName(this.ws.sheet().name)}!${rectAddress(rect)}`;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'values':
        return this.cells((c) => (!c ? '' : c.error !== undefined ? c.error : (c.value ?? '')));
      case 'valueTypes':
        return this.cells((c) =>
          !c || isEmptyCell(c) ? 'Empty' : c.error !== undefined ? 'Error' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : c.value === null ? 'Empty' : 'String',
        );
      case 'formulas':
        return this.cells((c) => (!c ? '' : (c.formula ?? (c.error !== undefined ? c.error : (c.value ?? '')))));
      case 'numberFormat':
        return this.cells((c) => c?.numberFormat ?? 'General');
      case 'text':
        return this.cells((c) => {
          if (!c) return '';
          if (c.error !== undefined) return c.error;
          if (typeof c.value === 'number') return formatNumber(c.value, c.numberFormat ?? 'General');
          if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
          return c.value ?? '';
        });
      case 'rowHidden': {
        const hidden = this.ws.sheet().hiddenRows;
        let count = 0;
        for (let r = 0; r < rect.rows; r++) if (hidden.includes(rect.r0 + r + 1)) count++;
        return count === 0 ? false : count === rect.rows ? true : null;
      }
      case 'hyperlink': {
        const h = this.ws.sheet().cells[rect.r0]?.[rect.c0]?.hyperlink;
        return h ? { ...h } : null;
      }
      default:
        return fail('InvalidArgument', `Range has no property ${name} in the fake.`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get text(): string[][] {
    return this.get('text');
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.setLocal('values', v, () => {
      const at = this.matrix(v);
      this.forEachCell((cell, i, j) => writeValue(cell, at(i, j)));
    });
  }

  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.setLocal('formulas', v, () => {
      const at = this.matrix(v);
      this.forEachCell((cell, i, j) => {
        const x = at(i, j);
        if (typeof x === 'string' && x.startsWith('=')) {
          cell.formula = x;
          cell.value = null;
          delete cell.error;
        } else writeValue(cell, x);
      });
    });
  }

  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.setLocal('numberFormat', v, () => {
      const at = this.matrix(v);
      this.forEachCell((cell, i, j) => {
        const f = at(i, j);
        if (f !== null && f !== undefined) cell.numberFormat = String(f);
      });
    });
  }

  get rowHidden(): boolean | null {
    return this.get('rowHidden');
  }
  set rowHidden(v: boolean) {
    this.setLocal('rowHidden', v, () => {
      const rect = this.rect();
      const sheet = this.ws.sheet();
      const rows = new Set(sheet.hiddenRows);
      for (let r = rect.r0 + 1; r <= rect.r0 + rect.rows; r++) {
        if (v) rows.add(r);
        else rows.delete(r);
      }
      sheet.hiddenRows = [...rows].sort((a, b) => a - b);
    });
  }

  get hyperlink(): FakeHyperlink | null {
    return this.get('hyperlink');
  }
  set hyperlink(h: FakeHyperlink) {
    this.setLocal('hyperlink', h, () => {
      if (!h || (!h.address && !h.documentReference)) fail('InvalidArgument', 'A hyperlink needs an address or a documentReference.');
      const sheet = this.ws.sheet();
      this.forEachCell((cell) => {
        if (!cell.hyperlink) {
          if (this.ctx.fake.hyperlinkCount(sheet) >= FAKE_HYPERLINKS_PER_SHEET_MAX) {
            fail('InvalidOperation', `A worksheet holds at most ${FAKE_HYPERLINKS_PER_SHEET_MAX} hyperlinks.`);
          }
          this.ctx.fake.adjustHyperlinkCount(sheet, 1);
        }
        cell.hyperlink = { ...h };
        // The display text lands as the cell's text, never as a formula.
        if (h.textToDisplay !== undefined) {
          delete cell.formula;
          cell.value = h.textToDisplay === '' ? null : h.textToDisplay;
        }
      });
    });
  }

  get format(): FakeRangeFormat {
    const f = (this.formatObj ??= new FakeRangeFormat(this.ctx, this));
    return f;
  }
  private formatObj: FakeRangeFormat | undefined;

  get conditionalFormats(): { add(type: string): Record<string, unknown> } {
    return {
      add: (type: string) => {
        this.command({ type }, () => {
          if (!CF_TYPES.has(type)) fail('InvalidArgument', `Unknown conditional format type ${type}.`);
          this.ws.sheet().conditionalFormats.push({ address: rectAddress(this.rect()), type });
        });
        return {};
      },
    };
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const r = this.rect();
      return { r0: r.r0 + row, c0: r.c0 + column, rows: 1, cols: 1 };
    }, false);
  }

  getRow(row: number): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const r = this.rect();
      if (row < 0 || row >= r.rows) fail('InvalidArgument', 'Row index out of range.');
      return { r0: r.r0 + row, c0: r.c0, rows: 1, cols: r.cols };
    }, false);
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const r = this.rect();
      return { r0: 0, c0: r.c0, rows: MAX_ROWS, cols: r.cols };
    }, false);
  }

  clear(): void {
    this.command(null, () => {
      const rect = this.rect();
      const sheet = this.ws.sheet();
      for (let r = rect.r0; r < Math.min(rect.r0 + rect.rows, sheet.cells.length); r++) {
        const row = sheet.cells[r];
        if (!row) continue;
        for (let c = rect.c0; c < Math.min(rect.c0 + rect.cols, row.length); c++) {
          if (row[c]?.hyperlink) this.ctx.fake.adjustHyperlinkCount(sheet, -1);
          row[c] = undefined;
        }
      }
    });
  }

  getCellProperties(options: { format?: { font?: Record<string, boolean>; fill?: Record<string, boolean> }; address?: boolean; hyperlink?: boolean }): FakeClientResult<Record<string, unknown>[][]> {
    return new FakeClientResult(this.ctx, () =>
      this.cells((cell, r, c) => {
        const out: Record<string, unknown> = {};
        if (options.address) out.address = `${quoteSheetName(this.ws.sheet().name)}!${formatAddress({ row: r, col: c })}`;
        if (options.hyperlink) out.hyperlink = cell?.hyperlink ?? null;
        if (options.format) {
          const format: Record<string, unknown> = {};
          if (options.format.font) {
            const font: Record<string, unknown> = {};
            const f = options.format.font;
            if (f.name) font.name = cell?.font ?? 'Calibri';
            if (f.bold) font.bold = cell?.bold ?? false;
            if (f.italic) font.italic = cell?.italic ?? false;
            if (f.size) font.size = cell?.size ?? 11;
            if (f.color) font.color = cell?.color ?? '#000000';
            format.font = font;
          }
          if (options.format.fill?.color) format.fill = { color: cell?.fill ?? '#FFFFFF' };
          out.format = format;
        }
        return out;
      }),
    );
  }

  getRowProperties(options: { rowHidden?: boolean; rowIndex?: boolean; address?: boolean }): FakeClientResult<Record<string, unknown>[]> {
    return new FakeClientResult(this.ctx, () => {
      const rect = this.rect();
      const hidden = new Set(this.ws.sheet().hiddenRows);
      this.checkReadSize();
      const out: Record<string, unknown>[] = [];
      for (let r = 0; r < rect.rows; r++) {
        // Only what was asked for comes back, as in Excel.
        const row: Record<string, unknown> = {};
        if (options.rowIndex) row.rowIndex = rect.r0 + r;
        if (options.rowHidden) row.rowHidden = hidden.has(rect.r0 + r + 1);
        if (options.address) row.address = `${quoteSheetName(this.ws.sheet().name)}!${rect.r0 + r + 1}:${rect.r0 + r + 1}`;
        out.push(row);
      }
      return out;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this);
  }
}

class FakeRangeAreas extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
    this.nullable = true;
  }

  private areas(): string[] {
    const rect = this.range.rect();
    const found = this.range.ws.sheet().merges.filter((m) => overlaps(parseRect(m), rect));
    if (found.length > 512) fail('GeneralException', 'More than 512 merged areas.');
    return found;
  }

  protected override exists(): boolean {
    return this.areas().length > 0;
  }

  protected defaultProps(): string[] {
    return ['address', 'areaCount'];
  }

  protected readProp(name: string): unknown {
    const sheet = quoteSheetName(this.range.ws.sheet().name);
    if (name === 'address') return this.areas().map((a) => `${sheet}!${a}`).join(', ');
    if (name === 'areaCount') return this.areas().length;
    return fail('InvalidArgument', `RangeAreas has no property ${name} in the fake.`);
  }

  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

class FakeRangeFormat extends FakeObject {
  readonly font: FakeRangeFont;
  readonly fill: { color: string };

  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
    this.font = new FakeRangeFont(ctx, range);
    const fillOf = (color: string) =>
      this.command({ color }, () => range.forEachCell((c) => (c.fill = color)));
    this.fill = {
      set color(v: string) {
        fillOf(v);
      },
      get color(): string {
        throw notLoaded('color');
      },
    };
  }

  protected defaultProps(): string[] {
    return ['columnWidth', 'wrapText'];
  }

  protected override child(name: string): FakeObject | undefined {
    return name === 'font' ? this.font : undefined;
  }

  protected readProp(name: string): unknown {
    const rect = this.range.rect();
    const sheet = this.range.ws.sheet();
    if (name === 'columnWidth') return sheet.columnWidths[rect.c0] ?? 48;
    if (name === 'wrapText') return sheet.cells[rect.r0]?.[rect.c0]?.wrap ?? false;
    return fail('InvalidArgument', `RangeFormat has no property ${name} in the fake.`);
  }

  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(points: number) {
    this.setLocal('columnWidth', points, () => {
      if (!(points >= 0)) fail('InvalidArgument', 'Column width must be positive.');
      const rect = this.range.rect();
      const sheet = this.range.ws.sheet();
      for (let c = rect.c0; c < rect.c0 + rect.cols; c++) sheet.columnWidths[c] = points;
    });
  }

  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.setLocal('wrapText', v, () => this.range.forEachCell((c) => (c.wrap = v)));
  }
}

class FakeRangeFont extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  protected defaultProps(): string[] {
    return ['name', 'bold', 'italic', 'size', 'color'];
  }

  /** Like Excel: the common value of the range, null when its cells differ. */
  protected readProp(name: string): unknown {
    const pick: Record<string, (c: FakeCell | undefined) => unknown> = {
      name: (c) => c?.font ?? 'Calibri',
      bold: (c) => c?.bold ?? false,
      italic: (c) => c?.italic ?? false,
      size: (c) => c?.size ?? 11,
      color: (c) => c?.color ?? '#000000',
    };
    const f = pick[name] ?? fail('InvalidArgument', `RangeFont has no property ${name} in the fake.`);
    const rect = this.range.rect();
    const sheet = this.range.ws.sheet();
    const seen = new Set<unknown>();
    // Cells never touched all have the default; one of them stands for the rest.
    const rowEnd = Math.min(rect.r0 + rect.rows, sheet.cells.length);
    for (let r = rect.r0; r < rowEnd; r++) {
      const row = sheet.cells[r] ?? [];
      const colEnd = Math.min(rect.c0 + rect.cols, row.length);
      for (let c = rect.c0; c < colEnd; c++) seen.add(f(row[c]));
      if (colEnd < rect.c0 + rect.cols) seen.add(f(undefined));
    }
    if (rowEnd < rect.r0 + rect.rows) seen.add(f(undefined));
    return seen.size === 1 ? [...seen][0] : null;
  }

  private setFont(name: keyof FakeCell & ('font' | 'bold' | 'italic' | 'size' | 'color'), prop: string, v: unknown): void {
    this.setLocal(prop, v, () => this.range.forEachCell((c) => ((c as unknown as Record<string, unknown>)[name] = v)));
  }

  get name(): string | null {
    return this.get('name');
  }
  set name(v: string) {
    this.setFont('font', 'name', v);
  }
  get bold(): boolean | null {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.setFont('bold', 'bold', v);
  }
  get italic(): boolean | null {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.setFont('italic', 'italic', v);
  }
  get size(): number | null {
    return this.get('size');
  }
  set size(v: number) {
    this.setFont('size', 'size', v);
  }
  get color(): string | null {
    return this.get('color');
  }
  set color(v: string) {
    this.setFont('color', 'color', v);
  }
}

// ---------------------------------------------------------------- tables

class FakeTableCollection extends FakeCollection<FakeTableObject> {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet | null,
  ) {
    super(ctx);
  }

  protected list(): FakeTableObject[] {
    const sheets = this.ws ? [this.ws.sheet()] : this.ctx.fake.state.sheets;
    return sheets.flatMap((s) => s.tables.map((t) => new FakeTableObject(this.ctx, s.id, () => t)));
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTableObject {
    let created: FakeTable | null = null;
    let sheetId = '';
    this.command({ address: typeof address === 'string' ? address : 'range', hasHeaders }, () => {
      const fake = this.ctx.fake;
      let sheet: FakeSheet;
      let rect: Rect;
      if (typeof address === 'string') {
        const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address);
        const owner = m ? fake.sheetByName((m[1] ?? m[2]!).replace(/''/g, "'")) : this.ws?.sheet();
        sheet = owner ?? fail('ItemNotFound', `No sheet for table address ${address}.`);
        rect = parseRect(m ? m[3] : address);
      } else {
        sheet = address.ws.sheet();
        rect = address.rect();
      }
      if (this.ws && this.ws.sheet() !== sheet) fail('InvalidArgument', 'The table range is on another sheet.');
      if (sheet.tables.some((t) => overlaps(parseRect(t.address), rect))) fail('InvalidOperation', 'A table cannot overlap another table.');
      if (!hasHeaders) fail('InvalidArgument', 'The fake supports tables with headers only.');
      // Excel makes header cells unique, non-empty text.
      const seen = new Set<string>();
      for (let c = 0; c < rect.cols; c++) {
        const cell = cellAt(sheet, rect.r0, rect.c0 + c);
        let text = cell.error ?? (cell.value === null ? '' : String(cell.value));
        if (text === '') text = `Column${c + 1}`;
        let unique = text;
        for (let n = 2; seen.has(key(unique)); n++) unique = `${text}${n}`;
        seen.add(key(unique));
        if (cell.value !== unique) {
          cell.value = unique;
          delete cell.formula;
          delete cell.error;
        }
      }
      let name = '';
      for (let n = 1; ; n++) {
        name = `Table${n}`;
        if (!fake.state.sheets.some((s) => s.tables.some((t) => key(t.name) === key(name))) && !fake.state.names.some((x) => key(x.name) === key(name))) break;
      }
      created = { name, address: rectAddress(rect) };
      sheet.tables.push(created);
      sheetId = sheet.id;
    });
    return new FakeTableObject(this.ctx, () => sheetId, () => created ?? fail('InvalidOperation', 'The table was used before it was added.'));
  }

  getItemOrNullObject(name: string): FakeTableObject {
    let sheetId = '';
    const t = new FakeTableObject(this.ctx, () => sheetId, () => {
      for (const s of this.ctx.fake.state.sheets) {
        const found = s.tables.find((x) => key(x.name) === key(name));
        if (found) {
          sheetId = s.id;
          return found;
        }
      }
      return null;
    });
    t.markNullable();
    return t;
  }
}

class FakeTableObject extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheetId: string | (() => string),
    private readonly find: () => FakeTable | null,
  ) {
    super(ctx);
  }

  markNullable(): void {
    this.nullable = true;
  }

  private table(): FakeTable {
    return this.find() ?? fail('ItemNotFound', 'The table does not exist.');
  }

  protected override exists(): boolean {
    const t = this.find();
    if (!t && !this.nullable) fail('ItemNotFound', 'The table does not exist.');
    return t !== null;
  }

  protected defaultProps(): string[] {
    return ['name', 'style'];
  }

  private ws: FakeWorksheet | undefined;

  protected override child(name: string): FakeObject | undefined {
    if (name !== 'worksheet') return undefined;
    // One proxy per table, so what a load fills is what `table.worksheet` returns.
    this.ws ??= new FakeWorksheet(this.ctx, () => this.ctx.fake.findSheet(typeof this.sheetId === 'string' ? this.sheetId : this.sheetId()) ?? null, false);
    return this.ws;
  }

  protected readProp(name: string): unknown {
    const t = this.table();
    if (name === 'name') return t.name;
    if (name === 'style') return t.style ?? 'TableStyleMedium2';
    return fail('InvalidArgument', `Table has no property ${name} in the fake.`);
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.setLocal('name', v, () => {
      const t = this.table();
      this.ctx.fake.validateWorkbookName(v, t);
      t.name = v;
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.setLocal('style', v, () => {
      if (!isTableStyle(v)) fail('InvalidArgument', `"${v}" is not a table style.`);
      this.table().style = v;
    });
  }

  get worksheet(): FakeWorksheet {
    return this.child('worksheet') as FakeWorksheet;
  }
}

// ---------------------------------------------------------------- charts

class FakeChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}

  add(type: string, source: FakeRange, seriesBy?: string): FakeChartObject {
    let created: FakeChart | null = null;
    this.ctx.enqueue({
      bytes: json({ type, seriesBy }) + 16,
      run: () => {
        if (!CHART_TYPES.has(type)) fail('InvalidArgument', `Unknown chart type ${type}.`);
        const sheet = this.ws.sheet();
        if (source.ws.sheet() !== sheet) fail('InvalidArgument', 'The chart data is on another sheet.');
        created = { name: `Chart ${sheet.charts.length + 1}`, type, source: rectAddress(source.rect()), ...(seriesBy ? { seriesBy } : {}) };
        sheet.charts.push(created);
      },
    });
    return new FakeChartObject(this.ctx, () => created ?? fail('InvalidOperation', 'The chart was used before it was added.'), this.ws);
  }
}

class FakeChartObject {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean } };
  readonly series: { getItemAt(i: number): { name: string; setXAxisValues(r: FakeRange): void } };

  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: () => FakeChart,
    private readonly ws: FakeWorksheet,
  ) {
    const set = (bytes: number, f: (c: FakeChart) => void) =>
      ctx.enqueue({
        bytes,
        run: () => {
          f(this.chart());
        },
      });
    const writeOnly = (prop: string): never => {
      throw notLoaded(prop);
    };
    this.title = {
      set text(v: string) {
        set(json(v), (c) => (c.title = v));
      },
      get text(): string {
        return writeOnly('text');
      },
    };
    this.legend = {
      set visible(v: boolean) {
        set(8, (c) => (c.legendVisible = v));
      },
      get visible(): boolean {
        return writeOnly('visible');
      },
    };
    this.axes = {
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          set(8, (c) => (c.reversePlotOrder = v));
        },
        get reversePlotOrder(): boolean {
          return writeOnly('reversePlotOrder');
        },
      },
    };
    this.series = {
      getItemAt: (i: number) => {
        if (i !== 0) fail('InvalidArgument', 'The fake charts have one series.');
        return {
          set name(v: string) {
            set(json(v), (c) => {
              if (v.length > NAME_MAX) fail('InvalidArgument', `A series name has at most ${NAME_MAX} characters.`);
              c.seriesName = v;
            });
          },
          get name(): string {
            return writeOnly('name');
          },
          setXAxisValues: (r: FakeRange) => set(16, (c) => (c.xValues = rectAddress(r.rect()))),
        };
      },
    };
  }

  set name(v: string) {
    this.ctx.enqueue({
      bytes: json(v),
      run: () => {
        this.chart().name = v;
      },
    });
  }

  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    const addr = (x: string | FakeRange) => (typeof x === 'string' ? rectAddress(parseRect(x)) : rectAddress(x.rect()));
    this.ctx.enqueue({
      bytes: 32,
      run: () => {
        this.ws.sheet();
        this.chart().position = { start: addr(start), ...(end !== undefined ? { end: addr(end) } : {}) };
      },
    });
  }
}

// ---------------------------------------------------------------- defined names

class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  protected list(): FakeNamedItem[] {
    return this.ctx.fake.state.names.map((n) => new FakeNamedItem(this.ctx, () => n, false));
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let created: FakeName | null = null;
    this.command({ name, reference: typeof reference === 'string' ? reference : 'range', comment }, () => {
      const fake = this.ctx.fake;
      fake.validateWorkbookName(name);
      let sheetId: string | null = null;
      let address: string | null = null;
      if (typeof reference === 'string') {
        const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(reference);
        const sheet = m ? fake.sheetByName((m[1] ?? m[2]!).replace(/''/g, "'")) : undefined;
        if (!m || !sheet) fail('InvalidArgument', `The fake supports sheet references only (${reference}).`);
        sheetId = sheet!.id;
        address = absolute(parseRect(m![3]));
      } else {
        sheetId = reference.ws.sheet().id;
        address = absolute(reference.rect());
      }
      created = { name, sheetId, address, ...(comment !== undefined ? { comment } : {}) };
      fake.state.names.push(created);
    });
    return new FakeNamedItem(this.ctx, () => created ?? fail('InvalidOperation', 'The name was used before it was added.'), false);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.ctx.fake.state.names.find((n) => key(n.name) === key(name)) ?? null, false);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.ctx.fake.state.names.find((n) => key(n.name) === key(name)) ?? null, true);
  }
}

function absolute(r: Rect): string {
  const a = `$${columnLetters(r.c0)}$${r.r0 + 1}`;
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:$${columnLetters(r.c0 + r.cols - 1)}$${r.r0 + r.rows}`;
}

class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly find: () => FakeName | null,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }

  private item(): FakeName {
    return this.find() ?? fail('ItemNotFound', 'The name does not exist.');
  }

  protected override exists(): boolean {
    const n = this.find();
    if (!n && !this.nullable) fail('ItemNotFound', 'The name does not exist.');
    return n !== null;
  }

  protected defaultProps(): string[] {
    return ['name', 'type', 'value', 'formula', 'comment'];
  }

  private reference(): string {
    const n = this.item();
    const sheet = n.sheetId === null ? undefined : this.ctx.fake.findSheet(n.sheetId);
    if (!sheet || n.address === null) return '#REF!';
    return `${quoteSheetName(sheet.name)}!${n.address}`;
  }

  protected readProp(name: string): unknown {
    const n = this.item();
    switch (name) {
      case 'name':
        return n.name;
      case 'type':
        return this.reference() === '#REF!' ? 'Error' : 'Range';
      case 'value':
        return this.reference();
      case 'formula':
        return `=${this.reference()}`;
      case 'comment':
        return n.comment ?? '';
      default:
        return fail('InvalidArgument', `NamedItem has no property ${name} in the fake.`);
    }
  }

  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get value(): string {
    return this.get('value');
  }
  get formula(): string {
    return this.get('formula');
  }

  delete(): void {
    this.command(null, () => {
      const n = this.item();
      this.ctx.fake.state.names = this.ctx.fake.state.names.filter((x) => x !== n);
    });
  }
}
