/**
 * Tiếng Việt / English, for the page and the generated Kiểm tra sheet. A label beside its select, on one
 * line: Fluent's horizontal Field gives the label a third of the field's width, which wrapped "Ngôn ngữ".
 */
import { Label, makeStyles, Select, tokens, useId } from '@fluentui/react-components';
import type { Lang } from '../../../engine';
import { isLang, useLanguage } from '../i18n';

const ORDER: readonly Lang[] = ['vi', 'en'];

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { whiteSpace: 'nowrap' },
});

export function LanguageSwitch() {
  const styles = useStyles();
  const id = useId('language');
  const { t, lang, setLang } = useLanguage();
  return (
    <div className={styles.root}>
      <Label htmlFor={id} size="small" className={styles.label}>
        {t.app.language}
      </Label>
      <Select
        id={id}
        size="small"
        value={lang}
        onChange={(_, data) => {
          if (isLang(data.value)) setLang(data.value);
        }}
      >
        {ORDER.map((l) => (
          <option key={l} value={l} lang={l}>
            {t.app.languageNames[l]}
          </option>
        ))}
      </Select>
    </div>
  );
}
