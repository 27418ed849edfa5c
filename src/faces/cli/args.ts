/** The command line's grammar: `rank`, `template`, `--help`, `--version`. No parsing library: the grammar is small. */
import type { Lang } from '../../engine';

export type Command =
  | { kind: 'help'; lang: Lang | null }
  | { kind: 'version' }
  | { kind: 'rank'; cluster: string; inputs: string[]; out: string | null; json: string | null; lang: Lang | null }
  | { kind: 'template'; out: string; lang: Lang | null };

export class UsageError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const VALUE_OPTIONS = new Map([
  ['--out', 'out'],
  ['-o', 'out'],
  ['--json', 'json'],
  ['-j', 'json'],
  ['--lang', 'lang'],
  ['-l', 'lang'],
]);

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h' || arg === 'help') {
      help = true;
      continue;
    }
    if (arg === '--version' || arg === '-v') {
      version = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const key = VALUE_OPTIONS.get(name);
    if (key) {
      const value = name !== arg ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`Tùy chọn ${name} cần một giá trị.`, `Option ${name} needs a value.`);
      if (key in values) throw new UsageError(`Tùy chọn ${name} được cho hai lần.`, `Option ${name} was given twice.`);
      values[key] = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Tùy chọn không rõ: ${arg}`, `Unknown option: ${arg}`);
    positional.push(arg);
  }

  const lang = parseLang(values.lang);
  if (version) return { kind: 'version' };
  if (help || positional.length === 0) return { kind: 'help', lang };
  const [command, ...rest] = positional;
  if (command === 'rank' || command === 'xep-hang') {
    if (rest.length === 0) throw new UsageError('Thiếu tệp cụm: thidua rank <tệp cụm.xlsx> [bài nộp ...]', 'Missing the cluster file: thidua rank <cluster.xlsx> [submissions ...]');
    return { kind: 'rank', cluster: rest[0]!, inputs: rest.slice(1), out: values.out ?? null, json: values.json ?? null, lang };
  }
  if (command === 'template' || command === 'mau') {
    if (rest.length > 0) throw new UsageError(`Thừa tham số: ${rest.join(' ')}`, `Unexpected arguments: ${rest.join(' ')}`);
    if (values.json !== undefined) throw new UsageError('--json chỉ dùng với lệnh rank.', '--json only applies to rank.');
    return { kind: 'template', out: values.out ?? '.', lang };
  }
  throw new UsageError(`Lệnh không rõ: ${command}`, `Unknown command: ${command}`);
}

function parseLang(v: string | undefined): Lang | null {
  if (v === undefined) return null;
  const k = v.toLowerCase();
  if (k === 'vi' || k === 'vi-vn') return 'vi';
  if (k === 'en' || k.startsWith('en-')) return 'en';
  throw new UsageError(`--lang phải là vi hoặc en (nhận được "${v}").`, `--lang must be vi or en (got "${v}").`);
}
