/** How the Kiểm tra step groups findings: by file, then sheet, in the engine's order, each counted. */
import { describe, expect, it } from 'vitest';
import { finding } from '../../src/engine';
import { countsForFile, groupFindings } from '../../src/faces/taskpane/model/findings';

describe('groupFindings', () => {
  const unreadable = finding('FILE_UNREADABLE', { file: 'Hong.xlsx' }, { reason: 'không phải tệp Excel' });
  const tooLarge = finding('FILE_TOO_LARGE', { file: '__proto__' }, { limit: '20 MB', actual: '31 MB' });
  const internal = finding('ENGINE_INTERNAL', {}, { stage: 'compute', detail: 'TypeError: x' });
  const cellA = finding('ENGINE_INTERNAL', { file: 'Cum.xlsx', sheet: 'Thang điểm', cell: 'C16' }, { stage: 'rubric', detail: 'a' });
  const cellB = finding('ENGINE_INTERNAL', { file: 'Cum.xlsx', sheet: 'Đơn vị', cell: 'B8' }, { stage: 'members', detail: 'b' });
  const cellC = finding('ENGINE_INTERNAL', { file: 'Cum.xlsx', sheet: 'Thang điểm', cell: 'C20' }, { stage: 'rubric', detail: 'c' }, { severity: 'warning' });

  it('keeps the order of first appearance and puts sheetless findings under the whole file', () => {
    const groups = groupFindings([unreadable, cellA, cellB, cellC, internal, tooLarge]);
    expect(groups.map((g) => g.file)).toEqual(['Hong.xlsx', 'Cum.xlsx', null, '__proto__']);
    expect(groups[0]!.sheets.map((s) => s.sheet)).toEqual([null]);
    expect(groups[1]!.sheets.map((s) => [s.sheet, s.findings.map((f) => f.place.cell)])).toEqual([
      ['Thang điểm', ['C16', 'C20']],
      ['Đơn vị', ['B8']],
    ]);
    // Cum.xlsx: C16 and B8 errors, C20 a warning.
    expect(groups[1]!.counts).toEqual({ error: 2, warning: 1, info: 0 });
    expect(groups[1]!.sheets[0]!.counts).toEqual({ error: 1, warning: 1, info: 0 });
    // A file named like an object's prototype is only a name.
    expect(groups[3]!.sheets[0]!.findings).toEqual([tooLarge]);
  });

  it('counts the findings of one imported file', () => {
    expect(countsForFile([unreadable, cellA, cellC], 'Cum.xlsx')).toEqual({ error: 1, warning: 1, info: 0 });
    expect(countsForFile([unreadable, cellA, cellC], 'Khac.xlsx')).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
