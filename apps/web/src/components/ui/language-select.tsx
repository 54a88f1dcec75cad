import { NativeSelect } from '@mantine/core';
import { LOCALES, type Locale } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../lib/i18n';

interface LanguageSelectProps {
  value: Locale;
  onChange: (locale: Locale) => void;
  disabled?: boolean;
}

/** English / Español, each written in its own language. */
export function LanguageSelect({ value, onChange, disabled }: LanguageSelectProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      aria-label={t('common.language')}
      value={value}
      disabled={disabled}
      data={LOCALES.map((locale) => ({ value: locale, label: t(`common.languages.${locale}`) }))}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLocale(next)) onChange(next);
      }}
    />
  );
}
