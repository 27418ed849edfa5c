import { def, viNum } from './define';

/**
 * Why a code does not fit the nesting. The finding stores the key, not a sentence, so the message can be
 * rendered in either language; an unknown key is shown as it is.
 */
const NESTING_REASONS: Record<string, { vi: (parent: string) => string; en: (parent: string) => string }> = {
  unreadable: {
    vi: () => 'không đọc được mã; dùng số La Mã I, II cho mục, số 1, 2 cho tiêu chí, chữ a, b cho tiêu chí con hoặc mã có dấu chấm như 2.1.a',
    en: () => 'the code is unreadable; use Roman numerals I, II for sections, 1, 2 for criteria, a, b for sub-criteria or dotted codes like 2.1.a',
  },
  'cell-error': {
    vi: () => 'ô mã có giá trị lỗi',
    en: () => 'the code cell holds an error value',
  },
  'letter-without-criterion': {
    vi: () => 'tiêu chí con (chữ cái) không đứng sau tiêu chí (số) nào',
    en: () => 'a sub-criterion (letter) with no criterion (number) before it',
  },
  'parent-missing': {
    vi: (parent) => `không có mục cha ${parent}`,
    en: (parent) => `its parent ${parent} does not exist`,
  },
  'max-without-code': {
    vi: () => 'dòng có điểm tối đa nhưng không có mã',
    en: () => 'the row has max points but no code',
  },
};

function nestingReason(lang: 'vi' | 'en', reason: string, parent: string): string {
  const r = Object.prototype.hasOwnProperty.call(NESTING_REASONS, reason) ? NESTING_REASONS[reason] : undefined;
  return r ? r[lang](parent) : reason;
}

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
  /** `reason` is a key (unreadable, cell-error, letter-without-criterion, parent-missing, max-without-code). */
  RUBRIC_CODE_NESTING: def<{ code: string; reason: string; parent: string }>({
    severity: 'error',
    blocks: 'cluster',
    vi: (p) => `Mã "${p.code}" không khớp cấu trúc phân cấp (${nestingReason('vi', p.reason, p.parent)}).`,
    en: (p) => `Code "${p.code}" does not fit the nesting (${nestingReason('en', p.reason, p.parent)}).`,
  }),
  RUBRIC_PARENT_MAX_MISMATCH: def<{ path: string; max: string; childrenSum: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) => `Mục ${p.path}: điểm tối đa ${viNum(p.max)} khác tổng điểm tối đa (có hệ số) của các tiêu chí con ${viNum(p.childrenSum)}.`,
    en: (p) => `Section ${p.path}: max ${p.max} differs from the sum of its children's weighted max ${p.childrenSum}.`,
  }),
  /**
   * The same structural problems in a member's copy of the rubric (a submission): they stop that unit,
   * not the whole cluster, whose own rubric is the one that counts.
   */
  RUBRIC_COPY_CODE_NESTING: def<{ code: string; reason: string; parent: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Bảng điểm trong bài nộp: mã "${p.code}" không khớp cấu trúc phân cấp (${nestingReason('vi', p.reason, p.parent)}).`,
    en: (p) => `Rubric copy in the submission: code "${p.code}" does not fit the nesting (${nestingReason('en', p.reason, p.parent)}).`,
  }),
  RUBRIC_COPY_DUPLICATE_PATH: def<{ path: string; other: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Bảng điểm trong bài nộp: mã ${p.path} bị trùng (đã có ở ô ${p.other}).`,
    en: (p) => `Rubric copy in the submission: code ${p.path} is duplicated (already at ${p.other}).`,
  }),
};
