/**
 * Capped subtotals, bonus, penalty, total and veto (brief rule 4), in exact arithmetic. The same rules
 * recompute a member's own figures from its self scores, so its stated subtotals can be checked.
 */
import { Exact } from './exact';
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { CountedScore, Rubric, RubricNode, Settings, Submission } from './model';
import { applicablePaths } from './scoring';

/** Capped sums of one node, per kind of criterion (penalty positive). */
export interface NodeSums {
  standard: Exact;
  bonus: Exact;
  penalty: Exact;
}

export interface Totals {
  /** Capped standard subtotal per top-level section (times its weight, when it has one), in rubric order. */
  sections: { path: string; label: string; subtotal: Exact }[];
  bonus: Exact;
  penalty: Exact;
  /** Standard subtotals + bonus - penalty. */
  total: Exact;
  veto: boolean;
  /** Capped sums of every node that applies to the unit, by path (before the node's own weight). */
  nodes: Map<string, NodeSums>;
}

const ZERO_SUMS: NodeSums = { standard: Exact.ZERO, bonus: Exact.ZERO, penalty: Exact.ZERO };

function hasStandardLeaf(rubric: Rubric, node: RubricNode): boolean {
  if (node.children.length === 0) return node.kind === 'standard';
  return node.children.some((c) => {
    const child = rubric.byPath.get(c);
    return child !== undefined && hasStandardLeaf(rubric, child);
  });
}

/**
 * The sections the ranking shows: top-level nodes with children among which is a standard criterion.
 * Decided from the rubric alone, not per group, so every unit has the same columns. A top-level leaf of
 * a flat rubric counts in the total but is not a section.
 */
export function rankingSections(rubric: Rubric): RubricNode[] {
  return rubric.sections.filter((n) => n.children.length > 0 && hasStandardLeaf(rubric, n));
}

/**
 * Totals of one unit from counted values per leaf path (`CountedScore.counted`: weight x score for
 * standard criteria, the positive score for bonus and penalty, the score for veto conditions). Leaves
 * without a value count 0. Each parent caps each kind of its children's sum at its max, so bonus under a
 * capped "Điểm thưởng" section is capped like standard points are.
 */
export function computeTotals(rubric: Rubric, group: string, counted: ReadonlyMap<string, Exact>): Totals {
  const applies = applicablePaths(rubric, group);
  const nodes = new Map<string, NodeSums>();
  let veto = false;

  const sumsOf = (node: RubricNode): NodeSums => {
    let sums: NodeSums;
    if (node.children.length === 0) {
      const v = counted.get(node.path) ?? Exact.ZERO;
      if (node.kind === 'veto') {
        if (!v.isZero()) veto = true;
        sums = ZERO_SUMS;
      } else {
        sums = { ...ZERO_SUMS, [node.kind]: v };
      }
    } else {
      let standard = Exact.ZERO;
      let bonus = Exact.ZERO;
      let penalty = Exact.ZERO;
      for (const path of node.children) {
        const child = rubric.byPath.get(path);
        if (!child || !applies.has(child.path)) continue;
        const s = weighted(child, sumsOf(child));
        standard = standard.add(s.standard);
        bonus = bonus.add(s.bonus);
        penalty = penalty.add(s.penalty);
      }
      const cap = node.max;
      sums = cap === null ? { standard, bonus, penalty } : { standard: standard.min(cap), bonus: bonus.min(cap), penalty: penalty.min(cap) };
    }
    nodes.set(node.path, sums);
    return sums;
  };

  let standard = Exact.ZERO;
  let bonus = Exact.ZERO;
  let penalty = Exact.ZERO;
  for (const top of rubric.sections) {
    if (!applies.has(top.path)) continue;
    const s = weighted(top, sumsOf(top));
    standard = standard.add(s.standard);
    bonus = bonus.add(s.bonus);
    penalty = penalty.add(s.penalty);
  }

  const sections = rankingSections(rubric).map((n) => ({
    path: n.path,
    label: n.label,
    subtotal: weighted(n, nodes.get(n.path) ?? ZERO_SUMS).standard,
  }));
  return { sections, bonus, penalty, total: standard.add(bonus).sub(penalty), veto, nodes };
}

