/** A finding's severity as an icon with its word for screen readers; colour is never the only cue. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Severity } from '../../../engine';
import { useLanguage } from '../i18n';

const useStyles = makeStyles({
  icon: { display: 'inline-flex', flexShrink: 0, marginTop: '2px' },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled } as const;

export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const { t } = useLanguage();
  const Icon = ICONS[severity];
  return (
    <span role="img" aria-label={t.check.severity[severity]} className={`${styles.icon} ${styles[severity]}`}>
      <Icon aria-hidden="true" />
    </span>
  );
}
