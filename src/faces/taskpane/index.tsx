/**
 * Task pane entry (also the standalone page). App is a placeholder that proves the shell works: the
 * build, Fluent UI, the language and the requirement check. The task pane UI replaces App; the boot
 * sequence below (wait for Office when present, never when absent) should stay.
 */
import { createRoot } from 'react-dom/client';
import {
  Body1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title2,
  webLightTheme,
} from '@fluentui/react-components';
import type { Lang } from '../../engine';
import { checkRequirements, officeRequirementProbe, type RequirementStatus } from '../../office/requirements';

const TEXT: Record<Lang, { tagline: string; standalone: string; unsupported: string }> = {
  vi: {
    tagline: 'Chấm điểm, xếp hạng và biểu quyết cụm thi đua',
    standalone: 'Đang chạy ngoài Excel: chỉ kiểm tra được các tệp được nạp vào.',
    unsupported: 'Không chạy được trong Excel này',
  },
  en: {
    tagline: 'Scoring, ranking and votes for emulation clusters',
    standalone: 'Running outside Excel: only imported files can be checked.',
    unsupported: 'Cannot run in this Excel',
  },
};

export interface AppProps {
  lang: Lang;
  requirement: RequirementStatus;
}

export function App({ lang, requirement }: AppProps) {
  const text = TEXT[lang];
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'vi' ? 'vi-VN' : 'en-US'} style={{ minHeight: '100vh', padding: 16 }}>
      <Title2 as="h1">ThiDua</Title2>
      <Body1 as="p">{text.tagline}</Body1>
      {requirement.status === 'unsupported' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{text.unsupported}</MessageBarTitle>
            {requirement.message[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {requirement.status === 'standalone' && (
        <MessageBar intent="info">
          <MessageBarBody>{text.standalone}</MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>
  );
}

/** Vietnamese unless Office's display language is English. */
export function uiLanguage(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

function boot(container: HTMLElement): void {
  const root = createRoot(container);
  const render = (host: unknown) => {
    const office = officeGlobal();
    const lang = uiLanguage(host ? office?.context?.displayLanguage : undefined);
    root.render(<App lang={lang} requirement={checkRequirements(officeRequirementProbe(host))} />);
  };
  const office = officeGlobal();
  // office.js failed to load (offline, or the standalone page): start at once, without Excel.
  if (!office?.onReady) {
    render(null);
    return;
  }
  office.onReady((info) => render(info.host)).catch(() => render(null));
}

const container = typeof document !== 'undefined' ? document.getElementById('container') : null;
if (container) boot(container);
