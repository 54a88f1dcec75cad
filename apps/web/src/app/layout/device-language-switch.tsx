import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../components/ui/language-select';
import { currentLocale } from '../../lib/i18n';

/** Before sign-in there is no account to remember the choice on; this device remembers it. */
export function DeviceLanguageSwitch() {
  const { i18n } = useTranslation();
  return <LanguageSelect value={currentLocale()} onChange={(locale) => void i18n.changeLanguage(locale)} />;
}
