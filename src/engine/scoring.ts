/**
 * Which score counts, per criterion and unit (brief rule 3): the reviewed score, else the mean of the
 * other members' peer scores, else the self score; settings may pin one source. Blank handling (rule 2)
 * is decided here too, because only here is it known which cell was supposed to hold the score.
 */
import { Exact } from './exact';
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { Place } from './findings/define';
import type { CountedScore, Member, PeerSheet, Rubric, RubricNode, ScoreOrigin, ScoreSource, Settings, Submission } from './model';
import { foldKey } from './text';

// ---------------------------------------------------------------- which criteria apply

/**
 * Paths of the nodes that apply to a unit of `group`: a node for all groups ('') or for that group, under
 * a parent that applies. The parent matters because a section marked for one group covers its children
 * even when their own group cell is empty. Groups compare folded, as typed names do everywhere else.
 * Cached per rubric and group: a federation ranks thousands of units against one rubric.
 */
const applicableCache = new WeakMap<Rubric, Map<string, ReadonlySet<string>>>();

export function applicablePaths(rubric: Rubric, group: string): ReadonlySet<string> {
  const key = foldKey(group);
  let byGroup = applicableCache.get(rubric);
  if (!byGroup) applicableCache.set(rubric, (byGroup = new Map()));
  const cached = byGroup.get(key);
  if (cached) return cached;
  const decided = new Map<string, boolean>();
  const applies = (node: RubricNode): boolean => {
    const known = decided.get(node.path);
    if (known !== undefined) return known;
    decided.set(node.path, false); // a cycle (never from the parser) must not recurse forever
    const parent = node.parent === null ? undefined : rubric.byPath.get(node.parent);
    const ok = (node.group === '' || foldKey(node.group) === key) && (parent === undefined || applies(parent));
    decided.set(node.path, ok);
    return ok;
  };
  const paths = new Set(rubric.nodes.filter(applies).map((n) => n.path));
  byGroup.set(key, paths);
  return paths;
}

export function appliesTo(rubric: Rubric, node: RubricNode, group: string): boolean {
  return applicablePaths(rubric, group).has(node.path);
}

export function applicableLeaves(rubric: Rubric, group: string): RubricNode[] {
  const paths = applicablePaths(rubric, group);
  return rubric.leaves.filter((leaf) => paths.has(leaf.path));
}

// ---------------------------------------------------------------- peer scores

export interface PeerCells {
  /** Readable scores by raters other than the unit itself. */
  values: { value: Exact; place: Place }[];
  /** Blank cells by other raters: where a peer-only source reports a missing score. */
  blanks: Place[];
}

/** scored unit -> path -> peer cells. */
export type PeerIndex = Map<string, Map<string, PeerCells>>;

/**
 * Gathers peer scores per scored unit. A unit's score of itself is left out (the brief: members score
 * each other, not themselves). A rater with two sheets counts once (its first sheet): the parser reports
 * the duplicate, and counting both would weigh that rater twice.
 */
export function indexPeers(peers: readonly PeerSheet[]): PeerIndex {
  const index: PeerIndex = new Map();
  const seen = new Set<string>();
  for (const sheet of peers) {
    if (seen.has(sheet.rater)) continue;
    seen.add(sheet.rater);
    for (const [unit, byPath] of sheet.scores) {
      if (unit === sheet.rater) continue;
      let forUnit = index.get(unit);
      if (!forUnit) index.set(unit, (forUnit = new Map()));
      for (const [path, cell] of byPath) {
        let cells = forUnit.get(path);
        if (!cells) forUnit.set(path, (cells = { values: [], blanks: [] }));
        if (cell.value !== null) cells.values.push({ value: cell.value, place: cell.place });
        else if (cell.blank) cells.blanks.push(cell.place);
        // An unreadable peer cell is skipped: the parser reported it, and the other raters still count.
      }
    }
  }
  return index;
}

// ---------------------------------------------------------------- aggregates (exact)

/** Callers pass at least one value. */
export function mean(xs: readonly Exact[]): Exact {
  return Exact.sum(xs).div(Exact.int(xs.length));
}

/** The middle value; with an even count, the mean of the two middle values. */
export function median(xs: readonly Exact[]): Exact {
  const s = [...xs].sort((a, b) => a.cmp(b));
  const mid = Math.floor(s.length / 2);
  if (s.length % 2 === 1) return s[mid]!;
  return s[mid - 1]!.add(s[mid]!).div(Exact.int(2));
}

/**
 * Drops one highest and one lowest value, then takes the mean. With fewer than three values nothing
 * would be left (or a single value would decide alone), so the plain mean is used instead: the brief
 * only asks for trimming when n >= 3.
 */
export function trimmedMean(xs: readonly Exact[]): Exact {
  if (xs.length < 3) return mean(xs);
  const s = [...xs].sort((a, b) => a.cmp(b));
  return mean(s.slice(1, -1));
}

// ---------------------------------------------------------------- picking a score

/** What the score source found for one criterion of one unit. */
export type Pick =
  | { kind: 'score'; score: Exact; origin: ScoreOrigin; from: Place[] }
  /** No score. `absent`: there is not even a cell (the criterion is missing from the submission). */
  | { kind: 'blank'; place: Place; absent: boolean }
  /** The cell that counts could not be read: the parser already reported it, so count nothing. */
  | { kind: 'unreadable' }
  /** The score would come from the unit's own sheet, and it sent none. */
  | { kind: 'no-submission' };

