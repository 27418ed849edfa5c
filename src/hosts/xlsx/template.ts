/**
 * `thidua template`: a blank cluster workbook and a member submission form, so a secretary starts from
 * a layout the engine reads. The rubric rows are an example to overwrite: they show sections, restarting
 * numbering, sub-criteria, a weight, bonus, penalty and a veto condition in one glance.
 */
import { SETTING_KEYS } from '../../engine';
import type { ClusterSpec, RubricRowSpec } from './layout';
import { buildClusterWorkbook, buildSubmissionWorkbook, workbookBytes } from './layout';

export const TEMPLATE_RUBRIC: readonly RubricRowSpec[] = [
  { code: 'I', label: 'Công tác tổ chức (ví dụ: hãy thay bằng thang điểm của cụm)', max: 30 },
  { code: 1, label: 'Phát triển đoàn viên', max: 10 },
  { code: 2, label: 'Xây dựng công đoàn cơ sở vững mạnh', max: 20 },
  { code: 'a', label: 'Tỷ lệ CĐCS hoàn thành tốt nhiệm vụ', max: 12.5 },
  { code: 'b', label: 'Tập huấn cán bộ công đoàn', max: 7.5 },
  { code: 'II', label: 'Chăm lo đời sống đoàn viên', max: 70 },
  { code: 1, label: 'Chương trình "Mái ấm Công đoàn" (hệ số 2)', max: 20, weight: 2 },
  { code: 2, label: 'Đối thoại, thương lượng tập thể', max: 30 },
  { code: 'III', label: 'Điểm cộng', max: null },
  { code: 1, label: 'Mô hình, sáng kiến được công nhận', max: 5, kind: 'Cộng' },
  { code: 'IV', label: 'Điểm trừ', max: null },
  { code: 1, label: 'Nộp báo cáo chậm', max: 5, kind: 'Trừ' },
  { code: 'V', label: 'Tiêu chí liệt', max: null },
  { code: 1, label: 'Vi phạm pháp luật, mất đoàn kết nội bộ', max: null, kind: 'Điều kiện' },
];

const INSTRUCTIONS = [
  'HƯỚNG DẪN SỬ DỤNG MẪU CỤM THI ĐUA / HOW TO USE THIS CLUSTER TEMPLATE',
  '',
  '1. Thang điểm: mỗi dòng một mục hoặc tiêu chí. Cột Mã: I, II... là mục; 1, 2... là tiêu chí (đánh số lại trong mỗi mục); a, b... là tiêu chí con.',
  '   Điểm tối đa có thể là số thập phân (7,5). Loại: để trống (tiêu chí chuẩn), Cộng, Trừ hoặc Điều kiện (tiêu chí liệt). Hệ số mặc định là 1.',
  '2. Đơn vị: mã và tên từng đơn vị thành viên; cột Khối để trống nếu cụm xếp hạng chung.',
  '3. Biểu quyết: hàng là đơn vị được biểu quyết, cột là thành viên biểu quyết; x = đồng ý, Không = không đồng ý, để trống = không biểu quyết.',
  '4. Cấu hình: các ngưỡng và quy tắc; để trống để dùng giá trị mặc định ghi ở cột Ghi chú.',
  '5. Gửi tệp bai-nop-mau.xlsx cho các đơn vị; mỗi đơn vị ghi tên ở dòng "Đơn vị:" và chấm cột Tự chấm.',
  '6. Chạy: npx thidua rank <tệp cụm>.xlsx <thư mục bài nộp>  → tệp <tên>-xep-hang.xlsx có các sheet Xếp hạng, Kiểm tra, Chi tiết.',
  '',
  'Rubric: one row per section or criterion; codes I, II (sections), 1, 2 (criteria, numbering restarts per section), a, b (sub-criteria).',
  'Members: code and name of each member unit. Votes: rows are the units voted on, columns the voting members (x = approve, Không = reject).',
  'Settings: leave a value blank to keep the default shown in the note. Then run: npx thidua rank <cluster>.xlsx <folder of submissions>.',
];

export function templateClusterSpec(): ClusterSpec {
  return {
    title: 'THANG BẢNG ĐIỂM THI ĐUA CỤM ... NĂM ...',
    subtitle: 'Mẫu do ThiDua tạo: thay các dòng ví dụ bằng thang điểm của cụm',
    rubric: TEMPLATE_RUBRIC,
    members: [
      { code: 'DV01', name: 'Đơn vị thành viên 1' },
      { code: 'DV02', name: 'Đơn vị thành viên 2' },
      { code: 'DV03', name: 'Đơn vị thành viên 3' },
    ],
    settings: SETTING_KEYS.map((k) => [k.vi, null, `Mặc định / default: ${k.default}. Nhận / accepts: ${k.accepts}`] as const),
    instructions: INSTRUCTIONS,
  };
}

/** The blank cluster workbook (Hướng dẫn, Thang điểm, Đơn vị, Biểu quyết, Cấu hình). */
export async function clusterTemplate(): Promise<Uint8Array> {
  return workbookBytes(buildClusterWorkbook(templateClusterSpec()));
}

/** The member form: the example rubric with a Tự chấm column validated from 0 to each criterion's max. */
export async function submissionTemplate(rubric: readonly RubricRowSpec[] = TEMPLATE_RUBRIC): Promise<Uint8Array> {
  return workbookBytes(
    buildSubmissionWorkbook({
      sheetName: 'Tự chấm',
      title: 'BẢNG TỰ CHẤM ĐIỂM THI ĐUA',
      labelRows: [['Đơn vị:', null], ['Mã đơn vị:', null]],
      rubric,
      validation: true,
    }),
  );
}
