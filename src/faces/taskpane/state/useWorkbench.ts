/**
 * The task pane's state and actions, over the services: imported files, the last check, the last run,
 * the cluster workbook (standalone). Pages read it and call its actions; only this hook talks to the
 * services, so every page works the same over Excel, files or a test fake.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClusterResult, Finding, GridWorkbook, Lang } from '../../../engine';
import { finding, message } from '../../../engine';
import { toNamedBytes } from '../services/files';
import type { ClusterInfo, ExternalRun, GenerateOutcome, NamedBytes, RunInput, RunStage, Services } from '../services/source';

export type FileStatus = 'reading' | 'read' | 'error';

export interface ImportedFile {
  id: string;
  name: string;
  size: number;
  status: FileStatus;
  workbook: GridWorkbook | null;
  /** Findings of reading it (why it failed, or warnings). */
  findings: Finding[];
  sample: boolean;
}

export interface CheckState {
  running: boolean;
  result: ClusterResult | null;
  error: string | null;
  /** The imported files changed after the last check (or run) was made. */
  stale: boolean;
}

/** Which settled files a check was made with: when it differs from the list now, the check is stale. */
function inputKey(files: readonly ImportedFile[]): string {
  return files
    .filter((f) => f.status !== 'reading')
    .map((f) => f.id)
    .join(' ');
}

export interface RunState {
  running: boolean;
  /** The stage under way (or `done`); null before the first run. */
  stage: RunStage | null;
  outcome: GenerateOutcome | null;
  error: string | null;
}

export interface ClusterState {
  info: ClusterInfo;
  /** A cluster file is being opened or the sample fetched. */
  busy: 'opening' | 'sample' | null;
  /** Findings of reading the cluster file (standalone). */
  findings: Finding[];
  /** The sample could not be fetched, or a cluster file not opened. */
  error: { kind: 'sample' | 'open'; detail: string } | null;
}

