/**
 * Step 3, Tạo bảng xếp hạng: the run with its stages, then the result. Inside Excel the sheets are
 * written into the open workbook and the summary is the result; standalone the workbook is offered for
 * download and the ranking table comes first, so that it is in sight without scrolling.
 */
import { useMemo } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Subtitle1 } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { RankingTable } from '../components/RankingTable';
import { SampleNotice } from '../components/SampleNotice';
import { ResultSummary } from '../components/ResultSummary';
import { StageProgress } from '../components/StageProgress';
import { useLanguage } from '../i18n';
import { summarizeResult } from '../model/summary';
import type { Workbench } from '../state/useWorkbench';
import { usePageStyles } from './styles';

export function GeneratePage({ bench, onGoToCheck }: { bench: Workbench; onGoToCheck: () => void }) {
  const styles = usePageStyles();
  const { t, lang } = useLanguage();
  const { running, stage, outcome, error } = bench.run;
  const summary = useMemo(() => (outcome ? summarizeResult(outcome.result, lang) : null), [outcome, lang]);
  const reading = bench.files.some((f) => f.status === 'reading');
  return (
    <div className={styles.page}>
      <Subtitle1 as="h2" block className={styles.heading}>
        {t.generate.heading}
      </Subtitle1>
      {/* A first visit lands here, on the sample's ranking: say whose ranking it is, and how to use one's own. */}
      <SampleNotice bench={bench} withPicker />
      {bench.needsCluster && (
        <Body1 as="p" block className={styles.heading}>
          {t.generate.notReady}
        </Body1>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" className={styles.wrap} disabled={running || reading || bench.needsCluster} onClick={() => void bench.runGenerate()}>
          {running ? t.generate.running : t.generate.run}
        </Button>
        {outcome?.download && !running && (
          <Button icon={<ArrowDownload20Regular />} className={styles.wrap} onClick={bench.download} title={t.generate.downloadHint(outcome.download.fileName)}>
            {t.generate.download}
          </Button>
        )}
      </div>
      {outcome?.download && !running && (
        <Caption1 as="p" block className={styles.heading}>
          {t.generate.downloadHint(outcome.download.fileName)}
        </Caption1>
      )}
      {(running || stage !== null || error) && <StageProgress stage={stage} failed={error !== null} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t.generate.failed(error)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && !running && (
        <>
          {outcome.download === null && outcome.written.length > 0 && <Body1 as="p" block className={styles.heading}>{t.generate.written(outcome.written)}</Body1>}
          {/* The ranking is what the secretary came for: first, before the summary's details. */}
          {bench.kind === 'file' && <RankingTable result={outcome.result} />}
          <Subtitle1 as="h3" block className={styles.heading}>
            {t.generate.summary}
          </Subtitle1>
          {summary && <ResultSummary summary={summary} onGoToCheck={onGoToCheck} />}
        </>
      )}
    </div>
  );
}
