/**
 * The three steps as tabs. Arrow keys (and Home/End) move to a step and open it at once; Tab leaves the
 * list for the step's content. Labels wrap instead of being cut at task-pane width.
 */
import type { KeyboardEvent } from 'react';
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useLanguage } from '../i18n';

export type Step = 'check' | 'import' | 'generate';
export const STEPS: readonly Step[] = ['check', 'import', 'generate'];

export const tabId = (s: Step) => `thidua-tab-${s}`;
export const panelId = (s: Step) => `thidua-panel-${s}`;

const useStyles = makeStyles({
  list: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    flex: '1 1 0',
    minWidth: 0,
    justifyContent: 'center',
    // A content slot object would make Fluent render a second, hidden copy of the label: style it from here.
    '& .fui-Tab__content': { whiteSpace: 'normal', textAlign: 'center', overflowWrap: 'anywhere' },
  },
  number: { fontWeight: tokens.fontWeightSemibold },
});

/** Where an arrow key lands: wraps around, as Fluent's own arrow navigation does. */
export function stepAfterKey(current: Step, key: string): Step | null {
  const i = STEPS.indexOf(current);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return STEPS[(i + 1) % STEPS.length]!;
    case 'ArrowLeft':
    case 'ArrowUp':
      return STEPS[(i + STEPS.length - 1) % STEPS.length]!;
    case 'Home':
      return STEPS[0]!;
    case 'End':
      return STEPS[STEPS.length - 1]!;
    default:
      return null;
  }
}

export function StepTabs({ step, onStep }: { step: Step; onStep: (s: Step) => void }) {
  const styles = useStyles();
  const { t } = useLanguage();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    const from = STEPS.find((s) => target.id === tabId(s));
    if (!from) return;
    const next = stepAfterKey(from, e.key);
    if (!next) return;
    e.preventDefault();
    onStep(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <TabList
      className={styles.list}
      selectedValue={step}
      onTabSelect={(_, data) => onStep(data.value as Step)}
      aria-label={t.app.stepsLabel}
      onKeyDown={onKeyDown}
    >
      {STEPS.map((s, i) => (
        <Tab key={s} value={s} id={tabId(s)} aria-controls={panelId(s)} className={styles.tab}>
          <span className={styles.number}>{i + 1}.</span> {t.app.steps[s]}
        </Tab>
      ))}
    </TabList>
  );
}
