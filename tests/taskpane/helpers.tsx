/**
 * Shared by the task pane tests: a fake WorkbookSource (no Office, no files), results of the real engine
 * on the seed cluster, and a render helper. Import this first in every test file: it also fills in what
 * vitest's jsdom environment leaves out.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { ClusterResult, Lang, Place } from '../../src/engine';
import { runCluster } from '../../src/engine';
import { App } from '../../src/faces/taskpane/App';
import type { HostKind } from '../../src/faces/taskpane/host';
import { readSubmission } from '../../src/faces/taskpane/services/files';
import type { ClusterInfo, DownloadFile, GenerateOutcome, RunInput, RunStage, Services, SubmissionReader, WorkbookSource } from '../../src/faces/taskpane/services/source';
import { CUM1_CLUSTER_FILE, cum1Cluster, cum1Submissions } from '../fixtures/cum1';

// Fluent UI's focus manager (tabster) walks the DOM with NodeFilter, which the environment does not expose.
const g = globalThis as { NodeFilter?: unknown; window?: { NodeFilter?: unknown } };
if (g.NodeFilter === undefined && g.window?.NodeFilter) g.NodeFilter = g.window.NodeFilter;
// Fluent's MessageBar measures itself to reflow; jsdom has no layout, so nothing would ever be observed.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = globalThis as { ResizeObserver?: unknown };
w.ResizeObserver ??= NoLayoutResizeObserver;

afterEach(() => cleanup());

/** The seed cluster through the real engine: five warnings, no error (tests/fixtures/cum1.ts). */
export function cum1Result(lang: Lang = 'vi'): ClusterResult {
  return runCluster({ cluster: cum1Cluster(), submissions: cum1Submissions(), lang });
}

/** Gates a fake run stage by stage, so a test can look at the page between stages. */
export class Stepper {
  private waiting: (() => void)[] = [];
  private arrived: (() => void)[] = [];

  /** Called by the fake at each stage: waits until the test releases it. */
  wait(): Promise<void> {
    const next = this.arrived.shift();
    next?.();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Lets the current stage finish. */
  release(): void {
    this.waiting.shift()?.();
  }

  /** Resolves once the fake stands at a stage (already there or later). */
  atStage(): Promise<void> {
    if (this.waiting.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.arrived.push(resolve));
  }
}

export interface FakeOptions {
  kind?: 'excel' | 'file';
  result?: ClusterResult;
  /** The open workbook's name (Excel) or the cluster file (standalone). */
  workbook?: string;
  stepper?: Stepper;
  /** A check that fails with this message. */
  fail?: string;
  /** A run that fails with this message in its compute stage. */
  failRun?: string;
}

export class FakeSource implements WorkbookSource {
  readonly kind: 'excel' | 'file';
  result: ClusterResult;
  readonly checks: RunInput[] = [];
  readonly runs: RunInput[] = [];
  readonly selected: [string, string][] = [];
  readonly saved: DownloadFile[] = [];
  readonly stages: RunStage[] = [];
  private readonly workbook: string;
  private readonly stepper: Stepper | undefined;
  private readonly fail: string | undefined;
  private readonly failRun: string | undefined;

  constructor(opts: FakeOptions = {}) {
    this.kind = opts.kind ?? 'excel';
    this.result = opts.result ?? cum1Result();
    this.workbook = opts.workbook ?? CUM1_CLUSTER_FILE;
    this.stepper = opts.stepper;
    this.fail = opts.fail;
    this.failRun = opts.failRun;
    if (this.kind === 'file') this.save = (file: DownloadFile) => void this.saved.push(file);
  }

  save?: (file: DownloadFile) => void;

  cluster(): ClusterInfo {
    return { name: this.workbook, sample: false };
  }

  async check(input: RunInput): Promise<ClusterResult> {
    this.checks.push(input);
    if (this.fail) throw new Error(this.fail);
    return this.result;
  }

  async generate(input: RunInput, onStage: (stage: RunStage) => void): Promise<GenerateOutcome> {
    this.runs.push(input);
    for (const stage of ['read', 'check', 'compute', 'write'] as const) {
      this.stages.push(stage);
      onStage(stage);
      if (this.stepper) await this.stepper.wait();
      if (this.failRun && stage === 'compute') throw new Error(this.failRun);
    }
    onStage('done');
    const written = this.result.sheets.map((s) => s.name);
    const download = this.kind === 'file' ? { fileName: this.workbook, bytes: new Uint8Array([80, 75, 3, 4]) } : null;
    return { result: this.result, written, download };
  }

  canSelect(place: Place): boolean {
    return this.kind === 'excel' && place.file === this.workbook && !!place.sheet && !!place.cell;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push([sheet, cell]);
  }
}

export interface RenderOptions {
  host?: HostKind;
  lang?: Lang;
  readSubmission?: SubmissionReader;
  loadSample?: boolean;
}

export function renderApp(source: WorkbookSource, opts: RenderOptions = {}) {
  const services: Services = { source, readSubmission: opts.readSubmission ?? readSubmission };
  const host = opts.host ?? (source.kind === 'excel' ? 'excel' : 'standalone');
  return render(<App services={services} host={host} initialLang={opts.lang ?? 'vi'} loadSample={opts.loadSample ?? false} scheme="light" />);
}

/** A tab's visible label (Fluent keeps a hidden bold copy beside it to reserve the selected width). */
export function tabLabel(tab: HTMLElement): string {
  return tab.querySelector('.fui-Tab__content')?.textContent ?? '';
}
