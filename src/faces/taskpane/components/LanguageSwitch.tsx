/** Tiếng Việt / English, for the page and the generated Kiểm tra sheet. */
import { Field, Select } from '@fluentui/react-components';
import type { Lang } from '../../../engine';
import { isLang, useLanguage } from '../i18n';

const ORDER: readonly Lang[] = ['vi', 'en'];

export function LanguageSwitch() {
  const { t, lang, setLang } = useLanguage();
  return (
    <Field label={t.app.language} orientation="horizontal" size="small">
      <Select
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
    </Field>
  );
}
