/**
 * Ranks per group (brief rule 5): by exact total, highest first; equal units share a rank (1, 2, 2, 4)
 * and are flagged unless the settings' tie-break keys separate them. Nothing here depends on the order
 * the members are listed in.
 */
import type { Exact } from './exact';
import type { Finding } from './findings/catalogue';
import { finding } from './findings/catalogue';
import type { Place } from './findings/define';
import { foldKey } from './text';

export interface RankInput {
  code: string;
  group: string;
  /** null: the unit is invalid and gets no rank. */
  total: Exact | null;
  sections: readonly { path: string; subtotal: Exact }[];
  bonus: Exact;
  /** Where a tie finding points (the unit's row in the members sheet). */
  place: Place;
}

export interface RankOutcome {
  rank: number | null;
  tie: boolean;
}

/**
 * The values a unit is compared on after its total, in the order of the keys. A key that names no
 * section (or is not a key at all) gives nothing: settings.ts reports bad keys, and here they must not
 * decide anything.
 */
export function tieBreakValues(unit: RankInput, keys: readonly string[]): Exact[] {
  const out: Exact[] = [];
  for (const raw of keys) {
    const key = raw.trim();
    const lower = key.toLowerCase();
    if (lower === 'sections') {
      for (const s of unit.sections) out.push(s.subtotal);
    } else if (lower === 'bonus') {
      out.push(unit.bonus);
    } else if (lower.startsWith('section:')) {
      const wanted = key.slice('section:'.length).trim();
      const section = unit.sections.find((s) => s.path === wanted) ?? unit.sections.find((s) => foldKey(s.path) === foldKey(wanted));
      if (section) out.push(section.subtotal);
    }
  }
  return out;
}

interface Ranked {
  index: number;
  unit: RankInput;
  total: Exact;
  keys: Exact[];
}

/** Negative when `a` ranks ahead of `b`: higher total first, then higher tie-break values. */
function ahead(a: Ranked, b: Ranked): number {
  const byTotal = b.total.cmp(a.total);
  if (byTotal !== 0) return byTotal;
  const n = Math.min(a.keys.length, b.keys.length);
  for (let i = 0; i < n; i++) {
    const c = b.keys[i]!.cmp(a.keys[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ranks parallel to `units`, and one RANK_TIE_UNRESOLVED warning per set of units still tied. */
export function rankUnits(units: readonly RankInput[], tieBreak: readonly string[]): { ranks: RankOutcome[]; findings: Finding[] } {
  const ranks: RankOutcome[] = units.map(() => ({ rank: null, tie: false }));
  const groups = new Map<string, Ranked[]>();
  units.forEach((unit, index) => {
    if (unit.total === null) return;
    const key = foldKey(unit.group);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ index, unit, total: unit.total, keys: tieBreakValues(unit, tieBreak) });
  });

  const findings: Finding[] = [];
  for (const key of [...groups.keys()].sort(byCode)) {
    const sorted = groups.get(key)!.sort(ahead);
    let start = 0;
    while (start < sorted.length) {
      let end = start + 1;
      while (end < sorted.length && ahead(sorted[start]!, sorted[end]!) === 0) end++;
      const set = sorted.slice(start, end);
      // Competition ranking: a unit's rank is one more than the number of units strictly ahead of it.
      const rank = start + 1;
      for (const r of set) ranks[r.index] = { rank, tie: set.length > 1 };
      if (set.length > 1) {
        const tied = set.map((r) => r.unit).sort((a, b) => byCode(a.code, b.code));
        findings.push(
          finding('RANK_TIE_UNRESOLVED', tied[0]!.place, { rank, units: tied.map((u) => u.code).join(', '), group: tied[0]!.group }),
        );
      }
      start = end;
    }
  }
  return { ranks, findings };
}
