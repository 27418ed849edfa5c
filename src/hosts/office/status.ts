/**
 * The outcome of the last one-click run, kept for the task pane. With the shared runtime (manifest.xml
 * <Runtimes>) the ribbon command and the pane live in one JavaScript context, so the pane hears of every
 * click through this module; without it each has its own copy and the pane simply hears of nothing.
 */
import type { Lang } from '../../engine';
import type { RunSummary } from './summary';

export interface LastRun {
  /** ISO time the run ended. */
  at: string;
  ok: boolean;
  summary: RunSummary | null;
  /** Short status line in the UI language. */
  message: string;
}

let last: LastRun | null = null;
const listeners = new Set<(run: LastRun) => void>();

export function setLastRun(run: LastRun): void {
  last = run;
  // A listener that throws (a pane torn down mid-update) must not keep the others, or the ribbon, from hearing.
  for (const l of [...listeners]) {
    try {
      l(run);
    } catch (error) {
      console.error('ThiDua: a last-run listener failed', error);
    }
  }
}

export function lastRun(): LastRun | null {
  return last;
}

/** Subscribes to later runs; returns the unsubscribe function. */
export function onLastRun(listener: (run: LastRun) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let paneLang: Lang | null = null;

/**
 * The task pane says which language it shows (Office's by default, or the one the secretary switched to),
 * so that a ribbon run in the same runtime writes its status line in that language and the pane's banner
 * matches the rest of the pane. Null: no pane here (the separate function file), Office's language decides.
 */
export function setPaneLanguage(lang: Lang | null): void {
  paneLang = lang;
}

export function paneLanguage(): Lang | null {
  return paneLang;
}
