import { def } from './define';

/** Rubric sheet (Thang điểm) and its structure. */
export const rubricFindings = {
  RUBRIC_SHEET_MISSING: def<Record<string, never>>({
    severity: 'error',
    blocks: 'cluster',
    vi: () => 'Không tìm thấy sheet thang điểm (cần cột Mã, Nội dung/Tiêu chí, Điểm tối đa).',
    en: () => 'No rubric sheet found (needs columns Code, Criterion, Max points).',
  }),
  RUBRIC_COLUMN_MISSING: def<{ column: string }>({
    severity: 'error',
    blocks: 'cluster',
    vi: (p) => `Thang điểm thiếu cột "${p.column}".`,
    en: (p) => `The rubric has no "${p.column}" column.`,
  }),
  RUBRIC_EMPTY: def<Record<string, never>>({
    severity: 'error',
    blocks: 'cluster',
    vi: () => 'Thang điểm không có tiêu chí nào được chấm.',
    en: () => 'The rubric has no scored criterion.',
  }),
  RUBRIC_MAX_INVALID: def<{ path: string; value: string }>({
    severity: 'error',
    blocks: 'cluster',
    vi: (p) => `Tiêu chí ${p.path}: điểm tối đa "${p.value}" không hợp lệ (phải là số dương).`,
    en: (p) => `Criterion ${p.path}: max points "${p.value}" is not valid (must be a positive number).`,
  }),
  RUBRIC_WEIGHT_INVALID: def<{ path: string; value: string }>({
    severity: 'error',
    blocks: 'cluster',
    vi: (p) => `Tiêu chí ${p.path}: hệ số "${p.value}" không hợp lệ (phải là số dương).`,
    en: (p) => `Criterion ${p.path}: weight "${p.value}" is not valid (must be a positive number).`,
  }),
  RUBRIC_KIND_UNKNOWN: def<{ path: string; value: string }>({
    severity: 'error',
    blocks: 'cluster',
    vi: (p) => `Tiêu chí ${p.path}: loại "${p.value}" không rõ (dùng: chuẩn, cộng, trừ, điều kiện).`,
    en: (p) => `Criterion ${p.path}: kind "${p.value}" is unknown (use: standard, bonus, penalty, veto).`,
  }),
  RUBRIC_DUPLICATE_PATH: def<{ path: string; other: string }>({
    severity: 'error',
    blocks: 'cluster',
    vi: (p) => `Mã ${p.path} bị trùng (đã có ở ô ${p.other}).`,
    en: (p) => `Code ${p.path} is duplicated (already at ${p.other}).`,
  }),
  RUBRIC_CODE_NESTING: def<{ code: string; reason: string }>({
    severity: 'error',
    blocks: 'cluster',
    vi: (p) => `Mã "${p.code}" không khớp cấu trúc phân cấp (${p.reason}).`,
    en: (p) => `Code "${p.code}" does not fit the nesting (${p.reason}).`,
  }),
  RUBRIC_PARENT_MAX_MISMATCH: def<{ path: string; max: string; childrenSum: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) => `Mục ${p.path}: điểm tối đa ${p.max} khác tổng điểm tối đa (có hệ số) của các tiêu chí con ${p.childrenSum}.`,
    en: (p) => `Section ${p.path}: max ${p.max} differs from the sum of its children's weighted max ${p.childrenSum}.`,
  }),
};
