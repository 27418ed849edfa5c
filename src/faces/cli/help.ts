/** `thidua --help`: both languages, Vietnamese first (the product's default), English after. */
import type { Lang } from '../../engine';

const VI = `thidua: chấm điểm, xếp hạng và biểu quyết cụm thi đua công đoàn

Cách dùng:
  thidua rank <tệp cụm.xlsx> [<bài nộp.xlsx | thư mục> ...] [--out TỆP.xlsx] [--json TỆP | -] [--lang vi|en]
  thidua template [--out THƯ_MỤC]
  thidua --help | --version

rank       Đọc tệp cụm (Thang điểm, Đơn vị, Biểu quyết, Cấu hình) và các bài nộp (tệp hoặc thư mục
           chứa *.xlsx; bỏ qua tệp khóa ~$*; tệp .xls, .xlsb, .ods được báo để lưu lại dạng .xlsx), rồi ghi
           một bản sao của tệp cụm có thêm các sheet Xếp hạng, Kiểm tra, Chi tiết. Bài nộp cũng có thể
           nằm sẵn trong tệp cụm. Tệp gốc không bị thay đổi.
  --out    Tệp kết quả, hoặc thư mục (kết thúc bằng /) để ghi vào (mặc định: cạnh tệp cụm,
           <tên>-xep-hang.xlsx). Không bao giờ ghi đè tệp cụm, bài nộp hay tệp không phải kết quả ThiDua.
  --json   Ghi kết quả dạng JSON vào TỆP, hoặc ra màn hình với "-".
  --lang   Ngôn ngữ thông báo: vi hoặc en (mặc định: theo sheet Cấu hình, nếu không thì vi).
template   Tạo tệp cụm mẫu (cum-thi-dua-mau.xlsx) và mẫu bài nộp (bai-nop-mau.xlsx) trong THƯ_MỤC (mặc định: thư mục hiện tại).

Mã thoát: 0 xếp hạng xong, không có lỗi chặn; 1 có lỗi chặn (sheet Kiểm tra vẫn được ghi);
          2 sai cú pháp lệnh, không đọc được tệp cụm, hoặc không ghi được kết quả.
`;

const EN = `thidua: scoring, ranking and votes for trade-union emulation clusters

Usage:
  thidua rank <cluster.xlsx> [<submission.xlsx | folder> ...] [--out FILE.xlsx] [--json FILE | -] [--lang vi|en]
  thidua template [--out DIR]
  thidua --help | --version

rank       Reads the cluster workbook (rubric, members, votes, settings) and the submissions (files, or
           folders of *.xlsx; Excel lock files ~$* are skipped; .xls, .xlsb and .ods files are reported,
           to be saved as .xlsx), then writes a copy of the cluster workbook with the sheets Xếp hạng
           (ranking), Kiểm tra (checks) and Chi tiết (details). Submissions may also sit inside the
           cluster workbook. The source workbook is never changed.
  --out    Result file, or a folder to write into (ending with /) (default: next to the cluster file,
           <name>-xep-hang.xlsx). Never overwrites the cluster, a submission or a file ThiDua did not write.
  --json   Write the result as JSON to FILE, or to standard output with "-".
  --lang   Message language: vi or en (default: the Cấu hình sheet's, else vi).
template   Writes a blank cluster workbook (cum-thi-dua-mau.xlsx) and a member form (bai-nop-mau.xlsx) into DIR (default: the current folder).

Exit status: 0 ranked with no blocking finding; 1 blocking findings (the Kiểm tra sheet is still written);
             2 usage error, unreadable cluster file, or a result that cannot be written.
`;

export function helpText(lang: Lang | null): string {
  return lang === 'en' ? `${EN}\n${VI}` : `${VI}\n${EN}`;
}
