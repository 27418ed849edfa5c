/**
 * The three steps as tabs. Arrow keys (and Home/End) move to a step and open it at once, as Fluent's
 * TabList does with selectTabOnFocus; Enter and Space open the focused one; Tab leaves the list for the
 * step's content. Labels wrap between words at task-pane width, never inside one.
 */
import type { KeyboardEvent } from 'react';
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useLanguage } from '../i18n';

export type Step = 'check' | 'import' | 'generate';
export const STEPS: readonly Step[] = ['check', 'import', 'generate'];

export const tabId = (s: Step) => `thidua-tab-${s}`;
export const panelId = (s: Step) => `thidua-panel-${s}`;

/** Task-pane width: the step number goes above its label, so labels keep whole words on two lines at most. */
const NARROW = '@media (max-width: 480px)';
// Fluent keeps a hidden bold copy of each label to reserve the selected width: it must wrap like the label.
const LABELS = '& .fui-Tab__content, & .fui-Tab__content--reserved-space';

const useStyles = makeStyles({
  list: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    flex: '1 1 0',
    minWidth: 0,
    justifyContent: 'center',
    // A content slot object would make Fluent render a second, hidden copy of the label: style it from here.
    // Wrap at spaces only: a word is never cut ("submissions" stays whole).
    [LABELS]: { whiteSpace: 'normal', textAlign: 'center', overflowWrap: 'normal', wordBreak: 'normal', hyphens: 'manual' },
    [NARROW]: {
      paddingLeft: tokens.spacingHorizontalXXS,
      paddingRight: tokens.spacingHorizontalXXS,
      alignItems: 'start',
      [LABELS]: { padding: 0 },
    },
  },
  number: {
    fontWeight: tokens.fontWeightSemibold,
    [NARROW]: { display: 'block', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  },
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
      // In a browser Fluent's arrow navigation (tabster) takes the arrow keys before onKeyDown sees them
      // and only moves the focus: selecting on focus is what opens the step. onKeyDown covers the
      // environments where tabster does not act (jsdom); both land on the same step.
      selectTabOnFocus
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
