/**
 * Every word the task pane shows, in Vietnamese (the default) and English, and how the language is
 * chosen. Finding messages are not here: the engine's catalogue renders them (message(f, lang)).
 */
import { createContext, useContext } from 'react';
import type { Exact, Lang, Severity } from '../../engine';
import type { HostKind } from './host';
import type { RunStage } from './services/source';

/** Stages the progress bar shows, in order (`done` is the end, not a stage). */
export type VisibleStage = Exclude<RunStage, 'done'>;

export interface Strings {
  app: {
    tagline: string;
    stepsLabel: string;
    steps: { check: string; import: string; generate: string };
    language: string;
    languageNames: Record<Lang, string>;
    unsupported: string;
    privacy: string;
    privacyExcel: string;
    lastRun: string;
  };
  cluster: {
    excelWorkbook: (name: string | null) => string;
    clusterFile: (name: string) => string;
    sampleBadge: string;
    sampleNotice: string;
    openCluster: string;
    openClusterLabel: string;
    opening: string;
    noCluster: string;
    loadingSample: string;
    sampleFailed: (detail: string) => string;
    openFailed: (detail: string) => string;
  };
  check: {
    heading: string;
    run: string;
    rerun: string;
    running: string;
    notChecked: string;
    stale: string;
    none: string;
    counts: (errors: number, warnings: number, infos: number) => string;
    severity: Record<Severity, string>;
    wholeFile: string;
    general: string;
    groupLabel: (name: string) => string;
    selectCell: (sheet: string, cell: string) => string;
    selectFailed: (where: string, detail: string) => string;
    showMore: (n: number) => string;
    failed: (detail: string) => string;
  };
  import: {
    heading: string;
    drop: string;
    pick: string;
    pickerLabel: string;
    empty: string;
    listLabel: string;
    status: { reading: string; read: string; error: string };
    sheets: (n: number) => string;
    remove: (name: string) => string;
    removeShort: string;
    sample: string;
    afterCheck: (errors: number, warnings: number) => string;
  };
  generate: {
    heading: string;
    run: string;
    running: string;
    progressLabel: string;
    stagesLabel: string;
    stages: Record<VisibleStage, string>;
    stageActive: Record<VisibleStage, string>;
    stageState: { done: string; current: string; pending: string };
    finished: string;
    failed: (detail: string) => string;
    written: (names: readonly string[]) => string;
    download: string;
    downloadHint: (name: string) => string;
    notReady: string;
    summary: string;
    rankedOf: (ranked: number, units: number) => string;
    leaders: string;
    groupName: (group: string) => string;
    points: (total: string) => string;
    noLeader: string;
    votes: string;
    vote: { approved: string; rejected: string; noQuorum: string; invalid: string };
    voteCount: (approvals: number, members: number) => string;
    noVotes: string;
    ties: string;
    tieLine: (rank: number, names: string, total: string) => string;
    noTies: string;
    awards: string;
    awardState: { confirmed: string; proposed: string };
    blocks: string;
    blockingErrors: (n: number) => string;
    invalidUnits: (n: number) => string;
    nothingBlocks: string;
    goToCheck: string;
  };
  table: {
    caption: string;
    region: string;
    rank: string;
    unit: string;
    group: string;
    total: string;
    grade: string;
    vote: string;
    award: string;
    unranked: string;
    tie: string;
  };
}

