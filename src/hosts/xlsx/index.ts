/**
 * The `.xlsx` file host, browser-safe part: read workbooks into grids, write results back.
 * Node-only helpers (files and folders) are in `./node-files` and are not exported here.
 */
export { readWorkbook } from './reader';
export type { ReadResult } from './reader';
export { writeResult, writeResultReport, freeSheetName } from './writer';
export type { WriteOptions, WriteReport } from './writer';
export { DEFAULT_LIMITS } from './limits';
export type { ReadLimits, ReadOptions } from './limits';
export { markerName, roleOfMarker } from './markers';
export type { GeneratedSheet } from './markers';
export { clusterTemplate, submissionTemplate } from './template';
