/**
 * Global set-up of the browser tests (the `e2e` vitest project): Chromium present, the add-in built,
 * the Excel fake bundled for the browser, and a static server for both. Test files get the addresses
 * through inject('e2e'); the server stops when the run ends.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ensureBundle } from '../../../scripts/lib/bundle';
import { ensureChromium } from './chromium';
import { bundleFakeOffice } from './fake-bundle';
import { startStaticServer } from '../../../scripts/lib/static-server';
import type { E2EContext } from './context';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = ensureChromium(log);
  const outDir = join(root, 'test-output/e2e');
  const bundleDir = ensureBundle(root, join(outDir, 'dist'), log);
  const fakeOfficeScript = await bundleFakeOffice(root, join(outDir, 'fake-office.js'));
  // Only the bundle: the standalone page must find the sample where the build put it, as it will in production.
  const server = await startStaticServer({ '/': bundleDir });
  const context: E2EContext = { origin: server.origin, chromium, root, bundleDir, fakeOfficeScript, outDir };
  project.provide('e2e', context);
  return () => server.close();
}
