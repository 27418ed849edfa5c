import { describe, expect, it } from 'vitest';
import { decodeLegacy, isVietnameseSyllable, legacyEncodingOfFont } from '../../src/engine/legacy';

// The tables below are written out by hand from the published TCVN 5712 (ABC) and VNI-Windows charts,
// independently of the tables in legacy.ts, in this order: a, ă, â, e, ê, i, o, ô, ơ, u, ư, y (each with
// its tones: none, huyền, hỏi, ngã, sắc, nặng; plain ASCII vowels left out), then đ. 67 letters.
const UNICODE_LOWER = [
  ...'àảãáạ', ...'ăằẳẵắặ', ...'âầẩẫấậ', ...'èẻẽéẹ', ...'êềểễếệ', ...'ìỉĩíị',
  ...'òỏõóọ', ...'ôồổỗốộ', ...'ơờởỡớợ', ...'ùủũúụ', ...'ưừửữứự', ...'ỳỷỹýỵ', 'đ',
];
const UNICODE_UPPER = UNICODE_LOWER.map((ch) => ch.toUpperCase());

const TCVN3_LOWER = [
  ...'µ¶·¸¹', ...'¨»¼½¾Æ', ...'©ÇÈÉÊË', ...'ÌÎÏÐÑ', ...'ªÒÓÔÕÖ', ...'×ØÜÝÞ',
  ...'ßáâãä', ...'«åæçèé', ...'¬êëìíî', ...'ïñòóô', '\u00ad', ...'õö÷øù', ...'úûüýþ', '®',
];
/** The seven capitals the normal TCVN3 fonts have. */
const TCVN3_CAPITALS: [string, string][] = [['¡', 'Ă'], ['¢', 'Â'], ['£', 'Ê'], ['¤', 'Ô'], ['¥', 'Ơ'], ['¦', 'Ư'], ['§', 'Đ']];

const VNI_LOWER = [
  'aø', 'aû', 'aõ', 'aù', 'aï', 'aê', 'aè', 'aú', 'aü', 'aé', 'aë', 'aâ', 'aà', 'aå', 'aã', 'aá', 'aä',
  'eø', 'eû', 'eõ', 'eù', 'eï', 'eâ', 'eà', 'eå', 'eã', 'eá', 'eä', 'ì', 'æ', 'ó', 'í', 'ò',
  'oø', 'oû', 'oõ', 'où', 'oï', 'oâ', 'oà', 'oå', 'oã', 'oá', 'oä', 'ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï',
  'uø', 'uû', 'uõ', 'uù', 'uï', 'ö', 'öø', 'öû', 'öõ', 'öù', 'öï', 'yø', 'yû', 'yõ', 'yù', 'î', 'ñ',
];
const VNI_UPPER = [
  'AØ', 'AÛ', 'AÕ', 'AÙ', 'AÏ', 'AÊ', 'AÈ', 'AÚ', 'AÜ', 'AÉ', 'AË', 'AÂ', 'AÀ', 'AÅ', 'AÃ', 'AÁ', 'AÄ',
  'EØ', 'EÛ', 'EÕ', 'EÙ', 'EÏ', 'EÂ', 'EÀ', 'EÅ', 'EÃ', 'EÁ', 'EÄ', 'Ì', 'Æ', 'Ó', 'Í', 'Ò',
  'OØ', 'OÛ', 'OÕ', 'OÙ', 'OÏ', 'OÂ', 'OÀ', 'OÅ', 'OÃ', 'OÁ', 'OÄ', 'Ô', 'ÔØ', 'ÔÛ', 'ÔÕ', 'ÔÙ', 'ÔÏ',
  'UØ', 'UÛ', 'UÕ', 'UÙ', 'UÏ', 'Ö', 'ÖØ', 'ÖÛ', 'ÖÕ', 'ÖÙ', 'ÖÏ', 'YØ', 'YÛ', 'YÕ', 'YÙ', 'Î', 'Ñ',
];

/** Text as a TCVN3 keyboard would have typed it (capitals only where the normal fonts have them). */
function toTcvn3(s: string): string {
  const capitals = new Map(TCVN3_CAPITALS.map(([code, letter]) => [letter, code]));
  return [...s].map((ch) => capitals.get(ch) ?? TCVN3_LOWER[UNICODE_LOWER.indexOf(ch)] ?? ch).join('');
}

