/** Reading the Excel fake's workbook from the page (window.__thiduaFake) into Node. */
import type { Page } from 'playwright-core';
import type { CellValue } from '../../../src/engine';
import { columnLetters } from '../../../src/engine';
import type { FakeSheet } from '../../fakes/excel-fake';

export interface FakeWorkbookView {
  sheetNames: string[];
  /** Generated sheets as the markers name them: role -> sheet name. */
  marked: Record<string, string | null>;
  sheets: Record<string, FakeSheet>;
  syncs: number;
}

export async function fakeWorkbook(page: Page): Promise<FakeWorkbookView> {
  return page.evaluate(() => {
    const fake = window.__thiduaFake;
    if (!fake) throw new Error('the Excel fake is not installed in this page');
    const marked: Record<string, string | null> = {};
    for (const role of ['ranking', 'checks', 'details']) marked[role] = fake.nameTarget(`ThiDua_${role}`);
    const sheets: Record<string, FakeSheet> = {};
    for (const s of fake.state.sheets) sheets[s.name] = JSON.parse(JSON.stringify(s)) as FakeSheet;
    return { sheetNames: fake.sheetNames(), marked, sheets, syncs: fake.syncCount };
  });
}

/** A fake sheet's cached values by A1 address, errors as { error }. */
export function fakeValues(sheet: FakeSheet): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  sheet.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const v: CellValue = cell.error !== undefined ? { error: cell.error } : cell.value;
      if (v === null || v === '') return;
      out.set(`${columnLetters(c)}${r + 1}`, v);
    }),
  );
  return out;
}

/** Cells that hold a formula: generated sheets must have none (text is never interpreted). */
export function fakeFormulas(sheet: FakeSheet): string[] {
  const out: string[] = [];
  sheet.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell?.formula !== undefined) out.push(`${columnLetters(c)}${r + 1}: ${cell.formula}`);
    }),
  );
  return out;
}
