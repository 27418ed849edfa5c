/**
 * The secretary's language choice, remembered between visits in the page's own storage. Storage can be
 * missing or refused (private windows, some Office web views): then nothing is remembered, nothing fails.
 */
import type { Lang } from '../../../engine';

const LANG_KEY = 'thidua.lang';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function rememberedLanguage(): string | null {
  try {
    return storage()?.getItem(LANG_KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberLanguage(lang: Lang): void {
  try {
    storage()?.setItem(LANG_KEY, lang);
  } catch {
    // Quota or policy: the choice still holds for this visit.
  }
}