/** Text as a VNI keyboard would have typed it. */
function toVni(s: string): string {
  return [...s].map((ch) => VNI_LOWER[UNICODE_LOWER.indexOf(ch)] ?? VNI_UPPER[UNICODE_UPPER.indexOf(ch)] ?? ch).join('');
}

/** Decoded text, or the input unchanged when decodeLegacy says it is not legacy. */
function decoded(text: string, font: string | null): string {
  return decodeLegacy(text, font)?.text ?? text;
}

describe('the hand-written tables are complete', () => {
  it('cover 67 lowercase and 67 uppercase letters, all distinct', () => {
    expect(UNICODE_LOWER).toHaveLength(67);
    expect(new Set([...UNICODE_LOWER, ...UNICODE_UPPER]).size).toBe(134);
    expect(TCVN3_LOWER).toHaveLength(67);
    expect(new Set(TCVN3_LOWER).size).toBe(67);
    expect(VNI_LOWER).toHaveLength(67);
    expect(VNI_UPPER).toHaveLength(67);
    expect(new Set([...VNI_LOWER, ...VNI_UPPER]).size).toBe(134);
  });
});

describe('legacyEncodingOfFont', () => {
  it.each([
    ['.VnTime', 'TCVN3', false],
    ['.VnTimeH', 'TCVN3', true],
    ['.VnArial', 'TCVN3', false],
    ['.VnArialH', 'TCVN3', true],
    ['.VnArial NarrowH', 'TCVN3', true],
    ['.VnCentury Schoolbook', 'TCVN3', false],
    ['.vntime', 'TCVN3', false],
    ['.VNTIMEH', 'TCVN3', true],
    [' .VnTime ', 'TCVN3', false],
    ['VNI-Times', 'VNI', false],
    ['VNI-Helve', 'VNI', false],
    ['vni-times', 'VNI', false],
  ] as const)('%j is %s (capitals: %s)', (font, encoding, upper) => {
    expect(legacyEncodingOfFont(font)).toEqual({ encoding, upper });
  });

  it.each(['Times New Roman', 'Arial', 'Calibri', 'VnTime', 'Vni', '.Vn', '', null, undefined])('%j is not a legacy font', (font) => {
    expect(legacyEncodingOfFont(font)).toBeNull();
  });
});

describe('decodeLegacy with a TCVN3 font', () => {
  it('converts the examples of the brief', () => {
    expect(decodeLegacy('Céng hoµ x· héi chñ nghÜa ViÖt Nam', '.VnTime')).toEqual({
      text: 'Cộng hoà xã hội chủ nghĩa Việt Nam',
      encoding: 'TCVN3',
    });
    expect(decoded('Liªn ®oµn Lao ®éng', '.VnTime')).toBe('Liên đoàn Lao động');
    expect(decoded('Hµ Néi', '.VnArial')).toBe('Hà Nội');
  });

  it('maps every one of the 67 lowercase letters and the 7 capitals', () => {
    UNICODE_LOWER.forEach((letter, i) => {
      expect(decoded(`b${TCVN3_LOWER[i]}`, '.VnTime'), `${TCVN3_LOWER[i]} -> ${letter}`).toBe(`b${letter}`);
    });
    for (const [code, letter] of TCVN3_CAPITALS) expect(decoded(`B${code}`, '.VnTime')).toBe(`B${letter}`);
  });

  it('reads ư from the soft hyphen (U+00AD) that TCVN3 uses for it', () => {
    expect(decoded('Ng\u00adêi lao ®éng ph¶i ®\u00adîc tr¶ l\u00ad¬ng ®óng h¹n.', '.VnTime')).toBe(
      'Người lao động phải được trả lương đúng hạn.',
    );
    expect(decoded('Tr\u00adêng', '.VnTime')).toBe('Trường');
  });

  it('converts words with every tone on every vowel', () => {
    const words = [
      'ba bà bả bã bá bạ', 'ăn bằng bẳn bẵng bắc bặt', 'ân cầm cẩn bẫy cấp cập',
      'xe bè bẻ bẽ bé bẹ', 'bê bề bể bễ bế bệ', 'bi bì bỉ bĩ bí bị',
      'bo bò bỏ bõ bó bọ', 'bô bồ bổ bỗ bố bộ', 'bơ bờ bở bỡ bớ bợ',
      'bu bù bủ bũ bú bụ', 'bư bừ bử bữ bứ bự', 'ly lỳ lỷ lỹ lý lỵ', 'đi đến đâu',
    ];
    for (const w of words) expect(decoded(toTcvn3(w), '.VnTime')).toBe(w);
  });

  it('draws capitals with an H font, from lowercase codes and ASCII alike', () => {
    expect(decoded('LI£N §OµN', '.VnTimeH')).toBe('LIÊN ĐOÀN');
    expect(decoded('LIªN ®OµN', '.VnTimeH')).toBe('LIÊN ĐOÀN');
    expect(decoded('Liªn ®oµn lao ®éng', '.VnArialH')).toBe('LIÊN ĐOÀN LAO ĐỘNG');
    expect(decoded('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', '.VnTimeH')).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    UNICODE_UPPER.forEach((letter, i) => {
      expect(decoded(`B${TCVN3_LOWER[i]}`, '.VnTimeH'), `${TCVN3_LOWER[i]} -> ${letter}`).toBe(`B${letter}`);
    });
  });

  it('leaves text alone when it is already Unicode or has nothing to convert', () => {
    expect(decodeLegacy('Liên đoàn Lao động', '.VnTime')).toBeNull();
    expect(decodeLegacy('Tong diem', '.VnTime')).toBeNull();
    expect(decodeLegacy('II.1.a', '.VnTimeH')).toBeNull();
    expect(decodeLegacy('Tong diem 25°', '.VnTimeH')).toBeNull();
    expect(decodeLegacy('', '.VnTime')).toBeNull();
    // ý is the same character in TCVN3 and Unicode: nothing changes, so nothing is reported.
    expect(decodeLegacy('Lý', '.VnTime')).toBeNull();
  });

  it('returns NFC even when the stored text arrived decomposed', () => {
    const r = decodeLegacy('Céng ®ång'.normalize('NFD'), '.VnTime');
    expect(r?.text).toBe('Cộng đồng');
    expect(r?.text).toBe(r?.text.normalize('NFC'));
    expect([...(r?.text ?? '')]).toHaveLength(9);
  });
});

