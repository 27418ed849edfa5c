/**
 * Source data of the sample cluster: Cụm thi đua số 1, LĐLĐ Thành phố Hà Nội, year 2024 — the six
 * district labour federations of the seeds. `npm run examples` turns this file into the workbooks in
 * examples/cum-thi-dua-so-1/. Edit here, never the .xlsx files.
 *
 * Expected result (worked by hand; counted score = Cụm chấm when present, else Tự chấm; II.2 counts twice):
 *   HK  I 9 (reviewed; self 9.5)+7+7+5+4.5 = 32.5 | II 9+2x9+8.5 = 35.5 | III 9+9+4.5 = 22.5 | +3        = 93.5
 *   BD  I 10+7.5+7.5+5+5 = 35 | II 9.5+2x9.5+9 = 37.5 | III 8+7.5+4 = 19.5 | +1 -1 (typed -1)          = 92
 *   DD  I 9+6.5+7+4.5+4 = 31 | II 9+2x8.5+9 = 35 | III 8+8+4.3 = 20.3 | +1                             = 87.3
 *   LB  I 8.5+6+6.5+4+4 = 29 | II 8.5+2x8+8 = 32.5 | III 7.1+7.2+4 = 18.3 | +2.8                       = 82.6
 *   HBT I 9+6.5+6+4.5+4 = 30 | II 8+2x8.5+8.5 = 33.5 | III 7.3+7+3.8 = 18.1 | +3 -2                    = 82.6
 *   HM  unranked: III.2 scored 12 of a max of 10 (its other defects: NFD unit name, "8,5" typed as
 *       text with a decimal comma, a title row right above the header).
 * Ranks: HK 1, BD 2, DD 3, LB and HBT tied at 4 (82.6 = 82.6 exactly), HM unranked.
 * Votes (6 members; more than 50% of all members = at least 4; quorum 2/3 = 4 taking part):
 *   HK 6/6, BD 5/6, DD 5/6, LB 4/6 approved; HBT 3/6 and HM 3/6 not approved.
 * Awards: Cờ thi đua x1 -> HK (confirmed); Bằng khen x2 -> BD, DD (confirmed).
 */
import type { Cell, MemberSpec, RubricRowSpec } from '../src/hosts/xlsx/layout';

export const CLUSTER_FILE = 'Cum1_LDLD_HaNoi_2024.xlsx';
export const TITLE = 'LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI';
export const YEAR = 2024;

export const MEMBERS: readonly (MemberSpec & { file: string })[] = [
  { code: 'HK', name: 'LĐLĐ quận Hoàn Kiếm', role: 'Cụm trưởng', file: 'HoanKiem.xlsx' },
  { code: 'BD', name: 'LĐLĐ quận Ba Đình', role: 'Cụm phó', file: 'BaDinh.xlsx' },
  { code: 'DD', name: 'LĐLĐ quận Đống Đa', file: 'DongDa.xlsx' },
  { code: 'LB', name: 'LĐLĐ quận Long Biên', file: 'LongBien.xlsx' },
  { code: 'HBT', name: 'LĐLĐ quận Hai Bà Trưng', file: 'HaiBaTrung.xlsx' },
  { code: 'HM', name: 'LĐLĐ quận Hoàng Mai', file: 'HoangMai.xlsx' },
];

/** Sections (I, II...), criteria numbered again from 1 in each, sub-criteria a, b; a decimal max; a weight. */
export const RUBRIC: readonly RubricRowSpec[] = [
  { code: 'I', label: 'Công tác tổ chức và phát triển đoàn viên', max: 35 },
  { code: 1, label: 'Phát triển đoàn viên mới đạt chỉ tiêu LĐLĐ Thành phố giao', max: 10 },
  { code: 2, label: 'Thành lập công đoàn cơ sở mới', max: 7.5 },
  { code: 3, label: 'Xây dựng công đoàn cơ sở vững mạnh', max: 12.5 },
  { code: 'a', label: 'Tỷ lệ CĐCS hoàn thành tốt nhiệm vụ trở lên', max: 7.5 },
  { code: 'b', label: 'Bồi dưỡng, tập huấn cán bộ công đoàn cơ sở', max: 5 },
  { code: 4, label: 'Quản lý đoàn viên, cấp thẻ đoàn viên', max: 5 },
  { code: 'II', label: 'Chăm lo đời sống, bảo vệ quyền và lợi ích hợp pháp của đoàn viên', max: 40 },
  { code: 1, label: 'Tổ chức "Tết Sum vầy", "Tháng Công nhân"', max: 10 },
  { code: 2, label: 'Chương trình "Mái ấm Công đoàn" (hệ số 2)', max: 10, weight: 2 },
  { code: 3, label: 'Đối thoại, thương lượng tập thể tại doanh nghiệp', max: 10 },
  { code: 'III', label: 'Tuyên truyền, giáo dục', max: 25 },
  { code: 1, label: 'Tuyên truyền Nghị quyết Đại hội Công đoàn các cấp', max: 10 },
  { code: 2, label: 'Phong trào "Lao động giỏi, lao động sáng tạo"', max: 10 },
  { code: 3, label: 'Xây dựng văn hóa công sở', max: 5 },
  { code: 'IV', label: 'Điểm cộng', max: null },
  { code: 1, label: 'Mô hình, sáng kiến được LĐLĐ Thành phố công nhận', max: 3, kind: 'Cộng' },
  { code: 2, label: 'Hoàn thành xuất sắc nhiệm vụ đột xuất', max: 2, kind: 'Cộng' },
  { code: 'V', label: 'Điểm trừ', max: null },
  { code: 1, label: 'Nộp báo cáo chậm (mỗi lần trừ 1 điểm)', max: 5, kind: 'Trừ' },
  { code: 'VI', label: 'Tiêu chí liệt', max: null },
  { code: 1, label: 'Để xảy ra vi phạm pháp luật, mất đoàn kết nội bộ nghiêm trọng', max: null, kind: 'Điều kiện' },
];

