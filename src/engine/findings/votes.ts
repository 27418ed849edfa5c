import { def } from './define';

/** Votes (Biểu quyết): matrix or tallies. An error here blocks that vote, not the ranking. */
export const voteFindings = {
  VOTE_UNIT_UNKNOWN: def<{ unit: string }>({
    severity: 'error',
    blocks: 'vote',
    vi: (p) => `Biểu quyết cho "${p.unit}" nhưng đơn vị này không thuộc cụm.`,
    en: (p) => `Vote on "${p.unit}", which is not a member of the cluster.`,
  }),
  VOTE_VOTER_NOT_MEMBER: def<{ voter: string }>({
    severity: 'error',
    blocks: 'vote',
    vi: (p) => `"${p.voter}" biểu quyết nhưng không phải thành viên cụm.`,
    en: (p) => `"${p.voter}" voted but is not a member of the cluster.`,
  }),
  VOTE_DUPLICATE_VOTER: def<{ voter: string; other: string }>({
    severity: 'error',
    blocks: 'vote',
    vi: (p) => `Thành viên ${p.voter} biểu quyết hai lần (lần kia ở ô ${p.other}).`,
    en: (p) => `Member ${p.voter} voted twice (the other at ${p.other}).`,
  }),
  VOTE_DUPLICATE_UNIT: def<{ unit: string; other: string }>({
    severity: 'error',
    blocks: 'vote',
    vi: (p) => `Đơn vị ${p.unit} được biểu quyết hai lần (lần kia ở ô ${p.other}).`,
    en: (p) => `Unit ${p.unit} is voted on twice (the other at ${p.other}).`,
  }),
  VOTE_UNKNOWN_MARK: def<{ mark: string }>({
    severity: 'error',
    blocks: 'vote',
    vi: (p) => `Phiếu "${p.mark}" không rõ (dùng: đồng ý / không đồng ý, x, 1/0, hoặc để trống).`,
    en: (p) => `Vote mark "${p.mark}" is unknown (use: approve / reject, x, 1/0, or leave blank).`,
  }),
  VOTE_TALLY_INVALID: def<{ value: string }>({
    severity: 'error',
    blocks: 'vote',
    vi: (p) => `Số phiếu "${p.value}" không hợp lệ (phải là số nguyên không âm).`,
    en: (p) => `Vote count "${p.value}" is not valid (must be a whole number, not negative).`,
  }),
  /** `present` is set when the count exceeds the members present rather than all members. */
  VOTE_TALLY_EXCEEDS_MEMBERS: def<{ count: number; members: number; present: number | null }>({
    severity: 'error',
    blocks: 'vote',
    vi: (p) =>
      p.present === null
        ? `Số phiếu ${p.count} lớn hơn số thành viên cụm (${p.members}).`
        : `Tổng phiếu tán thành và không tán thành (${p.count}) lớn hơn số thành viên có mặt (${p.present}).`,
    en: (p) =>
      p.present === null
        ? `Vote count ${p.count} is more than the cluster's ${p.members} members.`
        : `Approvals plus rejections (${p.count}) are more than the ${p.present} members present.`,
  }),
  VOTE_TABLE_NOT_FOUND: def<Record<string, never>>({
    severity: 'error',
    blocks: 'none',
    vi: () =>
      'Sheet biểu quyết không có bảng đọc được (cần cột Đơn vị, rồi một cột cho mỗi thành viên biểu quyết hoặc cột Tán thành).',
    en: () => 'The votes sheet holds no readable table (needs a Unit column, then one column per voting member or an Approvals column).',
  }),
  VOTE_NO_QUORUM: def<{ unit: string; present: number; members: number; needed: number }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) => `Biểu quyết cho ${p.unit} không đủ số thành viên tham gia (${p.present}/${p.members}, cần ít nhất ${p.needed}); chưa có kết quả.`,
    en: (p) => `The vote on ${p.unit} lacks a quorum (${p.present}/${p.members}, needs at least ${p.needed}); nothing is decided.`,
  }),
};
