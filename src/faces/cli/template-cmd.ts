/** `thidua template [--out DIR]`: writes the blank cluster workbook and the member form. */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Lang } from '../../engine';
import { clusterTemplate, submissionTemplate } from '../../hosts/xlsx/template';
import type { CliIO } from './io';
import { exists } from './io';

export const TEMPLATE_FILES = { cluster: 'cum-thi-dua-mau.xlsx', submission: 'bai-nop-mau.xlsx' } as const;

export async function template(outDir: string, lang: Lang | null, io: CliIO): Promise<number> {
  const say = (vi: string, en: string): string => (lang === 'en' ? en : vi);
  const dir = resolve(outDir);
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
    // Both or neither: a half-written pair would leave a form that does not match the cluster.
    for (const name of Object.values(TEMPLATE_FILES)) {
      if (await exists(join(dir, name))) throw Object.assign(new Error(name), { code: 'EEXIST' });
    }
    const written: string[] = [];
    for (const [name, make] of [
      [TEMPLATE_FILES.cluster, clusterTemplate],
      [TEMPLATE_FILES.submission, submissionTemplate],
    ] as const) {
      const path = join(dir, name);
      // A template never overwrites a file that may already hold a secretary's work.
      await writeFile(path, await make(), { flag: 'wx' });
      written.push(path);
    }
    io.stdout.write(say(`Đã tạo:\n`, `Created:\n`) + written.map((p) => `  ${p}\n`).join(''));
    return 0;
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
    const detail = code === 'EEXIST' ? say('tệp đã tồn tại, không ghi đè', 'a file already exists; nothing was overwritten') : code || String(e);
    io.stderr.write(`thidua: ${say(`Không tạo được mẫu trong ${dir}`, `Could not write the templates into ${dir}`)} (${detail}).\n`);
    return 2;
  }
}

