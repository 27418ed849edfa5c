/**
 * axe-core in the page. Its source is evaluated through the DevTools protocol (page.evaluate), which the
 * page's content security policy does not apply to, so the policy under test stays as strict as shipped.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

async function axeSource(): Promise<string> {
  source ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** Every violation axe finds on the page as it is now (all of WCAG 2.x A/AA and axe's best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(await axeSource());
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    // Fluent UI's focus guards (Tabster's <i data-tabster-dummy tabindex=0 aria-hidden>) only pass focus on
    // at once; axe's aria-hidden-focus rule flags them, a known false positive (microsoft/tabster#288,
    // microsoft/fluentui#25133). Everything else on the page is scanned.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`),
    }));
  });
}

/** Violations a screen-reader or keyboard user is blocked or seriously hindered by. */
export function serious(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
