/** Step 2, Nạp bài nộp: member files picked or dropped, each read in the browser, each with its status. */
import { Body1, Caption1, Subtitle1 } from '@fluentui/react-components';
import { FilePicker } from '../components/FilePicker';
import { FileStatusList } from '../components/FileStatusList';
import { useLanguage } from '../i18n';
import type { Workbench } from '../state/useWorkbench';
import { usePageStyles } from './styles';

export function ImportPage({ bench }: { bench: Workbench }) {
  const styles = usePageStyles();
  const { t } = useLanguage();
  return (
    <div className={styles.page}>
      <Subtitle1 as="h2" block className={styles.heading}>
        {t.import.heading}
      </Subtitle1>
      {/* Standalone, the page's header already says that nothing leaves the browser. */}
      {bench.kind === 'excel' && <Caption1 as="p" block className={styles.heading}>{t.app.privacyExcel}</Caption1>}
      <FilePicker label={t.import.pick} inputLabel={t.import.pickerLabel} multiple dropText={t.import.drop} onFiles={(files) => void bench.addFiles(files)} />
      {bench.files.length === 0 ? (
        <Body1 as="p" block className={styles.heading}>{t.import.empty}</Body1>
      ) : (
        <FileStatusList files={bench.files} checked={bench.check.result?.findings ?? null} onRemove={bench.removeFile} />
      )}
    </div>
  );
}
