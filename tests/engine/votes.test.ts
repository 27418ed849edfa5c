import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/findings/catalogue';
import type { CellValue, GridSheet } from '../../src/engine/grid';
import { MemberIndex, parseMembers } from '../../src/engine/members';
import type { UnitVote } from '../../src/engine/model';
import { parseVotes } from '../../src/engine/votes';
import { err, nfd, sheet, workbook, SIX_MEMBERS } from './helpers/grids';

const MEMBERS = SIX_MEMBERS;

function votesOf(votesSheet: GridSheet | null) {
  const sheets = [sheet('Đơn vị', MEMBERS), ...(votesSheet ? [votesSheet] : [])];
  const wb = workbook('Cum1.xlsx', sheets);
  const m = parseMembers(wb);
  if (m.findings.length > 0) throw new Error('test members do not parse');
  return parseVotes(wb, new MemberIndex(m.members));
}

function codes(findings: Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.place.cell ?? '-'}`);
}

/** unit: approvals/rejections/present, and ! when invalid. */
function counts(votes: UnitVote[]): string[] {
  return votes.map((v) => `${v.unit}:${v.approvals}/${v.rejections ?? '-'}/${v.present ?? '-'}${v.invalid ? '!' : ''}`);
}

describe('parseVotes: matrix', () => {
  it('counts a 6x6 matrix with marks in many spellings', () => {
    const rows: CellValue[][] = [
      ['BIỂU QUYẾT KẾT QUẢ THI ĐUA NĂM 2024'], // row 1, merged
      [], // row 2
      ['STT', 'Đơn vị', 'HK', 'BD', 'LĐLĐ quận Đống Đa', 'HBT', 'TH', nfd('Cầu Giấy'), 'Đề nghị'], // row 3
      // 6 approve: x, X, ✓, Đồng ý, 1, TRUE
      [1, 'LĐLĐ quận Hoàn Kiếm', 'x', 'X', '✓', 'Đồng ý', 1, true, 'Cờ thi đua'], // row 4
      // approve: x, đồng ý (NFD); reject: Không, 0, -; CG did not vote -> 2/3, present 5
      [2, 'BD', 'x', nfd('đồng ý'), 'Không', 0, '-', null, 'Bằng khen'], // row 5
      // approve: Tán thành, x, yes; reject: no; "vắng" (absent) and HBT blank did not take part -> 3/1, present 4
      [3, 'DD', 'Tán thành', 'vắng', 'x', null, 'no', 'yes'], // row 6
      // reject: FALSE, KHÔNG ĐỒNG Ý; approve: x, x, " x ", Y -> 4/2, present 6
      [4, 'HBT', false, 'KHÔNG ĐỒNG Ý', 'x', 'x', ' x ', 'Y'], // row 7
      // approve: ✔, Approve; reject: Reject; abstain: Abstain -> 2/1, present 4
      [5, 'TH', '✔', 'Approve', 'Reject', 'Abstain'], // row 8
      [6, 'CG'], // row 9: not voted on, no row
      [null, 'Tổng cộng', 3, 3, 4, 2, 3, 3], // row 10: the secretary's own sums
    ];
    const { votes, findings } = votesOf(sheet('Biểu quyết', rows, { merges: ['A1:I1'] }));
    expect(findings).toEqual([]);
    expect(counts(votes)).toEqual(['HK:6/0/6', 'BD:2/3/5', 'DD:3/1/4', 'HBT:4/2/6', 'TH:2/1/4']);
    expect(votes.map((v) => v.award ?? null)).toEqual(['Cờ thi đua', 'Bằng khen', null, null, null]);
    expect(votes[0]!.place).toEqual({ file: 'Cum1.xlsx', sheet: 'Biểu quyết', cell: 'B4' });
    expect([...votes[2]!.marks!.entries()]).toEqual([
      ['HK', 'approve'],
      ['DD', 'approve'],
      ['TH', 'reject'],
      ['CG', 'approve'],
    ]);
  });

  it('reports every matrix error at its cell and marks the votes it taints', () => {
    const rows: CellValue[][] = [
      ['Đơn vị', 'HK', 'BD', 'Quận 99', 'LĐLĐ quận Hoàn Kiếm', 'DD'], // row 1
      ['HK', 'x', 'x', null, null, 'x'], // row 2: valid (the bad columns are blank here)
      ['BD', 'x', 'x', 'x', null, null], // row 3: a non-member voted
      ['DD', 'x', null, null, '0', 'x'], // row 4: HK voted twice
      ['TH', 'ok?', 'x', null, null, 'x'], // row 5: unknown mark
      ['Quận 12', 'x', 'x', null, null, null], // row 6: not a member
      ['LĐLĐ quận Hoàn Kiếm', 'x', null, null, null, null], // row 7: HK again
      ['CG', err('#N/A'), 'x', null, null, null], // row 8: an error value is no mark
    ];
    const { votes, findings } = votesOf(sheet('Votes', rows));
    expect(codes(findings)).toEqual([
      'VOTE_VOTER_NOT_MEMBER@D1',
      'VOTE_DUPLICATE_VOTER@E1',
      'VOTE_UNKNOWN_MARK@B5',
      'VOTE_UNIT_UNKNOWN@A6',
      'VOTE_DUPLICATE_UNIT@A7',
      'VOTE_UNKNOWN_MARK@B8',
    ]);
    expect(findings.map((f) => f.params)).toEqual([
      { voter: 'Quận 99' },
      { voter: 'HK', other: 'B1' },
      { mark: 'ok?' },
      { unit: 'Quận 12' },
      { unit: 'HK', other: 'A2' },
      { mark: '#N/A' },
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(findings.slice(2).map((f) => f.unit)).toEqual(['TH', 'Quận 12', 'HK', 'CG']);
    // Counts are of members only, one mark per member; HK's vote is void because it is on two rows.
    expect(counts(votes)).toEqual(['HK:3/0/3!', 'BD:2/0/2!', 'DD:2/0/2!', 'TH:2/0/3!', 'Quận 12:2/0/2!', 'CG:1/0/2!']);
  });
});

describe('parseVotes: tallies', () => {
  it('reads approvals, rejections and members present, with the award', () => {
    const rows: CellValue[][] = [
      ['BIÊN BẢN KIỂM PHIẾU'],
      ['Mã đơn vị', 'Số phiếu tán thành', 'Không tán thành', 'Có mặt', 'Hình thức khen thưởng'], // row 2
      ['HK', 5, 1, 6, 'Cờ thi đua'], // row 3
      ['BD', ' 4 ', null, null, 'Bằng khen'], // row 4: text count, warning; nothing else said
      ['DD'], // row 5: not voted on
    ];
    const { votes, findings } = votesOf(sheet('Bình xét', rows));
    expect(codes(findings)).toEqual(['NUMBER_AS_TEXT@B4']);
    expect(counts(votes)).toEqual(['HK:5/1/6', 'BD:4/-/-']);
    expect(votes.map((v) => v.award)).toEqual(['Cờ thi đua', 'Bằng khen']);
    expect(votes[0]!.marks).toBeUndefined();
  });

  it('refuses counts that are not whole numbers or that exceed the members', () => {
    const rows: CellValue[][] = [
      ['Đơn vị', 'Tán thành', 'Không tán thành', 'Có mặt'], // row 1
      ['HK', 4.5, 1, 6], // row 2: not whole
      ['BD', -1, null, null], // row 3: negative
      ['DD', 'bốn', null, null], // row 4: words
      ['HBT', 7, null, null], // row 5: 7 > 6 members
      ['TH', 4, 3, null], // row 6: 4 + 3 = 7 > 6 members
      ['CG', 3, 2, 4], // row 7: 3 + 2 = 5 > 4 present
    ];
    const { votes, findings } = votesOf(sheet('Biểu quyết', rows));
    expect(codes(findings)).toEqual([
      'VOTE_TALLY_INVALID@B2',
      'VOTE_TALLY_INVALID@B3',
      'VOTE_TALLY_INVALID@B4',
      'VOTE_TALLY_EXCEEDS_MEMBERS@B5',
      'VOTE_TALLY_EXCEEDS_MEMBERS@B6',
      'VOTE_TALLY_EXCEEDS_MEMBERS@D7',
    ]);
    expect(findings.map((f) => f.params)).toEqual([
      { value: '4.5' },
      { value: '-1' },
      { value: 'bốn' },
      { count: 7, members: 6, present: null },
      { count: 7, members: 6, present: null },
      { count: 5, members: 6, present: 4 },
    ]);
    expect(findings.map((f) => f.unit)).toEqual(['HK', 'BD', 'DD', 'HBT', 'TH', 'CG']);
    expect(votes.every((v) => v.invalid)).toBe(true);
  });

  it('refuses members present above the member count, and a missing approvals count', () => {
    const rows: CellValue[][] = [
      ['Đơn vị', 'Tán thành', 'Không tán thành', 'Có mặt'],
      ['HK', 2, 0, 7], // row 2: 7 present of 6 members
      ['BD', null, 2, 5], // row 3: approvals blank
    ];
    const { votes, findings } = votesOf(sheet('Biểu quyết', rows));
    expect(codes(findings)).toEqual(['VOTE_TALLY_EXCEEDS_MEMBERS@D2', 'VOTE_TALLY_INVALID@B3']);
    expect(findings[0]!.params).toEqual({ count: 7, members: 6, present: null });
    expect(counts(votes)).toEqual(['HK:2/0/7!', 'BD:0/2/5!']);
  });
});

describe('parseVotes: the sheet itself', () => {
  it('finds no votes and says nothing when there is no votes sheet', () => {
    expect(votesOf(null)).toEqual({ votes: [], findings: [] });
  });

  it('does not read a hidden votes sheet, and says so', () => {
    const s = sheet('Biểu quyết', [['Đơn vị', 'HK'], ['BD', 'x']], { hidden: true });
    const { votes, findings } = votesOf(s);
    expect(votes).toEqual([]);
    expect(findings.map((f) => [f.code, f.place])).toEqual([['SHEET_HIDDEN_IGNORED', { file: 'Cum1.xlsx', sheet: 'Biểu quyết' }]]);
  });

  it('reports a votes sheet with no readable table', () => {
    const { votes, findings } = votesOf(sheet('Biểu quyết', [['Cụm sẽ biểu quyết vào tháng 12']]));
    expect(votes).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(['VOTE_TABLE_NOT_FOUND']);
  });

  it('reads hidden vote rows with one warning, and keeps hostile unit text out of prototypes', () => {
    const rows: CellValue[][] = [
      ['Đơn vị', 'HK', 'BD'],
      ['HK', 'x', 'x'], // row 2, hidden
      ['__proto__', 'x', null], // row 3
    ];
    const { votes, findings } = votesOf(sheet('Biểu quyết', rows, { hiddenRows: [2] }));
    expect(codes(findings)).toEqual(['VOTE_UNIT_UNKNOWN@A3', 'ROW_HIDDEN_READ@-']);
    expect(findings[1]!.params).toEqual({ rows: '2' });
    expect(counts(votes)).toEqual(['HK:2/0/2', '__proto__:1/0/1!']);
    expect(({} as Record<string, unknown>).approvals).toBeUndefined();
  });
});
