/**
 * Looks of the generated sheets. The engine only names a style (header, error, ...); each host decides
 * how it looks. Colours are Excel's own "Good/Bad/Neutral" palette, which secretaries already recognise.
 */
import type { Alignment, Borders, Fill, Font } from 'exceljs';
import type { OutCell } from '../../engine';

export interface CellLook {
  font?: Partial<Font>;
  fill?: Fill;
  border?: Partial<Borders>;
  alignment?: Partial<Alignment>;
}

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };

export const LOOKS: Record<NonNullable<OutCell['style']>, CellLook> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { italic: true, color: { argb: 'FF595959' } } },
  header: {
    font: { bold: true },
    fill: solid('FFD9E1F2'),
    border: { top: thin, bottom: thin, left: thin, right: thin },
    alignment: { vertical: 'middle', wrapText: true },
  },
  error: { font: { color: { argb: 'FF9C0006' } }, fill: solid('FFFFC7CE') },
  warning: { font: { color: { argb: 'FF9C5700' } }, fill: solid('FFFFEB9C') },
  info: { font: { color: { argb: 'FF1F4E79' } } },
  invalid: { font: { italic: true, color: { argb: 'FF7F7F7F' } }, fill: solid('FFF2F2F2') },
  total: { font: { bold: true } },
};

export const LINK_FONT: Partial<Font> = { color: { argb: 'FF0563C1' }, underline: true };
