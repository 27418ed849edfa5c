/**
 * What kind of file the bytes are, before any parser touches them. An `.xlsx` is a zip; a legacy `.xls`
 * and a password-protected `.xlsx` are both OLE compound files (CFB) and differ only by the streams inside:
 * `Workbook`/`Book` for the former, `EncryptionInfo` + `EncryptedPackage` for the latter.
 */

export type FileKind = 'zip' | 'encrypted' | 'xls' | 'cfb-other' | 'unknown';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffKind(bytes: Uint8Array): FileKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) {
    return 'zip';
  }
  if (bytes.length >= 512 && CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    const names = cfbStreamNames(bytes);
    if (names.has('encryptioninfo') || names.has('encryptedpackage')) return 'encrypted';
    if (names.has('workbook') || names.has('book')) return 'xls';
    return 'cfb-other';
  }
  return 'unknown';
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
/** Enough for any real directory; stops a crafted sector chain that loops forever. */
const MAX_DIR_SECTORS = 4096;

/**
 * Lower-cased names of the directory entries of a compound file. Reads the header, the FAT (through the
 * header's DIFAT, which covers files up to ~7 MB with 512-byte sectors; beyond that the byte scan below is used)
 * and follows the directory chain. Any inconsistency falls back to scanning for the UTF-16 names, so a
 * damaged container still gets the right message.
 */
export function cfbStreamNames(bytes: Uint8Array): Set<string> {
  try {
    return parseDirectory(bytes);
  } catch {
    return scanNames(bytes);
  }
}

function parseDirectory(bytes: Uint8Array): Set<string> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = dv.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw new Error('sector size');
  const sectorSize = 1 << sectorShift;
  const numFatSectors = dv.getUint32(0x2c, true);
  const firstDirSector = dv.getUint32(0x30, true);
  const sectorOffset = (s: number): number => (s + 1) * sectorSize;

  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(numFatSectors, 109); i++) {
    const s = dv.getUint32(0x4c + i * 4, true);
    if (s === FREESECT || s === ENDOFCHAIN) break;
    fatSectors.push(s);
  }
  const perSector = sectorSize / 4;
  const fatEntry = (s: number): number => {
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined) throw new Error('fat');
    const off = sectorOffset(fs) + (s % perSector) * 4;
    if (off + 4 > bytes.length) throw new Error('fat range');
    return dv.getUint32(off, true);
  };

  const names = new Set<string>();
  let sector = firstDirSector;
  for (let n = 0; sector !== ENDOFCHAIN; n++) {
    if (n > MAX_DIR_SECTORS) throw new Error('loop');
    const base = sectorOffset(sector);
    if (base + sectorSize > bytes.length) throw new Error('dir range');
    for (let e = 0; e < sectorSize / 128; e++) {
      const entry = base + e * 128;
      const nameLen = dv.getUint16(entry + 0x40, true);
      if (nameLen < 2 || nameLen > 64) continue;
      let name = '';
      for (let i = 0; i < nameLen / 2 - 1; i++) name += String.fromCharCode(dv.getUint16(entry + i * 2, true));
      names.add(name.toLowerCase());
    }
    sector = fatEntry(sector);
  }
  if (names.size === 0) throw new Error('empty');
  return names;
}

function scanNames(bytes: Uint8Array): Set<string> {
  const found = new Set<string>();
  for (const name of ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book']) {
    if (indexOfUtf16(bytes, name) >= 0) found.add(name.toLowerCase());
  }
  return found;
}

function indexOfUtf16(bytes: Uint8Array, text: string): number {
  const pat = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pat[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return i;
  }
  return -1;
}
