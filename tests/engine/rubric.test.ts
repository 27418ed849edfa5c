import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/findings/catalogue';
import { message } from '../../src/engine/findings/catalogue';
import type { CellValue } from '../../src/engine/grid';
import { parseRubric, parseRubricTable, RUBRIC_SPECS, splitCode } from '../../src/engine/rubric';
import { findTable } from '../../src/engine/tables';
import { err, nfd, sheet, workbook } from './helpers/grids';

/** code@cell pairs, the way a secretary reads the Kiểm tra sheet. */
function codes(findings: Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.place.cell}`);
}

const HEADER: CellValue[] = ['Mã', 'Nội dung', 'Điểm tối đa', 'Hệ số', 'Loại', 'Khối'];

/** A realistic rubric: title rows, a merged title, a blank row, sections whose numbering restarts. */
function clusterRubric(): CellValue[][] {
  return [
    ['BẢNG ĐIỂM THI ĐUA CỤM SỐ 3 NĂM 2025'], // row 1, merged A1:F1
    [],
    HEADER, // row 3
    ['I', 'Công tác tổ chức', 40], // row 4
    ['1', 'Phát triển đoàn viên', 10, 2], // row 5: weight 2, counts 20
    ['2.', 'Xây dựng CĐCS vững mạnh'], // row 6: parent without its own max
    ['a)', 'CĐCS đạt vững mạnh', 7.5], // row 7
    ['b)', 'Không có CĐCS yếu', 12.5], // row 8
    ['II', 'Hoạt động chăm lo', 30], // row 9: 15 + 10 = 25, not 30
    ['1', 'Chăm lo Tết', 15], // row 10
    ['2', 'Phong trào thi đua', 10], // row 11
    ['III', 'Điểm thưởng', 10], // row 12: implies bonus
    ['1', 'Sáng kiến', 5], // row 13
    ['2', 'Khen thưởng đột xuất', 10], // row 14: bonus options may exceed the cap
    ['IV', 'Điểm trừ'], // row 15: implies penalty
    ['1', 'Chậm báo cáo', 5], // row 16
    ['V', 'Tiêu chí liệt'], // row 17: implies veto
    ['1', 'Có vụ việc tham nhũng'], // row 18: a veto needs no max
    [], // row 19
    [null, 'Tổng cộng', 100], // row 20
  ];
}

describe('parseRubric on a cluster rubric', () => {
  const wb = workbook('Cum3.xlsx', [sheet('Thang điểm', clusterRubric(), { merges: ['A1:F1'] })]);
  const { rubric, findings } = parseRubric(wb);

  it('nests by code, with numbering restarting in every section', () => {
    expect(rubric).not.toBeNull();
    expect(rubric!.nodes.map((n) => n.path)).toEqual([
      'I', 'I.1', 'I.2', 'I.2.a', 'I.2.b', 'II', 'II.1', 'II.2', 'III', 'III.1', 'III.2', 'IV', 'IV.1', 'V', 'V.1',
    ]);
    expect(rubric!.sections.map((n) => n.path)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(rubric!.leaves.map((n) => n.path)).toEqual(['I.1', 'I.2.a', 'I.2.b', 'II.1', 'II.2', 'III.1', 'III.2', 'IV.1', 'V.1']);
    const a = rubric!.byPath.get('I.2.a')!;
    expect(a.code).toBe('a');
    expect(a.depth).toBe(2);
    expect(a.parent).toBe('I.2');
    expect(a.place).toEqual({ file: 'Cum3.xlsx', sheet: 'Thang điểm', cell: 'A7' });
    expect(a.row).toBe(6); // grid-relative: row 7 of the sheet
    expect(rubric!.byPath.get('I.2')!.children).toEqual(['I.2.a', 'I.2.b']);
    // I.1 and II.1 are different criteria with the same bare code.
    expect(rubric!.byPath.get('I.1')!.label).toBe('Phát triển đoàn viên');
    expect(rubric!.byPath.get('II.1')!.label).toBe('Chăm lo Tết');
  });

  it('reads decimal max points and weights exactly', () => {
    expect(rubric!.byPath.get('I.2.a')!.max!.toString()).toBe('7.5');
    expect(rubric!.byPath.get('I.1')!.weight.toString()).toBe('2');
    expect(rubric!.byPath.get('II.1')!.weight.toString()).toBe('1');
    expect(rubric!.byPath.get('I.2')!.max).toBeNull();
    expect(rubric!.byPath.get('I')!.max!.toString()).toBe('40');
  });

  it('takes kinds from section labels and passes them down', () => {
    const kinds = Object.fromEntries(rubric!.nodes.map((n) => [n.path, n.kind]));
    expect(kinds).toMatchObject({
      I: 'standard',
      'I.2.a': 'standard',
      III: 'bonus',
      'III.1': 'bonus',
      'III.2': 'bonus',
      IV: 'penalty',
      'IV.1': 'penalty',
      V: 'veto',
      'V.1': 'veto',
    });
    expect(rubric!.byPath.get('V.1')!.max).toBeNull();
  });

  it('warns only about the parent max that differs from its weighted children', () => {
    // I: 10 x 2 + (7.5 + 12.5) = 40 = its max; II: 15 + 10 = 25 but max 30; III is a bonus cap, not a sum.
    expect(codes(findings)).toEqual(['RUBRIC_PARENT_MAX_MISMATCH@C9']);
    expect(findings[0]!.params).toEqual({ path: 'II', max: '30', childrenSum: '25' });
    expect(findings[0]!.severity).toBe('warning');
  });

  it('reports the bottom total row and stops there', () => {
    const match = findTable(wb.sheets[0]!, RUBRIC_SPECS)!;
    const read = parseRubricTable(match, { file: 'Cum3.xlsx', sheet: 'Thang điểm' }, { forSubmission: false });
    expect(read.totalRow).toBe(19); // sheet row 20
  });
});

describe('parseRubric: codes', () => {
  function parse(rows: CellValue[][]) {
    return parseRubric(workbook('c.xlsx', [sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa', 'Hệ số'], ...rows])]));
  }

  it('reads dotted codes, also absolute ones under a section and codes typed as numbers', () => {
    const { rubric, findings } = parse([
      ['I', 'Mục I'], // row 2
      [1, 'Tiêu chí 1'], // row 3: a number cell
      [1.1, 'Tiêu chí 1.1', 4], // row 4: the number 1.1
      ['1.2', 'Tiêu chí 1.2'], // row 5
      ['1.2.a', 'Con a', 3], // row 6
      ['b', 'Con b', 3], // row 7: a letter after a dotted criterion belongs to it
      ['II', 'Mục II'], // row 8
      ['II.1', 'Tuyệt đối', 5], // row 9
      ['Mục III', 'Mục III'], // row 10
      ['(1)', 'Một', 2], // row 11
    ]);
    expect(findings).toEqual([]);
    expect(rubric!.nodes.map((n) => n.path)).toEqual(['I', 'I.1', 'I.1.1', 'I.1.2', 'I.1.2.a', 'I.1.2.b', 'II', 'II.1', 'III', 'III.1']);
    expect(rubric!.byPath.get('I.1.2.b')!.parent).toBe('I.1.2');
    expect(rubric!.byPath.get('II.1')!.depth).toBe(1);
  });

  it('allows a flat rubric and criteria before any section', () => {
    const { rubric, findings } = parse([
      ['1', 'Một', 10],
      ['2', 'Hai', 20],
      ['a', 'Hai a', 20],
    ]);
    expect(findings.map((f) => f.code)).toEqual([]);
    expect(rubric!.sections.map((n) => n.path)).toEqual(['1', '2']);
    expect(rubric!.byPath.get('2.a')!.depth).toBe(1);
  });

  it('reports codes that do not nest, each at its code cell', () => {
    const { rubric, findings } = parse([
      ['I', 'Mục I'], // row 2
      ['a', 'Chữ trước số', 5], // row 3: no criterion yet in I
      ['1', 'Một', 5], // row 4
      ['3.1', 'Cha 3 không có', 5], // row 5
      ['1-2', 'Không đọc được', 5], // row 6
      ['a', 'Thuộc mã hỏng', 5], // row 7: under an unreadable code: skipped, not mis-nested under I.1
      [null, 'Có điểm mà không có mã', 5], // row 8
      [err('#REF!'), 'Mã lỗi', 5], // row 9
      [null, 'Ghi chú: chấm theo hướng dẫn'], // row 10: a note, not a criterion
    ]);
    expect(codes(findings)).toEqual([
      'RUBRIC_CODE_NESTING@A3',
      'RUBRIC_CODE_NESTING@A5',
      'RUBRIC_CODE_NESTING@A6',
      'RUBRIC_CODE_NESTING@A8',
      'RUBRIC_CODE_NESTING@A9',
    ]);
    expect(findings.map((f) => (f.params as { reason: string }).reason)).toEqual([
      'letter-without-criterion',
      'parent-missing',
      'unreadable',
      'max-without-code',
      'cell-error',
    ]);
    expect(findings[1]!.params).toEqual({ code: '3.1', reason: 'parent-missing', parent: 'I.3' });
    expect(findings[4]!.params).toMatchObject({ code: '#REF!' });
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(message(findings[1]!, 'vi')).toBe('Mã "3.1" không khớp cấu trúc phân cấp (không có mục cha I.3).');
    expect(message(findings[1]!, 'en')).toBe('Code "3.1" does not fit the nesting (its parent I.3 does not exist).');
    expect(rubric!.nodes.map((n) => n.path)).toEqual(['I', 'I.1']);
  });

  it('reports a duplicate path at the second cell, naming the first', () => {
    const { rubric, findings } = parse([
      ['I', 'Mục I'], // row 2
      ['1', 'Một', 5], // row 3
      ['1', 'Một lần nữa', 5], // row 4
      ['a', 'Con của bản trùng', 5], // row 5: skipped with its duplicate parent
      ['II', 'Mục II'], // row 6
      ['1', 'Một của II', 5], // row 7: II.1 is not a duplicate of I.1
    ]);
    expect(codes(findings)).toEqual(['RUBRIC_DUPLICATE_PATH@A4']);
    expect(findings[0]!.params).toEqual({ path: 'I.1', other: 'A3' });
    expect(rubric!.leaves.map((n) => n.path)).toEqual(['I.1', 'II.1']);
    expect(rubric!.byPath.get('I.1')!.label).toBe('Một');
  });
});

describe('parseRubric: max points and weights', () => {
  function parse(rows: CellValue[][]) {
    return parseRubric(workbook('c.xlsx', [sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa', 'Hệ số'], ['I', 'Mục I'], ...rows])]));
  }

  it('reports every leaf whose max is missing, not a number, zero, negative or an error', () => {
    const { findings } = parse([
      ['1', 'Thiếu'], // row 3
      ['2', 'Chữ', 'abc'], // row 4
      ['3', 'Không', 0], // row 5
      ['4', 'Âm', -1], // row 6
      ['5', 'Lỗi', err('#REF!')], // row 7
      ['6', 'Mơ hồ', '1.000'], // row 8: a thousand or one
      ['7', 'Tốt', 5], // row 9
    ]);
    expect(codes(findings)).toEqual([
      'RUBRIC_MAX_INVALID@C3',
      'RUBRIC_MAX_INVALID@C4',
      'RUBRIC_MAX_INVALID@C5',
      'RUBRIC_MAX_INVALID@C6',
      'RUBRIC_MAX_INVALID@C7',
      'RUBRIC_MAX_INVALID@C8',
    ]);
    expect(findings.map((f) => (f.params as { value: string }).value)).toEqual(['', 'abc', '0', '-1', '#REF!', '1.000']);
    expect(findings[0]!.params).toMatchObject({ path: 'I.1' });
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('reads a max typed as text or with a decimal comma, with a warning', () => {
    const { rubric, findings } = parse([
      ['1', 'Chữ số', ' 7,5 '], // row 3
      ['2', 'Số', 2.5], // row 4
    ]);
    expect(codes(findings)).toEqual(['NUMBER_AS_TEXT@C3']);
    expect(findings[0]!.params).toEqual({ text: ' 7,5 ', value: '7.5' });
    expect(rubric!.byPath.get('I.1')!.max!.toString()).toBe('7.5');
  });

  it('checks a parent max against weight x max of its children, exactly', () => {
    // 0.1 x 3 + 0.2 x 3 = 0.9: exact, so no mismatch from floating point.
    const ok = parseRubric(
      workbook('c.xlsx', [
        sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa', 'Hệ số'], ['I', 'Mục', 0.9], ['1', 'a', 0.1, 3], ['2', 'b', 0.2, 3]]),
      ]),
    );
    expect(ok.findings).toEqual([]);
    // 10 x 2 + 5 = 25, but the section says 20.
    const bad = parseRubric(
      workbook('c.xlsx', [sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa', 'Hệ số'], ['I', 'Mục', 20], ['1', 'a', 10, 2], ['2', 'b', 5]])]),
    );
    expect(codes(bad.findings)).toEqual(['RUBRIC_PARENT_MAX_MISMATCH@C2']);
    expect(bad.findings[0]!.params).toEqual({ path: 'I', max: '20', childrenSum: '25' });
  });

  it('rejects a weight that is not positive and keeps 1', () => {
    const { rubric, findings } = parse([
      ['1', 'Không', 5, 0], // row 3
      ['2', 'Chữ', 5, 'x'], // row 4
      ['3', 'Chữ số', 5, '1,5'], // row 5
    ]);
    expect(codes(findings)).toEqual(['RUBRIC_WEIGHT_INVALID@D3', 'RUBRIC_WEIGHT_INVALID@D4', 'NUMBER_AS_TEXT@D5']);
    expect(findings[1]!.params).toEqual({ path: 'I.2', value: 'x' });
    expect(rubric!.byPath.get('I.1')!.weight.toString()).toBe('1');
    expect(rubric!.byPath.get('I.3')!.weight.toString()).toBe('1.5');
  });

  it('reports a parent max that is not a number', () => {
    const { findings } = parseRubric(
      workbook('c.xlsx', [sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa'], ['I', 'Mục', 'ba mươi'], ['1', 'a', 10]])]),
    );
    expect(codes(findings)).toEqual(['RUBRIC_MAX_INVALID@C2']);
  });
});

describe('parseRubric: kinds and groups', () => {
  it('reads the kind column, lets a child override, and reports an unknown kind', () => {
    const { rubric, findings } = parseRubric(
      workbook('c.xlsx', [
        sheet('Thang điểm', [
          ['Mã', 'Nội dung', 'Điểm tối đa', 'Loại', 'Khối'],
          ['I', 'Chuyên môn', null, null, 'Doanh nghiệp'], // row 2
          ['1', 'Năng suất', 10], // row 3: inherits standard and the group
          ['2', 'Sáng kiến', 10, 'Điểm cộng'], // row 4
          ['3', 'Kỷ luật', 5, 'TRỪ'], // row 5
          ['4', 'An toàn', null, 'Điều kiện'], // row 6
          ['5', 'Khác', 3, 'ưu tiên'], // row 7
          ['II', 'Chung', 10, 'Thưởng', ''], // row 8
          ['1', 'Chung 1', 10, null, 'Hành chính'], // row 9
        ]),
      ]),
    );
    expect(codes(findings)).toEqual(['RUBRIC_KIND_UNKNOWN@D7']);
    expect(findings[0]!.params).toEqual({ path: 'I.5', value: 'ưu tiên' });
    const of = (p: string) => rubric!.byPath.get(p)!;
    expect([of('I.1').kind, of('I.2').kind, of('I.3').kind, of('I.4').kind, of('I.5').kind]).toEqual([
      'standard',
      'bonus',
      'penalty',
      'veto',
      'standard',
    ]);
    expect(of('II.1').kind).toBe('bonus');
    expect([of('I').group, of('I.1').group, of('II').group, of('II.1').group]).toEqual(['Doanh nghiệp', 'Doanh nghiệp', '', 'Hành chính']);
  });

  it('converts a label typed in TCVN3, with a warning at its cell', () => {
    const { rubric, findings } = parseRubric(
      workbook('c.xlsx', [
        sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa'], ['1', 'Ph¸t triÓn ®oµn viªn', 10]], { fonts: [[], [null, '.VnTime']] }),
      ]),
    );
    expect(rubric!.byPath.get('1')!.label).toBe('Phát triển đoàn viên');
    expect(codes(findings)).toEqual(['LEGACY_ENCODING_CONVERTED@B2']);
  });

  it('does not take a kind from the label of a plain criterion', () => {
    const { rubric } = parseRubric(
      workbook('c.xlsx', [sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa'], ['1', 'Điều kiện làm việc của người lao động', 10]])]),
    );
    expect(rubric!.byPath.get('1')!.kind).toBe('standard');
  });
});

describe('parseRubric: finding the table', () => {
  it('finds columns in another order, with extra columns, an English header and an origin', () => {
    const { rubric, findings } = parseRubric(
      workbook('en.xlsx', [
        sheet(
          'Rubric',
          [
            ['Scoring table'],
            ['Notes', 'Max points', 'Criterion', 'Weight', 'Code'], // row 3 of the sheet (origin B2)
            ['', 30, 'Organisation', null, 'I'], // row 4
            ['see guide', 30, 'Members', null, '1'], // row 5
          ],
          { origin: 'B2' },
        ),
      ]),
    );
    expect(findings).toEqual([]);
    const leaf = rubric!.byPath.get('I.1')!;
    expect(leaf.max!.toString()).toBe('30');
    expect(leaf.label).toBe('Members');
    expect(leaf.place.cell).toBe('F5');
    expect(leaf.row).toBe(3);
  });

  it('matches a header typed in NFD, in capitals and with odd spacing', () => {
    const { rubric, findings } = parseRubric(
      workbook('nfd.xlsx', [sheet(nfd('Thang điểm'), [[nfd('MÃ'), nfd('Nội  dung'), nfd('Điểm tối đa ')], ['1', nfd('Tiêu chí'), 10]])]),
    );
    expect(findings).toEqual([]);
    expect(rubric!.leaves.map((n) => n.path)).toEqual(['1']);
    expect(rubric!.byPath.get('1')!.label).toBe('Tiêu chí'.normalize('NFC'));
  });

  it('skips a pasted submission (a self-score column) and finds the rubric on another sheet', () => {
    const submission = sheet('HoanKiem', [
      ['Đơn vị: LĐLĐ quận Hoàn Kiếm'],
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Tự chấm'],
      ['1', 'Một', 10, 9],
    ]);
    const rubricSheet = sheet('Bang cham', [['Mã', 'Nội dung', 'Điểm tối đa'], ['1', 'Một', 10], ['2', 'Hai', 5]]);
    const { rubric, findings } = parseRubric(workbook('c.xlsx', [submission, rubricSheet]));
    expect(findings).toEqual([]);
    expect(rubric!.leaves[0]!.place.sheet).toBe('Bang cham');
    expect(rubric!.leaves.length).toBe(2);
  });

  it('says which column a rubric sheet lacks, or that there is no rubric', () => {
    const lacking = parseRubric(workbook('c.xlsx', [sheet('Thang điểm', [['Tiêu đề'], ['Mã', 'Nội dung', 'Ghi chú'], ['1', 'Một']])]));
    expect(lacking.rubric).toBeNull();
    expect(codes(lacking.findings)).toEqual(['RUBRIC_COLUMN_MISSING@A2']);
    expect(lacking.findings[0]!.params).toEqual({ column: 'Điểm tối đa' });

    const none = parseRubric(workbook('c.xlsx', [sheet('Đơn vị', [['Mã đơn vị', 'Tên đơn vị'], ['HK', 'Hoàn Kiếm']])]));
    expect(none.rubric).toBeNull();
    expect(none.findings.map((f) => [f.code, f.place])).toEqual([['RUBRIC_SHEET_MISSING', { file: 'c.xlsx' }]]);
  });

  it('reports a rubric without any criterion', () => {
    const { findings } = parseRubric(workbook('c.xlsx', [sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa'], [null, 'Chưa có tiêu chí']])]));
    expect(codes(findings)).toEqual(['RUBRIC_EMPTY@A1']);
  });

  it('reads hidden rows and says so once, listing them', () => {
    const { rubric, findings } = parseRubric(
      workbook('c.xlsx', [
        sheet('Thang điểm', [['Mã', 'Nội dung', 'Điểm tối đa'], ['1', 'Một', 10], ['2', 'Hai', 10], ['3', 'Ba', 10], ['4', 'Bốn', 10]], {
          hiddenRows: [3, 4, 5],
        }),
      ]),
    );
    expect(rubric!.leaves.length).toBe(4);
    expect(codes(findings)).toEqual(['ROW_HIDDEN_READ@A3']);
    expect(findings[0]!.params).toEqual({ rows: '3-5' });
  });
});

describe('parseRubricTable for a member copy', () => {
  it('leaves max problems to the caller and reports structure against the unit', () => {
    const s = sheet('Tự chấm', [
      ['Mã', 'Nội dung', 'Tự chấm'],
      ['I', 'Mục I', 20], // row 2
      ['1', 'Một', 9], // row 3
      ['1', 'Một lần nữa', 8], // row 4
      ['x.y', 'Hỏng', 1], // row 5
      [null, 'Tổng điểm', 37], // row 6
    ]);
    const match = findTable(s, RUBRIC_SPECS.map((x) => (x.key === 'max' ? { ...x, required: false } : x)))!;
    const read = parseRubricTable(match, { file: 'HK.xlsx', sheet: 'Tự chấm' }, { forSubmission: true, unit: 'HK' });
    expect(codes(read.findings)).toEqual(['RUBRIC_COPY_DUPLICATE_PATH@A4', 'RUBRIC_COPY_CODE_NESTING@A5']);
    expect(read.findings.every((f) => f.unit === 'HK')).toBe(true);
    expect(read.rubric.leaves.map((n) => n.path)).toEqual(['I.1']);
    expect(read.rubric.byPath.get('I.1')!.max).toBeNull();
    expect(read.totalRow).toBe(5);
  });
});

describe('splitCode', () => {
  it('strips decorations and refuses what is not a code', () => {
    expect(splitCode('II.')?.map((s) => s.kind)).toEqual(['roman']);
    expect(splitCode('a)')?.map((s) => s.text)).toEqual(['a']);
    expect(splitCode('đ)')?.map((s) => s.kind)).toEqual(['letter']);
    expect(splitCode('2.1.a')?.map((s) => s.kind)).toEqual(['arabic', 'arabic', 'letter']);
    expect(splitCode('03')?.map((s) => s.text)).toEqual(['3']);
    expect(splitCode('1.II')).toBeNull();
    expect(splitCode('IIII')).toBeNull();
    expect(splitCode('a.1')).toBeNull();
    expect(splitCode('A')).toBeNull();
    expect(splitCode('')).toBeNull();
  });
});
