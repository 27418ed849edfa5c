import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine is shared by the add-in, the file host and the command line: it must run anywhere,
// so it may import only its own modules.
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/engine purity', () => {
  const root = join(__dirname, '..', '..', 'src', 'engine');
  const sources = files(root);

  it('has modules to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it('imports nothing but its own relative modules', () => {
    const offenders: string[] = [];
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        if (!spec.startsWith('.')) offenders.push(`${relative(root, f)}: ${spec}`);
        else if (/\/(hosts|faces|office)\//.test(spec) || spec.startsWith('../..')) offenders.push(`${relative(root, f)}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('uses no DOM, Node or Office globals', () => {
    const offenders: string[] = [];
    for (const f of sources) {
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const g of ['window.', 'document.', 'process.', 'Office.', 'Excel.', 'require(', 'Buffer.']) {
        if (text.includes(g)) offenders.push(`${relative(root, f)}: ${g}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
