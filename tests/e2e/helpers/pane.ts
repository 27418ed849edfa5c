/**
 * Driving the task pane (standalone page or inside the fake Excel) as a secretary does, by role and
 * accessible name. The words come from the pane's own string table, so both languages are driven alike.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Lang } from '../../../src/engine';
import { STRINGS, type Strings } from '../../../src/faces/taskpane/i18n';

export type Step = 'check' | 'import' | 'generate';
export const STEPS: readonly Step[] = ['check', 'import', 'generate'];

/** Long enough for the sample's seven workbooks to be parsed in the browser on a busy 2-core machine. */
export const PANE_TIMEOUT_MS = 30_000;

export function words(lang: Lang): Strings {
  return STRINGS[lang];
}

export function stepTab(page: Page, lang: Lang, step: Step): Locator {
  const t = words(lang);
  return page.getByRole('tab', { name: `${STEPS.indexOf(step) + 1}. ${t.app.steps[step]}`, exact: true });
}

export async function openStep(page: Page, lang: Lang, step: Step): Promise<void> {
  await stepTab(page, lang, step).click();
  await expect.poll(() => stepTab(page, lang, step).getAttribute('aria-selected')).toBe('true');
}

/** The ranking table of the standalone page, as text: one array of cell texts per body row. */
export async function rankingRows(page: Page): Promise<string[][]> {
  const table = page.getByRole('table');
  await table.waitFor({ timeout: PANE_TIMEOUT_MS });
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

/** Waits until the last run has finished (the status line says so). */
export async function waitForRunDone(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('status').filter({ hasText: words(lang).generate.finished }).waitFor({ timeout: PANE_TIMEOUT_MS });
}

/** The imported files list: name, status badge and whether it is the sample's. */
export async function importedFiles(page: Page, lang: Lang): Promise<{ name: string; text: string }[]> {
  const list = page.getByRole('list', { name: words(lang).import.listLabel });
  return list.getByRole('listitem').evaluateAll((items) =>
    items.map((li) => ({ name: (li.querySelector('span')?.textContent ?? '').trim(), text: (li.textContent ?? '').trim() })),
  );
}

/**
 * Drops a file on the drop zone the way a browser does: dragenter, dragover and drop events carrying a
 * DataTransfer with the File in it (built in the page from the file's bytes).
 */
export async function dropFile(page: Page, zone: Locator, path: string): Promise<void> {
  const bytes = (await readFile(path)).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ name, b64 }) => {
      const bin = atob(b64);
      const data = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      return dt;
    },
    { name: basename(path), b64: bytes },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer });
  await dataTransfer.dispose();
}

/**
 * Starts recording every value the progress bar takes (aria-valuenow, or its absence) until
 * `progressValues` is read. A MutationObserver sees each change, even ones the eye would miss.
 */
export async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: (string | null)[] = [];
    const w = window as unknown as { __progress?: (string | null)[] };
    w.__progress = seen;
    const note = () => {
      const bar = document.querySelector('[role="progressbar"]');
      const v = bar ? bar.getAttribute('aria-valuenow') : 'absent';
      if (seen[seen.length - 1] !== v) seen.push(v);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

export async function progressValues(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() => (window as unknown as { __progress?: (string | null)[] }).__progress ?? []);
}

/** Page wider than its window: something forces a horizontal scroll bar. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) {
        // Only the outermost offender of each branch, and not what a scrolling box contains.
        let scroller = el.parentElement;
        let inside = false;
        while (scroller) {
          const s = getComputedStyle(scroller);
          if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') inside = true;
          scroller = scroller.parentElement;
        }
        if (!inside) culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" right=${Math.round(r.right)}`);
      }
      if (culprits.length >= 5) break;
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}

/** Table cells whose text is wider than the cell, so it spills over the next column and both become unreadable. */
export async function spillingCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('td, th')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `"${(el.textContent ?? '').trim()}" needs ${el.scrollWidth}px, has ${el.clientWidth}px`),
  );
}
