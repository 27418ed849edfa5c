/**
 * Browser entry that turns the page into "Excel": the strict Excel fake installed as the `Office`,
 * `Excel` and `OfficeExtension` globals before any page script runs. Bundled for the browser by the e2e
 * global setup (esbuild) and added with page.addInitScript after a script that sets the seed.
 *
 * The fake stays on `window.__thiduaFake`, so a test reads the workbook's state with page.evaluate.
 */
import { columnLetters } from '../../../src/engine';
import { FakeExcel, FakeRichApiError, type FakeOptions, type FakeSheet, type FakeSheetSeed } from '../../fakes/excel-fake';

export interface FakeOfficeSeed {
  workbook: { file: string; sheets: FakeSheetSeed[] };
  options?: FakeOptions;
}

type OnReady = (callback?: (info: { host: unknown; platform: unknown }) => void) => Promise<{ host: unknown; platform: unknown }>;

/** The cell the task pane last selected (Range.select), as Excel would show it. */
export interface FakeSelection {
  sheet: string;
  address: string;
}

declare global {
  interface Window {
    __thiduaFakeSeed?: FakeOfficeSeed;
    __thiduaFake?: FakeExcel;
    __thiduaSelection?: FakeSelection | null;
  }
}

/** The parts of the fake's (unexported) range and sheet proxies that select() needs. */
interface RangeInternals {
  ws: { sheet(): FakeSheet };
  rect(): { r0: number; c0: number; rows: number; cols: number };
  command(args: unknown, run: () => void): void;
  select?: () => void;
}

/**
 * The fake has no Range.select(), which the task pane calls when a finding is clicked. Added here, to the
 * fake's range prototype, as Excel behaves: queued, and at sync the range's sheet becomes the active one
 * (a hidden sheet cannot be) and the range the selection.
 */
async function addRangeSelect(fake: FakeExcel): Promise<void> {
  const first = fake.state.sheets[0]?.name;
  if (first === undefined) return;
  await fake.run(async (context) => {
    const range = context.workbook.worksheets.getItem(first).getRange('A1') as unknown as RangeInternals;
    const proto = Object.getPrototypeOf(range) as RangeInternals;
    if (typeof proto.select === 'function') return;
    proto.select = function select(this: RangeInternals) {
      this.command(null, () => {
        const sheet = this.ws.sheet();
        if (sheet.visibility !== 'Visible') throw new FakeRichApiError('InvalidOperation', 'A range on a hidden sheet cannot be selected.');
        const r = this.rect();
        const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
        const address = r.rows === 1 && r.cols === 1 ? a1(r.r0, r.c0) : `${a1(r.r0, r.c0)}:${a1(r.r0 + r.rows - 1, r.c0 + r.cols - 1)}`;
        fake.state.activeSheetId = sheet.id;
        window.__thiduaSelection = { sheet: sheet.name, address };
      });
    };
  });
}

const seed = window.__thiduaFakeSeed;
if (seed) {
  const fake = FakeExcel.fromGrids(seed.workbook, seed.options ?? {});
  fake.install();
  const office = (window as unknown as { Office: { onReady: OnReady } }).Office;
  const ready = office.onReady;
  // office.js calls the callback it is given and also resolves its promise; the fake only resolves.
  // Pages written as Office.onReady(cb) would never start without this.
  office.onReady = (callback) =>
    ready().then((info) => {
      callback?.(info);
      return info;
    });
  window.__thiduaFake = fake;
  window.__thiduaSelection = null;
  void addRangeSelect(fake);
}
