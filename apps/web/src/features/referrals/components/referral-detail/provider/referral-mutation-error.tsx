import { Alert } from '@mantine/core';
import { REFERRAL_STATUSES, type ReferralStatus } from '@pathways/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, type AfterReload } from '../../../../../components/ui/conflict-alert';
import { errorMessage } from '../../../../../components/ui/error-message';
import { isApiError } from '../../../../../lib/api-client';
import { conflictOf, type Conflict } from '../../../../../lib/conflict';
import { referralKeys } from '../../../api/referral-keys';

const isReferralStatus = (value: string): value is ReferralStatus =>
  (REFERRAL_STATUSES as readonly string[]).includes(value);

/** "This referral is now “Contacting family” (version 4)": what a 409 says changed, in words. */
export function referralConflictMessage(conflict: Conflict, t: TFunction): string {
  const { currentStatus, currentVersion } = conflict;
  const status =
    currentStatus === null
      ? null
      : isReferralStatus(currentStatus) || currentStatus === 'SEALED'
        ? t(`referrals.statuses.${currentStatus}`)
        : currentStatus;
  if (status !== null && currentVersion !== null)
    return t('intake.conflict.statusAndVersion', { status, version: currentVersion });
  if (status !== null) return t('intake.conflict.status', { status });
  if (currentVersion !== null) return t('intake.conflict.version', { version: currentVersion });
  return t('intake.conflict.unknown');
}

interface ReferralMutationErrorProps {
  error: unknown;
  referralId: string;
  /** Called after the reload starts, e.g. to close the dialog and clear the failed attempt. */
  onReload?: () => void;
  /** Server details that did not belong to any field of the form. */
  unmatched?: string[];
  /** What the reload does to what the person typed (none: a one-click action). */
  afterReload?: AfterReload;
}

/**
 * What went wrong with a move on a referral: a 409 names the status and version it now has and offers to reload;
 * a 400's field details not shown at a field are listed; anything else is said in words.
 */
export function ReferralMutationError({
  error,
  referralId,
  onReload,
  unmatched = [],
  afterReload,
}: ReferralMutationErrorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  if (!error) return null;
  const conflict = conflictOf(error);
  if (conflict) {
    return (
      <ConflictAlert
        title={t('intake.conflict.title')}
        message={referralConflictMessage(conflict, t)}
        reloadLabel={t('intake.conflict.reload')}
        afterReload={afterReload}
        onReload={() => {
          void queryClient.invalidateQueries({ queryKey: referralKeys.detail(referralId) });
          onReload?.();
        }}
      />
    );
  }
  const details = isApiError(error, 400) ? unmatched : [];
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error, t)}
      {details.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </Alert>
  );
}

/** The message of a 400 detail on one of `paths` (e.g. `reason`), to show at that field. */
export function fieldDetail(error: unknown, ...paths: string[]): string | null {
  if (!isApiError(error, 400)) return null;
  return error.details.find((d) => paths.includes(d.path.replace(/^body\./, '')))?.message ?? null;
}

/** The messages of a 400's details that are not on any of `paths`. */
export function otherDetails(error: unknown, ...paths: string[]): string[] {
  if (!isApiError(error, 400)) return [];
  return error.details.filter((d) => !paths.includes(d.path.replace(/^body\./, ''))).map((d) => d.message);
}
