/** Bundles the strict Excel fake for the browser (esbuild, one IIFE) so a page can run against it. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

export async function bundleFakeOffice(root: string, outFile: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'tests/e2e/browser/fake-office.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild produced no fake Office bundle');
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, code, 'utf8');
  return outFile;
}
