/** Step 1, Kiểm tra: what is wrong, where; a click on a finding selects its cell in Excel. */
import { useMemo } from 'react';
import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle1 } from '@fluentui/react-components';
import { ClusterBar } from '../components/ClusterBar';
import { CountsLine } from '../components/CountsLine';
import { FindingsList } from '../components/FindingsList';
import { useLanguage } from '../i18n';
import { countSeverities, groupFindings } from '../model/findings';
import type { Workbench } from '../state/useWorkbench';
import { usePageStyles } from './styles';

export function CheckPage({ bench }: { bench: Workbench }) {
  const styles = usePageStyles();
  const { t } = useLanguage();
  const { running, result, error, stale } = bench.check;
  const findings = result?.findings ?? null;
  const groups = useMemo(() => (findings ? groupFindings(findings) : []), [findings]);
  const counts = useMemo(() => countSeverities(findings ?? []), [findings]);
  const reading = bench.files.some((f) => f.status === 'reading');
  return (
    <div className={styles.page}>
      <Subtitle1 as="h2" block className={styles.heading}>
        {t.check.heading}
      </Subtitle1>
      <ClusterBar bench={bench} />
      <div className={styles.actions}>
        <Button appearance="primary" className={styles.wrap} disabled={running || reading || bench.needsCluster || bench.run.running} onClick={() => void bench.runCheck()}>
          {result ? t.check.rerun : t.check.run}
        </Button>
        {running && <Spinner size="tiny" label={t.check.running} />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t.check.failed(error)}</MessageBarBody>
        </MessageBar>
      )}
      {bench.selectError && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.check.selectFailed(bench.selectError.where, bench.selectError.detail)}</MessageBarBody>
        </MessageBar>
      )}
      {stale && !running && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.check.stale}</MessageBarBody>
        </MessageBar>
      )}
      {!result && !running && !error && !bench.needsCluster && <Body1 as="p" block className={styles.heading}>{t.check.notChecked}</Body1>}
      {result && (
        <>
          <CountsLine counts={counts} />
          {findings!.length === 0 ? <Body1 as="p" block className={styles.heading}>{t.check.none}</Body1> : <FindingsList groups={groups} canSelect={bench.canSelect} onSelect={(f) => void bench.select(f)} />}
        </>
      )}
    </div>
  );
}

