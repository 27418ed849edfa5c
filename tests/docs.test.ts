import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as aliases from '../src/engine/aliases';
import { updateGenerated } from '../scripts/gen-docs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('starts with the two set-up commands: the sample cluster and every test', () => {
    const block = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = block.trim().split('\n');
    expect(lines[0]).toMatch(/^npm install && npm run sample\b/);
    expect(lines[1]).toMatch(/^npm install && npm test\b/);
  });

  it('lists every accepted alias exactly as the generator writes it (run `npx tsx scripts/gen-docs.ts`)', () => {
    expect(updateGenerated(readme)).toBe(readme);
    const all = Object.values(aliases).flatMap((group) => (Array.isArray(group) ? group : Object.values(group).flat())) as string[];
    const missing = all.filter((a) => a !== '' && !readme.includes(`\`${a}\``));
    expect(missing).toEqual([]);
  });
});

describe('.ci/run', () => {
  it("calls the README's test command", () => {
    const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(ci).toMatch(/npm install/);
    expect(ci).toMatch(/npm test/);
  });
});
