/**
 * Finds Debian's Chromium for the browser tests. The npm package that downloads its own browser cannot
 * reach its download host here, so the tests drive the distribution's `chromium` through playwright-core.
 * On a Debian machine where the run is root (CI, a fresh developer machine) a missing Chromium is
 * installed with apt-get; anywhere else the run stops with one line that says how to install it.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { OneLineError } from '../../../scripts/lib/one-line-error';

export { OneLineError };

/** Where Debian's package puts the browser; THIDUA_CHROMIUM points elsewhere (another distribution, a Mac). */
export const CHROMIUM_PATH = process.env.THIDUA_CHROMIUM ?? '/usr/bin/chromium';

/** apt-get on a cold cache downloads ~100 MB; bounded so a dead mirror cannot hang the run. */
const APT_TIMEOUT_MS = 10 * 60 * 1000;

export const INSTALL_HINT =
  `Chromium not found at ${CHROMIUM_PATH}: install it with "sudo apt-get install -y chromium" ` +
  `(Debian/Ubuntu) or set THIDUA_CHROMIUM to a Chrome/Chromium executable, then run the tests again.`;


function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function canInstallWithApt(): boolean {
  return process.env.THIDUA_CHROMIUM === undefined && existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

function apt(args: string[]): void {
  const run = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: APT_TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    const why = run.error?.message ?? (run.stderr ?? '').trim().split('\n').pop() ?? `exit ${String(run.status)}`;
    throw new OneLineError(`apt-get ${args.join(' ')} failed (${why}). ${INSTALL_HINT}`);
  }
}

/** The path of a runnable Chromium, installing Debian's package when allowed; throws a OneLineError otherwise. */
export function ensureChromium(log: (line: string) => void = () => {}): string {
  if (executable(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (!canInstallWithApt()) throw new OneLineError(INSTALL_HINT);
  log('[e2e] Chromium is missing: apt-get update && apt-get install -y chromium (once, a few minutes)');
  apt(['update']);
  apt(['install', '-y', 'chromium']);
  if (!executable(CHROMIUM_PATH)) throw new OneLineError(INSTALL_HINT);
  return CHROMIUM_PATH;
}
