/**
 * How each OutCell style looks in Excel. Font-level only where a table is drawn over the cells, so the
 * table style keeps its banding and header fill; colours are readable in Excel's dark mode as well.
 */
import type { OutCell } from '../../engine';

export type OutStyle = NonNullable<OutCell['style']>;

export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  /** Fill, used only outside the Excel table (the table style paints its own header). */
  fill?: string;
  wrap?: boolean;
}

export const LOOKS: Record<OutStyle, CellLook> = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true, color: '#595959' },
  header: { bold: true, wrap: true, fill: '#DDEBF7' },
  error: { color: '#C00000' },
  warning: { color: '#9C5700' },
  info: { color: '#1F4E78' },
  invalid: { italic: true, color: '#7F7F7F' },
  total: { bold: true },
};

/** Excel's column width is in points on the API; OutputSheet gives characters of the default font. */
export function charsToPoints(chars: number): number {
  // Calibri 11: a character is 7 px plus 5 px of padding per column; 1 px = 0.75 pt.
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A rectangle of cells that share one style. */
export interface StyleBlock {
  row: number;
  col: number;
  rows: number;
  cols: number;
  style: OutStyle;
  /** Inside the Excel table: the table style paints fills, so only font-level looks apply. */
  inTable: boolean;
}

interface TableRect {
  start: { row: number; col: number };
  end: { row: number; col: number };
}

/**
 * Styles as few rectangles as possible: runs of one style along a row, then identical runs on
 * consecutive rows merged (a Kiểm tra sheet of 5,000 warnings is one rectangle, not 5,000 calls).
 */
export function styleBlocks(rows: readonly (readonly (OutCell | undefined)[])[], table: TableRect | null): StyleBlock[] {
  const inTable = (r: number, c0: number, c1: number) =>
    table !== null && r >= table.start.row && r <= table.end.row && c0 >= table.start.col && c1 <= table.end.col;
  const runsOf = (r: number): Omit<StyleBlock, 'row' | 'rows'>[] => {
    const row = rows[r] ?? [];
    const runs: Omit<StyleBlock, 'row' | 'rows'>[] = [];
    let c = 0;
    while (c < row.length) {
      const style = row[c]?.style;
      let end = c + 1;
      while (end < row.length && row[end]?.style === style) end++;
      if (style) runs.push({ col: c, cols: end - c, style, inTable: inTable(r, c, end - 1) });
      c = end;
    }
    return runs;
  };
  const blocks: StyleBlock[] = [];
  let open: StyleBlock[] = [];
  let openKey = '';
  for (let r = 0; r < rows.length; r++) {
    const runs = runsOf(r);
    const key = JSON.stringify(runs);
    if (key === openKey && open.length > 0) {
      for (const b of open) b.rows++;
      continue;
    }
    open = runs.map((run) => ({ ...run, row: r, rows: 1 }));
    openKey = key;
    blocks.push(...open);
  }
  return blocks;
}
