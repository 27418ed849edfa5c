/**
 * Findings grouped by file and sheet. Where the source can show a cell (the open workbook in Excel), a
 * finding is a button that selects it; elsewhere (imported files, the standalone page) it shows the address.
 */
import { useState } from 'react';
import { Button, makeStyles, mergeClasses, Subtitle2, Body1Strong, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../engine';
import { message } from '../../../engine';
import type { FileGroup, SheetGroup } from '../model/findings';
import { useLanguage } from '../i18n';
import { CountsLine } from './CountsLine';
import { SeverityIcon } from './SeverityIcon';

/** A sheet with thousands of findings would freeze a task pane; more are shown on request. */
export const FINDINGS_PAGE = 100;

const useStyles = makeStyles({
  file: { marginTop: tokens.spacingVerticalL },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  sheet: { marginTop: tokens.spacingVerticalS, marginLeft: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'left',
    overflowWrap: 'anywhere',
    width: '100%',
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  button: {
    backgroundColor: 'transparent',
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  cell: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  link: { color: tokens.colorBrandForegroundLink, textDecorationLine: 'underline' },
  text: { flexGrow: 1, minWidth: 0 },
});

export interface FindingsListProps {
  groups: FileGroup[];
  canSelect: (f: Finding) => boolean;
  onSelect: (f: Finding) => void;
}

export function FindingsList({ groups, canSelect, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const { t } = useLanguage();
  return (
    <div>
      {groups.map((g, i) => (
        <section key={g.file ?? `general-${i}`} className={styles.file} aria-label={t.check.groupLabel(g.file ?? t.check.general)}>
          <Subtitle2 as="h3" block className={styles.heading}>
            {g.file ?? t.check.general}
          </Subtitle2>
          <CountsLine counts={g.counts} />
          {g.sheets.map((s, j) => (
            <SheetFindings key={s.sheet ?? `whole-${j}`} group={s} canSelect={canSelect} onSelect={onSelect} />
          ))}
        </section>
      ))}
    </div>
  );
}

function SheetFindings({ group, canSelect, onSelect }: { group: SheetGroup; canSelect: FindingsListProps['canSelect']; onSelect: FindingsListProps['onSelect'] }) {
  const styles = useStyles();
  const { t } = useLanguage();
  const [shown, setShown] = useState(FINDINGS_PAGE);
  const rest = group.findings.length - shown;
  return (
    <div className={styles.sheet}>
      <Body1Strong as="h4" block className={styles.heading}>
        {group.sheet ?? t.check.wholeFile}
      </Body1Strong>
      <ul className={styles.list}>
        {group.findings.slice(0, shown).map((f, k) => (
          <li key={k} className={styles.item}>
            <FindingRow finding={f} selectable={canSelect(f)} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <Button appearance="subtle" size="small" onClick={() => setShown((n) => n + FINDINGS_PAGE)}>
          {t.check.showMore(Math.min(rest, FINDINGS_PAGE))}
        </Button>
      )}
    </div>
  );
}

function FindingRow({ finding, selectable, onSelect }: { finding: Finding; selectable: boolean; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const { t, lang } = useLanguage();
  const text = message(finding, lang);
  const { sheet, cell } = finding.place;
  const content = (
    <>
      <SeverityIcon severity={finding.severity} />
      {cell && <span className={mergeClasses(styles.cell, selectable && styles.link)}>{cell}</span>}
      <span className={styles.text}>{text}</span>
    </>
  );
  if (selectable && sheet && cell) {
    return (
      <button type="button" className={mergeClasses(styles.row, styles.button)} title={t.check.selectCell(sheet, cell)} onClick={() => onSelect(finding)}>
        {content}
      </button>
    );
  }
  return <div className={styles.row}>{content}</div>;
}
