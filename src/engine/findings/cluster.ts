import { def } from './define';

/** Members (Đơn vị) and settings (Cấu hình) of the cluster workbook. */
export const clusterFindings = {
  MEMBERS_SHEET_MISSING: def<Record<string, never>>({
    severity: 'error',
    blocks: 'cluster',
    vi: () => 'Không tìm thấy sheet danh sách đơn vị (cần cột Mã đơn vị, Tên đơn vị).',
    en: () => 'No members sheet found (needs columns Unit code, Unit name).',
  }),
  MEMBERS_COLUMN_MISSING: def<{ column: string }>({
    severity: 'error',
    blocks: 'cluster',
    vi: (p) => `Sheet danh sách đơn vị thiếu cột "${p.column}".`,
    en: (p) => `The members sheet has no "${p.column}" column.`,
  }),
  MEMBERS_EMPTY: def<Record<string, never>>({
    severity: 'error',
    blocks: 'cluster',
    vi: () => 'Danh sách đơn vị không có đơn vị nào.',
    en: () => 'The members sheet lists no unit.',
  }),
  MEMBER_CODE_MISSING: def<{ name: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Đơn vị "${p.name}" chưa có mã đơn vị.`,
    en: (p) => `Unit "${p.name}" has no unit code.`,
  }),
  MEMBER_DUPLICATE: def<{ unit: string; other: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Đơn vị ${p.unit} xuất hiện hai lần trong danh sách (lần đầu ở ô ${p.other}).`,
    en: (p) => `Unit ${p.unit} is listed twice (first at ${p.other}).`,
  }),
  SETTING_UNKNOWN: def<{ key: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) => `Cấu hình "${p.key}" không được hỗ trợ, đã bỏ qua.`,
    en: (p) => `Setting "${p.key}" is not supported and was ignored.`,
  }),
  SETTING_DUPLICATE: def<{ key: string; other: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) => `Cấu hình "${p.key}" được ghi hai lần; dùng giá trị ở ô ${p.other}, bỏ qua dòng này.`,
    en: (p) => `Setting "${p.key}" is given twice; the value at ${p.other} is used and this row is ignored.`,
  }),
  /** `expected` is written so it reads in both languages (accepted values, an example). */
  SETTING_INVALID: def<{ key: string; value: string; expected: string; fallback: string }>({
    severity: 'error',
    blocks: 'none',
    vi: (p) => `Cấu hình "${p.key}" = "${p.value}" không hợp lệ (cần ${p.expected}); dùng mặc định ${p.fallback}.`,
    en: (p) => `Setting "${p.key}" = "${p.value}" is not valid (expected ${p.expected}); using the default ${p.fallback}.`,
  }),
};