export interface Workbench {
  kind: 'excel' | 'file';
  files: ImportedFile[];
  check: CheckState;
  run: RunState;
  cluster: ClusterState;
  /** Standalone: no cluster workbook to work on yet. */
  needsCluster: boolean;
  externalRun: ExternalRun | null;
  /** Selecting a finding's cell failed (a hidden or renamed sheet). */
  selectError: { where: string; detail: string } | null;
  addFiles(files: readonly (File | NamedBytes)[], opts?: { sample?: boolean }): Promise<void>;
  removeFile(id: string): void;
  runCheck(): Promise<void>;
  runGenerate(): Promise<void>;
  openCluster(file: File | NamedBytes): Promise<void>;
  canSelect(f: Finding): boolean;
  select(f: Finding): Promise<void>;
  download(): void;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isFile(f: File | NamedBytes): f is File {
  return typeof File !== 'undefined' && f instanceof File;
}

async function namedBytes(f: File | NamedBytes): Promise<NamedBytes> {
  return isFile(f) ? toNamedBytes(f) : f;
}

let nextId = 0;

export interface WorkbenchOptions {
  /** Standalone: fetch the sample cluster on mount and show its ranking. */
  loadSample?: boolean;
  /** Called once the sample is ranked (the app then shows the ranking step). */
  onSampleRanked?: () => void;
}

export function useWorkbench(services: Services, lang: Lang, opts: WorkbenchOptions = {}): Workbench {
  const { source, readSubmission } = services;
  const [files, setFilesState] = useState<ImportedFile[]>([]);
  const [checkState, setCheck] = useState<Omit<CheckState, 'stale'> & { key: string | null }>({ running: false, result: null, error: null, key: null });
  const [run, setRun] = useState<RunState>({ running: false, stage: null, outcome: null, error: null });
  const [cluster, setCluster] = useState<ClusterState>({ info: source.cluster(), busy: null, findings: [], error: null });
  const [externalRun, setExternalRun] = useState<ExternalRun | null>(null);
  const [selectError, setSelectError] = useState<{ where: string; detail: string } | null>(null);

  // Async actions read the latest values, not the ones of the render that started them.
  const filesRef = useRef(files);
  const langRef = useRef(lang);
  langRef.current = lang;
  const checkSeq = useRef(0);

  const setFiles = useCallback((update: (prev: ImportedFile[]) => ImportedFile[]) => {
    filesRef.current = update(filesRef.current);
    setFilesState(filesRef.current);
  }, []);

  const input = useCallback((): RunInput => {
    const settled = filesRef.current.filter((f) => f.status !== 'reading');
    return {
      submissions: settled.filter((f) => f.workbook !== null).map((f) => f.workbook!),
      hostFindings: settled.flatMap((f) => f.findings),
      lang: langRef.current,
    };
  }, []);

  const hasCluster = useCallback(() => source.kind === 'excel' || source.cluster().name !== null, [source]);

  const runCheck = useCallback(async () => {
    if (!hasCluster()) return;
    const seq = ++checkSeq.current;
    setCheck((c) => ({ ...c, running: true, error: null }));
    const key = inputKey(filesRef.current);
    try {
      const result = await source.check(input());
      if (seq !== checkSeq.current) return;
      setCheck({ running: false, result, error: null, key });
      setCluster((c) => ({ ...c, info: source.cluster() }));
    } catch (e) {
      if (seq !== checkSeq.current) return;
      // Remember the files it failed on, so it is not retried in a loop; the button retries.
      setCheck((c) => ({ ...c, running: false, error: errorText(e), key }));
    }
  }, [source, input, hasCluster]);

  const runGenerate = useCallback(async () => {
    if (!hasCluster()) return;
    setRun((r) => ({ ...r, running: true, stage: null, error: null }));
    const key = inputKey(filesRef.current);
    try {
      const outcome = await source.generate(input(), (stage) => setRun((r) => ({ ...r, stage })));
      // The run checked too: step 1 shows what it found.
      checkSeq.current++;
      setCheck({ running: false, result: outcome.result, error: null, key });
      setRun({ running: false, stage: 'done', outcome, error: null });
      setCluster((c) => ({ ...c, info: source.cluster() }));
    } catch (e) {
      setRun((r) => ({ ...r, running: false, error: errorText(e) }));
    }
  }, [source, input, hasCluster]);

  const addFiles = useCallback(
    async (incoming: readonly (File | NamedBytes)[], addOpts: { sample?: boolean } = {}) => {
      if (incoming.length === 0) return;
      const entries = incoming.map((f) => ({
        id: `file-${++nextId}`,
        name: f.name,
        size: isFile(f) ? f.size : f.bytes.length,
        status: 'reading' as const,
        workbook: null,
        findings: [],
        sample: addOpts.sample === true,
      }));
      const names = new Set(entries.map((e) => e.name));
      // A file of the same name replaces the earlier one: the member sent a corrected copy.
      setFiles((prev) => [...prev.filter((f) => !names.has(f.name)), ...entries]);
      await Promise.all(
        incoming.map(async (f, i) => {
          const entry = entries[i]!;
          let read: { workbook: GridWorkbook | null; findings: Finding[] };
          try {
            read = await readSubmission(await namedBytes(f), langRef.current);
          } catch (e) {
            // The file host reports bad files as findings; this is a reader that failed outright.
            read = { workbook: null, findings: [finding('FILE_UNREADABLE', { file: entry.name }, { reason: errorText(e) })] };
          }
          setFiles((prev) =>
            prev.map((p) => (p.id === entry.id ? { ...p, status: read.workbook ? 'read' : 'error', workbook: read.workbook, findings: read.findings } : p)),
          );
        }),
      );
    },
    [readSubmission, setFiles],
  );

  const removeFile = useCallback(
    (id: string) => {
      setFiles((prev) => prev.filter((f) => f.id !== id));
    },
    [setFiles],
  );

  const openCluster = useCallback(
    async (file: File | NamedBytes, sample = false) => {
      if (!source.openCluster) return;
      setCluster((c) => ({ ...c, busy: 'opening', error: null }));
      try {
        const findings = await source.openCluster(await namedBytes(file), { sample, lang: langRef.current });
        setCluster({ info: source.cluster(), busy: null, findings, error: null });
        setRun({ running: false, stage: null, outcome: null, error: null });
      } catch (e) {
        setCluster((c) => ({ ...c, busy: null, error: { kind: 'open', detail: errorText(e) } }));
        return;
      }
      await runCheck();
    },
    [source, runCheck],
  );

  // After imports settle, check again so step 1 always describes the files in the list.
  const reading = files.some((f) => f.status === 'reading');
  const stale = checkState.key !== null && checkState.key !== inputKey(files);
  const check: CheckState = useMemo(
    () => ({ running: checkState.running, result: checkState.result, error: checkState.error, stale }),
    [checkState.running, checkState.result, checkState.error, stale],
  );
  useEffect(() => {
    if (!reading && stale && !checkState.running && !run.running) void runCheck();
  }, [reading, stale, checkState.running, run.running, runCheck]);

  // On mount: Excel is checked at once; standalone starts from the sample cluster, ranked.
  const booted = useRef(false);
  const { loadSample, onSampleRanked } = opts;
  useEffect(() => {
    if (booted.current) return;
    booted.current = true;
    if (source.kind === 'excel') {
      void runCheck();
      return;
    }
    if (!loadSample || !source.loadSample || source.cluster().name !== null) {
      void runCheck();
      return;
    }
    void (async () => {
      setCluster((c) => ({ ...c, busy: 'sample', error: null }));
      try {
        const sample = await source.loadSample!();
        const findings = await source.openCluster!(sample.cluster, { sample: true, lang: langRef.current });
        setCluster({ info: source.cluster(), busy: null, findings, error: null });
        await addFiles(sample.submissions, { sample: true });
        await runGenerate();
        onSampleRanked?.();
      } catch (e) {
        setCluster((c) => ({ ...c, busy: null, error: { kind: 'sample', detail: errorText(e) } }));
      }
    })();
  }, [source, loadSample, onSampleRanked, runCheck, runGenerate, addFiles]);

  useEffect(() => {
    if (!source.onExternalRun) return undefined;
    return source.onExternalRun((r) => {
      setExternalRun(r);
      // The ribbon opens the pane when something blocks: show what, freshly read.
      if (!r.ok) void runCheck();
    });
  }, [source, runCheck]);

  const canSelect = useCallback((f: Finding) => source.canSelect(f.place), [source]);

  const select = useCallback(
    async (f: Finding) => {
      const { sheet, cell } = f.place;
      if (!sheet || !cell || !source.canSelect(f.place)) return;
      setSelectError(null);
      try {
        await source.selectCell(sheet, cell);
      } catch (e) {
        setSelectError({ where: `${sheet}!${cell}`, detail: errorText(e) });
      }
    },
    [source],
  );

  const download = useCallback(() => {
    const file = run.outcome?.download;
    if (file && source.save) source.save(file);
  }, [run.outcome, source]);

  return useMemo(
    () => ({
      kind: source.kind,
      files,
      check,
      run,
      cluster,
      needsCluster: source.kind === 'file' && cluster.info.name === null,
      externalRun,
      selectError,
      addFiles,
      removeFile,
      runCheck,
      runGenerate,
      openCluster: (file: File | NamedBytes) => openCluster(file),
      canSelect,
      select,
      download,
    }),
    [source.kind, files, check, run, cluster, externalRun, selectError, addFiles, removeFile, runCheck, runGenerate, openCluster, canSelect, select, download],
  );
}

/** Why a file could not be read, in the UI language (its place is the file itself, shown beside it). */
export function fileProblem(file: ImportedFile, lang: Lang): string | null {
  const f = file.findings.find((x) => x.severity === 'error') ?? null;
  return f ? message(f, lang) : null;
}
