/**
 * Progress on stderr while files are read. On a terminal: one bar redrawn in place. Elsewhere (a log,
 * a CI job, a pipe): a few plain lines only for long runs, so logs stay readable.
 */
import type { Lang } from '../../engine';
import type { OutStream } from './io';

/** Runs shorter than this many files print no plain progress lines. */
const LONG_RUN_FILES = 10;

export class Progress {
  private done = 0;
  private readonly tty: boolean;
  private readonly plain: boolean;
  private lastDraw = 0;

  constructor(
    private readonly err: OutStream,
    private readonly total: number,
    private readonly lang: Lang,
  ) {
    this.tty = Boolean(err.isTTY);
    this.plain = !this.tty && total >= LONG_RUN_FILES;
    if (this.plain) this.err.write(lang === 'vi' ? `Đang đọc ${total} tệp...\n` : `Reading ${total} files...\n`);
  }

  tick(file: string): void {
    this.done++;
    if (!this.tty || this.total === 0) return;
    const now = Date.now();
    // Redraw at most every 50 ms: a terminal write per small file would slow the run itself.
    if (this.done < this.total && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    // A terminal that does not report its width (columns 0 or absent) is taken as 80 wide.
    const cols = Math.max(40, Math.min(this.err.columns || 80, 120));
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const head = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${this.done}/${this.total} `;
    const room = Math.max(0, cols - head.length - 1);
    const name = file.length > room ? `…${file.slice(file.length - room + 1)}` : file;
    this.err.write(`\r\x1b[K${head}${name}`);
  }

  /** A line for the secretary while files are read: on a terminal it goes above the bar, which is redrawn. */
  note(text: string): void {
    if (this.tty && this.total > 0) {
      this.err.write(`\r\x1b[K${text}\n`);
      this.lastDraw = 0;
    } else {
      this.err.write(`${text}\n`);
    }
  }

  /** Clears the bar, or prints the closing line of a long plain run. */
  finish(): void {
    if (this.tty && this.total > 0) this.err.write('\r\x1b[K');
    if (this.plain) this.err.write(this.lang === 'vi' ? `Đã đọc ${this.done}/${this.total} tệp.\n` : `Read ${this.done}/${this.total} files.\n`);
  }

  /** A stage line ("computing", "writing") for long runs, in the same plain style. */
  stage(vi: string, en: string): void {
    if (this.plain || (this.tty && this.total >= LONG_RUN_FILES)) this.err.write(`${this.lang === 'vi' ? vi : en}\n`);
  }
}
