/**
 * The README's main command: rank the bundled sample cluster (Cụm thi đua số 1) with the command line,
 * then serve the standalone page so a newcomer can see the same ranking in a browser.
 *
 *   npm run sample               rank, write the workbook, then serve http://127.0.0.1:3100/ until Ctrl+C
 *   npm run sample -- --no-serve rank and write the workbook only (also when CI is set)
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/faces/cli/main';
import { ensureBundle } from './lib/bundle';
import { startStaticServer } from './lib/static-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = join(ROOT, 'examples', 'cum-thi-dua-so-1');
const PORT = Number(process.env.THIDUA_SAMPLE_PORT ?? 3100);

const status = await main(['rank', join(SAMPLE, 'Cum1_LDLD_HaNoi_2024.xlsx'), join(SAMPLE, 'bai-nop')], {
  stdout: process.stdout,
  stderr: process.stderr,
});
if (status === 1) {
  // Exit 1 means "blocking findings": the sample carries them on purpose, so that is the expected outcome.
  console.log(
    '\n(Bài nộp HoangMai.xlsx của cụm mẫu cố ý có lỗi để minh họa sheet Kiểm tra.)\n' +
      "(The sample's HoangMai.xlsx has deliberate defects, to show what the Kiểm tra sheet reports.)",
  );
} else if (status !== 0) {
  process.exit(status);
}

if (process.argv.includes('--no-serve') || process.env.CI) process.exit(0);

console.log('\nĐang chuẩn bị trang độc lập (lần đầu mất khoảng một phút)… / Preparing the standalone page (about a minute the first time)…');
const bundle = ensureBundle(ROOT, join(ROOT, 'test-output', 'sample-dist'), (line) => console.log(line));
let server;
try {
  server = await startStaticServer({ '/': bundle }, PORT);
} catch {
  server = await startStaticServer({ '/': bundle });
}
console.log(
  `\nMở trang này để xem cụm mẫu đã xếp hạng / Open this page to see the sample cluster ranked:\n\n    ${server.origin}/\n\n` +
    'Mọi thứ chạy trong trình duyệt, không tệp nào rời khỏi máy. Dừng: Ctrl+C. / Everything stays in the browser. Stop: Ctrl+C.',
);
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
