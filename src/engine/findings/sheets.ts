import { def } from './define';

/** Sheet-level hazards: hidden sheets and rows. */
export const sheetFindings = {
  SHEET_HIDDEN_IGNORED: def<Record<string, never>>({
    severity: 'warning',
    blocks: 'none',
    vi: () => 'Sheet đang bị ẩn nên không được đọc; hãy bỏ ẩn nếu đây là bài nộp.',
    en: () => 'The sheet is hidden, so it was not read; unhide it if it is a submission.',
  }),
  ROW_HIDDEN_READ: def<{ rows: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) => `Các dòng ẩn ${p.rows} vẫn được đọc và tính điểm.`,
    en: (p) => `Hidden rows ${p.rows} were still read and scored.`,
  }),
};
