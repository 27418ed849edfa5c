/**
 * After a run: who leads, what the votes decided, which ties are unresolved, what is proposed for awards,
 * and what blocks (with a way back to the findings).
 */
import { Body1, Link, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n';
import type { ResultSummary as Summary, VoteState } from '../model/summary';

const useStyles = makeStyles({
  // In columns where the page is wide enough, each section kept whole, so the result fits on a desktop
  // screen without the gaps a grid leaves beside the long list of votes.
  sections: { columnWidth: '18rem', columnGap: tokens.spacingHorizontalXXL, marginTop: tokens.spacingVerticalS },
  section: { breakInside: 'avoid', paddingBottom: tokens.spacingVerticalM },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  text: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { overflowWrap: 'anywhere', marginBottom: tokens.spacingVerticalXXS },
  approved: { color: tokens.colorStatusSuccessForeground1, fontWeight: tokens.fontWeightSemibold },
  rejected: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  noQuorum: { color: tokens.colorStatusWarningForeground1, fontWeight: tokens.fontWeightSemibold },
  invalid: { color: tokens.colorStatusWarningForeground1, fontWeight: tokens.fontWeightSemibold },
  blocking: { color: tokens.colorStatusDangerForeground1 },
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h4" block className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export function ResultSummary({ summary, onGoToCheck }: { summary: Summary; onGoToCheck: () => void }) {
  const styles = useStyles();
  const { t } = useLanguage();
  const g = t.generate;
  const oneGroup = summary.leaders.length === 1 && summary.leaders[0]!.group === '';
  return (
    <div>
      <Body1 as="p" block className={styles.text}>
        {g.rankedOf(summary.ranked, summary.units)}
      </Body1>
      <div className={styles.sections}>
        <Section title={g.leaders}>
          {summary.leaders.length === 0 ? (
            <Body1 as="p" block className={styles.text}>{g.noLeader}</Body1>
          ) : (
            <ul className={styles.list}>
              {summary.leaders.map((lg) => (
                <li key={lg.group} className={styles.item}>
                  {!oneGroup && <strong>{g.groupName(lg.group)}: </strong>}
                  {lg.leaders.map((l) => `${l.name} (${g.points(l.total)})`).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section title={g.votes}>
          {summary.votes.length === 0 ? (
            <Body1 as="p" block className={styles.text}>{g.noVotes}</Body1>
          ) : (
            <ul className={styles.list}>
              {summary.votes.map((v) => (
                <li key={v.code} className={styles.item}>
                  {v.name}: <span className={styles[v.state as VoteState]}>{g.vote[v.state]}</span> ({g.voteCount(v.approvals, v.members)})
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section title={g.ties}>
          {summary.ties.length === 0 ? (
            <Body1 as="p" block className={styles.text}>{g.noTies}</Body1>
          ) : (
            <ul className={styles.list}>
              {summary.ties.map((tie) => (
                <li key={`${tie.group}:${tie.rank}`} className={styles.item}>
                  {!oneGroup && tie.group && <strong>{g.groupName(tie.group)}: </strong>}
                  {g.tieLine(tie.rank, tie.units.map((u) => u.name).join(', '), tie.total)}
                </li>
              ))}
            </ul>
          )}
        </Section>

        {summary.awards.length > 0 && (
          <Section title={g.awards}>
            <ul className={styles.list}>
              {summary.awards.map((a) => (
                <li key={`${a.award}:${a.code}`} className={styles.item}>
                  {a.award}: {a.name} ({a.confirmed ? g.awardState.confirmed : g.awardState.proposed})
                </li>
              ))}
            </ul>
          </Section>
        )}

        <Section title={g.blocks}>
          {summary.blocking === 0 && summary.invalid === 0 ? (
            <Body1 as="p" block className={styles.text}>{g.nothingBlocks}</Body1>
          ) : (
            <Body1 as="p" block className={mergeClasses(styles.text, styles.blocking)}>
              {summary.blocking > 0 && <>{g.blockingErrors(summary.blocking)} </>}
              {summary.invalid > 0 && <>{g.invalidUnits(summary.invalid)} </>}
              <Link as="button" onClick={onGoToCheck}>
                {g.goToCheck}
              </Link>
            </Body1>
          )}
        </Section>
      </div>
    </div>
  );
}
