/**
 * Writes the generated parts of docs/rules.md and README.md from the code itself, so the documentation
 * cannot drift: every finding code (the findings catalogue), every setting (SETTING_KEYS) and every
 * accepted header / sheet / mark alias (aliases.ts). Run `npx tsx scripts/gen-docs.ts` after adding one;
 * a test fails until you do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { catalogue } from '../src/engine/findings/catalogue';
import type { Blocks, FindingDef, Severity } from '../src/engine/findings/define';
import { SETTING_KEYS } from '../src/engine/settings';
import * as A from '../src/engine/aliases';

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

const ALIAS_TABLES: [string, Record<string, readonly string[]>, Record<string, string>][] = [
  ['Tên sheet / Sheet names (tried first; any sheet whose headers fit is found too)', A.SHEET_NAMES, { rubric: 'Thang điểm / rubric', members: 'Đơn vị / members', votes: 'Biểu quyết / votes', settings: 'Cấu hình / settings' }],
  ['Thang điểm / Rubric columns', A.RUBRIC_COLUMNS, { code: 'Mã (bắt buộc / required)', label: 'Nội dung (bắt buộc / required)', max: 'Điểm tối đa (bắt buộc / required)', kind: 'Loại', weight: 'Hệ số', group: 'Khối' }],
  ['Loại tiêu chí / Criterion kinds (values of the Loại column)', A.CRITERION_KINDS, { standard: 'chuẩn / standard (blank too)', bonus: 'điểm cộng / bonus', penalty: 'điểm trừ / penalty', veto: 'điều kiện / veto' }],
  ['Đơn vị / Members columns', A.MEMBER_COLUMNS, { code: 'Mã đơn vị (bắt buộc / required)', name: 'Tên đơn vị (bắt buộc / required)', group: 'Khối' }],
  ['Bài nộp / Submission columns', A.SUBMISSION_COLUMNS, { self: 'Tự chấm', reviewed: 'Cụm chấm', evidence: 'Minh chứng / Ghi chú' }],
  ['Nhãn đơn vị trên bảng / Unit label above a submission (e.g. "Đơn vị: LĐLĐ quận Ba Đình")', A.UNIT_LABELS, { code: 'mã / code', name: 'tên / name' }],
  ['Biểu quyết / Votes columns', A.VOTE_COLUMNS, { unit: 'Đơn vị', approvals: 'Tán thành (bảng kiểm phiếu / tallies)', rejections: 'Không tán thành', present: 'Có mặt', award: 'Đề nghị khen thưởng' }],
  ['Phiếu / Vote marks (blank = did not vote)', A.VOTE_MARKS, { approve: 'tán thành / approve', reject: 'không tán thành / reject', abstain: 'có mặt, không biểu quyết / present, abstains', absent: 'vắng mặt, không tham gia / absent, did not take part' }],
  ['Tiêu chí liệt / Veto marks (blank = not met)', A.VETO_MARKS, { met: 'vi phạm / met', notMet: 'không vi phạm / not met' }],
  ['Cấu hình / Settings columns', A.SETTINGS_COLUMNS, { key: 'Khóa', value: 'Giá trị' }],
  ['Dòng tổng / Total rows (skipped)', { total: A.TOTAL_ROW_LABELS }, { total: 'tổng / total' }],
];

export function renderAliasesTable(): string {
  const lines = ['| Bảng / Table | Cột / Column | Tên được chấp nhận / Accepted text |', '|---|---|---|'];
  for (const [table, columns, names] of ALIAS_TABLES) {
    for (const [key, aliases] of Object.entries(columns)) {
      const shown = aliases.map((a) => (a === '' ? '(trống / blank)' : `\`${cell(a)}\``)).join(', ');
      lines.push(`| ${cell(table)} | ${cell(names[key] ?? key)} | ${shown} |`);
    }
  }
  return lines.join('\n');
}

const SECTIONS: Record<string, () => string> = { findings: renderFindingsTable, settings: renderSettingsTable, aliases: renderAliasesTable };

/** Replaces the text between each `<!-- BEGIN GENERATED: x -->` / `<!-- END GENERATED: x -->` pair. */
export function updateGenerated(doc: string): string {
  let out = doc;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const begin = `<!-- BEGIN GENERATED: ${name} -->`;
    const end = `<!-- END GENERATED: ${name} -->`;
    const i = out.indexOf(begin);
    const j = out.indexOf(end);
    if (i < 0 && j < 0) continue;
    if (i < 0 || j < i) throw new Error(`unbalanced markers ${begin} ... ${end}`);
    out = `${out.slice(0, i + begin.length)}\n${render()}\n${out.slice(j)}`;
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const rel of ['../docs/rules.md', '../README.md']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    const before = readFileSync(path, 'utf8');
    const after = updateGenerated(before);
    if (after !== before) writeFileSync(path, after);
    console.log(after !== before ? `Updated ${path}` : `${path} is up to date`);
  }
}
