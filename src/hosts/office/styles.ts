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
