/**
 * What makes a generated sheet read like a report: the Excel table (filter buttons, banding), a data bar
 * on the totals and, on the ranking, a bar chart of the totals.
 */
import type { OutCell, OutputSheet } from '../../engine';
import { columnIndex, columnLetters, formatAddress, parseRange } from '../../engine';
import { jsonBytes, RequestBudget } from './payload';

export const TABLE_STYLE = 'TableStyleLight9';

/**
 * Bars in the chart: the leading units. A chart of thousands of grassroots unions is unreadable, and the
 * ranking table beside it lists them all.
 */
export const CHART_MAX_UNITS = 30;

/** ChartSeries.name: "The name's length should not be greater than 255 characters." */
export const SERIES_NAME_MAX = 255;

/** Header texts that name the unit column, folded (lower case, no accents, no spaces). */
const UNIT_HEADERS = ['tendonvi', 'donvi', 'unitname', 'unit'];
const CODE_HEADERS = ['madonvi', 'ma', 'unitcode', 'code'];

function fold(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The column whose header names the units (else their codes), for the chart's categories. */
export function categoryColumn(header: readonly (OutCell | undefined)[], firstCol: number, lastCol: number): number | null {
  const texts = header.map((c) => (typeof c?.value === 'string' ? fold(c.value) : ''));
  for (const wanted of [UNIT_HEADERS, CODE_HEADERS]) {
    for (const w of wanted) {
      const i = texts.findIndex((t, col) => col >= firstCol && col <= lastCol && t === w);
      if (i >= 0) return i;
    }
  }
  return null;
}

export async function decorate(budget: RequestBudget, ws: Excel.Worksheet, out: OutputSheet, tableName: string | null): Promise<void> {
  if (!out.table || tableName === null) return;
  const rect = parseRange(out.table.range);
  if (!rect) return;
  const address = `${formatAddress(rect.start)}:${formatAddress(rect.end)}`;
  await budget.add(jsonBytes(address) + jsonBytes(tableName), () => {
    const table = ws.tables.add(ws.getRange(address), true);
    table.name = tableName;
    table.style = TABLE_STYLE;
  });

  // Body rows, 1-based as in A1 addresses.
  const bodyFirst = rect.start.row + 2;
  const bodyLast = rect.end.row + 1;
  if (!out.totalsColumn || bodyLast < bodyFirst) return;
  const totals = out.totalsColumn.toUpperCase();
  const totalsRange = `${totals}${bodyFirst}:${totals}${bodyLast}`;
  await budget.add(jsonBytes(totalsRange), () => {
    ws.getRange(totalsRange).conditionalFormats.add('DataBar');
  });

  if (out.role !== 'ranking') return;
  const header = out.rows[rect.start.row] ?? [];
  const totalsHeader = header[columnIndex(totals)]?.value;
  // A series name may not exceed 255 characters; the header is short, but it is the engine's text.
  const title = typeof totalsHeader === 'string' ? totalsHeader.slice(0, SERIES_NAME_MAX) : '';
  const chartLast = Math.min(bodyLast, bodyFirst + CHART_MAX_UNITS - 1);
  const source = `${totals}${bodyFirst}:${totals}${chartLast}`;
  const cat = categoryColumn(header, rect.start.col, rect.end.col);
  const categories = cat === null ? null : `${columnLetters(cat)}${bodyFirst}:${columnLetters(cat)}${chartLast}`;
  const anchor = formatAddress({ row: rect.start.row, col: rect.end.col + 2 });
  await budget.add(jsonBytes([source, categories, title, anchor]), () => {
    const chart = ws.charts.add('BarClustered', ws.getRange(source), 'Columns');
    chart.title.text = title;
    chart.legend.visible = false;
    const series = chart.series.getItemAt(0);
    series.name = title;
    if (categories) series.setXAxisValues(ws.getRange(categories));
    // Bar charts draw the first category at the bottom; the leader belongs on top, as in the table.
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.setPosition(anchor);
  });
}
