#!/usr/bin/env node
/**
 * npm start: the HTTPS dev server on localhost:3000, then sideloading where Excel desktop exists.
 *
 * The server runs detached and keeps serving after this script returns; `npm stop` (scripts/stop.mjs)
 * stops it through the pid file written here. `npm start -- --foreground` keeps it attached instead
 * (Ctrl+C stops it). Sideloading goes through office-addin-debugging only when that package is
 * installed: it is not a dependency (it pulls in keytar, whose install fails without libsecret).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const PORT = 3000;
const READY_TIMEOUT_MS = 180_000;

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Under node_modules/.cache: ignored by git and wiped with node_modules, like any other build cache. */
export const STATE_DIR = path.join(ROOT, 'node_modules', '.cache', 'thidua');
export const STATE_FILE = path.join(STATE_DIR, 'dev-server.json');
export const LOG_FILE = path.join(STATE_DIR, 'dev-server.log');

/** What start.mjs recorded about the server it started, or null. */
export function readState() {
  try {
    const state = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
    return Number.isInteger(state?.pid) && state.pid > 0 ? state : null;
  } catch {
    return null;
  }
}

/**
 * True when `pid` is still the dev server we started. A pid can be reused after a reboot or a crash:
 * where /proc exists, the command line must still be webpack's, so stop never ends a stranger.
 * (EPERM from kill(pid, 0) means another user's process: not ours either.)
 */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true;
  try {
    return readFileSync(cmdline, 'utf8').includes('webpack');
  } catch {
    return false;
  }
}

/** Ends the server's whole process group (POSIX) or the process (Windows). */
export function killServer(pid, signal = 'SIGTERM') {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Resolves when the server answers on https, then http; rejects when the child dies or time runs out. */
async function waitForServer(child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error('the dev server stopped while starting');
    for (const protocol of ['https', 'http']) {
      if (await answers(protocol)) return protocol;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the dev server did not answer on port ${PORT} within ${READY_TIMEOUT_MS / 1000} s`);
}

/** True when /taskpane.html answers 200 (the first compile has finished). Self-signed CA: don't verify. */
export function answers(protocol, port = PORT) {
  const request = protocol === 'https' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      { host: 'localhost', port, path: '/taskpane.html', method: 'GET', rejectUnauthorized: false, timeout: 3000 },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Excel desktop: only Windows and macOS have it; look where Office installs it. */
function excelDesktopPresent() {
  if (process.platform === 'darwin') return existsSync('/Applications/Microsoft Excel.app');
  if (process.platform !== 'win32') return false;
  const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
  return roots.some((dir) =>
    ['root\\Office16\\EXCEL.EXE', 'Office16\\EXCEL.EXE'].some((exe) => existsSync(path.join(dir, 'Microsoft Office', exe))),
  );
}

/** The office-addin-debugging command-line entry, when the package is installed. */
export function officeAddinDebuggingCli() {
  try {
    const pkgPath = require.resolve('office-addin-debugging/package.json', { paths: [ROOT] });
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['office-addin-debugging'];
    return bin ? path.join(path.dirname(pkgPath), bin) : null;
  } catch {
    return null;
  }
}

function sideload() {
  if (!excelDesktopPresent()) return 'no-excel';
  const cli = officeAddinDebuggingCli();
  if (!cli) return 'no-tool';
  const result = spawnSync(
    process.execPath,
    [cli, 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', String(PORT)],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return result.status === 0 ? 'sideloaded' : 'failed';
}

function printHowTo(protocol, sideloadResult, foreground = false) {
  const base = `${protocol}://localhost:${PORT}`;
  const lines = [
    '',
    `ThiDua đang chạy tại ${base}  /  ThiDua is serving at ${base}`,
    '',
  ];
  if (sideloadResult === 'sideloaded') {
    lines.push('Đã nạp add-in vào Excel trên máy. / The add-in is sideloaded in Excel desktop.');
  } else {
    if (sideloadResult === 'no-tool') {
      lines.push(
        'Có Excel trên máy nhưng chưa cài office-addin-debugging (npm install --no-save office-addin-debugging) để nạp tự động.',
        'Excel desktop is present but office-addin-debugging is not installed (npm install --no-save office-addin-debugging) to sideload automatically.',
        '',
      );
    } else if (sideloadResult === 'failed') {
      lines.push('Nạp tự động vào Excel thất bại. / Sideloading into Excel desktop failed.', '');
    }
    lines.push(
      'Dùng trong Excel trên web / Use it in Excel on the web:',
      '  1. Mở một sổ làm việc trên https://excel.cloud.microsoft (hoặc office.com).',
      '     Open a workbook in Excel on the web (https://excel.cloud.microsoft or office.com).',
      '  2. Trang đầu > Phần bổ trợ > Phần bổ trợ khác > Tải lên phần bổ trợ của tôi.',
      '     Home > Add-ins > More add-ins > Upload My Add-in.',
      `  3. Chọn tệp / choose: ${path.join(ROOT, 'manifest.xml')}`,
      '',
      `Trang độc lập (không cần Excel) / Standalone page (no Excel): ${base}/index.html`,
      `Trang của add-in / Add-in page: ${base}/taskpane.html`,
    );
  }
  if (protocol === 'http') {
    lines.push('', 'Chỉ có HTTP: Excel sẽ không nạp add-in. / HTTP only: Excel will not load the add-in.');
  }
  lines.push('', foreground ? 'Dừng / Stop: Ctrl+C (hoặc / or npm stop)' : `Dừng / Stop: npm stop    Nhật ký / Log: ${LOG_FILE}`, '');
  console.log(lines.join('\n'));
}

async function main() {
  const foreground = process.argv.includes('--foreground');
  const running = readState();
  if (running && isAlive(running.pid)) {
    console.log(`Máy chủ đã chạy (pid ${running.pid}). / The dev server is already running (pid ${running.pid}).`);
    printHowTo(running.protocol ?? 'https', running.sideloaded ? 'sideloaded' : 'no-excel');
    return;
  }

  mkdirSync(STATE_DIR, { recursive: true });
  const log = openSync(LOG_FILE, 'w');
  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  // Detached: its own process group, so that stop.mjs can end the server and everything it spawned.
  const child = spawn(process.execPath, [webpackCli, 'serve', '--mode', 'development'], {
    cwd: ROOT,
    detached: true,
    stdio: foreground ? 'inherit' : ['ignore', log, log],
    windowsHide: true,
  });
  const state = { pid: child.pid, port: PORT, startedAt: new Date().toISOString(), sideloaded: false };
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));

  let protocol;
  try {
    protocol = await waitForServer(child);
  } catch (error) {
    console.error(`Không khởi động được máy chủ / The dev server did not start: ${error.message}`);
    if (!foreground) console.error(readFileSync(LOG_FILE, 'utf8').split('\n').slice(-30).join('\n'));
    killServer(child.pid);
    process.exitCode = 1;
    return;
  }

  const sideloadResult = sideload();
  writeFileSync(STATE_FILE, JSON.stringify({ ...state, protocol, sideloaded: sideloadResult === 'sideloaded' }, null, 2));
  printHowTo(protocol, sideloadResult, foreground);

  if (foreground) {
    const stopChild = () => killServer(child.pid);
    process.on('SIGINT', stopChild);
    process.on('SIGTERM', stopChild);
    child.on('exit', (code) => {
      rmSync(STATE_FILE, { force: true });
      process.exitCode = code ?? 0;
    });
  } else {
    child.unref();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
