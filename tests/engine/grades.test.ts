import { describe, expect, it } from 'vitest';
import { gradeFor } from '../../src/engine/grades';
import { bands, x } from './helpers/model';

// The brief's CĐCS bands, listed out of order on purpose: the rule sorts them.
const cdcs = bands(['Khá', 70], ['Vững mạnh', 85], ['Yếu', 0], ['Trung bình', 50]);

describe('grades', () => {
  it('takes the first band whose min the total reaches (min inclusive)', () => {
    expect(gradeFor(x(92), false, cdcs)).toBe('Vững mạnh');
    expect(gradeFor(x(85), false, cdcs)).toBe('Vững mạnh');
    expect(gradeFor(x('84.99'), false, cdcs)).toBe('Khá');
    expect(gradeFor(x(50), false, cdcs)).toBe('Trung bình');
    expect(gradeFor(x(12), false, cdcs)).toBe('Yếu');
  });

  it('lowers the grade one band when a veto condition is met; the lowest band stays', () => {
    expect(gradeFor(x(92), true, cdcs)).toBe('Khá');
    expect(gradeFor(x(72), true, cdcs)).toBe('Trung bình');
    expect(gradeFor(x(12), true, cdcs)).toBe('Yếu');
  });

  it('gives no grade without bands, to an invalid unit, or below every band', () => {
    expect(gradeFor(x(92), false, [])).toBeNull();
    expect(gradeFor(null, false, cdcs)).toBeNull();
    expect(gradeFor(x(-3), false, cdcs)).toBeNull();
  });
});
