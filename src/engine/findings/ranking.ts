import { def } from './define';

/** Ranking, grades and awards. */
export const rankingFindings = {
  RANK_TIE_UNRESOLVED: def<{ rank: number; units: string; group: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) =>
      `Đồng hạng ${p.rank}${p.group ? ` (khối ${p.group})` : ''}: ${p.units}. Cụm cần bổ sung tiêu chí phụ (cấu hình "tieu_chi_phu") hoặc quyết định.`,
    en: (p) => `Tie at rank ${p.rank}${p.group ? ` (group ${p.group})` : ''}: ${p.units}. Add tie-break keys (setting "tie_break") or decide.`,
  }),
  AWARD_QUOTA_EXCEEDED: def<{ award: string; quota: number; confirmed: number; units: string }>({
    severity: 'error',
    blocks: 'none',
    vi: (p) => `"${p.award}" chỉ có ${p.quota} suất nhưng ${p.confirmed} đơn vị được biểu quyết tán thành: ${p.units}.`,
    en: (p) => `"${p.award}" has ${p.quota} place(s) but ${p.confirmed} units were approved: ${p.units}.`,
  }),
  AWARD_VOTE_MISMATCH: def<{ unit: string; voted: string; proposed: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) =>
      p.proposed
        ? `Biểu quyết cho ${p.unit} ghi "${p.voted}" nhưng theo xếp hạng đơn vị được đề xuất "${p.proposed}"; phiếu này chưa được tính là xác nhận "${p.proposed}".`
        : `Biểu quyết cho ${p.unit} ghi "${p.voted}" nhưng theo xếp hạng đơn vị này không được đề xuất khen thưởng.`,
    en: (p) =>
      p.proposed
        ? `The vote on ${p.unit} names "${p.voted}" but the ranking proposes "${p.proposed}"; it was not counted as confirming "${p.proposed}".`
        : `The vote on ${p.unit} names "${p.voted}" but the ranking proposes no award for this unit.`,
  }),
};
