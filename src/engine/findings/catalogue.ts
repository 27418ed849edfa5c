/**
 * Every finding code, its severity, what it blocks and its messages. Codes are stable: tools and the
 * Kiểm tra sheet depend on them, so rename never, add freely.
 */
import type { FindingDef, Lang, Place, Severity } from './define';
import { placeText } from './define';
import { clusterFindings } from './cluster';
import { engineFindings } from './engine';
import { fileFindings } from './files';
import { rankingFindings } from './ranking';
import { rubricFindings } from './rubric';
import { scoreFindings } from './scores';
import { sheetFindings } from './sheets';
import { textFindings } from './text';
import { voteFindings } from './votes';

export const catalogue = {
  ...rubricFindings,
  ...clusterFindings,
  ...scoreFindings,
  ...voteFindings,
  ...rankingFindings,
  ...textFindings,
  ...sheetFindings,
  ...fileFindings,
  ...engineFindings,
};

export type FindingCode = keyof typeof catalogue;
export type ParamsOf<C extends FindingCode> = (typeof catalogue)[C] extends FindingDef<infer P> ? P : never;

export type Finding = {
  [C in FindingCode]: {
    code: C;
    severity: Severity;
    place: Place;
    params: ParamsOf<C>;
    /** Unit code the finding is about (the unit it blocks when it is a unit error). */
    unit?: string;
  };
}[FindingCode];

export interface FindingOptions {
  unit?: string;
  /** Overrides the catalogue's severity (e.g. blank scores allowed by settings). */
  severity?: Severity;
}

export function finding<C extends FindingCode>(code: C, place: Place, params: ParamsOf<C>, opts: FindingOptions = {}): Finding {
  const f = {
    code,
    severity: opts.severity ?? catalogue[code].severity,
    place: { ...place },
    params,
    ...(opts.unit !== undefined ? { unit: opts.unit } : {}),
  };
  return f as unknown as Finding;
}

export function blocksOf(f: Finding): FindingDef<never>['blocks'] {
  return f.severity === 'error' ? catalogue[f.code].blocks : 'none';
}

/** The message of a finding in a language, without its place. */
export function message(f: Finding, lang: Lang): string {
  const d = catalogue[f.code] as FindingDef<Record<string, unknown>>;
  return d[lang](f.params as Record<string, unknown>);
}

/** Message with its place in front, for logs and the command line. */
export function describe(f: Finding, lang: Lang): string {
  const where = placeText(f.place);
  return where ? `${where}: ${message(f, lang)}` : message(f, lang);
}
