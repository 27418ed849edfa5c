/**
 * The task pane: a header (name, language), then the three steps. The same app runs inside Excel over
 * ExcelSource and as the standalone page over FileSource; index.tsx decides which.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Caption1, FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Title2, tokens } from '@fluentui/react-components';
import type { Lang } from '../../engine';
import type { RequirementStatus } from '../../hosts/office/requirements';
import { LanguageSwitch } from './components/LanguageSwitch';
import { LastRunBanner } from './components/LastRunBanner';
import type { Step } from './components/StepTabs';
import { panelId, StepTabs, tabId } from './components/StepTabs';
import type { HostKind } from './host';
import { LanguageContext, languageTag, STRINGS } from './i18n';
import { CheckPage } from './pages/CheckPage';
import { GeneratePage } from './pages/GeneratePage';
import { ImportPage } from './pages/ImportPage';
import type { Services } from './services/source';
import { useWorkbench } from './state/useWorkbench';
import type { Scheme } from './theme';
import { themeFor, useScheme } from './theme';
import { rememberLanguage } from './services/preferences';

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  root: { maxWidth: '960px', margin: '0 auto', padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`, boxSizing: 'border-box' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  h1: { margin: 0 },
  privacy: { margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}` },
  banner: { marginBottom: tokens.spacingVerticalS },
});

export interface AppProps {
  services: Services;
  host: HostKind;
  initialLang: Lang;
  requirement?: RequirementStatus;
  /** Standalone: open on the bundled sample cluster, ranked. */
  loadSample?: boolean;
  /** Pins the colour scheme (tests); otherwise Office's theme or the system's. */
  scheme?: Scheme;
}

export function App({ services, host, initialLang, requirement, loadSample = false, scheme }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const followed = useScheme(host);
  const theme = themeFor(scheme ?? followed);
  const chooseLang = useCallback((next: Lang) => {
    setLang(next);
    rememberLanguage(next);
  }, []);
  const language = useMemo(() => ({ lang, t: STRINGS[lang], setLang: chooseLang }), [lang, chooseLang]);

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = languageTag(lang);
  }, [lang]);

  return (
    <LanguageContext.Provider value={language}>
      <FluentProvider theme={theme} lang={languageTag(lang)} applyStylesToPortals>
        <Shell services={services} host={host} requirement={requirement} loadSample={loadSample} lang={lang} />
      </FluentProvider>
    </LanguageContext.Provider>
  );
}

function Shell({ services, host, requirement, loadSample, lang }: Omit<AppProps, 'initialLang' | 'scheme'> & { lang: Lang }) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const [step, setStep] = useState<Step>('check');
  const navigated = useRef(false);
  const go = useCallback((s: Step) => {
    navigated.current = true;
    setStep(s);
  }, []);
  // The sample's ranking is the first thing a visitor should see, unless they already went elsewhere.
  const onSampleRanked = useCallback(() => {
    if (!navigated.current) setStep('generate');
  }, []);
  const bench = useWorkbench(services, lang, { loadSample, onSampleRanked });

  // A ribbon run that something blocked opened the pane: show the findings.
  const external = bench.externalRun;
  useEffect(() => {
    if (external && !external.ok) setStep('check');
  }, [external]);

  const goToCheck = useCallback(() => {
    go('check');
    document.getElementById(tabId('check'))?.focus();
  }, [go]);

  return (
    <div className={styles.provider}>
      <div className={styles.root}>
        <header className={styles.header}>
          <div className={styles.title}>
            <Title2 as="h1" className={styles.h1}>
              ThiDua
            </Title2>
            <Caption1>{t.app.tagline}</Caption1>
          </div>
          <LanguageSwitch />
        </header>
        {host === 'standalone' && (
          <Caption1 as="p" className={styles.privacy}>
            {t.app.privacy}
          </Caption1>
        )}
        {requirement?.status === 'unsupported' && (
          <MessageBar intent="error" className={styles.banner}>
            <MessageBarBody>
              <MessageBarTitle>{t.app.unsupported}</MessageBarTitle>
              {requirement.message[lang]}
            </MessageBarBody>
          </MessageBar>
        )}
        <LastRunBanner run={external} />
        <main>
          <StepTabs step={step} onStep={go} />
          <div role="tabpanel" id={panelId(step)} aria-labelledby={tabId(step)}>
            {step === 'check' && <CheckPage bench={bench} />}
            {step === 'import' && <ImportPage bench={bench} />}
            {step === 'generate' && <GeneratePage bench={bench} onGoToCheck={goToCheck} />}
          </div>
        </main>
      </div>
    </div>
  );
}
