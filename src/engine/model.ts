/**
 * The engine's data model: what parsers produce and what computing consumes. Parsers fill these from
 * grids and report findings; computing never looks at a grid again.
 */
import type { Exact } from './exact';
import type { Finding } from './findings/catalogue';
import type { Lang, Place } from './findings/define';

// ---------------------------------------------------------------- settings (Cấu hình)

export type ScoreSource = 'auto' | 'self' | 'reviewed' | 'peer-mean' | 'peer-median' | 'peer-trimmed-mean';

/** A grade band; a met veto condition lowers the band one step (grades.ts). */
export interface GradeBand {
  name: string;
  /** Inclusive lower bound of the total; the lowest band has min 0 (or negative). */
  min: Exact;
}

export interface AwardRule {
  name: string;
  /** Places available; null means as many as there are eligible, approved units. */
  quota: number | null;
  /** A unit with a met veto condition cannot take this award (true for the top award by default). */
  excludesVeto: boolean;
}

export interface Settings {
  lang: Lang;
  clusterName: string;
  year: string;
  /** Blank standard criterion: an error (default), or read as zero. */
  blankScore: 'error' | 'zero';
  scoreSource: ScoreSource;
  displayDecimals: number;
  /**
   * Tie-break keys in order; empty means ties stay unresolved (flagged). A key is `section:II`
   * (that section's subtotal), `sections` (every section subtotal in rubric order) or `bonus`.
   */
  tieBreak: string[];
  /** Sorted highest min first; empty means no grading. */
  grades: GradeBand[];
  vote: {
    /** Share of the denominator that approvals must exceed (0.5). */
    threshold: Exact;
    /** true: approvals must be strictly more than threshold x denominator (the brief's "more than 50%"). */
    strict: boolean;
    denominator: 'members' | 'present';
    /** Share of all members that must take part for anything to be decided (2/3); zero disables it. */
    quorum: Exact;
  };
  awards: AwardRule[];
}

// ---------------------------------------------------------------- rubric (Thang điểm)

export type CriterionKind = 'standard' | 'bonus' | 'penalty' | 'veto';

export interface RubricNode {
  /** Identity: codes from the root joined by `.` (`II.1.a`); unique in a rubric. */
  path: string;
  /** The code as typed in its cell (`a`, `2.1.a`, `II`). */
  code: string;
  label: string;
  /** 0 for sections (Roman numerals), deeper for criteria and sub-criteria. */
  depth: number;
  kind: CriterionKind;
  /** Max points of a leaf; the cap of a parent when given. Veto conditions have none. */
  max: Exact | null;
  weight: Exact;
  /** Group (Khối) the criterion applies to; empty string: every group. */
  group: string;
  parent: string | null;
  children: string[];
  place: Place;
  /** Grid-relative row in its sheet, so a submission parser can read other columns of the same row. */
  row: number;
}

export interface Rubric {
  /** Every node in sheet order. */
  nodes: RubricNode[];
  byPath: Map<string, RubricNode>;
  /** Scored leaves (standard, bonus, penalty, veto) in sheet order. */
  leaves: RubricNode[];
  /** Top-level nodes in order: the sections whose subtotals the ranking shows. */
  sections: RubricNode[];
}

// ---------------------------------------------------------------- members (Đơn vị)

export interface Member {
  /** '' for a row listed without a code (MEMBER_CODE_MISSING): listed unranked, counted in votes. */
  code: string;
  name: string;
  /** Group (Khối); empty string when the cluster has one group. */
  group: string;
  place: Place;
}

// ---------------------------------------------------------------- submissions

/** A score as read from one cell, before deciding which score counts. */
export interface ScoreCell {
  /** null when blank or unreadable (a finding says which). */
  value: Exact | null;
  blank: boolean;
  place: Place;
}

export interface Submission {
  /** The unit the sheet belongs to (member code when matched). */
  unit: string;
  place: Place;
  /** path -> self score (Tự chấm). */
  self: Map<string, ScoreCell>;
  /** path -> reviewed score (Cụm chấm), only cells that are not blank. */
  reviewed: Map<string, ScoreCell>;
  /** path -> subtotal stated by the member on a parent row, for the mismatch warning. */
  statedSubtotals: Map<string, ScoreCell>;
  statedTotal: ScoreCell | null;
}

/** One rater's sheet scoring several units: rater -> scored unit -> path -> score. */
export interface PeerSheet {
  rater: string;
  place: Place;
  scores: Map<string, Map<string, ScoreCell>>;
}

// ---------------------------------------------------------------- votes (Biểu quyết)

export type VoteMark = 'approve' | 'reject' | 'blank';

export interface UnitVote {
  unit: string;
  place: Place;
  /** Matrix form: voter code -> mark. Absent for tallies. */
  marks?: Map<string, VoteMark>;
  approvals: number;
  rejections: number | null;
  /** Members who took part; null when a tally does not say (then quorum cannot be checked and is assumed). */
  present: number | null;
  /** Award named on the vote row, when the sheet has such a column. */
  award?: string;
  /** True when a finding blocks this vote. */
  invalid: boolean;
}

// ---------------------------------------------------------------- results

export type ScoreOrigin = 'reviewed' | 'peer-mean' | 'peer-median' | 'peer-trimmed-mean' | 'self' | 'zero-blank';

export interface CountedScore {
  unit: string;
  path: string;
  kind: CriterionKind;
  score: Exact;
  weight: Exact;
  /** weight x score for standard criteria; the score itself for bonus and penalty (always positive). */
  counted: Exact;
  origin: ScoreOrigin;
  /** Cells the score came from. */
  from: Place[];
}

export type UnitStatus = 'ranked' | 'invalid';

export interface VoteOutcome {
  approvals: number;
  rejections: number | null;
  present: number | null;
  members: number;
  quorum: boolean;
  /** A finding blocks this vote (a non-member's mark, an unknown mark, a count above the members, ...). */
  invalid: boolean;
  /** null when the vote was invalid or lacked a quorum. */
  approved: boolean | null;
}

export interface UnitResult {
  code: string;
  name: string;
  group: string;
  status: UnitStatus;
  rank: number | null;
  /** Shares its rank with another unit and no tie-break resolved it. */
  tie: boolean;
  /** Capped subtotal per top-level section, in rubric order (standard criteria only). */
  sections: { path: string; label: string; subtotal: Exact }[];
  bonus: Exact;
  penalty: Exact;
  /** null when invalid. */
  total: Exact | null;
  grade: string | null;
  veto: boolean;
  vote: VoteOutcome | null;
  /** Proposed award and whether the vote confirmed it. */
  award: { name: string; confirmed: boolean } | null;
  /** Blocking findings that keep it unranked. */
  reasons: Finding[];
  source: Place | null;
}

export interface ClusterInput {
  /** The secretary's cluster workbook: rubric, members, optional votes and settings, maybe pasted submissions. */
  cluster: import('./grid').GridWorkbook;
  /** Member workbooks; each may hold several units' sheets. */
  submissions: import('./grid').GridWorkbook[];
  /** Findings the host already has (unreadable files); they are reported with the rest. */
  hostFindings?: Finding[];
  /** UI language; overrides the settings sheet. */
  lang?: Lang;
}
