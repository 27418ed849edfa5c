/**
 * `runCluster`: grids in, results, findings and the three generated sheets out. The one place where the
 * engine's phases meet, and the one promise every host relies on: it never throws. Anything unforeseen
 * becomes an ENGINE_INTERNAL finding, nothing is ranked, and the Kiểm tra sheet still says why.
 */
import { computeResults } from './compute';
import { defaultSettings } from './defaults';
import { Exact } from './exact';
import type { Finding } from './findings/catalogue';
import { blocksOf, catalogue, finding } from './findings/catalogue';
import type { Lang } from './findings/define';
import type { GridWorkbook } from './grid';
import { parseAddress } from './grid';
import { MemberIndex, parseMembers } from './members';
import type { ClusterInput, CountedScore, Member, Rubric, Settings, UnitResult } from './model';
import { checksSheet } from './output/checks-sheet';
import { detailsSheet } from './output/details-sheet';
import { labelsFor, textCell } from './output/labels';
import { rankingSheet } from './output/ranking-sheet';
import type { OutputRole, OutputSheet } from './output/types';
import { parseRubric } from './rubric';
import { parseSettings } from './settings';
import { parseSubmissions } from './submissions';
import { parseVotes } from './votes';

export interface ClusterResult {
  settings: Settings;
  rubric: Rubric | null;
  members: Member[];
  units: UnitResult[];
  counted: CountedScore[];
  /** Host findings first within each severity; errors, then warnings, then info; then by file, sheet, cell. */
  findings: Finding[];
  /** Xếp hạng, Kiểm tra, Chi tiết, always all three, in that order. */
  sheets: OutputSheet[];
}

/** Names of the phases as the ENGINE_INTERNAL finding reports them. */
type Stage = 'input' | 'settings' | 'members' | 'rubric' | 'submissions' | 'votes' | 'compute' | 'output';

class StageFailure {
  constructor(readonly finding: Finding) {}
}

export function runCluster(input: ClusterInput): ClusterResult {
  try {
    return runPhases(input);
  } catch (e) {
    // Reached only when the input itself cannot be looked at (a getter that throws, not an object).
    return lastResort(internal('input', e, ''));
  }
}

function runPhases(input: ClusterInput): ClusterResult {
  const host = hostFindingsOf(input?.hostFindings);
  const clusterFile = typeof input?.cluster?.file === 'string' ? input.cluster.file : '';
  const engine: Finding[] = [];
  let settings = defaultSettings();
  let rubric: Rubric | null = null;
  let members: Member[] = [];
  let units: UnitResult[] = [];
  let counted: CountedScore[] = [];

  const stage = <T>(name: Stage, run: () => T): T => {
    try {
      return run();
    } catch (e) {
      throw new StageFailure(internal(name, e, clusterFile));
    }
  };

  try {
    const cluster = stage('input', () => workbookOf(input.cluster));
    const parsedSettings = stage('settings', () => parseSettings(cluster));
    settings = parsedSettings.settings;
    engine.push(...parsedSettings.findings);

    const parsedMembers = stage('members', () => parseMembers(cluster));
    members = parsedMembers.members;
    engine.push(...parsedMembers.findings);

    const parsedRubric = stage('rubric', () => parseRubric(cluster));
    rubric = parsedRubric.rubric;
    engine.push(...parsedRubric.findings);

    const blocking = [...host, ...engine].filter((f) => blocksOf(f) === 'cluster');
    if (!rubric || blocking.length > 0) {
      // Nothing can be scored against a broken rubric or member list: list every unit, unranked, with why.
      units = members.map((m) => unrankedUnit(m, blocking));
    } else {
      const index = stage('members', () => new MemberIndex(members));
      const ready = rubric;
      const subs = stage('submissions', () => parseSubmissions({ cluster, submissions: safeArray(input.submissions) }, ready, index, settings));
      engine.push(...subs.findings);
      const votes = stage('votes', () => parseVotes(cluster, index));
      engine.push(...votes.findings);
      const computed = stage('compute', () =>
        computeResults({
          rubric: ready,
          members,
          submissions: subs.submissions,
          peers: subs.peers,
          votes: votes.votes,
          settings,
          findings: [...host, ...engine],
        }),
      );
      units = computed.units;
      counted = computed.counted;
      engine.push(...computed.findings);
    }
  } catch (e) {
    const f = e instanceof StageFailure ? e.finding : internal('compute', e, clusterFile);
    engine.push(f);
    units = members.map((m) => unrankedUnit(m, [f]));
    counted = [];
  }

  const langOverride = input?.lang === 'vi' || input?.lang === 'en' ? input.lang : null;
  if (langOverride && settings.lang !== langOverride) settings = { ...settings, lang: langOverride };
  const lang: Lang = settings.lang === 'en' ? 'en' : 'vi';
  const sheets: OutputSheet[] = [];
  const build = (role: OutputRole, make: () => OutputSheet): void => {
    try {
      sheets.push(make());
    } catch (e) {
      engine.push(internal('output', e, clusterFile));
      sheets.push(emptySheet(role, lang));
    }
  };
  build('ranking', () => rankingSheet({ units, rubric, settings, memberCount: members.length, lang }));
  build('details', () => detailsSheet({ counted, units, rubric, settings, clusterFile, lang }));

  const findings = sortFindings(host, engine);
  let checks: OutputSheet;
  try {
    checks = checksSheet({ findings, clusterFile, lang });
  } catch {
    checks = emptySheet('checks', lang);
  }
  // Sheet order as the secretary reads them: the ranking, then the checks, then the details.
  sheets.splice(1, 0, checks);
  return { settings, rubric, members, units, counted, findings, sheets };
}