/** `1 error`, `2 errors`: English needs the plural; Vietnamese nouns do not change. */
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const vi: Strings = {
  app: {
    tagline: 'Chấm điểm, xếp hạng và biểu quyết cụm thi đua',
    stepsLabel: 'Các bước',
    steps: { check: 'Kiểm tra', import: 'Nạp bài nộp', generate: 'Tạo bảng xếp hạng' },
    language: 'Ngôn ngữ',
    languageNames: { vi: 'Tiếng Việt', en: 'English' },
    unsupported: 'Không chạy được trong Excel này',
    privacy: 'Mọi thứ được xử lý ngay trong trình duyệt: không tệp nào rời khỏi máy tính của bạn.',
    privacyExcel: 'Tệp được đọc ngay trong Excel trên máy này; không tệp nào được tải lên đâu cả.',
    lastRun: 'Lần chạy gần nhất từ nút trên thanh công cụ',
  },
  cluster: {
    excelWorkbook: (name) => (name ? `Sổ làm việc đang mở: ${name}` : 'Sổ làm việc đang mở trong Excel'),
    clusterFile: (name) => `Tệp cụm: ${name}`,
    sampleBadge: 'mẫu',
    sampleNotice: 'Đang hiển thị cụm mẫu. Hãy mở tệp cụm của bạn để làm việc với dữ liệu thật.',
    openCluster: 'Mở tệp cụm…',
    openClusterLabel: 'Chọn tệp cụm (.xlsx)',
    opening: 'Đang mở tệp cụm…',
    noCluster: 'Chưa mở tệp cụm. Hãy mở sổ làm việc của cụm (thang điểm, danh sách đơn vị).',
    loadingSample: 'Đang nạp cụm mẫu…',
    sampleFailed: (d) => `Không nạp được cụm mẫu (${d}). Hãy mở tệp cụm của bạn.`,
    openFailed: (d) => `Không mở được tệp cụm: ${d}`,
  },
  check: {
    heading: 'Kiểm tra sổ làm việc và bài nộp',
    run: 'Kiểm tra',
    rerun: 'Kiểm tra lại',
    running: 'Đang kiểm tra…',
    notChecked: 'Chưa kiểm tra.',
    stale: 'Bài nộp đã thay đổi sau lần kiểm tra trước: hãy kiểm tra lại.',
    none: 'Không có lỗi hay cảnh báo nào.',
    counts: (e, w, i) => `${e} lỗi · ${w} cảnh báo · ${i} thông tin`,
    severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
    wholeFile: 'Cả tệp',
    general: 'Chung',
    groupLabel: (name) => `Phát hiện trong ${name}`,
    selectCell: (sheet, cell) => `Chọn ô ${cell} của sheet ${sheet} trong Excel`,
    selectFailed: (where, d) => `Không chọn được ô ${where}: ${d}`,
    showMore: (n) => `Hiện thêm ${n}`,
    failed: (d) => `Không kiểm tra được: ${d}`,
  },
  import: {
    heading: 'Nạp bài nộp của các đơn vị',
    drop: 'Kéo thả các tệp .xlsx vào đây, hoặc',
    pick: 'Chọn tệp…',
    pickerLabel: 'Chọn tệp bài nộp (.xlsx)',
    empty: 'Chưa có bài nộp nào.',
    listLabel: 'Các tệp đã nạp',
    status: { reading: 'đang đọc…', read: 'đã đọc', error: 'lỗi' },
    sheets: (n) => `${n} sheet`,
    remove: (name) => `Gỡ ${name}`,
    removeShort: 'Gỡ',
    sample: 'bài nộp mẫu',
    afterCheck: (e, w) => `${e} lỗi, ${w} cảnh báo khi kiểm tra`,
  },
  generate: {
    heading: 'Tạo bảng xếp hạng',
    run: 'Tạo bảng xếp hạng',
    running: 'Đang tạo…',
    progressLabel: 'Tiến độ',
    stagesLabel: 'Các giai đoạn',
    stages: { read: 'Đọc', check: 'Kiểm tra', compute: 'Tính điểm', write: 'Ghi' },
    stageActive: { read: 'Đang đọc…', check: 'Đang kiểm tra…', compute: 'Đang tính điểm…', write: 'Đang ghi…' },
    stageState: { done: 'xong', current: 'đang chạy', pending: 'chờ' },
    finished: 'Đã xong.',
    failed: (d) => `Không tạo được bảng xếp hạng: ${d}`,
    written: (names) => `Đã ghi các sheet: ${names.join(', ')}.`,
    download: 'Tải xuống',
    downloadHint: (name) => `Tải xuống ${name}: tệp cụm kèm các sheet vừa tạo.`,
    notReady: 'Hãy mở tệp cụm trước.',
    summary: 'Kết quả',
    rankedOf: (r, u) => `Đã xếp hạng ${r}/${u} đơn vị.`,
    leaders: 'Dẫn đầu',
    groupName: (g) => (g ? `Khối ${g}` : 'Toàn cụm'),
    points: (t) => `${t} điểm`,
    noLeader: 'Chưa có đơn vị nào được xếp hạng.',
    votes: 'Biểu quyết',
    vote: { approved: 'Thông qua', rejected: 'Không thông qua', noQuorum: 'Không đủ số thành viên tham gia', invalid: 'Phiếu không hợp lệ' },
    voteCount: (a, m) => `${a}/${m} tán thành`,
    noVotes: 'Chưa có biểu quyết.',
    ties: 'Đồng hạng chưa phân định',
    tieLine: (rank, names, total) => `Hạng ${rank}: ${names} (${total} điểm)`,
    noTies: 'Không có đồng hạng.',
    awards: 'Đề nghị khen thưởng',
    awardState: { confirmed: 'đã được biểu quyết thông qua', proposed: 'đề nghị, chưa được thông qua' },
    blocks: 'Điều cần xử lý',
    blockingErrors: (n) => `${n} lỗi chặn kết quả.`,
    invalidUnits: (n) => `${n} đơn vị chưa được xếp hạng.`,
    nothingBlocks: 'Không có lỗi nào chặn kết quả.',
    goToCheck: 'Xem ở bước Kiểm tra',
  },
  table: {
    caption: 'Bảng xếp hạng',
    region: 'Bảng xếp hạng các đơn vị',
    rank: 'Hạng',
    unit: 'Đơn vị',
    group: 'Khối',
    total: 'Tổng điểm',
    grade: 'Xếp loại',
    vote: 'Biểu quyết',
    award: 'Khen thưởng',
    unranked: 'Không xếp hạng',
    tie: 'đồng hạng',
  },
};

