import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormFooterProps {
  submitLabel: string;
  loading: boolean;
  disabled?: boolean;
  onCancel: () => void;
}

/** Cancel + submit row: shared by every case and referral form so their dialogs end the same way. */
export function FormFooter({ submitLabel, loading, disabled, onCancel }: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.actions.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
