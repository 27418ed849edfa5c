/**
 * The one place that decides where the task pane runs. Inside Excel it works on the open workbook
 * (Office.js host); anywhere else (a plain browser tab, Word, an Office that reports no host) it is the
 * standalone page and works on files opened from disk.
 */
export type HostKind = 'excel' | 'standalone';

/** The part of `Office.onReady`'s answer that matters here. */
export interface ReadyInfo {
  host?: unknown;
}

/** office.js, read through globalThis so this module loads where it is absent. */
export function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

/**
 * `info` is what Office.onReady reported (null when office.js never loaded). office.js also loads in a
 * plain browser, where it reports host null: that is standalone too.
 */
export function detectHost(info: ReadyInfo | null | undefined, office: typeof Office | undefined = officeGlobal()): HostKind {
  if (!office || !info || info.host === null || info.host === undefined) return 'standalone';
  // The enum's value is the string 'Excel'; fall back to it if a stub Office lacks HostType.
  const excel: unknown = office.HostType?.Excel ?? 'Excel';
  return info.host === excel ? 'excel' : 'standalone';
}
