/**
 * What is being worked on: the workbook open in Excel, or (standalone) the cluster file with a way to
 * open another, and a note while the bundled sample is shown.
 */
import { Badge, Body1, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useLanguage } from '../i18n';
import type { Workbench } from '../state/useWorkbench';
import { FilePicker } from './FilePicker';
import { SampleNotice } from './SampleNotice';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { overflowWrap: 'anywhere' },
});

export function ClusterBar({ bench }: { bench: Workbench }) {
  const styles = useStyles();
  const { t } = useLanguage();
  const { info, busy, error } = bench.cluster;
  if (bench.kind === 'excel') {
    return (
      <div className={styles.bar}>
        <Body1 className={styles.name}>{t.cluster.excelWorkbook(info.name)}</Body1>
      </div>
    );
  }
  return (
    <>
      <div className={styles.bar}>
        {busy ? (
          <Spinner size="tiny" label={busy === 'sample' ? t.cluster.loadingSample : t.cluster.opening} />
        ) : info.name ? (
          <Body1 className={styles.name}>
            {t.cluster.clusterFile(info.name)} {info.sample && <Badge appearance="tint" color="informative">{t.cluster.sampleBadge}</Badge>}
          </Body1>
        ) : (
          <Body1>{t.cluster.noCluster}</Body1>
        )}
        <FilePicker
          label={t.cluster.openCluster}
          inputLabel={t.cluster.openClusterLabel}
          disabled={busy !== null}
          appearance={info.name ? 'secondary' : 'primary'}
          onFiles={(files) => void bench.openCluster(files[0]!)}
        />
      </div>
      <SampleNotice bench={bench} />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error.kind === 'sample' ? t.cluster.sampleFailed(error.detail) : t.cluster.openFailed(error.detail)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
