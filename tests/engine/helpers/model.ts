/**
 * Builders for model objects, so compute tests state rubrics, members, scores and votes in a line each
 * instead of going through grids and parsers.
 */
import { defaultSettings } from '../../../src/engine/defaults';
import { Exact } from '../../../src/engine/exact';
import type { Place } from '../../../src/engine/findings/define';
import type {
  CriterionKind,
  GradeBand,
  Member,
  PeerSheet,
  Rubric,
  RubricNode,
  ScoreCell,
  Settings,
  Submission,
  UnitVote,
} from '../../../src/engine/model';

/** Exact from decimal text or a number typed in a test. */
export function x(v: string | number): Exact {
  const e = Exact.parseDecimal(String(v));
  if (!e) throw new Error(`not a decimal: ${v}`);
  return e;
}

export interface NodeSpec {
  /** Full path, e.g. `II.1.a`; the parent is the path without its last part. */
  path: string;
  max?: string | number | null;
  weight?: string | number;
  kind?: CriterionKind;
  group?: string;
  label?: string;
}

export function rubric(specs: readonly NodeSpec[]): Rubric {
  const nodes: RubricNode[] = specs.map((s, i) => {
    const parts = s.path.split('.');
    return {
      path: s.path,
      code: parts[parts.length - 1]!,
      label: s.label ?? `Tiêu chí ${s.path}`,
      depth: parts.length - 1,
      kind: s.kind ?? 'standard',
      max: s.max === undefined || s.max === null ? null : x(s.max),
      weight: s.weight === undefined ? Exact.ONE : x(s.weight),
      group: s.group ?? '',
      parent: parts.length > 1 ? parts.slice(0, -1).join('.') : null,
      children: [],
      place: { file: 'cluster.xlsx', sheet: 'Thang điểm', cell: `C${i + 5}` },
      row: i + 4,
    };
  });
  const byPath = new Map(nodes.map((n) => [n.path, n]));
  for (const n of nodes) if (n.parent !== null) {
    const parent = byPath.get(n.parent);
    if (!parent) throw new Error(`no parent ${n.parent} for ${n.path}`);
    parent.children.push(n.path);
  }
  return {
    nodes,
    byPath,
    leaves: nodes.filter((n) => n.children.length === 0),
    sections: nodes.filter((n) => n.parent === null),
  };
}

let memberRow = 4;
export function member(code: string, group = '', name = `Đơn vị ${code}`): Member {
  memberRow++;
  return { code, name, group, place: { file: 'cluster.xlsx', sheet: 'Đơn vị', cell: `A${memberRow}` } };
}

/** A typed score; `null` is a blank cell, `'unreadable'` a cell the parser could not read. */
export type CellSpec = string | number | null | 'unreadable';

export function cell(v: CellSpec, place: Place): ScoreCell {
  if (v === null) return { value: null, blank: true, place };
  if (v === 'unreadable') return { value: null, blank: false, place };
  return { value: x(v), blank: false, place };
}

function cells(spec: Record<string, CellSpec>, file: string, sheet: string, column: string): Map<string, ScoreCell> {
  return new Map(Object.entries(spec).map(([path, v], i) => [path, cell(v, { file, sheet, cell: `${column}${i + 5}` })]));
}

export interface SubmissionOptions {
  reviewed?: Record<string, CellSpec>;
  stated?: Record<string, CellSpec>;
  total?: CellSpec;
  file?: string;
}

/** Self scores in column D, reviewed in E, stated subtotals in F, of `<unit>.xlsx` › Tự chấm. */
export function submission(unit: string, self: Record<string, CellSpec>, opts: SubmissionOptions = {}): Submission {
  const file = opts.file ?? `${unit}.xlsx`;
  const sheet = 'Tự chấm';
  return {
    unit,
    place: { file, sheet, cell: 'A1' },
    self: cells(self, file, sheet, 'D'),
    reviewed: cells(opts.reviewed ?? {}, file, sheet, 'E'),
    statedSubtotals: cells(opts.stated ?? {}, file, sheet, 'F'),
    statedTotal: opts.total === undefined ? null : cell(opts.total, { file, sheet, cell: 'D40' }),
  };
}

/** One rater's peer sheet: scored unit -> path -> score. */
export function peer(rater: string, scores: Record<string, Record<string, CellSpec>>): PeerSheet {
  const file = `${rater}-cheo.xlsx`;
  return {
    rater,
    place: { file, sheet: 'Chấm chéo', cell: 'A1' },
    scores: new Map(Object.entries(scores).map(([unit, byPath]) => [unit, cells(byPath, file, 'Chấm chéo', unit)])),
  };
}

let voteRow = 4;
export function tally(unit: string, approvals: number, present: number | null = null, extra: Partial<UnitVote> = {}): UnitVote {
  voteRow++;
  return {
    unit,
    place: { file: 'cluster.xlsx', sheet: 'Biểu quyết', cell: `B${voteRow}` },
    approvals,
    rejections: null,
    present,
    invalid: false,
    ...extra,
  };
}

export function bands(...list: [name: string, min: string | number][]): GradeBand[] {
  return list.map(([name, min]) => ({ name, min: x(min) }));
}

export interface SettingsPatch extends Partial<Omit<Settings, 'vote'>> {
  vote?: Partial<Settings['vote']>;
}

export function settings(patch: SettingsPatch = {}): Settings {
  const base = defaultSettings();
  const { vote, ...rest } = patch;
  return { ...base, ...rest, vote: { ...base.vote, ...vote } };
}

/** Exact values as decimal text, for readable assertions. */
export function txt(e: Exact | null | undefined): string | null {
  return e === null || e === undefined ? null : e.toString();
}
