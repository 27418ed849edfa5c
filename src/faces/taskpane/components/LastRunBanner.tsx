/**
 * What the ribbon's one-click "Tạo bảng xếp hạng" did, shown at the top of the pane: the status line
 * (ranked units, leaders, error and warning counts), green when it went through, amber when something
 * blocks (the pane then also opens on Kiểm tra, see App). Only inside Excel with the shared runtime does
 * the pane hear of ribbon runs; elsewhere `run` stays null and nothing is shown.
 *
 * It also tells the runtime which language the pane shows, so the next status line is written in it.
 */
import { useEffect } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { setPaneLanguage } from '../../../hosts/office/status';
import { useLanguage } from '../i18n';
import type { ExternalRun } from '../services/source';

const useStyles = makeStyles({
  banner: { marginBottom: tokens.spacingVerticalS },
  message: { overflowWrap: 'anywhere' },
});

export function LastRunBanner({ run }: { run: ExternalRun | null }) {
  const styles = useStyles();
  const { lang, t } = useLanguage();

  useEffect(() => {
    setPaneLanguage(lang);
  }, [lang]);
  // A pane that goes away (tests, a reloaded page) leaves the ribbon to Office's own language.
  useEffect(() => () => setPaneLanguage(null), []);

  if (!run) return null;
  // Keyed by the run: a new click mounts a new bar, which screen readers announce again.
  return (
    <MessageBar key={run.at} intent={run.ok ? 'success' : 'warning'} className={styles.banner}>
      <MessageBarBody className={styles.message}>
        <MessageBarTitle>{t.app.lastRun}</MessageBarTitle>
        {run.message}
      </MessageBarBody>
    </MessageBar>
  );
}
