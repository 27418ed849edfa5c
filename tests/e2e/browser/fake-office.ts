/**
 * Browser entry that turns the page into "Excel": the strict Excel fake installed as the `Office`,
 * `Excel` and `OfficeExtension` globals before any page script runs. Bundled for the browser by the e2e
 * global setup (esbuild) and added with page.addInitScript after a script that sets the seed.
 *
 * The fake stays on `window.__thiduaFake`, so a test reads the workbook's state with page.evaluate.
 */
import { FakeExcel, type FakeOptions, type FakeSheetSeed } from '../../fakes/excel-fake';

export interface FakeOfficeSeed {
  workbook: { file: string; sheets: FakeSheetSeed[] };
  options?: FakeOptions;
}

type OnReady = (callback?: (info: { host: unknown; platform: unknown }) => void) => Promise<{ host: unknown; platform: unknown }>;

declare global {
  interface Window {
    __thiduaFakeSeed?: FakeOfficeSeed;
    __thiduaFake?: FakeExcel;
  }
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
}
