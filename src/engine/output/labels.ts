/**
 * Every word the generated sheets show, in Vietnamese and English, plus the few presentation helpers
 * the three sheets share (number formats, text cells). Kept in one place so the two languages cannot
 * drift apart column by column.
 */
import { Exact } from '../exact';
import type { Finding } from '../findings/catalogue';
import { message } from '../findings/catalogue';
import type { Lang, Severity } from '../findings/define';
import type { CriterionKind, ScoreOrigin, ScoreSource } from '../model';
import type { OutCell, OutputRole } from './types';

export interface VoteRuleWords {
  /** Threshold as a percentage text in the language (`50`, `66,67`). */
  percent: string;
  strict: boolean;
  denominator: 'members' | 'present';
  members: number;
  /** Members needed for a quorum; null when no quorum applies. */
  quorumNeeded: number | null;
}

export interface OutputLabels {
  sheetNames: Record<OutputRole, string>;
  ranking: {
    title: string;
    /** The approval rule in words, for the secretary reading the printed sheet. */
    voteRule: (w: VoteRuleWords) => string;
    yearWord: string;
    headers: {
      rank: string;
      code: string;
      unit: string;
      group: string;
      bonus: string;
      penalty: string;
      total: string;
      grade: string;
      approvals: string;
      result: string;
      award: string;
      notes: string;
    };
    result: { approved: string; rejected: string; noQuorum: string; notVoted: string; invalid: string };
    proposed: string;
    notes: { tie: string; veto: string; unranked: string };
  };
  checks: {
    title: string;
    summary: (errors: number, warnings: number, infos: number) => string;
    headers: { severity: string; file: string; sheet: string; cell: string; code: string; message: string; goTo: string };
    severity: Record<Severity, string>;
    goTo: (cell: string) => string;
  };
  details: {
    title: string;
    source: (s: ScoreSource) => string;
    headers: {
      code: string;
      unit: string;
      path: string;
      criterion: string;
      kind: string;
      max: string;
      weight: string;
      score: string;
      counted: string;
      origin: string;
      from: string;
    };
    kind: Record<CriterionKind, string>;
    origin: Record<ScoreOrigin, string>;
    vetoMet: string;
    vetoNotMet: string;
  };
}

const vi: OutputLabels = {
  sheetNames: { ranking: 'Xếp hạng', checks: 'Kiểm tra', details: 'Chi tiết' },
  ranking: {
    title: 'BẢNG XẾP HẠNG THI ĐUA',
    yearWord: 'năm',
    voteRule: (w) => {
      const share = w.strict ? `trên ${w.percent}%` : `từ ${w.percent}% trở lên`;
      const of = w.denominator === 'members' ? `tổng số ${w.members} thành viên` : 'số thành viên tham gia biểu quyết';
      const quorum = w.quorumNeeded !== null ? `; cần ít nhất ${w.quorumNeeded}/${w.members} thành viên tham gia biểu quyết` : '';
      return `Kết quả được thông qua khi có ${share} ${of} tán thành${quorum}`;
    },
    headers: {
      rank: 'Hạng',
      code: 'Mã đơn vị',
      unit: 'Đơn vị',
      group: 'Khối',
      bonus: 'Điểm cộng',
      penalty: 'Điểm trừ',
      total: 'Tổng điểm',
      grade: 'Xếp loại',
      approvals: 'Tán thành / Thành viên',
      result: 'Kết quả biểu quyết',
      award: 'Đề nghị khen thưởng',
      notes: 'Ghi chú',
    },
    result: {
      approved: 'Thông qua',
      rejected: 'Không thông qua',
      noQuorum: 'Chưa đủ số thành viên',
      notVoted: 'Chưa biểu quyết',
      invalid: 'Biểu quyết không hợp lệ',
    },
    proposed: '(đề nghị)',
    notes: { tie: 'Đồng hạng', veto: 'Vi phạm tiêu chí liệt (hạ một bậc xếp loại)', unranked: 'Không xếp hạng' },
  },
  checks: {
    title: 'KẾT QUẢ KIỂM TRA DỮ LIỆU',
    summary: (e, w, i) =>
      e + w + i === 0 ? 'Không phát hiện lỗi hay cảnh báo nào.' : `${e} lỗi, ${w} cảnh báo, ${i} thông tin.`,
    headers: { severity: 'Mức độ', file: 'Tệp', sheet: 'Sheet', cell: 'Ô', code: 'Mã', message: 'Nội dung', goTo: 'Đi tới' },
    severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
    goTo: (cell) => `Xem ô ${cell}`,
  },
  details: {
    title: 'CHI TIẾT ĐIỂM ĐƯỢC TÍNH',
    source: (s) =>
      ({
        auto: 'Nguồn điểm: Cụm chấm nếu có; nếu không, trung bình chấm chéo (không tính điểm đơn vị tự chấm cho mình); nếu không, điểm tự chấm.',
        self: 'Nguồn điểm: chỉ điểm tự chấm.',
        reviewed: 'Nguồn điểm: chỉ điểm Cụm chấm.',
        'peer-mean': 'Nguồn điểm: trung bình chấm chéo.',
        'peer-median': 'Nguồn điểm: trung vị chấm chéo.',
        'peer-trimmed-mean': 'Nguồn điểm: trung bình chấm chéo bỏ điểm cao nhất và thấp nhất.',
      })[s],
    headers: {
      code: 'Mã đơn vị',
      unit: 'Đơn vị',
      path: 'Mã tiêu chí',
      criterion: 'Tiêu chí',
      kind: 'Loại',
      max: 'Điểm tối đa',
      weight: 'Hệ số',
      score: 'Điểm',
      counted: 'Điểm tính',
      origin: 'Nguồn',
      from: 'Lấy từ',
    },
    kind: { standard: 'Tiêu chí', bonus: 'Điểm cộng', penalty: 'Điểm trừ', veto: 'Tiêu chí liệt' },
    origin: {
      reviewed: 'Cụm chấm',
      'peer-mean': 'Trung bình chấm chéo',
      'peer-median': 'Trung vị chấm chéo',
      'peer-trimmed-mean': 'Trung bình chấm chéo (bỏ cao nhất, thấp nhất)',
      self: 'Tự chấm',
      'zero-blank': 'Ô trống tính 0',
    },
    vetoMet: 'Vi phạm',
    vetoNotMet: 'Không vi phạm',
  },
};

