import { parseMembers, MemberIndex } from './src/engine/members';
import { parseRubric } from './src/engine/rubric';
import { parseSubmissions } from './src/engine/submissions';
import { defaultSettings } from './src/engine/defaults';
import { cum1Cluster, cum1Submissions } from './tests/fixtures/cum1';
for (const n of [500, 1000, 2000]) {
const cluster = cum1Cluster();
const members = cluster.sheets.find(s => s.name === 'Đơn vị')!;
const base = cum1Submissions()[1]!.sheets[0]!;
const sheets = [];
members.values = members.values.slice(0, 3);
for (let i = 0; i < n; i++) {
  members.values.push([i + 1, `U${i}`, `Công đoàn cơ sở số ${i}`]);
  const s = structuredClone(base); s.name = `U${i}`; s.values[2] = ['Mã đơn vị:', `U${i}`]; sheets.push(s);
}
const m = parseMembers(cluster); const ru = parseRubric(cluster); const idx = new MemberIndex(m.members);
const t = performance.now();
parseSubmissions({ cluster, submissions: [{ file: 'all.xlsx', sheets }] }, ru.rubric!, idx, defaultSettings());
const t2 = performance.now();
parseSubmissions({ cluster, submissions: sheets.map((s, i) => ({ file: `f${i}.xlsx`, sheets: [s] })) }, ru.rubric!, idx, defaultSettings());
console.log(n, 'one workbook', Math.round(t2 - t), 'ms; one file each', Math.round(performance.now() - t2), 'ms');
}
