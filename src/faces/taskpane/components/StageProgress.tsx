/**
 * Progress by stage (đọc / kiểm tra / tính điểm / ghi): a bar that moves as each stage starts, the list
 * of stages with their state, and the current one announced to screen readers.
 */
import { Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { Checkmark16Filled, Circle16Regular, ArrowRight16Filled } from '@fluentui/react-icons';
import type { VisibleStage } from '../i18n';
import { useLanguage } from '../i18n';
import type { RunStage } from '../services/source';
import { useHiddenStyles } from './hidden';

export const VISIBLE_STAGES: readonly VisibleStage[] = ['read', 'check', 'compute', 'write'];

/** Half a step for the stage under way, so the bar moves as soon as a stage starts; all of it when done. */
export function progressValue(stage: RunStage | null): number {
  if (stage === null) return 0;
  if (stage === 'done') return 1;
  return (VISIBLE_STAGES.indexOf(stage) + 0.5) / VISIBLE_STAGES.length;
}

type StageState = 'done' | 'current' | 'pending';

function stateOf(s: VisibleStage, current: RunStage | null, failed: boolean): StageState {
  if (current === null) return 'pending';
  if (current === 'done') return 'done';
  const i = VISIBLE_STAGES.indexOf(s);
  const c = VISIBLE_STAGES.indexOf(current);
  if (i < c) return 'done';
  return i === c && !failed ? 'current' : 'pending';
}

const useStyles = makeStyles({
  // The status and the stages share a line where they fit: the bar takes room enough above the result.
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, marginTop: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  done: { color: tokens.colorStatusSuccessForeground1 },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  pending: { color: tokens.colorNeutralForeground3 },
  status: { minHeight: tokens.lineHeightBase300 },
});

const ICON = { done: Checkmark16Filled, current: ArrowRight16Filled, pending: Circle16Regular } as const;

export function StageProgress({ stage, failed = false }: { stage: RunStage | null; failed?: boolean }) {
  const styles = useStyles();
  const hidden = useHiddenStyles();
  const { t } = useLanguage();
  const status = stage === null ? '' : stage === 'done' ? t.generate.finished : t.generate.stageActive[stage];
  return (
    <div>
      <Field label={t.generate.progressLabel}>
        <ProgressBar value={progressValue(stage)} max={1} thickness="large" color={failed ? 'error' : stage === 'done' ? 'success' : 'brand'} />
      </Field>
      <div className={styles.line}>
        <div role="status" aria-live="polite" className={styles.status}>
          {status}
        </div>
        <ol className={styles.list} aria-label={t.generate.stagesLabel}>
          {VISIBLE_STAGES.map((s) => {
            const state = stateOf(s, stage, failed);
            const Icon = ICON[state];
            return (
              <li key={s} className={`${styles.item} ${styles[state]}`} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
                <Icon aria-hidden="true" />
                <span>
                  {t.generate.stages[s]}
                  <span className={hidden.hidden}> ({t.generate.stageState[state]})</span>
                </span>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
