#!/usr/bin/env node
/**
 * npm stop: ends what `npm start` started, found through its pid file, and removes the sideloaded
 * add-in from Excel desktop when start sideloaded it. Never looks processes up by name.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { isAlive, killServer, officeAddinDebuggingCli, readState, ROOT, STATE_FILE } from './start.mjs';

const GRACE_MS = 5000;

async function main() {
  const state = readState();
  if (!state) {
    console.log('Không có máy chủ nào do npm start mở. / No dev server started by npm start is recorded.');
    return;
  }

  if (state.sideloaded) {
    const cli = officeAddinDebuggingCli();
    if (cli) spawnSync(process.execPath, [cli, 'stop', 'manifest.xml'], { cwd: ROOT, stdio: 'inherit' });
  }

  if (isAlive(state.pid)) {
    killServer(state.pid, 'SIGTERM');
    const deadline = Date.now() + GRACE_MS;
    while (isAlive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (isAlive(state.pid)) killServer(state.pid, 'SIGKILL');
    console.log(`Đã dừng máy chủ (pid ${state.pid}). / Stopped the dev server (pid ${state.pid}).`);
  } else {
    console.log(`Máy chủ (pid ${state.pid}) đã dừng từ trước. / The dev server (pid ${state.pid}) had already stopped.`);
  }
  rmSync(STATE_FILE, { force: true });
}

await main();