/**
 * What a node adds to its parent. A leaf's counted value already carries its weight; a criterion with
 * sub-criteria and a weight counts weight x its capped subtotal, which is what the rubric check compares
 * with the parent's max (rubric.ts, checkParentMax).
 */
function weighted(node: RubricNode, sums: NodeSums): NodeSums {
  if (node.children.length === 0 || node.weight.eq(Exact.ONE)) return sums;
  return { ...sums, standard: sums.standard.mul(node.weight) };
}

export function countedByPath(scores: readonly CountedScore[]): Map<string, Exact> {
  return new Map(scores.map((s) => [s.path, s.counted]));
}

// ---------------------------------------------------------------- a member's own figures

/**
 * Excel stores formula results as binary doubles, so a stated total of 27.3 may arrive as
 * 27.299999999999997. Scores are typed with a few decimals, so a difference this small is never a real
 * disagreement; treating it as one would flood the checks sheet with false warnings.
 */
const SAME_FIGURE = Exact.of(1n, 10n ** 9n);

function sameFigure(a: Exact, b: Exact): boolean {
  return a.sub(b).abs().lt(SAME_FIGURE);
}

/** Both figures with the display decimals, or exactly when those would print the same text. */
function formatPair(stated: Exact, computed: Exact, decimals: number): { stated: string; computed: string } {
  const s = stated.toFixed(decimals);
  const c = computed.toFixed(decimals);
  return s === c ? { stated: stated.toString(), computed: computed.toString() } : { stated: s, computed: c };
}

function descendantLeaves(rubric: Rubric, node: RubricNode): RubricNode[] {
  if (node.children.length === 0) return [node];
  return node.children.flatMap((p) => {
    const child = rubric.byPath.get(p);
    return child ? descendantLeaves(rubric, child) : [];
  });
}

/**
 * Recomputes a submission's subtotals and total from its self scores alone (blank as 0, as the member's
 * own SUM would) and warns where the member's stated figure differs. Figures that depend on a self cell
 * that could not be read are not checked: the parser already reported that cell.
 */
export function checkStatedTotals(rubric: Rubric, group: string, submission: Submission, settings: Settings): Finding[] {
  const applies = applicablePaths(rubric, group);
  const counted = new Map<string, Exact>();
  const unreadable = new Set<string>();
  for (const leaf of rubric.leaves) {
    if (!applies.has(leaf.path)) continue;
    const cell = submission.self.get(leaf.path);
    if (!cell || cell.value === null) {
      if (cell && !cell.blank) unreadable.add(leaf.path);
      continue;
    }
    const v = leaf.kind === 'penalty' ? cell.value.abs() : cell.value;
    counted.set(leaf.path, leaf.kind === 'standard' ? leaf.weight.mul(v) : v);
  }
  const totals = computeTotals(rubric, group, counted);
  const out: Finding[] = [];
  const report = (path: string, stated: Exact, computed: Exact, place: Submission['place']): void => {
    if (sameFigure(stated, computed)) return;
    const figures = formatPair(stated, computed, settings.displayDecimals);
    out.push(finding('SUBTOTAL_MISMATCH', place, { path, ...figures }, { unit: submission.unit }));
  };

  for (const [path, cell] of submission.statedSubtotals) {
    const node = rubric.byPath.get(path);
    const sums = totals.nodes.get(path);
    if (!node || !sums || cell.value === null) continue;
    const leaves = descendantLeaves(rubric, node).filter((l) => applies.has(l.path));
    if (leaves.some((l) => unreadable.has(l.path))) continue;
    const penaltyOnly = leaves.length > 0 && leaves.every((l) => l.kind === 'penalty' || l.kind === 'veto') && leaves.some((l) => l.kind === 'penalty');
    if (penaltyOnly) {
      // A penalty section's subtotal may be written 5 or -5, like the penalties themselves.
      const signed = cell.value.isNegative() ? sums.penalty.neg() : sums.penalty;
      report(path, cell.value, signed, cell.place);
    } else {
      report(path, cell.value, sums.standard.add(sums.bonus).sub(sums.penalty), cell.place);
    }
  }

  const stated = submission.statedTotal;
  if (stated && stated.value !== null && unreadable.size === 0) {
    // The grand total has no path; Σ reads the same in both languages ("Tổng Σ", "Total Σ").
    report('Σ', stated.value, totals.total, stated.place);
  }
  return out;
}
