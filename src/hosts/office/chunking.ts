/**
 * Planning the reads: which row blocks of which sheets go into which request.
 *
 * Round trips of a read, for a workbook whose sheets hold C used cells in R used rows in all:
 *
 *   syncs = 2 + ceil((C x READ_BYTES_PER_CELL + R x READ_BYTES_PER_ROW) / PAYLOAD_CAP_BYTES)
 *
 * (1 sync for the sheet list and markers, 1 for every sheet's used-range size, then the value requests;
 * a request is filled row by row across sheets, so at most one row's worth of room is lost per request).
 * It depends on the amount of data only: a cluster of 6 units and one of 5,000 take the same 3 syncs
 * while their cells fit in one 4 MiB response (about 40,000 cells), and 40 small sheets cost no more
 * than one sheet of the same total size.
 *
 * The per-cell figure is an estimate (values are not known before they are read): a cell's value, its
 * value type and its font name. A request that still comes back too large (very long texts) is split in
 * two and retried, which costs syncs in proportion to the extra data only.
 */
import { PAYLOAD_CAP_BYTES } from './payload';

/**
 * Estimated response bytes per cell: the value (~30 bytes for a short Vietnamese text), its value type
 * (`"String",` ~10) and its font from getCellProperties (`{"format":{"font":{"name":"Times New Roman"}}},`
 * ~50).
 */
export const READ_BYTES_PER_CELL = 96;
/** Estimated response bytes per row: its hidden flag from getRowProperties and the array brackets. */
export const READ_BYTES_PER_ROW = 48;

/** Merged areas are read for the top rows of each sheet only: headers and title rows, where the engine
 *  uses them; Excel refuses to list more than 512 merged areas in one call, which a long sheet with a
 *  merged cell on every row would exceed. */
export const MERGE_SCAN_ROWS = 100;

export interface UsedArea {
  /** Index of the sheet in the caller's list. */
  sheet: number;
  /** 0-based sheet row and column of the used range's top-left cell. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadChunk {
  sheet: number;
  /** Rows of the used range, relative to its first row. */
  firstRow: number;
  rowCount: number;
}

export function chunkBytes(rowCount: number, columnCount: number): number {
  return rowCount * (columnCount * READ_BYTES_PER_CELL + READ_BYTES_PER_ROW);
}

/** Packs every used row into requests of at most `cap` estimated bytes, in sheet order. */
export function planReadRequests(areas: readonly UsedArea[], cap = PAYLOAD_CAP_BYTES): ReadChunk[][] {
  const requests: ReadChunk[][] = [];
  let current: ReadChunk[] = [];
  let used = 0;
  for (const area of areas) {
    if (area.rowCount <= 0 || area.columnCount <= 0) continue;
    const rowBytes = chunkBytes(1, area.columnCount);
    let next = 0;
    while (next < area.rowCount) {
      let fit = Math.floor((cap - used) / rowBytes);
      if (fit < 1) {
        if (current.length > 0) {
          requests.push(current);
          current = [];
          used = 0;
          continue;
        }
        // A single row larger than the whole cap (16,384 wide columns): send it alone; the retry splits it no
        // further, and the reader reports the sheet if Excel refuses it.
        fit = 1;
      }
      const take = Math.min(fit, area.rowCount - next);
      current.push({ sheet: area.sheet, firstRow: next, rowCount: take });
      used += take * rowBytes;
      next += take;
    }
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/**
 * What to send after a request failed for its size: two halves, each to be sent as its own request.
 * A request of several chunks splits between chunks; a single chunk splits its rows. Null when it is one
 * row and cannot be split.
 */
export function splitRequest(request: readonly ReadChunk[]): [ReadChunk[], ReadChunk[]] | null {
  if (request.length > 1) {
    const half = Math.ceil(request.length / 2);
    return [request.slice(0, half), request.slice(half)];
  }
  const only = request[0];
  if (!only || only.rowCount < 2) return null;
  const top = Math.ceil(only.rowCount / 2);
  return [
    [{ sheet: only.sheet, firstRow: only.firstRow, rowCount: top }],
    [{ sheet: only.sheet, firstRow: only.firstRow + top, rowCount: only.rowCount - top }],
  ];
}
