/** The services for where the pane runs: the open workbook inside Excel, files elsewhere. */
import type { HostKind } from '../host';
import { ExcelSource } from './excel-source';
import { FileSource } from './file-source';
import { readSubmission } from './files';
import type { Services } from './source';

export function createServices(host: HostKind): Services {
  return { source: host === 'excel' ? new ExcelSource() : new FileSource(), readSubmission };
}

export type { Services, WorkbookSource } from './source';
