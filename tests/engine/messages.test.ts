import { describe, expect, it } from 'vitest';
import { finding, message } from '../../src/engine';

describe('messages write figures the way each language does', () => {
  it('Vietnamese uses the decimal comma for computed figures, English the point; paths and typed text stay as they are', () => {
    const f = finding('SCORE_OUT_OF_RANGE', { file: 'BaDinh.xlsx', sheet: 'Tự chấm', cell: 'F10' }, { path: 'I.2.1', value: '7.6', max: '7.5' });
    expect(message(f, 'vi')).toBe('Tiêu chí I.2.1: điểm 7,6 nằm ngoài khoảng 0 đến 7,5.');
    expect(message(f, 'en')).toBe('Criterion I.2.1: score 7.6 is outside 0 to 7.5.');
    // The typed text is quoted as typed; only the figure read from it is localised.
    const t = finding('NUMBER_AS_TEXT', {}, { text: '1.200,5', value: '1200.5' });
    expect(message(t, 'vi')).toBe('Số được gõ dạng chữ "1.200,5", đã đọc là 1200,5.');
    // A whole number has nothing to localise.
    const m = finding('CRITERION_MAX_CHANGED', {}, { path: 'II.2', expected: '10', found: '12.5' });
    expect(message(m, 'vi')).toBe('Tiêu chí II.2: điểm tối đa trong bài nộp là 12,5, thang điểm của cụm là 10.');
  });
});
