/**
 * exceljs is CommonJS in Node and a UMD bundle in the browser (webpack picks `dist/exceljs.min.js`
 * through the package's `browser` field). A namespace import sees its classes either directly or under
 * `default` depending on the loader; this resolves both once.
 */
import * as ExcelJSNamespace from 'exceljs';

type ExcelJSModule = typeof ExcelJSNamespace;

const ns = ExcelJSNamespace as ExcelJSModule & { default?: ExcelJSModule };

export const ExcelJS: ExcelJSModule = ns.Workbook ? ns : (ns.default as ExcelJSModule);

export type { Workbook, Worksheet, Cell, Row } from 'exceljs';
