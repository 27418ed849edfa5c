/**
 * `npm run examples`: writes the sample cluster's workbooks from examples/cum1-data.ts.
 * The output is committed, so the README's main command works on a fresh clone without this step.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import type { Workbook } from '../src/hosts/xlsx/exceljs';
import { buildClusterWorkbook, buildSubmissionWorkbook, workbookBytes } from '../src/hosts/xlsx/layout';
import { CLUSTER_FILE, MEMBERS, RUBRIC, SCORES, SETTINGS, TITLE, VOTES, YEAR } from './cum1-data';

const here = dirname(fileURLToPath(import.meta.url));
export const SAMPLE_DIR = join(here, 'cum-thi-dua-so-1');
export const SUBMISSIONS_DIR = join(SAMPLE_DIR, 'bai-nop');

/** Fixed dates: rebuilding the samples should not change them for nothing. */
const STAMP = new Date(Date.UTC(YEAR, 11, 15));

function stamp(wb: Workbook): Workbook {
  wb.created = STAMP;
  wb.modified = STAMP;
  return wb;
}

/**
 * The workbook's bytes with every zip entry dated STAMP: the zip records when each part was written, so
 * without this every rebuild would change all the committed files even when their content did not.
 */
async function stableBytes(wb: Workbook): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(await workbookBytes(stamp(wb)));
  const out = new JSZip();
  for (const f of Object.values(src.files)) {
    if (!f.dir) out.file(f.name, await f.async('uint8array'), { date: STAMP, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export async function buildExamples(): Promise<string[]> {
  await mkdir(SUBMISSIONS_DIR, { recursive: true });
  const written: string[] = [];
  const cluster = buildClusterWorkbook({
    title: `THANG BẢNG ĐIỂM THI ĐUA CỤM THI ĐUA SỐ 1 NĂM ${YEAR}`,
    subtitle: TITLE,
    rubric: RUBRIC,
    members: MEMBERS,
    votes: VOTES,
    settings: SETTINGS,
  });
  const clusterPath = join(SAMPLE_DIR, CLUSTER_FILE);
  await writeFile(clusterPath, await stableBytes(cluster));
  written.push(clusterPath);

  for (const m of MEMBERS) {
    const s = SCORES[m.code]!;
    const wb = buildSubmissionWorkbook({
      sheetName: s.sheet,
      title: `${TITLE} - BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM ${YEAR}`,
      labelRows: s.labelRows,
      rubric: RUBRIC,
      self: s.self,
      ...(s.reviewed ? { reviewed: s.reviewed } : {}),
      ...(s.total !== undefined ? { total: s.total } : {}),
      ...(s.gapRow !== undefined ? { gapRow: s.gapRow } : {}),
      validation: true,
    });
    const path = join(SUBMISSIONS_DIR, m.file);
    await writeFile(path, await stableBytes(wb));
    written.push(path);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const p of await buildExamples()) console.log(p);
}