describe('decodeLegacy with a VNI font', () => {
  it('converts the examples of the brief', () => {
    expect(decodeLegacy('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'VNI-Times')).toEqual({
      text: 'Cộng hòa xã hội chủ nghĩa Việt Nam',
      encoding: 'VNI',
    });
    expect(decoded('Lieân ñoaøn Lao ñoäng', 'VNI-Helve')).toBe('Liên đoàn Lao động');
  });

  it('maps all 134 letters, lowercase and uppercase', () => {
    UNICODE_LOWER.forEach((letter, i) => {
      expect(decoded(`b${VNI_LOWER[i]}`, 'VNI-Times'), `${VNI_LOWER[i]} -> ${letter}`).toBe(`b${letter}`);
    });
    UNICODE_UPPER.forEach((letter, i) => {
      expect(decoded(`B${VNI_UPPER[i]}`, 'VNI-Times'), `${VNI_UPPER[i]} -> ${letter}`).toBe(`B${letter}`);
    });
  });

  it('converts capitals and words with ơ, ư and đ', () => {
    expect(decoded('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'VNI-Times')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(decoded('Ngöôøi lao ñoäng ñöôïc traû löông ñuùng haïn', 'VNI-Times')).toBe('Người lao động được trả lương đúng hạn');
    expect(decoded('ÑAÏI HOÄI COÂNG ÑOAØN', 'VNI-Times')).toBe('ĐẠI HỘI CÔNG ĐOÀN');
    expect(decoded('Nguyeãn Thò Thuûy', 'VNI-Times')).toBe('Nguyễn Thị Thủy');
  });

  it('leaves Unicode and plain ASCII alone', () => {
    expect(decodeLegacy('Cộng hòa', 'VNI-Times')).toBeNull();
    expect(decodeLegacy('Tong diem 95', 'VNI-Times')).toBeNull();
  });
});

describe('decodeLegacy without a font: detection from the characters', () => {
  const sentences = [
    'Liên đoàn Lao động quận Hoàn Kiếm',
    'Công đoàn cơ sở vững mạnh xuất sắc',
    'Tổng điểm tự chấm của đơn vị',
    'Người lao động được trả lương đúng hạn',
    'Đảm bảo việc làm, thu nhập cho đoàn viên',
    'Tuyên truyền, phổ biến, giáo dục pháp luật',
    'Chăm lo đời sống vật chất và tinh thần',
    'Hỗ trợ, khuyến khích ứng dụng kỹ thuật mới',
    'Điểm tối đa',
    'Cụm thi đua số 1 LĐLĐ thành phố',
    'Ơn nghĩa sinh thành',
  ];

  it.each([...sentences, 'ủy ban nhân dân'])('reads TCVN3 "%s"', (s) => {
    expect(decodeLegacy(toTcvn3(s), null)).toEqual({ text: s, encoding: 'TCVN3' });
  });

  // VNI has every capital, TCVN3's normal fonts do not.
  it.each([...sentences, 'Ủy ban nhân dân', 'Ấp Ổn Định', 'ỨNG DỤNG KỸ THUẬT'])('reads VNI "%s"', (s) => {
    expect(decodeLegacy(toVni(s), null)).toEqual({ text: s, encoding: 'VNI' });
  });

  it('converts the examples of the brief', () => {
    expect(decoded('Céng hoµ x· héi chñ nghÜa ViÖt Nam', null)).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decoded('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', null)).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decoded('§iÓm tèi ®a', null)).toBe('Điểm tối đa');
  });

  it('restores capitals typed for an H font when every ASCII letter is a capital', () => {
    expect(decoded('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', null)).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(decoded('TæNG §IÓM', null)).toBe('TỔNG ĐIỂM');
  });

  it('tolerates one typo in a long text, but not in a short one', () => {
    // "giiám" is a typo in a real article; the other fourteen converted words are Vietnamese.
    const long = 'taêng cöôøng giiaùm saùt thöïc hieän caùc cheá ñoä chính saùch lieân quan ñeán quyeàn lôïi';
    expect(decoded(long, null)).toBe('tăng cường giiám sát thực hiện các chế độ chính sách liên quan đến quyền lợi');
    expect(decodeLegacy('giiaùm saùt', null)).toBeNull();
  });

  it.each([
    'Liên đoàn Lao động quận Hoàn Kiếm',
    'Hòa Bình',
    'Cà Mau',
    'Tây Ninh',
    'Lý Thái Tổ',
    'Hòa',
    'Giá: 100 £',
    '© 2024 Công ty',
    'Tổng cộng ½ điểm',
  ])('never touches ordinary Unicode Vietnamese: %j', (s) => {
    expect(decodeLegacy(s, null)).toBeNull();
  });

  it.each([
    'Total score',
    'Self score (max 10)',
    'café',
    'naïve café',
    'Crème brûlée',
    'Pokémon',
    'François Müller',
    'Zürich Straße',
    'Señor José',
    'São Paulo',
    'mãe',
    'Où est la gare?',
    'Ça va très bien',
    'Société Générale',
    'Hôtel de Ville',
    'ÉCOLE',
    'NIÑO',
    '©',
    '© 2024 ACME',
    '5 µm',
    '25°C ± 2',
    '« Bonjour »',
    '10 × 20',
    '100 ÷ 5',
    '§ 3',
    'Nº 5',
    'x² + y²',
  ])('never touches other languages or symbols: %j', (s) => {
    expect(decodeLegacy(s, null)).toBeNull();
  });

  it.each(['9,5', '1.200,5', 'II.1.a', '@SUM(A1)', '=HYPERLINK("http://x","y")', '__proto__', '#REF!', ''])(
    'never touches numbers, codes and formulas: %j',
    (s) => {
      expect(decodeLegacy(s, null)).toBeNull();
    },
  );

  it('stays out when a lone word is the only evidence', () => {
    // "Tæng" is TCVN3 for "Tổng", but æ is also Danish: one plain-letter word is too little to go on.
    expect(decodeLegacy('Tæng', null)).toBeNull();
    // With a TCVN3 symbol (§, ®, µ) one word is enough.
    expect(decoded('§iÓm', null)).toBe('Điểm');
  });
});

describe('isVietnameseSyllable', () => {
  it.each([
    'a', 'ở', 'gì', 'giếng', 'giữa', 'nghiêng', 'người', 'được', 'khuya', 'khuỷu', 'quốc', 'quyết', 'Nguyễn',
    'thuở', 'huơ', 'xoong', 'oanh', 'khoẻ', 'ngoằn', 'luật', 'xuân', 'huỳnh', 'tuýp', 'yêu', 'ĐIỂM', 'kỹ', 'chiếc',
  ])('accepts %j', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });

  it.each([
    'café', 'cé', 'ka', 'ghá', 'ngé', 'gế', 'hàc', 'bảt', 'hello', 'str', 'qa', 'móo', 'àg', 'aa', 'xyz', 'ĩber', 'cafộ', 'bàá',
  ])('rejects %j', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
