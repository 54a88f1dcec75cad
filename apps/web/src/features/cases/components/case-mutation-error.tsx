import { Alert } from '@mantine/core';
import { CASE_STATUSES, type CaseStatus } from '@pathways/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, type AfterReload } from '../../../components/ui/conflict-alert';
import { errorMessage } from '../../../components/ui/error-message';
import { isApiError } from '../../../lib/api-client';
import { conflictOf, type Conflict } from '../../../lib/conflict';
import { caseKeys } from '../api/case-keys';

const isCaseStatus = (value: string): value is CaseStatus =>
  (CASE_STATUSES as readonly string[]).includes(value);

/**
 * What a 409 says changed, in words. On the case itself: its status and version now ("This case is now “Closure
 * review” (version 7)"). On a goal, item or service: that record's version.
 */
export function caseConflictMessage(conflict: Conflict, subject: 'case' | 'record', t: TFunction): string {
  const { currentStatus, currentVersion } = conflict;
  if (subject === 'record')
    return currentVersion !== null
      ? t('cases.conflict.record', { version: currentVersion })
      : t('cases.conflict.recordUnknown');
  const status =
    currentStatus === null
      ? null
      : isCaseStatus(currentStatus)
        ? t(`cases.statuses.${currentStatus}`)
        : currentStatus;
  if (status !== null && currentVersion !== null)
    return t('cases.conflict.statusAndVersion', { status, version: currentVersion });
  if (status !== null) return t('cases.conflict.status', { status });
  if (currentVersion !== null) return t('cases.conflict.version', { version: currentVersion });
  return t('cases.conflict.unknown');
}

interface CaseMutationErrorProps {
  error: unknown;
  caseId: string;
  /** The case itself (status moves, PATCH) or one of its records (a goal, an item, a service). */
  subject?: 'case' | 'record';
  /** Server details that did not land on a field. */
  unmatched?: string[];
  /** After the reload starts: close the dialog, clear the failed attempt. */
  onReload?: () => void;
  /** What the reload does to what the person typed in this form (none: nothing was typed). */
  afterReload?: AfterReload;
}

/** A failed write on a case: a 409 names what changed and offers to reload; other errors are said in words. */
export function CaseMutationError({
  error,
  caseId,
  subject = 'case',
  unmatched = [],
  onReload,
  afterReload,
}: CaseMutationErrorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  if (!error) return null;
  const conflict = conflictOf(error);
  if (conflict)
    return (
      <ConflictAlert
        title={subject === 'case' ? t('cases.conflict.title') : t('cases.conflict.recordTitle')}
        message={caseConflictMessage(conflict, subject, t)}
        reloadLabel={t('cases.conflict.reload')}
        afterReload={afterReload}
        onReload={() => {
          void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
          onReload?.();
        }}
      />
    );
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error, t)}
      {(isApiError(error, 400) ? unmatched : []).map((message) => (
        <div key={message}>{message}</div>
      ))}
    </Alert>
  );
}
