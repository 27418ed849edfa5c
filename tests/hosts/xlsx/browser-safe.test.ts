/**
 * The reader and writer are bundled into the task pane: apart from the one Node-only module, nothing in
 * src/hosts/xlsx may import a Node built-in, or webpack would fail (or silently polyfill) in the browser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', '..', '..', 'src', 'hosts', 'xlsx');
const NODE_ONLY = new Set(['node-files.ts']);
const NODE_BUILTIN = /from\s+['"](node:[^'"]+|fs|fs\/promises|path|os|stream|buffer|zlib|crypto|util|child_process)['"]/;

describe('src/hosts/xlsx is browser-safe', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

  it('has a Node-only module and browser-safe others', () => {
    expect(files).toContain('node-files.ts');
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.filter((f) => !NODE_ONLY.has(f)))('%s imports no Node built-in', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    expect(text.match(NODE_BUILTIN)?.[0] ?? null).toBeNull();
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\./);
  });

  it('the browser entry does not re-export the Node-only module', () => {
    expect(readFileSync(join(DIR, 'index.ts'), 'utf8')).not.toMatch(/from\s+['"]\.\/node-files['"]/);
  });
});
