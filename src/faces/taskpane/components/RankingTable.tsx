/**
 * The ranking on the page (standalone): the columns a secretary reads first. The sheet in the downloaded
 * workbook has all of them.
 *
 * A plain table rather than Fluent's: Fluent's lays columns out at equal widths (table-layout: fixed), so
 * a rank column of "4" squeezed the unit names and "Không xếp hạng" ran over them. Here the browser sizes
 * columns by their content, the rank and the total as narrow as they can be and the unit name widest.
 * At task-pane width six columns cannot fit, so each unit becomes a card: rank on the left, name on the
 * first line, total, grade, vote and award flowing below. The cells stay the same cells either way, and
 * the roles are spelled out because some browsers drop a table's semantics once it is restyled.
 */
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ClusterResult, UnitResult } from '../../../engine';
import { useLanguage } from '../i18n';
import { unitTotal, voteState } from '../model/summary';
import { useHiddenStyles } from './hidden';

/**
 * Cards instead of columns below this: a task pane (320-450 px in Excel, wider when dragged), where six
 * columns would leave the names two words a line.
 */
export const NARROW = '@media (max-width: 720px)';
/** Room on a card's left for the rank and a tie badge under it. */
const RANK_WIDTH = '4.5rem';

const cellPadding = `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`;

const useStyles = makeStyles({
  region: {
    overflowX: 'auto',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    [NARROW]: { display: 'block' },
  },
  caption: {
    textAlign: 'left',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
    [NARROW]: { display: 'block' },
  },
  // Cards need no column headings on screen; screen readers still get them.
  head: {
    [NARROW]: {
      display: 'block',
      position: 'absolute',
      width: '1px',
      height: '1px',
      margin: '-1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
  },
  body: { [NARROW]: { display: 'block' } },
  th: {
    textAlign: 'left',
    verticalAlign: 'bottom',
    padding: cellPadding,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  row: {
    [NARROW]: {
      display: 'flow-root',
      position: 'relative',
      padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalS} ${RANK_WIDTH}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      // A separator between the details a card shows, only between ones that are there.
      '& td[data-detail]:not(:empty) ~ td[data-detail]:not(:empty)::before': {
        content: '"·"',
        padding: `0 ${tokens.spacingHorizontalXS}`,
        color: tokens.colorNeutralForeground3,
      },
    },
  },
  td: {
    verticalAlign: 'baseline',
    padding: cellPadding,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    [NARROW]: { display: 'inline', padding: 0, borderBottom: 'none' },
  },
  // Shrinks to its content: a number, with a tie badge beside it (below it on a card).
  rank: {
    width: '1%',
    whiteSpace: 'nowrap',
    [NARROW]: {
      float: 'left',
      width: `calc(${RANK_WIDTH} - ${tokens.spacingHorizontalS})`,
      marginLeft: `-${RANK_WIDTH}`,
      whiteSpace: 'normal',
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'flex-start',
      gap: tokens.spacingVerticalXXS,
    },
  },
  rankNumber: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeBase400 },
  tie: { marginLeft: tokens.spacingHorizontalXS, verticalAlign: 'text-bottom', whiteSpace: 'nowrap', [NARROW]: { marginLeft: 0 } },
  unranked: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  unit: {
    overflowWrap: 'break-word',
    [NARROW]: { display: 'block', fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  },
  total: {
    width: '1%',
    whiteSpace: 'nowrap',
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    [NARROW]: { display: 'inline-block', width: 'auto', textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
  },
  narrowHead: { width: '1%', whiteSpace: 'nowrap' },
  totalHead: { textAlign: 'right' },
  // On a card a detail moves to the next line whole ("Thông qua (6/6)" is not split after "qua").
  detail: { overflowWrap: 'break-word', [NARROW]: { display: 'inline-block' } },
  invalid: { color: tokens.colorNeutralForeground3 },
});

export function RankingTable({ result }: { result: ClusterResult }) {
  const styles = useStyles();
  const { t } = useLanguage();
  const showGroup = new Set(result.units.map((u) => u.group)).size > 1;
  const th = (text: string, extra?: string) => (
    <th scope="col" role="columnheader" className={mergeClasses(styles.th, extra)}>
      {text}
    </th>
  );
  return (
    <div className={styles.region} role="region" aria-label={t.table.region} tabIndex={0}>
      <table role="table" className={styles.table}>
        <caption className={styles.caption}>{t.table.caption}</caption>
        <thead role="rowgroup" className={styles.head}>
          <tr role="row">
            {th(t.table.rank, styles.narrowHead)}
            {th(t.table.unit)}
            {showGroup && th(t.table.group)}
            {th(t.table.total, mergeClasses(styles.narrowHead, styles.totalHead))}
            {th(t.table.grade)}
            {th(t.table.vote)}
            {th(t.table.award)}
          </tr>
        </thead>
        <tbody role="rowgroup" className={styles.body}>
          {result.units.map((u, i) => (
            <UnitRow key={`${u.code}-${i}`} unit={u} result={result} showGroup={showGroup} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UnitRow({ unit: u, result, showGroup }: { unit: UnitResult; result: ClusterResult; showGroup: boolean }) {
  const styles = useStyles();
  const { t, lang } = useLanguage();
  const td = styles.td;
  // Cells a card lays out in one flowing line, separated by dots.
  const detail = mergeClasses(td, styles.detail);
  return (
    <tr role="row" className={mergeClasses(styles.row, u.status === 'invalid' && styles.invalid)}>
      <td role="cell" className={mergeClasses(td, styles.rank)}>
        <RankText unit={u} />
      </td>
      <td role="cell" className={mergeClasses(td, styles.unit)}>
        {u.name || u.code}
      </td>
      {showGroup && (
        <td role="cell" data-detail="" className={detail}>
          {u.group}
        </td>
      )}
      <td role="cell" data-detail="" className={mergeClasses(td, styles.total)}>
        {unitTotal(u, result, lang) ?? ''}
      </td>
      <td role="cell" data-detail="" className={detail}>
        {u.grade ?? ''}
      </td>
      <td role="cell" data-detail="" className={detail}>
        {u.vote ? `${t.generate.vote[voteState(u.vote)]} (${u.vote.approvals}/${u.vote.members})` : ''}
      </td>
      <td role="cell" data-detail="" className={detail}>
        {u.award ? `${u.award.name}${u.award.confirmed ? '' : ` (${t.generate.awardState.proposed})`}` : ''}
      </td>
    </tr>
  );
}

/**
 * "4 (đồng hạng)" to a screen reader and to anything that copies the text; on screen the tie is a badge
 * (its parentheses kept for readers only).
 */
function RankText({ unit: u }: { unit: UnitResult }) {
  const styles = useStyles();
  const hidden = useHiddenStyles();
  const { t } = useLanguage();
  if (u.rank === null) return <span className={styles.unranked}>{t.table.unranked}</span>;
  const number = <span className={styles.rankNumber}>{u.rank}</span>;
  if (!u.tie) return number;
  return (
    <>
      {number}{' '}
      <Badge size="small" appearance="tint" color="warning" className={styles.tie}>
        <span className={hidden.hidden}>(</span>
        {t.table.tie}
        <span className={hidden.hidden}>)</span>
      </Badge>
    </>
  );
}
