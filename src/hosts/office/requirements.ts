/**
 * The one place that says which Office.js requirement set ThiDua needs. manifest.xml declares the same
 * set (tests/addin/manifest.test.ts keeps the two equal), so Excel refuses to activate the add-in on a
 * host that lacks it; the run-time check below is for hosts that load it anyway (an old Excel given the
 * task pane URL, a cached manifest) and says so in words instead of failing deep inside a write.
 *
 * Why ExcelApi 1.9 and not lower: the Office host reads fonts for a whole sheet in one request
 * (Range.getCellProperties, 1.9, needed for TCVN3/VNI detection without one round trip per cell) and
 * suspends screen updating during the write (Application.suspendScreenUpdatingUntilNextSync, 1.9).
 * It also uses 1.7 (Workbook.name, getRangeByIndexes, freeze panes, cell hyperlinks, chart
 * setXAxisValues and reversePlotOrder), 1.6 (conditional formats, suspendApiCalculationUntilNextSync),
 * 1.4 (names.add, NamedItem.delete, getUsedRangeOrNullObject), 1.3 (tables.add with a Range), 1.2
 * (format.columnWidth, Table.worksheet) and 1.1 for the rest (checked against the API reference).
 * Anything above 1.9 must be probed with `isExcelApiSupported` and degrade gracefully, never raise this
 * floor silently: merged areas (1.13) are the one such call today.
 */
import type { Lang } from '../../engine';

export const REQUIRED_API_SET = { name: 'ExcelApi', minVersion: '1.9' } as const;
export const EXCEL_API_MIN = REQUIRED_API_SET.minVersion;
/** Merged areas (getMergedAreasOrNullObject) need 1.13 and are read only where it is there: without them a merged header still reads from its top-left cell. */
export const EXCEL_API_MERGES = '1.13';
/** Office.addin.showAsTaskpane() from a ribbon function needs the shared runtime. */
export const SHARED_RUNTIME = '1.1';

/** What Office.context.requirements offers; tests pass a fake. */
export interface RequirementProbe {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export type RequirementStatus =
  /** Inside Excel with everything ThiDua needs. */
  | { status: 'supported' }
  /** Not inside Office (the standalone page): only imported files can be checked, so nothing is missing. */
  | { status: 'standalone' }
  | { status: 'unsupported'; missing: string; message: Record<Lang, string> };

const MISSING_TEXT: Record<Lang, (set: string) => string> = {
  vi:
    (set) =>
      `Phiên bản Excel này không hỗ trợ ${set}, là mức tối thiểu ThiDua cần. ` +
      'Hãy dùng Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web.',
  en:
    (set) =>
      `This version of Excel does not support ${set}, the minimum ThiDua needs. ` +
      'Use Excel 2021 or later, Microsoft 365 or Excel on the web.',
};

export function requirementLabel(): string {
  return `${REQUIRED_API_SET.name} ${REQUIRED_API_SET.minVersion}`;
}

/** The message shown where the requirement set is missing, in the UI language. */
export function missingRequirementMessage(lang: Lang): string {
  return MISSING_TEXT[lang](requirementLabel());
}

/**
 * Checks the requirement set. `probe` null or undefined means there is no Office host (the page was
 * opened in a plain browser). A probe that throws counts as unsupported: an Office too old to answer
 * the question is too old for ThiDua.
 */
export function checkRequirements(probe: RequirementProbe | null | undefined): RequirementStatus {
  if (!probe) return { status: 'standalone' };
  let supported = false;
  try {
    supported = probe.isSetSupported(REQUIRED_API_SET.name, REQUIRED_API_SET.minVersion) === true;
  } catch {
    supported = false;
  }
  if (supported) return { status: 'supported' };
  return {
    status: 'unsupported',
    missing: requirementLabel(),
    message: { vi: missingRequirementMessage('vi'), en: missingRequirementMessage('en') },
  };
}

/** Office.context.requirements, read through globalThis so this module loads where office.js is absent. */
function officeRequirements(): RequirementProbe | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements && typeof requirements.isSetSupported === 'function' ? requirements : null;
}

/**
 * The probe to hand to `checkRequirements`, given the host that Office.onReady reported. office.js also
 * loads in a plain browser (the standalone page), where it reports no host and answers every
 * requirement question with false: that is "standalone", not "unsupported".
 */
export function officeRequirementProbe(host: unknown): RequirementProbe | null {
  return host ? officeRequirements() : null;
}

/** For optional features above the floor (e.g. ExcelApi 1.13 merged areas): true only when supported. */
export function isExcelApiSupported(minVersion: string, probe: RequirementProbe | null = officeRequirements()): boolean {
  if (!probe) return false;
  try {
    return probe.isSetSupported(REQUIRED_API_SET.name, minVersion) === true;
  } catch {
    return false;
  }
}

/**
 * For the host's own feature probes: true where nothing can be asked (tests without Office, the
 * standalone page), because the caller already checked the floor.
 */
function isSetSupportedOrUnknown(set: string, version: string): boolean {
  const requirements = officeRequirements();
  if (!requirements) return true;
  try {
    return requirements.isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}

export function supportsExcelApi(version: string): boolean {
  return isSetSupportedOrUnknown('ExcelApi', version);
}

export function supportsSharedRuntime(): boolean {
  return isSetSupportedOrUnknown('SharedRuntime', SHARED_RUNTIME);
}
