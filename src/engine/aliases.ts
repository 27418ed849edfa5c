/**
 * Every header and sheet-name alias the engine accepts, Vietnamese and English. Matching folds case,
 * accents and spacing (see text.ts), so each alias is written once in its natural form.
 * The README's alias table is written from this file: keep them together.
 */
export const RUBRIC_COLUMNS = {
  code: ['Mã', 'Mã số', 'Mã tiêu chí', 'STT', 'TT', 'Số TT', 'Số thứ tự', 'Code', 'No', 'No.'],
  label: ['Nội dung', 'Tiêu chí', 'Nội dung tiêu chí', 'Nội dung chấm điểm', 'Nội dung thi đua', 'Criterion', 'Criteria', 'Description', 'Content'],
  max: ['Điểm tối đa', 'Điểm chuẩn', 'Thang điểm', 'Điểm TĐ', 'Điểm tối đa (điểm)', 'Max', 'Max points', 'Maximum', 'Maximum points'],
  kind: ['Loại', 'Loại tiêu chí', 'Loại điểm', 'Kind', 'Type'],
  weight: ['Hệ số', 'Weight', 'Coefficient'],
  group: ['Khối', 'Áp dụng cho khối', 'Group'],
} as const;

/** Values of the rubric's kind column. */
export const CRITERION_KINDS = {
  standard: ['', 'Chuẩn', 'Tiêu chuẩn', 'Tiêu chí', 'Cơ bản', 'Standard', 'Criterion'],
  bonus: ['Cộng', 'Điểm cộng', 'Thưởng', 'Điểm thưởng', 'Bonus'],
  penalty: ['Trừ', 'Điểm trừ', 'Penalty', 'Deduction'],
  veto: ['Điều kiện', 'Liệt', 'Tiêu chí liệt', 'Veto', 'Condition'],
} as const;

export const MEMBER_COLUMNS = {
  code: ['Mã đơn vị', 'Mã ĐV', 'Mã', 'Unit code', 'Code'],
  name: ['Tên đơn vị', 'Đơn vị', 'Tên', 'Unit name', 'Unit', 'Name'],
  group: ['Khối', 'Group'],
} as const;

export const SUBMISSION_COLUMNS = {
  self: ['Tự chấm', 'Điểm tự chấm', 'Đơn vị tự chấm', 'Tự đánh giá', 'Self score', 'Self'],
  reviewed: ['Cụm chấm', 'Điểm cụm chấm', 'Điểm thẩm định', 'Thẩm định', 'Cụm thẩm định', 'Reviewed', 'Reviewed score'],
  evidence: ['Minh chứng', 'Ghi chú', 'Minh chứng / Ghi chú', 'Evidence', 'Notes', 'Note'],
} as const;

/** Labels of the cell above a submission's header that names its unit ("Đơn vị: LĐLĐ quận Ba Đình"). */
export const UNIT_LABELS = {
  code: ['Mã đơn vị', 'Mã ĐV', 'Unit code'],
  name: ['Đơn vị', 'Tên đơn vị', 'Đơn vị chấm', 'Đơn vị tự chấm', 'Unit', 'Unit name'],
} as const;

export const VOTE_COLUMNS = {
  unit: ['Mã đơn vị', 'Đơn vị', 'Tên đơn vị', 'Đơn vị được biểu quyết', 'Unit code', 'Unit'],
  approvals: ['Tán thành', 'Đồng ý', 'Số phiếu tán thành', 'Số phiếu đồng ý', 'Approvals', 'Approve', 'Yes'],
  rejections: ['Không tán thành', 'Không đồng ý', 'Số phiếu không tán thành', 'Rejections', 'Reject', 'No'],
  present: ['Có mặt', 'Tham gia', 'Số thành viên tham gia', 'Số thành viên có mặt', 'Present', 'Voters'],
  award: ['Đề nghị', 'Hình thức khen thưởng', 'Khen thưởng', 'Danh hiệu', 'Award'],
} as const;

/**
 * Marks in a vote matrix cell. An abstaining member took part (it counts toward the quorum); an absent
 * one, like a blank cell, did not.
 */
export const VOTE_MARKS = {
  approve: ['x', 'X', '✓', '✔', '1', 'Đồng ý', 'Tán thành', 'Có', 'Yes', 'Y', 'Approve', 'TRUE'],
  reject: ['0', 'Không', 'Không đồng ý', 'Không tán thành', 'No', 'N', 'Reject', 'FALSE', '-'],
  abstain: ['Trống', 'Phiếu trắng', 'Không biểu quyết', 'Abstain', 'Blank'],
  absent: ['Vắng', 'Vắng mặt', 'Absent'],
} as const;

/** Marks in a veto condition's score cell: met (the unit drops a grade) or not met. Blank is not met. */
export const VETO_MARKS = {
  met: ['x', 'Có', '1', 'Yes', 'Y', 'Vi phạm', 'Có vi phạm', 'Đã vi phạm', 'TRUE', '✓', '✔'],
  notMet: ['Không', '0', 'No', 'N', 'Không vi phạm', 'FALSE', '-'],
} as const;

/** Unit cells of a closing row that sums a table instead of naming a unit. */
export const TOTAL_ROW_LABELS = ['Tổng', 'Tổng cộng', 'Cộng', 'Tổng số', 'Total'] as const;

export const SETTINGS_COLUMNS = {
  key: ['Khóa', 'Tham số', 'Cấu hình', 'Mục', 'Key', 'Setting'],
  value: ['Giá trị', 'Value'],
} as const;

/** Sheet names that a table is looked for in first; any sheet whose headers fit is still found. */
export const SHEET_NAMES = {
  rubric: ['Thang điểm', 'Bảng điểm', 'Thang bảng điểm', 'Rubric'],
  members: ['Đơn vị', 'Thành viên', 'Danh sách đơn vị', 'Members', 'Units'],
  votes: ['Biểu quyết', 'Bình xét', 'Suy tôn', 'Votes'],
  settings: ['Cấu hình', 'Cài đặt', 'Settings'],
} as const;
