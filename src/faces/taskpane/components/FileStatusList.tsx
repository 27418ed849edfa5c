/** One line per imported file: its status (đang đọc / đã đọc / lỗi with the reason) and a way to remove it. */
import { Badge, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import type { Finding } from '../../../engine';
import { useLanguage } from '../i18n';
import { countsForFile } from '../model/findings';
import type { FileStatus, ImportedFile } from '../state/useWorkbench';
import { fileProblem } from '../state/useWorkbench';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  body: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  name: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  problem: { color: tokens.colorStatusDangerForeground1, overflowWrap: 'anywhere' },
});

const BADGE: Record<FileStatus, 'informative' | 'success' | 'danger'> = { reading: 'informative', read: 'success', error: 'danger' };

export interface FileStatusListProps {
  files: ImportedFile[];
  /** Findings of the last check, to say how each file fared. */
  checked: Finding[] | null;
  onRemove: (id: string) => void;
}

export function FileStatusList({ files, checked, onRemove }: FileStatusListProps) {
  const styles = useStyles();
  const { t, lang } = useLanguage();
  return (
    <ul className={styles.list} aria-label={t.import.listLabel}>
      {files.map((f) => {
        const problem = f.status === 'error' ? fileProblem(f, lang) : null;
        const counts = f.status === 'read' && checked ? countsForFile(checked, f.name) : null;
        return (
          <li key={f.id} className={styles.item} aria-busy={f.status === 'reading'}>
            <div className={styles.body}>
              <span className={styles.name}>{f.name}</span>
              <span className={styles.line}>
                <Badge appearance="tint" color={BADGE[f.status]}>
                  {t.import.status[f.status]}
                </Badge>
                {f.status === 'read' && f.workbook && <Caption1>{t.import.sheets(f.workbook.sheets.length)}</Caption1>}
                {f.sample && <Caption1>· {t.import.sample}</Caption1>}
              </span>
              {problem && <Caption1 className={styles.problem}>{problem}</Caption1>}
              {counts && (counts.error > 0 || counts.warning > 0) && <Caption1>{t.import.afterCheck(counts.error, counts.warning)}</Caption1>}
            </div>
            <Button appearance="subtle" icon={<Dismiss16Regular />} aria-label={t.import.remove(f.name)} title={t.import.remove(f.name)} onClick={() => onRemove(f.id)} />
          </li>
        );
      })}
    </ul>
  );
}
