/**
 * The services layer's contract. Components and pages talk to a WorkbookSource and never to Office.js or
 * exceljs: inside Excel it is ExcelSource (the open workbook), in a plain browser FileSource (a cluster
 * .xlsx opened from disk), and in tests a fake.
 */
import type { ClusterResult, Finding, GridWorkbook, Lang, Place } from '../../../engine';

/** Stages in the order they start; the Office host reports the same ones (src/hosts/office/run.ts). */
export type RunStage = 'read' | 'check' | 'compute' | 'write' | 'done';
export const RUN_STAGES: readonly RunStage[] = ['read', 'check', 'compute', 'write', 'done'];

/** What the secretary has imported, as the engine takes it. */
export interface RunInput {
  submissions: GridWorkbook[];
  /** Findings about imported files (unreadable, too large): reported with the rest. */
  hostFindings: Finding[];
  /** UI language: the generated Kiểm tra sheet speaks it too. */
  lang: Lang;
}

/** A file for the visitor to save. */
export interface DownloadFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface GenerateOutcome {
  result: ClusterResult;
  /** Names the generated sheets got (a user's sheet of the same name makes ours take a free one). */
  written: string[];
  /** Standalone: the cluster workbook with the generated sheets; null inside Excel (written in place). */
  download: DownloadFile | null;
}

/** A file read from disk or fetched from the page's own origin. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** What the standalone page starts with: the bundled sample cluster and its members' submissions. */
export interface SampleSet {
  cluster: NamedBytes;
  submissions: NamedBytes[];
}

/** A ribbon run that happened while the pane was open (shared runtime). */
export interface ExternalRun {
  at: string;
  ok: boolean;
  message: string;
}

export interface ClusterInfo {
  /** File name of the cluster workbook (the open workbook's name in Excel); null when none is open. */
  name: string | null;
  /** The bundled sample, not the visitor's own file. */
  sample: boolean;
}

export interface WorkbookSource {
  readonly kind: 'excel' | 'file';
  cluster(): ClusterInfo;
  /** Reads the cluster workbook and runs the engine; writes nothing. */
  check(input: RunInput): Promise<ClusterResult>;
  /** Read, check, score, write; `onStage` is called as each stage starts and with `done` at the end. */
  generate(input: RunInput, onStage: (stage: RunStage) => void): Promise<GenerateOutcome>;
  /** True when selectCell can show this place: a cell of the open workbook. */
  canSelect(place: Place): boolean;
  selectCell(sheet: string, cell: string): Promise<void>;

  // ---- standalone only
  /** Replaces the cluster workbook; resolves to the findings of reading it (empty when it read cleanly). */
  openCluster?(file: NamedBytes, opts?: { sample?: boolean; lang?: Lang }): Promise<Finding[]>;
  /** The bundled sample, fetched from the page's own origin. */
  loadSample?(): Promise<SampleSet>;
  /** Hands a file to the browser to save. */
  save?(file: DownloadFile): void;

  // ---- Excel only
  /** The last ribbon run and later ones; returns the unsubscribe function. */
  onExternalRun?(listener: (run: ExternalRun) => void): () => void;
}

/** Parses one imported submission file in the browser; the file host in production, injectable in tests. */
export type SubmissionReader = (file: NamedBytes, lang: Lang) => Promise<{ workbook: GridWorkbook | null; findings: Finding[] }>;

/** Everything the app needs from outside React. */
export interface Services {
  source: WorkbookSource;
  readSubmission: SubmissionReader;
}
