/** The Office.js host: the open workbook <-> grids, and the one-click pipeline. Faces import from here. */
export { readWorkbook, readWorkbookGrids, markedSheets, toCellValue, parseAreas } from './reader';
export type { ReadResult } from './reader';
export { writeOutputSheets, cellPayload, fitCell, HYPERLINKS_PER_SHEET_MAX, CELL_TEXT_MAX } from './writer';
export type { WriteOptions, WriteReport, WrittenSheet } from './writer';
export { runInWorkbook, RUN_STAGES } from './run';
export type { RunOptions, RunOutcome, RunStage } from './run';
export { summarize, isBlocking } from './summary';
export type { RunSummary } from './summary';
export { planReadRequests, READ_BYTES_PER_CELL, READ_BYTES_PER_ROW, MERGE_SCAN_ROWS } from './chunking';
export { PAYLOAD_CAP_BYTES, jsonBytes, utf8Bytes, isPayloadLimitError, isInternalError } from './payload';
export { MARKER_PREFIX, markerName, freeSheetName, sheetOfReference, cellReference } from './markers';
export { EXCEL_API_MIN, EXCEL_API_MERGES, SHARED_RUNTIME, supportsExcelApi, supportsSharedRuntime } from './requirements';
export { lastRun, onLastRun, setLastRun } from './status';
export type { LastRun } from './status';
