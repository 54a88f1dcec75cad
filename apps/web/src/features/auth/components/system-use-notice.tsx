import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The CJIS system-use notice, shown before anyone signs in (ACCESS.md). */
export function SystemUseNotice() {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('auth.systemNotice.title')}
      data-testid="system-use-notice"
      styles={{ title: { fontSize: 'var(--mantine-font-size-md)', color: 'var(--mantine-color-dark-9)' } }}
    >
      {t('auth.systemNotice.body')}
    </Alert>
  );
}