const en: Strings = {
  app: {
    tagline: 'Scoring, ranking and votes for emulation clusters',
    stepsLabel: 'Steps',
    steps: { check: 'Check', import: 'Import submissions', generate: 'Generate ranking' },
    language: 'Language',
    languageNames: { vi: 'Tiếng Việt', en: 'English' },
    unsupported: 'Cannot run in this Excel',
    privacy: 'Everything stays in your browser: no file leaves your computer.',
    privacyExcel: 'Files are read right here in Excel on this computer; nothing is uploaded anywhere.',
    lastRun: 'Last run from the ribbon button',
  },
  cluster: {
    excelWorkbook: (name) => (name ? `Open workbook: ${name}` : 'The workbook open in Excel'),
    clusterFile: (name) => `Cluster workbook: ${name}`,
    sampleBadge: 'sample',
    sampleNotice: 'Showing the sample cluster. Open your own cluster workbook to work on real data.',
    openCluster: 'Open cluster workbook…',
    openClusterLabel: 'Choose the cluster workbook (.xlsx)',
    opening: 'Opening the cluster workbook…',
    noCluster: 'No cluster workbook yet. Open the cluster workbook (rubric and member list).',
    loadingSample: 'Loading the sample cluster…',
    sampleFailed: (d) => `The sample cluster could not be loaded (${d}). Open your cluster workbook.`,
    openFailed: (d) => `The cluster workbook could not be opened: ${d}`,
  },
  check: {
    heading: 'Check the workbook and submissions',
    run: 'Check',
    rerun: 'Check again',
    running: 'Checking…',
    notChecked: 'Not checked yet.',
    stale: 'The submissions changed since the last check: check again.',
    none: 'No errors or warnings.',
    counts: (e, w, i) => `${plural(e, 'error', 'errors')} · ${plural(w, 'warning', 'warnings')} · ${i} info`,
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    wholeFile: 'Whole file',
    general: 'General',
    groupLabel: (name) => `Found in ${name}`,
    selectCell: (sheet, cell) => `Select cell ${cell} of sheet ${sheet} in Excel`,
    selectFailed: (where, d) => `Cell ${where} could not be selected: ${d}`,
    showMore: (n) => `Show ${n} more`,
    failed: (d) => `The check could not run: ${d}`,
  },
  import: {
    heading: 'Import member submissions',
    drop: 'Drop .xlsx files here, or',
    pick: 'Choose files…',
    pickerLabel: 'Choose submission files (.xlsx)',
    empty: 'No submissions yet.',
    listLabel: 'Imported files',
    status: { reading: 'reading…', read: 'read', error: 'error' },
    sheets: (n) => plural(n, 'sheet', 'sheets'),
    remove: (name) => `Remove ${name}`,
    removeShort: 'Remove',
    sample: 'sample submission',
    afterCheck: (e, w) => `${plural(e, 'error', 'errors')}, ${plural(w, 'warning', 'warnings')} in the check`,
  },
  generate: {
    heading: 'Generate the ranking',
    run: 'Generate ranking',
    running: 'Generating…',
    progressLabel: 'Progress',
    stagesLabel: 'Stages',
    stages: { read: 'Read', check: 'Check', compute: 'Score', write: 'Write' },
    stageActive: { read: 'Reading…', check: 'Checking…', compute: 'Scoring…', write: 'Writing…' },
    stageState: { done: 'done', current: 'in progress', pending: 'waiting' },
    finished: 'Done.',
    failed: (d) => `The ranking could not be generated: ${d}`,
    written: (names) => `Sheets written: ${names.join(', ')}.`,
    download: 'Download',
    downloadHint: (name) => `Download ${name}: the cluster workbook with the generated sheets.`,
    notReady: 'Open a cluster workbook first.',
    summary: 'Result',
    rankedOf: (r, u) => `Ranked ${r} of ${u} units.`,
    leaders: 'Leading',
    groupName: (g) => (g ? `Group ${g}` : 'Whole cluster'),
    points: (t) => `${t} points`,
    noLeader: 'No unit is ranked yet.',
    votes: 'Votes',
    vote: { approved: 'Approved', rejected: 'Not approved', noQuorum: 'No quorum', invalid: 'Invalid vote' },
    voteCount: (a, m) => `${a}/${m} in favour`,
    noVotes: 'No votes recorded.',
    ties: 'Unresolved ties',
    tieLine: (rank, names, total) => `Rank ${rank}: ${names} (${total} points)`,
    noTies: 'No ties.',
    awards: 'Proposed awards',
    awardState: { confirmed: 'confirmed by the vote', proposed: 'proposed, not confirmed' },
    blocks: 'What blocks',
    blockingErrors: (n) => `${plural(n, 'blocking error', 'blocking errors')}.`,
    invalidUnits: (n) => `${plural(n, 'unit', 'units')} left unranked.`,
    nothingBlocks: 'Nothing blocks the result.',
    goToCheck: 'See them in Check',
  },
  table: {
    caption: 'Ranking',
    region: 'Ranking of the units',
    rank: 'Rank',
    unit: 'Unit',
    group: 'Group',
    total: 'Total',
    grade: 'Grade',
    vote: 'Vote',
    award: 'Award',
    unranked: 'Unranked',
    tie: 'tied',
  },
};

