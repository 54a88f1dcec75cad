import { notify } from '../../lib/notify';
import type { Locale } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../components/ui/language-select';
import { useUpdateLocale } from '../../features/auth/api/update-locale';
import { currentLocale } from '../../lib/i18n';

/** Switches the interface at once and remembers the choice on the account. */
export function AccountLanguageSwitch() {
  const { t, i18n } = useTranslation();
  const updateLocale = useUpdateLocale();
  const onChange = (locale: Locale) => {
    void i18n.changeLanguage(locale);
    updateLocale.mutate(locale, {
      onError: () => notify({ color: 'red', message: t('common.session.localeSaveFailed') }),
    });
  };
  return <LanguageSelect value={currentLocale()} onChange={onChange} />;
}
