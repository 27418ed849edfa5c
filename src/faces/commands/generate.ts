/**
 * The ribbon's one-click ranking ("Tạo bảng xếp hạng"): read the open workbook, run the engine, write
 * the generated sheets, then tell the result. A ribbon function has no window of its own, so "telling"
 * is: the ranking sheet is shown when all went well; when something blocks, the Kiểm tra sheet (every
 * finding, each linked to its cell) is shown instead and, where the shared runtime allows, the task pane
 * opens on the findings. A short status line is kept for the task pane (lastRun) and the console.
 *
 * Contract with commands.ts: the promise settles and `event.completed()` is called exactly once.
 */
import type { Lang } from '../../engine';
import { runInWorkbook, setLastRun, supportsSharedRuntime } from '../../hosts/office';
import type { RunSummary } from '../../hosts/office';
import { paneLanguage } from '../../hosts/office/status';

/**
 * Office's display language decides the status line's language (Vietnamese unless Office is in English),
 * the same rule as the task pane's chooseLanguage (not imported: it would pull React into the function file).
 */
export function displayLang(): Lang {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const tag = office?.context?.displayLanguage ?? '';
  return tag.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** The pane's language when a pane shares this runtime (it may have been switched), else Office's. */
export function statusLang(): Lang {
  return paneLanguage() ?? displayLang();
}

export function statusMessage(s: RunSummary, lang: Lang): string {
  const leaders = s.leaders.map((l) => `${l.name} (${l.total})`).join(', ');
  if (lang === 'en') {
    const head = `Ranked ${s.ranked} of ${s.units} units${leaders ? `; leading: ${leaders}` : ''}.`;
    const counts = ` ${s.errors} error(s), ${s.warnings} warning(s).`;
    return head + counts + (s.blocked ? ' Something blocks the result: see the Kiểm tra sheet.' : '');
  }
  const head = `Đã xếp hạng ${s.ranked}/${s.units} đơn vị${leaders ? `; dẫn đầu: ${leaders}` : ''}.`;
  const counts = ` ${s.errors} lỗi, ${s.warnings} cảnh báo.`;
  return head + counts + (s.blocked ? ' Có lỗi chặn kết quả: xem sheet Kiểm tra.' : '');
}

function failureMessage(error: unknown, lang: Lang): string {
  const detail = error instanceof Error ? error.message : String(error);
  return lang === 'en' ? `The ranking could not be generated: ${detail}` : `Không tạo được bảng xếp hạng: ${detail}`;
}

/** Opens the task pane where Excel lets a ribbon function do it (shared runtime); otherwise does nothing. */
async function openTaskPane(): Promise<boolean> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.addin?.showAsTaskpane || !supportsSharedRuntime()) return false;
  try {
    await office.addin.showAsTaskpane();
    return true;
  } catch {
    return false;
  }
}

export async function generateRanking(event?: Office.AddinCommands.Event): Promise<void> {
  const lang = statusLang();
  try {
    const outcome = await Excel.run((context) => runInWorkbook(context));
    const message = statusMessage(outcome.summary, lang);
    setLastRun({ at: new Date().toISOString(), ok: !outcome.summary.blocked, summary: outcome.summary, message });
    console.info(`ThiDua: ${message}`);
    if (outcome.summary.blocked) await openTaskPane();
  } catch (error) {
    const message = failureMessage(error, lang);
    setLastRun({ at: new Date().toISOString(), ok: false, summary: null, message });
    console.error(`ThiDua: ${message}`, error);
    await openTaskPane();
  } finally {
    event?.completed();
  }
}
