/**
 * The outcome of the last one-click run, kept for the task pane: with the shared runtime the ribbon
 * command and the pane live in one JavaScript context, so the pane can show what the click did.
 */
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
  for (const l of listeners) l(run);
}

export function lastRun(): LastRun | null {
  return last;
}

/** Subscribes to later runs; returns the unsubscribe function. */
export function onLastRun(listener: (run: LastRun) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
