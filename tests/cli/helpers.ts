/** Running the command line in-process with captured streams, and temporary copies of the sample cluster. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/faces/cli/main';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function thidua(args: string[], opts: { tty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false, columns: 100 },
  });
  return { code, stdout, stderr };
}

export const SAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'cum-thi-dua-so-1');
export const CLUSTER_NAME = 'Cum1_LDLD_HaNoi_2024.xlsx';

/** A scratch copy of the sample cluster (the tests write results next to it). */
export async function sampleCopy(): Promise<{ dir: string; cluster: string; subs: string; done: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-cli-'));
  await cp(SAMPLE, dir, { recursive: true, filter: (src) => !src.endsWith('-xep-hang.xlsx') });
  return { dir, cluster: join(dir, CLUSTER_NAME), subs: join(dir, 'bai-nop'), done: () => rm(dir, { recursive: true, force: true }) };
}
