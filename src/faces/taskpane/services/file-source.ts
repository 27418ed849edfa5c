/**
 * A cluster workbook opened from disk (or the bundled sample), through the file host. The result is the
 * same workbook with the generated sheets, handed to the browser to save: nothing leaves the page.
 */
import type { ClusterResult, Finding, GridWorkbook, Lang, Place } from '../../../engine';
import { describe, runCluster } from '../../../engine';
import { saveFile } from './download';
import { readWithFileHost } from './files';
import { nextPaint } from './paint';
import { fetchSample } from './sample';
import type { ClusterInfo, DownloadFile, GenerateOutcome, NamedBytes, RunInput, RunStage, SampleSet, WorkbookSource } from './source';

interface OpenCluster {
  file: NamedBytes;
  /** null when the file could not be read; `findings` says why. */
  workbook: GridWorkbook | null;
  findings: Finding[];
  sample: boolean;
}

export interface FileSourceDeps {
  loadSample?: () => Promise<SampleSet>;
  save?: (file: DownloadFile) => void;
  /** Paint between stages; a no-op in tests that do not care. */
  pause?: () => Promise<void>;
}

export class FileSource implements WorkbookSource {
  readonly kind = 'file' as const;
  private open: OpenCluster | null = null;
  private readonly deps: Required<FileSourceDeps>;

  constructor(deps: FileSourceDeps = {}) {
    this.deps = { loadSample: deps.loadSample ?? (() => fetchSample()), save: deps.save ?? ((f) => saveFile(f)), pause: deps.pause ?? nextPaint };
  }

  cluster(): ClusterInfo {
    return { name: this.open?.file.name ?? null, sample: this.open?.sample ?? false };
  }

  async openCluster(file: NamedBytes, opts: { sample?: boolean; lang?: Lang } = {}): Promise<Finding[]> {
    const read = await readWithFileHost(file, opts.lang ?? 'vi');
    this.open = { file, workbook: read.workbook, findings: read.findings, sample: opts.sample === true };
    return read.findings;
  }

  loadSample(): Promise<SampleSet> {
    return this.deps.loadSample();
  }

  save(file: DownloadFile): void {
    this.deps.save(file);
  }

  async check(input: RunInput): Promise<ClusterResult> {
    return this.runEngine(this.current(), input);
  }

  async generate(input: RunInput, onStage: (stage: RunStage) => void): Promise<GenerateOutcome> {
    const step = async (stage: RunStage) => {
      onStage(stage);
      await this.deps.pause();
    };
    await step('read');
    const open = this.current();
    const { writeResultReport } = await import('../../../hosts/xlsx');
    if (!open.workbook) {
      // Nothing to add sheets to: say why in the words of the reading finding.
      const why = open.findings[0];
      throw new Error(why ? describe(why, input.lang) : open.file.name);
    }
    await step('check');
    const result = this.runEngine(open, input);
    await step('compute');
    await step('write');
    const report = await writeResultReport(open.file.bytes, result.sheets);
    onStage('done');
    return {
      result,
      written: result.sheets.map((s) => report.names.get(s.name) ?? s.name),
      download: { fileName: open.file.name, bytes: report.bytes },
    };
  }

  /** Outside Excel there is no cell to select: the page shows the address instead. */
  canSelect(_place: Place): boolean {
    return false;
  }

  async selectCell(): Promise<void> {
    // Nothing to do: see canSelect.
  }

  private current(): OpenCluster {
    if (!this.open) throw new Error('no cluster workbook is open');
    return this.open;
  }

  private runEngine(open: OpenCluster, input: RunInput): ClusterResult {
    const cluster: GridWorkbook = open.workbook ?? { file: open.file.name, sheets: [] };
    return runCluster({ cluster, submissions: input.submissions, hostFindings: [...open.findings, ...input.hostFindings], lang: input.lang });
  }
}
