/**
 * The add-in bundle that the browser tests and `npm run sample` serve: dist/ when it is newer than every source (a developer just
 * ran `npm run build`), otherwise a production build of our own under test-output/, so a build for the
 * tests never overwrites a dist/ that someone else is serving or packaging.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OneLineError } from './one-line-error';

/** What the bundle is made from: a change to any of these makes an older bundle stale. */
const SOURCES = ['src', 'assets', 'examples', 'webpack.config.js', 'manifest.xml', 'package.json', 'tsconfig.json'];
/** Pages the tests open: a folder without them is no bundle. */
const PAGES = ['taskpane.html', 'commands.html'];
/** A cold production build takes about a minute on 2 cores; past this something is wrong. */
const BUILD_TIMEOUT_MS = 6 * 60 * 1000;

function* files(path: string): Generator<string> {
  let st;
  try {
    st = statSync(path);
  } catch {
    return;
  }
  if (!st.isDirectory()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    yield* files(join(path, name));
  }
}

function newestSource(root: string): number {
  let newest = 0;
  for (const s of SOURCES) for (const f of files(join(root, s))) newest = Math.max(newest, statSync(f).mtimeMs);
  return newest;
}

/** True when `dir` holds the pages and every file in it was written after the newest source. */
export function bundleIsFresh(dir: string, root: string): boolean {
  if (!PAGES.every((p) => existsSync(join(dir, p)))) return false;
  let oldest = Infinity;
  for (const f of files(dir)) oldest = Math.min(oldest, statSync(f).mtimeMs);
  return oldest > newestSource(root);
}

/**
 * The folder to serve: THIDUA_E2E_BUNDLE when set (a build made elsewhere, served as it is), dist/ when
 * fresh, else `ownDir`, rebuilt when stale.
 */
export function ensureBundle(root: string, ownDir: string, log: (line: string) => void = () => {}): string {
  const given = process.env.THIDUA_E2E_BUNDLE;
  if (given) {
    if (!PAGES.every((p) => existsSync(join(given, p)))) throw new OneLineError(`THIDUA_E2E_BUNDLE=${given} holds no built add-in (${PAGES.join(', ')}).`);
    return given;
  }
  const dist = join(root, 'dist');
  if (bundleIsFresh(dist, root)) return dist;
  if (bundleIsFresh(ownDir, root)) return ownDir;
  log(`[ThiDua] building the add-in (webpack production) into ${ownDir}`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    // Source maps are for debugging only and take a third of the build time; the code is the same.
    [join(root, 'node_modules/webpack-cli/bin/cli.js'), 'build', '--mode', 'production', '--no-devtool', '--output-path', ownDir],
    { cwd: root, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  const out = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  if (run.status !== 0 || !PAGES.every((p) => existsSync(join(ownDir, p)))) {
    const firstError = out.split('\n').find((l) => /error/i.test(l))?.trim() ?? run.error?.message ?? `exit ${String(run.status)}`;
    throw new OneLineError(`The add-in bundle did not build (${firstError}); run "npm run build" to see why.`);
  }
  log(`[ThiDua] built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return ownDir;
}