/** What each member typed in Tự chấm, one value per rubric row above (section rows hold the member's subtotal). */
export interface MemberScores {
  sheet: string;
  /** Rows between the title and the header naming the unit, as the member typed them. */
  labelRows: Cell[][];
  self: Cell[];
  reviewed?: Cell[];
  total?: Cell;
  gapRow?: boolean;
}

//                   I    1    2    3    a    b    4    II    1    2    3    III   1    2    3    IV  1  2    V  1   VI  1
export const SCORES: Record<string, MemberScores> = {
  HK: {
    sheet: 'Tự chấm',
    labelRows: [['Đơn vị: LĐLĐ quận Hoàn Kiếm']],
    self: [33, 9.5, 7, null, 7, 5, 4.5, 35.5, 9, 9, 8.5, 22.5, 9, 9, 4.5, null, 2, 1, null, 0, null, 'Không'],
    reviewed: [null, 9],
    total: 94,
  },
  BD: {
    sheet: 'Tự chấm',
    labelRows: [['Đơn vị:', 'LĐLĐ quận Ba Đình']],
    // The late-report penalty typed as -1: it still deducts 1.
    self: [35, 10, 7.5, null, 7.5, 5, 5, 37.5, 9.5, 9.5, 9, 19.5, 8, 7.5, 4, null, 1, 0, null, -1, null, 'Không'],
    total: 92,
  },
  DD: {
    sheet: 'Bảng điểm',
    labelRows: [['Mã đơn vị:', 'DD']],
    self: [31, 9, 6.5, null, 7, 4.5, 4, 35, 9, 8.5, 9, 20.3, 8, 8, 4.3, null, 1, 0, null, 0, null, 'Không'],
    total: 87.3,
  },
  LB: {
    sheet: 'Tự chấm',
    labelRows: [['Đơn vị: LĐLĐ quận Long Biên']],
    self: [29, 8.5, 6, null, 6.5, 4, 4, 32.5, 8.5, 8, 8, 18.3, 7.1, 7.2, 4, null, 2, 0.8, null, 0, null, 'Không'],
    total: 82.6,
  },
  HBT: {
    sheet: 'Tự chấm',
    labelRows: [['Đơn vị: LĐLĐ quận Hai Bà Trưng']],
    self: [30, 9, 6.5, null, 6, 4.5, 4, 33.5, 8, 8.5, 8.5, 18.1, 7.3, 7, 3.8, null, 2, 1, null, 2, null, 'Không'],
    total: 82.6,
  },
  HM: {
    // The defective one, as such files really arrive: the unit name typed on a macOS keyboard (NFD),
    // a title row right above the header, "8,5" typed as text with a decimal comma, and 12 points for
    // a criterion whose max is 10.
    sheet: 'Tự chấm',
    labelRows: [['Đơn vị: LĐLĐ quận Hoàng Mai'.normalize('NFD')], ['(Số liệu tính đến ngày 30/11/2024)']],
    gapRow: false,
    self: [null, 8, 6, null, 6, 4, 3.5, null, '8,5', 7.5, 7.5, null, 7, 12, 3.5, null, 0, 0, null, 1, null, 'Không'],
  },
};

/** The vote matrix: rows are the units voted on, columns the voting members in MEMBERS order. */
export const VOTES: Record<string, Cell[]> = {
  HK: ['x', 'x', 'x', 'x', 'x', 'x'],
  BD: ['x', 'x', 'x', 'x', 'x', 'Không'],
  DD: ['x', 'x', 'x', 'Không', 'x', 'x'],
  LB: ['x', 'Không', 'x', 'x', 'x', 'Không'],
  HBT: ['x', 'x', 'Không', 'Không', 'x', 'Không'],
  HM: ['x', 'x', 'Không', 'Không', 'Không', 'x'],
};

export const SETTINGS: readonly (readonly [string, Cell, string?])[] = [
  ['Tên cụm', 'Cụm thi đua số 1 LĐLĐ Thành phố Hà Nội'],
  ['Năm', YEAR],
  ['Xếp loại', 'Xuất sắc >= 90; Tốt >= 80; Khá >= 65; Trung bình'],
  ['Khen thưởng', 'Cờ thi đua: 1; Bằng khen: 2'],
  ['Tỷ lệ tán thành', '50%', 'Phải nhiều hơn 50% tổng số thành viên cụm'],
  ['Tỷ lệ tham gia tối thiểu', '2/3'],
];
