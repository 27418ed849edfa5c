/**
 * Writes the generated parts of docs/rules.md from the code itself, so the documentation cannot drift:
 * the table of every finding code (from the findings catalogue) and the table of every setting (from
 * SETTING_KEYS). Run `npx tsx scripts/gen-rules-table.ts` after adding a code or a setting; a test fails
 * until you do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { catalogue } from '../src/engine/findings/catalogue';
import type { Blocks, FindingDef, Severity } from '../src/engine/findings/define';
import { SETTING_KEYS } from '../src/engine/settings';

const SEVERITY: Record<Severity, string> = { error: 'Lỗi / error', warning: 'Cảnh báo / warning', info: 'Thông tin / info' };
const BLOCKS: Record<Blocks, string> = {
  unit: 'đơn vị / unit',
  vote: 'biểu quyết / vote',
  file: 'tệp / file',
  cluster: 'cả cụm / cluster',
  none: 'không / none',
};

/** Params that render as `{name}`, so a message shows where its figures go. */
const placeholders = new Proxy({} as Record<string, unknown>, {
  get: (_t, key) => (typeof key === 'string' ? `{${key}}` : undefined),
});

/** A message with placeholders; a message that cannot render without real params shows a dash. */
function render(make: (p: Record<string, unknown>) => string): string {
  try {
    return make(placeholders);
  } catch {
    return '—';
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderFindingsTable(): string {
  const lines = [
    '| Mã / Code | Mức độ / Severity | Chặn / Blocks | Nội dung (tiếng Việt) | Message (English) |',
    '|---|---|---|---|---|',
  ];
  for (const [code, d] of Object.entries(catalogue) as [string, FindingDef<Record<string, unknown>>][]) {
    lines.push(`| \`${code}\` | ${SEVERITY[d.severity]} | ${d.severity === 'error' ? BLOCKS[d.blocks] : BLOCKS.none} | ${cell(render(d.vi))} | ${cell(render(d.en))} |`);
  }
  return lines.join('\n');
}

export function renderSettingsTable(): string {
  const lines = [
    '| Khóa / Key | Tên (tiếng Việt) | English name | Giá trị nhận / Accepted values | Mặc định / Default |',
    '|---|---|---|---|---|',
  ];
  for (const s of SETTING_KEYS) {
    lines.push(`| \`${s.key}\` | ${cell(s.vi)} | \`${cell(s.en)}\` | ${cell(s.accepts)} | ${cell(s.default)} |`);
  }
  return lines.join('\n');
}

const SECTIONS: Record<string, () => string> = { findings: renderFindingsTable, settings: renderSettingsTable };

/** Replaces the text between each `<!-- BEGIN GENERATED: x -->` / `<!-- END GENERATED: x -->` pair. */
export function updateGenerated(doc: string): string {
  let out = doc;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const begin = `<!-- BEGIN GENERATED: ${name} -->`;
    const end = `<!-- END GENERATED: ${name} -->`;
    const i = out.indexOf(begin);
    const j = out.indexOf(end);
    if (i < 0 || j < i) throw new Error(`docs/rules.md lacks the markers ${begin} ... ${end}`);
    out = `${out.slice(0, i + begin.length)}\n${render()}\n${out.slice(j)}`;
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
  const before = readFileSync(path, 'utf8');
  const after = updateGenerated(before);
  if (after !== before) writeFileSync(path, after);
  console.log(after !== before ? `Updated ${path}` : `${path} is up to date`);
}
