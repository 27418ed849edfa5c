/**
 * Which Office.js requirement sets the host uses. The manifest declares EXCEL_API_MIN; newer features
 * are used only where the running Excel reports them.
 *
 * ExcelApi 1.9 is the highest the host needs: getCellProperties / getRowProperties (fonts and hidden rows
 * in bulk, 1.9), suspendScreenUpdatingUntilNextSync (1.9), getRangeByIndexes, hyperlinks, freeze panes and
 * the workbook name (1.7), conditional formats and suspendApiCalculationUntilNextSync (1.6).
 * Merged areas (getMergedAreasOrNullObject) need 1.13 and are read only where it is there: without them
 * a merged header still reads from its top-left cell.
 */
export const EXCEL_API_MIN = '1.9';
export const EXCEL_API_MERGES = '1.13';

/** Office.addin.showAsTaskpane() from a ribbon function needs the shared runtime. */
export const SHARED_RUNTIME = '1.1';

function isSetSupported(set: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  // Outside Office (tests without the fake's Office, the standalone page) nothing can be asked: assume the
  // caller already checked the minimum.
  if (!requirements || typeof requirements.isSetSupported !== 'function') return true;
  return requirements.isSetSupported(set, version);
}

export function supportsExcelApi(version: string): boolean {
  return isSetSupported('ExcelApi', version);
}

export function supportsSharedRuntime(): boolean {
  return isSetSupported('SharedRuntime', SHARED_RUNTIME);
}