export const STRINGS: Record<Lang, Strings> = { vi, en };

export function isLang(v: unknown): v is Lang {
  return v === 'vi' || v === 'en';
}

export interface LanguageHints {
  /** Office.context.displayLanguage (inside Excel). */
  officeDisplayLanguage?: string | null;
  /** navigator.languages, most preferred first (standalone). */
  browserLanguages?: readonly string[];
  /** An explicit choice (the page's `?lang=` or the switch); wins when it names a known language. */
  requested?: string | null;
}

/**
 * Vietnamese unless told otherwise: inside Excel, English when Office's display language is English;
 * standalone, English when the browser's first language is.
 */
export function chooseLanguage(host: HostKind, hints: LanguageHints): Lang {
  if (isLang(hints.requested)) return hints.requested;
  const tag = host === 'excel' ? hints.officeDisplayLanguage : hints.browserLanguages?.[0];
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** BCP 47 tag for the page and FluentProvider. */
export function languageTag(lang: Lang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-US';
}

/** Points for display: rounded like the sheets, with the decimal comma in Vietnamese (85,60). */
export function formatPoints(value: Exact, decimals: number, lang: Lang): string {
  const text = value.toFixed(decimals);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

export interface LanguageState {
  lang: Lang;
  t: Strings;
  setLang: (lang: Lang) => void;
}

export const LanguageContext = createContext<LanguageState>({ lang: 'vi', t: vi, setLang: () => undefined });

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
