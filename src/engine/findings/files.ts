import { def } from './define';

/** Whole files, reported by hosts; the engine renders their messages like any other finding. */
export const fileFindings = {
  FILE_UNREADABLE: def<{ reason: string }>({
    severity: 'error',
    blocks: 'file',
    vi: (p) => `Không đọc được tệp (${p.reason}). Các tệp khác vẫn được xử lý.`,
    en: (p) => `The file could not be read (${p.reason}). Other files were still processed.`,
  }),
  FILE_TOO_LARGE: def<{ limit: string; actual: string }>({
    severity: 'error',
    blocks: 'file',
    vi: (p) => `Tệp quá lớn (${p.actual}, giới hạn ${p.limit}); tệp bị bỏ qua.`,
    en: (p) => `The file is too large (${p.actual}, limit ${p.limit}); it was skipped.`,
  }),
  FILE_PASSWORD_PROTECTED: def<Record<string, never>>({
    severity: 'error',
    blocks: 'file',
    vi: () => 'Tệp có mật khẩu; hãy gỡ mật khẩu rồi nộp lại.',
    en: () => 'The file is password-protected; remove the password and submit it again.',
  }),
  FILE_LEGACY_XLS: def<Record<string, never>>({
    severity: 'error',
    blocks: 'file',
    vi: () => 'Tệp .xls (Excel 97-2003) chưa được hỗ trợ; hãy mở và lưu lại dạng .xlsx.',
    en: () => 'Legacy .xls files are not supported; open it and save it as .xlsx.',
  }),
};
