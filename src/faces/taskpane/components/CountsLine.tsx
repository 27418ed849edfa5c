/** `2 lỗi · 1 cảnh báo · 0 thông tin` */
import { Caption1 } from '@fluentui/react-components';
import type { SeverityCounts } from '../model/findings';
import { useLanguage } from '../i18n';

export function CountsLine({ counts, className }: { counts: SeverityCounts; className?: string }) {
  const { t } = useLanguage();
  return <Caption1 className={className}>{t.check.counts(counts.error, counts.warning, counts.info)}</Caption1>;
}
