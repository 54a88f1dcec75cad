import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { ReferralDetail } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/ui/error-message';
import { isApiError } from '../../../../lib/api-client';
import { useWithdrawReferral } from '../../api/withdraw-referral';

interface WithdrawDialogProps {
  referral: ReferralDetail;
  opened: boolean;
  onClose: () => void;
  onWithdrawn: () => void;
}

/** Withdrawing needs a reason (kept with the referral) and a second, deliberate click. */
export function WithdrawDialog({ referral, opened, onClose, onWithdrawn }: WithdrawDialogProps) {
  const { t } = useTranslation();
  const withdraw = useWithdrawReferral();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    if (reason.trim().length < 3) {
      setError(t('common.validation.tooShort', { min: 3 }));
      return;
    }
    try {
      await withdraw.mutateAsync({ id: referral.id, version: referral.version, reason: reason.trim() });
      setReason('');
      onWithdrawn();
    } catch (e) {
      const detail = isApiError(e, 400) ? e.details.find((d) => d.path.endsWith('reason')) : undefined;
      if (detail) setError(detail.message);
      else if (isApiError(e, 409)) setError(t('referrals.withdraw.conflict'));
      else setError(errorMessage(e, t));
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('referrals.withdraw.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <Stack>
        <Text>{t('referrals.withdraw.body')}</Text>
        <Textarea
          label={t('referrals.withdraw.reason')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setError(null);
          }}
          error={error && !isApiError(withdraw.error, 409) ? error : undefined}
          data-autofocus
        />
        {error && isApiError(withdraw.error, 409) ? (
          <Alert color="orange" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.actions.cancel')}
          </Button>
          <Button color="red" loading={withdraw.isPending} onClick={() => void confirm()}>
            {t('referrals.withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
