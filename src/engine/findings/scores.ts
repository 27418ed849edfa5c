import { def, viNum } from './define';

/** Member submissions: which unit a sheet is, its scores, and its copy of the rubric. */
export const scoreFindings = {
  SUBMISSION_UNIT_UNKNOWN: def<{ unit: string }>({
    severity: 'error',
    blocks: 'none',
    vi: (p) => `Bài nộp của "${p.unit}" nhưng đơn vị này không có trong danh sách thành viên cụm.`,
    en: (p) => `Submission for "${p.unit}", which is not a member of the cluster.`,
  }),
  SUBMISSION_UNIT_UNNAMED: def<Record<string, never>>({
    severity: 'error',
    blocks: 'none',
    vi: () => 'Không xác định được đơn vị của bài nộp (ghi "Đơn vị: ..." hoặc "Mã đơn vị: ..." phía trên bảng).',
    en: () => 'Cannot tell which unit this submission is for (write "Đơn vị: ..." or "Mã đơn vị: ..." above the table).',
  }),
  SUBMISSION_NOT_FOUND: def<Record<string, never>>({
    severity: 'error',
    blocks: 'none',
    vi: () =>
      'Tệp không có bảng chấm điểm nào (cần cột Mã/STT và cột Tự chấm, hoặc các cột chấm chéo mang tên đơn vị thành viên).',
    en: () => 'The file holds no score table (needs a Code/No. column and a Self score column, or peer-score columns named after member units).',
  }),
  SUBMISSION_DUPLICATE: def<{ unit: string; other: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Đơn vị ${p.unit} có hai bài nộp: ở đây và ở ${p.other}. Hãy bỏ một bài.`,
    en: (p) => `Unit ${p.unit} has two submissions: here and at ${p.other}. Remove one.`,
  }),
  SUBMISSION_MISSING: def<{ unit: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Đơn vị ${p.unit} chưa có bài tự chấm.`,
    en: (p) => `Unit ${p.unit} has no submission.`,
  }),
  SUBMISSION_COLUMN_MISSING: def<{ column: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Bài nộp thiếu cột "${p.column}".`,
    en: (p) => `The submission has no "${p.column}" column.`,
  }),
  SCORE_BLANK: def<{ path: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Tiêu chí ${p.path} chưa chấm (ô trống không được tính là 0).`,
    en: (p) => `Criterion ${p.path} is not scored (a blank is not zero).`,
  }),
  SCORE_NOT_NUMBER: def<{ path: string; value: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Tiêu chí ${p.path}: "${p.value}" không phải là số.`,
    en: (p) => `Criterion ${p.path}: "${p.value}" is not a number.`,
  }),
  SCORE_AMBIGUOUS: def<{ path: string; value: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Tiêu chí ${p.path}: "${p.value}" không rõ là số thập phân hay hàng nghìn; hãy gõ lại (ví dụ 1 hoặc 1000).`,
    en: (p) => `Criterion ${p.path}: "${p.value}" could be a decimal or a thousand; type it again (e.g. 1 or 1000).`,
  }),
  SCORE_CELL_ERROR: def<{ path: string; error: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Tiêu chí ${p.path}: ô có lỗi ${p.error}.`,
    en: (p) => `Criterion ${p.path}: the cell holds the error ${p.error}.`,
  }),
  SCORE_OUT_OF_RANGE: def<{ path: string; value: string; max: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Tiêu chí ${p.path}: điểm ${viNum(p.value)} nằm ngoài khoảng 0 đến ${viNum(p.max)}.`,
    en: (p) => `Criterion ${p.path}: score ${p.value} is outside 0 to ${p.max}.`,
  }),
  VETO_MARK_UNKNOWN: def<{ path: string; value: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Điều kiện ${p.path}: "${p.value}" không rõ là có hay không vi phạm (dùng x / có / 1 hoặc không / 0 / để trống).`,
    en: (p) => `Condition ${p.path}: "${p.value}" is neither yes nor no (use x / yes / 1, or no / 0 / blank).`,
  }),
  NUMBER_AS_TEXT: def<{ text: string; value: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) => `Số được gõ dạng chữ "${p.text}", đã đọc là ${viNum(p.value)}.`,
    en: (p) => `Number typed as text "${p.text}", read as ${p.value}.`,
  }),
  SUBTOTAL_MISMATCH: def<{ path: string; stated: string; computed: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) => `Tổng ${p.path} trong bài nộp là ${viNum(p.stated)}, tính lại được ${viNum(p.computed)}.`,
    en: (p) => `Total ${p.path} in the submission is ${p.stated}; recomputed it is ${p.computed}.`,
  }),
  CRITERION_MAX_CHANGED: def<{ path: string; expected: string; found: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Tiêu chí ${p.path}: điểm tối đa trong bài nộp là ${viNum(p.found)}, thang điểm của cụm là ${viNum(p.expected)}.`,
    en: (p) => `Criterion ${p.path}: the submission's max is ${p.found}; the cluster's rubric says ${p.expected}.`,
  }),
  CRITERION_ADDED: def<{ path: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Bài nộp có tiêu chí ${p.path} không có trong thang điểm của cụm.`,
    en: (p) => `The submission has criterion ${p.path}, which is not in the cluster's rubric.`,
  }),
  CRITERION_MISSING: def<{ path: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Bài nộp thiếu tiêu chí ${p.path} của thang điểm.`,
    en: (p) => `The submission lacks the rubric's criterion ${p.path}.`,
  }),
  PEER_UNIT_DUPLICATE: def<{ unit: string; other: string }>({
    severity: 'error',
    blocks: 'unit',
    vi: (p) => `Đơn vị ${p.unit} có hai cột chấm chéo (cột kia ở ô ${p.other}); cột này bị bỏ qua.`,
    en: (p) => `Unit ${p.unit} has two peer-score columns (the other at ${p.other}); this column was ignored.`,
  }),
  PEER_UNIT_UNKNOWN: def<{ unit: string }>({
    severity: 'error',
    blocks: 'none',
    vi: (p) => `Cột chấm chéo "${p.unit}" không phải đơn vị thành viên; cột này bị bỏ qua.`,
    en: (p) => `Peer-score column "${p.unit}" is not a member unit; the column was ignored.`,
  }),
};
