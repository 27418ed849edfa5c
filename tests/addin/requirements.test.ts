import { describe, expect, it } from 'vitest';
import {
  REQUIRED_API_SET,
  checkRequirements,
  isExcelApiSupported,
  missingRequirementMessage,
  officeRequirementProbe,
  type RequirementProbe,
} from '../../src/hosts/office/requirements';

/** An Excel that supports ExcelApi up to `highest` (compared as major.minor). */
function excelUpTo(highest: string): RequirementProbe & { asked: string[] } {
  const asked: string[] = [];
  const num = (v: string) => v.split('.').map(Number) as [number, number];
  return {
    asked,
    isSetSupported(name, minVersion = '1.1') {
      asked.push(`${name} ${minVersion}`);
      const [hM, hm] = num(highest);
      const [rM, rm] = num(minVersion);
      return name === 'ExcelApi' && (rM < hM || (rM === hM && rm <= hm));
    },
  };
}

describe('requirement check', () => {
  it('asks Excel for ExcelApi 1.9 and accepts an Excel that has it', () => {
    const excel = excelUpTo('1.9');
    expect(checkRequirements(excel)).toEqual({ status: 'supported' });
    expect(excel.asked).toEqual(['ExcelApi 1.9']);
  });

  it('refuses Excel 2019 (ExcelApi 1.8) with a message in Vietnamese and English', () => {
    const result = checkRequirements(excelUpTo('1.8'));
    expect(result).toEqual({
      status: 'unsupported',
      missing: 'ExcelApi 1.9',
      message: {
        vi: 'Phiên bản Excel này không hỗ trợ ExcelApi 1.9, là mức tối thiểu ThiDua cần. Hãy dùng Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web.',
        en: 'This version of Excel does not support ExcelApi 1.9, the minimum ThiDua needs. Use Excel 2021 or later, Microsoft 365 or Excel on the web.',
      },
    });
    expect(missingRequirementMessage('en')).toBe(result.status === 'unsupported' ? result.message.en : '');
  });

  it('an Office too old to answer (the probe throws) counts as unsupported', () => {
    const broken: RequirementProbe = {
      isSetSupported() {
        throw new Error('not implemented');
      },
    };
    expect(checkRequirements(broken).status).toBe('unsupported');
    expect(isExcelApiSupported('1.13', broken)).toBe(false);
  });

  it('outside Office (standalone page) nothing is missing', () => {
    expect(checkRequirements(null)).toEqual({ status: 'standalone' });
    // office.js loaded in a plain browser reports no host: its "false" answers must not be taken as "too old".
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { requirements: excelUpTo('1.1') } };
    try {
      expect(checkRequirements(officeRequirementProbe(null))).toEqual({ status: 'standalone' });
      expect(checkRequirements(officeRequirementProbe('Excel')).status).toBe('unsupported');
    } finally {
      delete g.Office;
    }
  });

  it('optional features above the floor are probed one by one', () => {
    const excel = excelUpTo('1.12');
    expect(isExcelApiSupported('1.12', excel)).toBe(true);
    expect(isExcelApiSupported('1.13', excel)).toBe(false);
    expect(isExcelApiSupported('1.13', null)).toBe(false);
    expect(REQUIRED_API_SET.minVersion).toBe('1.9');
  });
});
