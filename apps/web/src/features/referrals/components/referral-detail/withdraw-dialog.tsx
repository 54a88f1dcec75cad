import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { ReferralDetail } from '@pathways/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../../../components/ui/conflict-alert';
import { errorMessage } from '../../../../components/ui/error-message';
import { FormDialog } from '../../../../components/ui/form-dialog';
import { useUnsavedChangesGuard } from '../../../../components/ui/unsaved-changes';
import { isApiError } from '../../../../lib/api-client';
import { conflictOf } from '../../../../lib/conflict';
import { referralKeys } from '../../api/referral-keys';
import { useWithdrawReferral } from '../../api/withdraw-referral';
import { referralConflictMessage } from './provider/referral-mutation-error';

interface WithdrawDialogProps {
  referral: ReferralDetail;
  opened: boolean;
  onClose: () => void;
  onWithdrawn: () => void;
}

/** Withdrawing needs a reason (kept with the referral) and a second, deliberate click. */
export function WithdrawDialog({ referral, opened, onClose, onWithdrawn }: WithdrawDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('referrals.withdraw.title')} size="md">
      {/* Mounted while open only: each opening starts with an empty reason. */}
      <WithdrawForm referral={referral} onClose={onClose} onWithdrawn={onWithdrawn} />
    </FormDialog>
  );
}

function WithdrawForm({ referral, onClose, onWithdrawn }: Omit<WithdrawDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const withdraw = useWithdrawReferral();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const guard = useUnsavedChangesGuard(reason.trim() !== '');
  const conflict = conflictOf(withdraw.error);

  const confirm = async () => {
    if (reason.trim().length < 3) {
      setError(t('common.validation.tooShort', { min: 3 }));
      return;
    }
    setReloaded(false);
    try {
      // The version as the page holds it now: after a reload, the latest.
      await withdraw.mutateAsync({ id: referral.id, version: referral.version, reason: reason.trim() });
      guard.release();
      onWithdrawn();
    } catch (e) {
      const detail = isApiError(e, 400) ? e.details.find((d) => d.path.endsWith('reason')) : undefined;
      if (detail) setError(detail.message);
      else if (!isApiError(e, 409)) setError(errorMessage(e, t));
    }
  };

  return (
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
        error={error ?? undefined}
        data-autofocus
      />
      {conflict ? (
        <ConflictAlert
          title={t('intake.conflict.title')}
          message={referralConflictMessage(conflict, t)}
          reloadLabel={t('intake.conflict.reload')}
          afterReload="keeps"
          reloaded={reloaded}
          onReload={() =>
            void queryClient
              .invalidateQueries({ queryKey: referralKeys.detail(referral.id) })
              .then(() => setReloaded(true))
          }
        />
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
  );
}
