/**
 * The open workbook, through the Office.js host. Every call is one Excel.run batch; the host keeps the
 * number of round trips fixed however many units and sheets there are.
 */
import type { ClusterResult, Place } from '../../../engine';
import { runCluster } from '../../../engine';
import { lastRun, onLastRun, readWorkbook, runInWorkbook } from '../../../hosts/office';
import type { LastRun } from '../../../hosts/office';
import type { ClusterInfo, ExternalRun, GenerateOutcome, RunInput, RunStage, WorkbookSource } from './source';

/** Excel.run's shape; injectable so the source can be driven by a fake Excel. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

export interface StatusFeed {
  last: () => LastRun | null;
  subscribe: (listener: (run: LastRun) => void) => () => void;
}

export class ExcelSource implements WorkbookSource {
  readonly kind = 'excel' as const;
  private workbookName: string | null = null;
  /** Imported files of the last run: their findings point into files Excel does not have open. */
  private importedNames = new Set<string>();

  constructor(
    private readonly run: ExcelRun = defaultRun,
    private readonly status: StatusFeed = { last: lastRun, subscribe: onLastRun },
  ) {}

  cluster(): ClusterInfo {
    return { name: this.workbookName, sample: false };
  }

  async check(input: RunInput): Promise<ClusterResult> {
    this.remember(input);
    return this.run(async (context) => {
      const read = await readWorkbook(context);
      this.workbookName = read.workbook.file || null;
      return runCluster({
        cluster: read.workbook,
        submissions: input.submissions,
        hostFindings: [...input.hostFindings, ...read.findings],
        lang: input.lang,
      });
    });
  }

  async generate(input: RunInput, onStage: (stage: RunStage) => void): Promise<GenerateOutcome> {
    this.remember(input);
    const outcome = await this.run((context) =>
      runInWorkbook(context, { submissions: input.submissions, hostFindings: input.hostFindings, lang: input.lang, onProgress: onStage }),
    );
    return { result: outcome.result, written: outcome.written.map((w) => w.name), download: null };
  }

  canSelect(place: Place): boolean {
    if (!place.sheet || !place.cell) return false;
    if (place.file === undefined || place.file === '') return true;
    if (this.workbookName !== null) return place.file === this.workbookName;
    return !this.importedNames.has(place.file);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(cell).select();
      await context.sync();
    });
  }

  onExternalRun(listener: (run: ExternalRun) => void): () => void {
    const tell = (run: LastRun) => listener({ at: run.at, ok: run.ok, message: run.message });
    const last = this.status.last();
    if (last) tell(last);
    return this.status.subscribe(tell);
  }

  private remember(input: RunInput): void {
    this.importedNames = new Set(input.submissions.map((w) => w.file));
    for (const f of input.hostFindings) if (f.place.file) this.importedNames.add(f.place.file);
  }
}
