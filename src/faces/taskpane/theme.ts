/**
 * Light or dark, as the secretary already sees it: inside Office the Office theme (a dark body background
 * means the dark theme), elsewhere, or where Office does not say, the system's prefers-color-scheme.
 */
import { useEffect, useState } from 'react';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { HostKind } from './host';
import { officeGlobal } from './host';

export type Scheme = 'light' | 'dark';

/** `#262626` -> true. Perceived brightness, as the Office add-in samples judge the theme. */
export function isDarkColor(color: string): boolean | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255 < 0.5;
}

/** The Office theme's scheme; null where Office has no theme to tell (Excel on the web, some Macs). */
export function officeScheme(office: typeof Office | undefined = officeGlobal()): Scheme | null {
  let background: string | undefined;
  try {
    background = office?.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    return null;
  }
  const dark = background ? isDarkColor(background) : null;
  return dark === null ? null : dark ? 'dark' : 'light';
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function systemScheme(): Scheme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** The scheme to use now, following the system when it changes (Office's theme is read once). */
export function useScheme(host: HostKind): Scheme {
  const fromOffice = host === 'excel' ? officeScheme() : null;
  const [system, setSystem] = useState<Scheme>(systemScheme);
  useEffect(() => {
    if (fromOffice || typeof matchMedia !== 'function') return undefined;
    const query = matchMedia(DARK_QUERY);
    const listener = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener?.('change', listener);
    return () => query.removeEventListener?.('change', listener);
  }, [fromOffice]);
  return fromOffice ?? system;
}

export function themeFor(scheme: Scheme): Theme {
  return scheme === 'dark' ? webDarkTheme : webLightTheme;
}
