/**
 * "This is the sample cluster": said wherever the visitor may be looking at the sample's results, and,
 * where the page has no other way to open a file, with the button that replaces the sample by her own.
 */
import { MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useLanguage } from '../i18n';
import type { Workbench } from '../state/useWorkbench';
import { FilePicker } from './FilePicker';

export function SampleNotice({ bench, withPicker = false }: { bench: Workbench; withPicker?: boolean }) {
  const { t } = useLanguage();
  const { info, busy } = bench.cluster;
  if (bench.kind !== 'file' || !info.sample || busy) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>{t.cluster.sampleNotice}</MessageBarBody>
      {withPicker && (
        <MessageBarActions>
          <FilePicker label={t.cluster.openCluster} inputLabel={t.cluster.openClusterLabel} onFiles={(files) => void bench.openCluster(files[0]!)} />
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