// ---------------------------------------------------------------- findings order

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Errors, then warnings, then info; within a severity the host's findings (whole unreadable files)
 * first, then by file, sheet and cell in reading order (B9 before B10). Stable, so equal places keep
 * the order in which the phases found them.
 */
export function sortFindings(host: readonly Finding[], engine: readonly Finding[]): Finding[] {
  const keyed = [...host.map((f) => ({ f, host: 0 })), ...engine.map((f) => ({ f, host: 1 }))].map((k, i) => ({ ...k, i, cell: cellOrder(k.f.place?.cell) }));
  keyed.sort(
    (a, b) =>
      (SEVERITY_ORDER[a.f.severity] ?? 3) - (SEVERITY_ORDER[b.f.severity] ?? 3) ||
      a.host - b.host ||
      compareText(a.f.place?.file, b.f.place?.file) ||
      compareText(a.f.place?.sheet, b.f.place?.sheet) ||
      a.cell[0] - b.cell[0] ||
      a.cell[1] - b.cell[1] ||
      a.i - b.i,
  );
  return keyed.map((k) => k.f);
}

/** Absent first, then code-unit order: deterministic on every machine, unlike locale collation. */
function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function cellOrder(cell: string | undefined): [number, number] {
  const ref = cell ? parseAddress(cell) : null;
  return ref ? [ref.row, ref.col] : [-1, -1];
}

// ---------------------------------------------------------------- fallbacks

function unrankedUnit(m: Member, reasons: Finding[]): UnitResult {
  return {
    code: m.code,
    name: m.name,
    group: m.group,
    status: 'invalid',
    rank: null,
    tie: false,
    sections: [],
    bonus: Exact.ZERO,
    penalty: Exact.ZERO,
    total: null,
    grade: null,
    veto: false,
    vote: null,
    award: null,
    reasons,
    source: null,
  };
}

function internal(stage: Stage, e: unknown, clusterFile: string): Finding {
  return finding('ENGINE_INTERNAL', clusterFile ? { file: clusterFile } : {}, { stage, detail: errorText(e) });
}

/** A short description of whatever was thrown; reading it must not throw again. */
function errorText(e: unknown): string {
  try {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return 'unknown error';
  }
}

/** The cluster workbook, or a TypeError that the stage turns into a finding. */
function workbookOf(wb: unknown): GridWorkbook {
  if (typeof wb !== 'object' || wb === null || !Array.isArray((wb as GridWorkbook).sheets)) throw new TypeError('no cluster workbook was given');
  return wb as GridWorkbook;
}

function safeArray<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

/** Host findings the catalogue knows; anything else a host passed would only break the report. */
function hostFindingsOf(v: unknown): Finding[] {
  return safeArray<Finding>(v).filter(
    (f) => typeof f === 'object' && f !== null && typeof f.code === 'string' && Object.hasOwn(catalogue, f.code) && typeof f.place === 'object' && f.place !== null,
  );
}

function lastResort(f: Finding): ClusterResult {
  const settings = defaultSettings();
  const findings = [f];
  let checks: OutputSheet;
  try {
    checks = checksSheet({ findings, clusterFile: '', lang: 'vi' });
  } catch {
    checks = emptySheet('checks', 'vi');
  }
  return { settings, rubric: null, members: [], units: [], counted: [], findings, sheets: [emptySheet('ranking', 'vi'), checks, emptySheet('details', 'vi')] };
}

/** What a sheet looks like when building it failed: its title, so hosts still replace the old one. */
function emptySheet(role: OutputRole, lang: Lang): OutputSheet {
  const L = labelsFor(lang);
  const title = role === 'ranking' ? L.ranking.title : role === 'checks' ? L.checks.title : L.details.title;
  return { role, name: L.sheetNames[role], rows: [[textCell(title, 'title')]], columnWidths: [40], table: null, freezeRows: 0 };
}