export interface UnitSources {
  member: Member;
  submission: Submission | undefined;
  peers: Map<string, PeerCells> | undefined;
}

function fromReviewed(path: string, src: UnitSources): Pick | null {
  const cell = src.submission?.reviewed.get(path);
  if (!cell || (cell.value === null && cell.blank)) return null;
  if (cell.value === null) return { kind: 'unreadable' };
  return { kind: 'score', score: cell.value, origin: 'reviewed', from: [cell.place] };
}

const PEER_AGGREGATES = {
  'peer-mean': mean,
  'peer-median': median,
  'peer-trimmed-mean': trimmedMean,
} as const;

function fromPeers(path: string, src: UnitSources, how: keyof typeof PEER_AGGREGATES): Pick | null {
  const cells = src.peers?.get(path);
  if (!cells || cells.values.length === 0) return null;
  return {
    kind: 'score',
    score: PEER_AGGREGATES[how](cells.values.map((v) => v.value)),
    origin: how,
    from: cells.values.map((v) => v.place),
  };
}

function fromSelf(path: string, src: UnitSources): Pick {
  if (!src.submission) return { kind: 'no-submission' };
  const cell = src.submission.self.get(path);
  if (!cell) return { kind: 'blank', place: src.submission.place, absent: true };
  if (cell.value !== null) return { kind: 'score', score: cell.value, origin: 'self', from: [cell.place] };
  return cell.blank ? { kind: 'blank', place: cell.place, absent: false } : { kind: 'unreadable' };
}

/**
 * Where to point when a pinned source has no score. The reviewed cell's own column is not in the model
 * (blank reviewed cells are not kept), so the self cell on the same row stands in for it.
 */
function missingAt(path: string, src: UnitSources, peerBlank?: Place): Pick {
  if (peerBlank) return { kind: 'blank', place: peerBlank, absent: false };
  const self = src.submission?.self.get(path);
  if (self) return { kind: 'blank', place: self.place, absent: false };
  return { kind: 'blank', place: src.submission?.place ?? src.member.place, absent: true };
}

export function pickScore(path: string, src: UnitSources, source: ScoreSource): Pick {
  switch (source) {
    case 'auto':
      return fromReviewed(path, src) ?? fromPeers(path, src, 'peer-mean') ?? fromSelf(path, src);
    case 'self':
      return fromSelf(path, src);
    case 'reviewed':
      return fromReviewed(path, src) ?? missingAt(path, src);
    case 'peer-mean':
    case 'peer-median':
    case 'peer-trimmed-mean':
      return fromPeers(path, src, source) ?? missingAt(path, src, src.peers?.get(path)?.blanks[0]);
  }
}

// ---------------------------------------------------------------- one unit

export interface UnitScores {
  counted: CountedScore[];
  findings: Finding[];
  /** A standard criterion needed the unit's own sheet and there is none. */
  missingSubmission: boolean;
}

function counted(unit: string, leaf: RubricNode, score: Exact, origin: ScoreOrigin, from: Place[]): CountedScore {
  // A penalty typed as -2 deducts 2 like a 2 does (brief rule 2), so penalties are kept positive.
  const s = leaf.kind === 'penalty' ? score.abs() : score;
  return {
    unit,
    path: leaf.path,
    kind: leaf.kind,
    score: s,
    weight: leaf.weight,
    counted: leaf.kind === 'standard' ? leaf.weight.mul(s) : s,
    origin,
    from,
  };
}

/**
 * The counted score of every criterion that applies to one unit.
 * `alreadyBlocked`: the unit already has a blocking parse finding; then a criterion missing from its
 * submission (which the parser reported as such) is not reported again as blank.
 */
export function scoreUnit(leaves: readonly RubricNode[], src: UnitSources, settings: Settings, alreadyBlocked: boolean): UnitScores {
  const unit = src.member.code;
  const out: UnitScores = { counted: [], findings: [], missingSubmission: false };
  for (const leaf of leaves) {
    const pick = pickScore(leaf.path, src, settings.scoreSource);
    switch (pick.kind) {
      case 'score':
        out.counted.push(counted(unit, leaf, pick.score, pick.origin, pick.from));
        break;
      case 'unreadable':
        break;
      case 'no-submission':
        if (leaf.kind === 'standard') out.missingSubmission = true;
        break;
      case 'blank': {
        const from = pick.absent ? [] : [pick.place];
        if (leaf.kind !== 'standard') {
          // Blank bonus or penalty is 0 and a blank veto condition is not met (brief rule 2).
          out.counted.push(counted(unit, leaf, Exact.ZERO, 'zero-blank', from));
        } else if (settings.blankScore === 'zero') {
          out.counted.push(counted(unit, leaf, Exact.ZERO, 'zero-blank', from));
        } else if (!(pick.absent && alreadyBlocked)) {
          out.findings.push(finding('SCORE_BLANK', pick.place, { path: leaf.path }, { unit }));
        }
        break;
      }
    }
  }
  return out;
}
