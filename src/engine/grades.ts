/** Grade bands (brief rule 6): the band of the total, one band lower when a veto condition is met. */
import type { Exact } from './exact';
import type { GradeBand } from './model';

/**
 * The first band (highest min first) whose min the total reaches; a met veto condition moves it one band
 * down, and the lowest band stays where it is. No bands, no total (invalid unit), or a total below every
 * band: no grade.
 */
export function gradeFor(total: Exact | null, veto: boolean, bands: readonly GradeBand[]): string | null {
  if (total === null || bands.length === 0) return null;
  // Sorted here too: the order is the rule, so it must not depend on how the settings sheet lists them.
  const sorted = [...bands].sort((a, b) => b.min.cmp(a.min));
  const at = sorted.findIndex((b) => b.min.lte(total));
  if (at < 0) return null;
  const band = veto ? sorted[Math.min(at + 1, sorted.length - 1)]! : sorted[at]!;
  return band.name;
}
