/** The `thidua` command line: parse, dispatch, and turn every outcome into an exit status. */
import { readFileSync } from 'node:fs';
import { UsageError, parseArgs } from './args';
import { helpText } from './help';
import type { CliIO } from './io';
import { EXIT_USAGE, rank } from './rank';
import { template } from './template-cmd';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let cmd;
  try {
    cmd = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`thidua: ${e.vi}\nthidua: ${e.en}\n(thidua --help)\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  switch (cmd.kind) {
    case 'help':
      io.stdout.write(helpText(cmd.lang));
      return argv.length === 0 ? EXIT_USAGE : 0;
    case 'version':
      io.stdout.write(`thidua ${version()}\n`);
      return 0;
    case 'template':
      return template(cmd.out, cmd.lang, io);
    case 'rank':
      return rank(cmd, io);
  }
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}

/** Entry point for bin/thidua.mjs: real streams, real exit status, and no stack trace for the secretary. */
export async function run(): Promise<void> {
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (e) {
    io.stderr.write(`thidua: lỗi không mong đợi / unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT_USAGE;
  }
}
