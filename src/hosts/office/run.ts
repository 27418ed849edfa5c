/**
 * The whole pipeline on the open workbook: read -> engine -> write. Used by the ribbon's one-click
 * command and by the task pane's last step, so both produce the same sheets.
 */
import type { ClusterInput, ClusterResult, Finding, GridWorkbook, Lang, OutputRole } from '../../engine';
import { runCluster } from '../../engine';
import { readWorkbook } from './reader';
import { summarize } from './summary';
import type { RunSummary } from './summary';
import { writeOutputSheets } from './writer';
import type { WrittenSheet } from './writer';

/**
 * Stages in the order they start. The engine checks and computes in one synchronous call: `check` is
 * reported before it, `compute` when it returns (the results are then being summarised), `done` at the end.
 */
export type RunStage = 'read' | 'check' | 'compute' | 'write' | 'done';
export const RUN_STAGES: readonly RunStage[] = ['read', 'check', 'compute', 'write', 'done'];

export interface RunOptions {
  /** Member workbooks imported in the task pane (parsed by the file host). */
  submissions?: GridWorkbook[];
  /** Findings about those files (unreadable, too large). */
  hostFindings?: Finding[];
  /** Output language; by default the workbook's Cấu hình sheet decides (Vietnamese unless it says otherwise). */
  lang?: Lang;
  onProgress?: (stage: RunStage) => void;
  /** Generated sheet to show at the end (default the ranking; null: leave the active sheet). */
  activate?: OutputRole | null;
  /** The engine; replaceable in tests. */
  engine?: (input: ClusterInput) => ClusterResult;
}

export interface RunOutcome {
  result: ClusterResult;
  summary: RunSummary;
  written: WrittenSheet[];
  /** Round trips, for the README's claim and the tests. */
  syncs: { read: number; write: number };
}

/** Lets a task pane paint the new stage before the next synchronous stretch. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function runInWorkbook(context: Excel.RequestContext, opts: RunOptions = {}): Promise<RunOutcome> {
  const report = async (stage: RunStage) => {
    opts.onProgress?.(stage);
    await nextTick();
  };
  await report('read');
  const read = await readWorkbook(context);

  await report('check');
  const input: ClusterInput = {
    cluster: read.workbook,
    submissions: opts.submissions ?? [],
    hostFindings: [...(opts.hostFindings ?? []), ...read.findings],
    ...(opts.lang ? { lang: opts.lang } : {}),
  };
  const result = (opts.engine ?? runCluster)(input);

  await report('compute');
  const summary = summarize(result);

  await report('write');
  const written = await writeOutputSheets(context, result.sheets, { activate: blockedActivation(summary, opts.activate) });

  await report('done');
  return { result, summary, written: written.sheets, syncs: { read: read.syncs, write: written.syncs } };
}

/** When something blocks, the findings sheet is what the secretary needs to see first. */
function blockedActivation(summary: RunSummary, wanted: OutputRole | null | undefined): OutputRole | null {
  if (wanted !== undefined) return wanted;
  return summary.blocked ? 'checks' : 'ranking';
}