const en: OutputLabels = {
  sheetNames: { ranking: 'Ranking', checks: 'Checks', details: 'Details' },
  ranking: {
    title: 'EMULATION RANKING',
    yearWord: 'year',
    voteRule: (w) => {
      const share = w.strict ? `more than ${w.percent}%` : `at least ${w.percent}%`;
      const of = w.denominator === 'members' ? `of all ${w.members} members` : 'of the members taking part';
      const quorum = w.quorumNeeded !== null ? `; at least ${w.quorumNeeded} of ${w.members} members must take part` : '';
      return `A result is approved when ${share} ${of} approve${quorum}`;
    },
    headers: {
      rank: 'Rank',
      code: 'Unit code',
      unit: 'Unit',
      group: 'Group',
      bonus: 'Bonus',
      penalty: 'Penalty',
      total: 'Total',
      grade: 'Grade',
      approvals: 'Approvals / Members',
      result: 'Vote result',
      award: 'Proposed award',
      notes: 'Notes',
    },
    result: {
      approved: 'Approved',
      rejected: 'Not approved',
      noQuorum: 'No quorum',
      notVoted: 'Not voted',
      invalid: 'Invalid vote',
    },
    proposed: '(proposed)',
    notes: { tie: 'Tied', veto: 'Veto condition met (grade lowered one band)', unranked: 'Not ranked' },
  },
  checks: {
    title: 'DATA CHECKS',
    summary: (e, w, i) => (e + w + i === 0 ? 'No errors or warnings found.' : `${e} error(s), ${w} warning(s), ${i} info.`),
    headers: { severity: 'Severity', file: 'File', sheet: 'Sheet', cell: 'Cell', code: 'Code', message: 'Message', goTo: 'Go to' },
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    goTo: (cell) => `Go to ${cell}`,
  },
  details: {
    title: 'COUNTED SCORES',
    source: (s) =>
      ({
        auto: "Score source: the reviewed score when present; else the peer mean (leaving out a unit's score of itself); else the self score.",
        self: 'Score source: self scores only.',
        reviewed: 'Score source: reviewed scores only.',
        'peer-mean': 'Score source: peer mean.',
        'peer-median': 'Score source: peer median.',
        'peer-trimmed-mean': 'Score source: peer mean without the highest and lowest score.',
      })[s],
    headers: {
      code: 'Unit code',
      unit: 'Unit',
      path: 'Criterion code',
      criterion: 'Criterion',
      kind: 'Kind',
      max: 'Max points',
      weight: 'Weight',
      score: 'Score',
      counted: 'Counted',
      origin: 'Source',
      from: 'Taken from',
    },
    kind: { standard: 'Criterion', bonus: 'Bonus', penalty: 'Penalty', veto: 'Veto condition' },
    origin: {
      reviewed: 'Reviewed',
      'peer-mean': 'Peer mean',
      'peer-median': 'Peer median',
      'peer-trimmed-mean': 'Peer trimmed mean',
      self: 'Self score',
      'zero-blank': 'Blank counted as 0',
    },
    vetoMet: 'Met',
    vetoNotMet: 'Not met',
  },
};

export function labelsFor(lang: Lang): OutputLabels {
  return lang === 'en' ? en : vi;
}

// ---------------------------------------------------------------- presentation helpers

/** Excel number format for `decimals` places; out-of-range settings fall back to the default 2. */
export function decimalsFormat(decimals: number): string {
  const d = Number.isInteger(decimals) && decimals >= 0 && decimals <= 10 ? decimals : 2;
  return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
}

/** A share as a percentage in the language's notation: 1/2 -> `50`, 2/3 -> `66,67` (vi) / `66.67` (en). */
export function percentText(share: Exact, lang: Lang): string {
  const s = share.mul(Exact.int(100)).round(2).toString();
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** A text cell: always a string value with the text format, so a host never turns `=...` into a formula. */
export function textCell(value: string | null | undefined, style?: OutCell['style']): OutCell {
  const cell: OutCell = value === null || value === undefined || value === '' ? { value: null } : { value, format: '@' };
  if (style) cell.style = style;
  return cell;
}

/** A number cell holding the exact value (nearest double) with a display format; null shows blank. */
export function numberCell(value: Exact | null | undefined, format: string, style?: OutCell['style']): OutCell {
  const n = value ? value.toNumber() : null;
  // Beyond the range of a double (no real score gets there): show the exact digits as text rather than Infinity.
  const cell: OutCell = value && n !== null ? (Number.isFinite(n) ? { value: n, format } : { value: value.toString(), format: '@' }) : { value: null };
  if (style) cell.style = style;
  return cell;
}


/** Caps a column width (Excel characters) between sensible bounds for Vietnamese text. */
export function widthFor(texts: Iterable<string>, min: number, max: number): number {
  let longest = 0;
  for (const t of texts) if (t.length > longest) longest = t.length;
  return Math.max(min, Math.min(max, longest + 2));
}

/** A finding's message; a finding the catalogue does not know (from a newer host) shows its code. */
export function findingText(f: Finding, lang: Lang): string {
  try {
    return message(f, lang);
  } catch {
    return String(f.code);
  }
}
