/**
 * The ranking on the page (standalone): the columns a secretary reads first. The sheet in the downloaded
 * workbook has all of them; this one scrolls sideways inside the pane rather than squeezing names.
 */
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { ClusterResult } from '../../../engine';
import { useLanguage } from '../i18n';
import { unitTotal, voteState } from '../model/summary';

const useStyles = makeStyles({
  region: {
    overflowX: 'auto',
    marginTop: tokens.spacingVerticalM,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: '520px' },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  number: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  cell: { overflowWrap: 'anywhere' },
  invalid: { color: tokens.colorNeutralForeground3 },
});

export function RankingTable({ result }: { result: ClusterResult }) {
  const styles = useStyles();
  const { t, lang } = useLanguage();
  const groups = new Set(result.units.map((u) => u.group));
  const showGroup = groups.size > 1;
  return (
    <div className={styles.region} role="region" aria-label={t.table.region} tabIndex={0}>
      <Table size="small" className={styles.table}>
        <caption className={styles.caption}>{t.table.caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.table.rank}</TableHeaderCell>
            <TableHeaderCell>{t.table.unit}</TableHeaderCell>
            {showGroup && <TableHeaderCell>{t.table.group}</TableHeaderCell>}
            <TableHeaderCell>{t.table.total}</TableHeaderCell>
            <TableHeaderCell>{t.table.grade}</TableHeaderCell>
            <TableHeaderCell>{t.table.vote}</TableHeaderCell>
            <TableHeaderCell>{t.table.award}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.units.map((u, i) => (
            <TableRow key={`${u.code}-${i}`} className={u.status === 'invalid' ? styles.invalid : undefined}>
              <TableCell className={styles.number}>
                {u.rank === null ? t.table.unranked : u.tie ? `${u.rank} (${t.table.tie})` : String(u.rank)}
              </TableCell>
              <TableCell className={styles.cell}>{u.name || u.code}</TableCell>
              {showGroup && <TableCell className={styles.cell}>{u.group}</TableCell>}
              <TableCell className={styles.number}>{unitTotal(u, result, lang) ?? ''}</TableCell>
              <TableCell className={styles.cell}>{u.grade ?? ''}</TableCell>
              <TableCell className={styles.cell}>{u.vote ? `${t.generate.vote[voteState(u.vote)]} (${u.vote.approvals}/${u.vote.members})` : ''}</TableCell>
              <TableCell className={styles.cell}>
                {u.award ? `${u.award.name}${u.award.confirmed ? '' : ` (${t.generate.awardState.proposed})`}` : ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
