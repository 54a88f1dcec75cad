import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { CaseDetail } from '@pathways/contracts';
import { closureEffects, isOpenCase, outcomeClassOf } from '@pathways/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../../../components/ui/reason-dialog';
import { isApiError } from '../../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../../lib/format';
import { notify } from '../../../../lib/notify';
import { useSession } from '../../../../lib/session';
import { useApproveClosure } from '../../api/approve-closure';
import { useChangeCaseStatus } from '../../api/change-case-status';
import { useRejectClosure } from '../../api/reject-closure';
import { useReopenCase } from '../../api/reopen-case';
import { CaseMutationError } from '../case-mutation-error';
import { CaseSettingsDialog } from './case-settings-dialog';
import { ClosureRequestDialog } from './closure-request-dialog';

type Dialog = 'request' | 'approve' | 'reject' | 'reopen' | 'hold' | 'nonCompliant' | 'resume' | 'settings';

const detailOf = (error: unknown, path: string) =>
  isApiError(error, 400)
    ? (error.details.find((d) => d.path.replace(/^body\./, '') === path)?.message ?? null)
    : null;

/** Whether the signed-in supervisor is the one who asked for this closure: two people must agree to close. */
export function isClosureRequester(detail: CaseDetail, userId: string): boolean {
  return detail.closure.requestedBy !== null && detail.closure.requestedBy === userId;
}

/**
 * The moves on a case's status, offered by its `abilities` and state (the API enforces the same rules): request
 * closure; approve or reject it (not the requester); reopen within 30 days; hold, mark non-compliant, resume.
 */
export function CaseStatusActions({ detail, now = new Date() }: { detail: CaseDetail; now?: Date }) {
  const { t } = useTranslation();
  const me = useSession();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const approve = useApproveClosure();
  const reject = useRejectClosure();
  const reopen = useReopenCase();
  const changeStatus = useChangeCaseStatus();
  const { abilities, status, version, id: caseId } = detail;
  const open = isOpenCase(status);
  const requester = isClosureRequester(detail, me.id);
  const reopenUntil = detail.closure.reopenUntil;
  const canReopen =
    abilities.supervise && status === 'CLOSED' && reopenUntil !== null && new Date(reopenUntil) > now;

  const close = () => {
    setDialog(null);
    for (const m of [approve, reject, reopen, changeStatus]) m.reset();
  };
  const done = (message: string) => {
    close();
    notify({ color: 'green', message });
  };

  const statusDialog = (kind: 'hold' | 'nonCompliant' | 'resume') => {
    const target = kind === 'hold' ? 'ON_HOLD' : kind === 'nonCompliant' ? 'NON_COMPLIANT' : 'ACTIVE';
    return (
      <ReasonDialog
        key={kind}
        opened={dialog === kind}
        title={t(`cases.statusChange.${kind}.title`)}
        intro={t(`cases.statusChange.${kind}.intro`)}
        label={t('cases.statusChange.reason')}
        confirmLabel={t(`cases.statusChange.${kind}.confirm`)}
        loading={changeStatus.isPending}
        fieldError={detailOf(changeStatus.error, 'reason')}
        error={
          <CaseMutationError
            error={changeStatus.error}
            caseId={caseId}
            onReload={close}
            afterReload="closes"
          />
        }
        onConfirm={(reason) =>
          changeStatus.mutate(
            { caseId, version, status: target, reason },
            { onSuccess: () => done(t(`cases.statusChange.${kind}.done`)) },
          )
        }
        onClose={close}
      />
    );
  };

  const buttons = [
    abilities.write && open ? (
      <Button key="request" onClick={() => setDialog('request')}>
        {t('cases.closure.request')}
      </Button>
    ) : null,
    abilities.supervise && status === 'CLOSURE_REVIEW' && !requester ? (
      <Button key="approve" color="green" onClick={() => setDialog('approve')}>
        {t('cases.closure.approve')}
      </Button>
    ) : null,
    abilities.supervise && status === 'CLOSURE_REVIEW' ? (
      <Button key="reject" variant="default" onClick={() => setDialog('reject')}>
        {t('cases.closure.reject')}
      </Button>
    ) : null,
    canReopen ? (
      <Button key="reopen" variant="default" onClick={() => setDialog('reopen')}>
        {t('cases.closure.reopen')}
      </Button>
    ) : null,
    abilities.supervise && status === 'ACTIVE' ? (
      <Button key="hold" variant="default" onClick={() => setDialog('hold')}>
        {t('cases.statusChange.hold.open')}
      </Button>
    ) : null,
    abilities.write && status === 'ACTIVE' ? (
      <Button key="nonCompliant" variant="default" onClick={() => setDialog('nonCompliant')}>
        {t('cases.statusChange.nonCompliant.open')}
      </Button>
    ) : null,
    (status === 'ON_HOLD' && abilities.supervise) || (status === 'NON_COMPLIANT' && abilities.write) ? (
      <Button key="resume" variant="default" onClick={() => setDialog('resume')}>
        {t('cases.statusChange.resume.open')}
      </Button>
    ) : null,
    abilities.write && open ? (
      <Button key="settings" variant="subtle" onClick={() => setDialog('settings')}>
        {t('cases.settings.open')}
      </Button>
    ) : null,
  ].filter((b) => b !== null);

  // Under review the outcome is not set yet: it follows from the requested reason.
  const outcome =
    detail.closure.outcomeClass ?? (detail.closure.reason ? outcomeClassOf(detail.closure.reason) : null);
  const effects = outcome ? closureEffects(detail.pathway, outcome) : null;

  return (
    <>
      {buttons.length ? (
        <Group gap="xs" wrap="wrap" className="no-print" data-testid="case-actions">
          {buttons}
        </Group>
      ) : null}
      <ClosureRequestDialog
        detail={detail}
        opened={dialog === 'request'}
        onClose={close}
        onDone={() => done(t('cases.closure.requested'))}
      />
      <CaseSettingsDialog
        detail={detail}
        opened={dialog === 'settings'}
        onClose={close}
        onDone={() => done(t('cases.settings.saved'))}
      />
      <Modal
        opened={dialog === 'approve'}
        onClose={close}
        title={t('cases.closure.approveTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        <Stack>
          <Text>{t('cases.closure.approveBody')}</Text>
          {effects?.completionNotice ? <Text size="sm">{t('cases.closure.effectCompletion')}</Text> : null}
          {effects?.returnToReferrer ? <Text size="sm">{t('cases.closure.effectReturn')}</Text> : null}
          <CaseMutationError error={approve.error} caseId={caseId} onReload={close} afterReload="closes" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.actions.cancel')}
            </Button>
            <Button
              color="green"
              loading={approve.isPending}
              data-autofocus
              onClick={() =>
                approve.mutate({ caseId, version }, { onSuccess: () => done(t('cases.closure.approved')) })
              }
            >
              {t('cases.closure.approveConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ReasonDialog
        opened={dialog === 'reject'}
        title={t('cases.closure.rejectTitle')}
        intro={t('cases.closure.rejectIntro')}
        label={t('cases.closure.comment')}
        confirmLabel={t('cases.closure.rejectConfirm')}
        loading={reject.isPending}
        fieldError={detailOf(reject.error, 'comment')}
        error={
          <CaseMutationError error={reject.error} caseId={caseId} onReload={close} afterReload="closes" />
        }
        onConfirm={(comment) =>
          reject.mutate({ caseId, version, comment }, { onSuccess: () => done(t('cases.closure.rejected')) })
        }
        onClose={close}
      />
      <ReasonDialog
        opened={dialog === 'reopen'}
        title={t('cases.closure.reopenTitle')}
        intro={t('cases.closure.reopenIntro')}
        label={t('cases.statusChange.reason')}
        confirmLabel={t('cases.closure.reopenConfirm')}
        loading={reopen.isPending}
        fieldError={detailOf(reopen.error, 'reason')}
        error={
          <CaseMutationError error={reopen.error} caseId={caseId} onReload={close} afterReload="closes" />
        }
        onConfirm={(reason) =>
          reopen.mutate({ caseId, version, reason }, { onSuccess: () => done(t('cases.closure.reopened')) })
        }
        onClose={close}
      />
      {statusDialog('hold')}
      {statusDialog('nonCompliant')}
      {statusDialog('resume')}
    </>
  );
}

/** Where the case stands on closure (requested, rejected, closed) and why, in words. */
export function ClosureInfo({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const { closure, status } = detail;
  const date = (value: string | null) => formatDate(value, i18n.language) ?? '—';
  const reason = closure.reason ? t(`cases.closureReasons.${closure.reason}`) : null;

  if (status === 'CLOSURE_REVIEW')
    return (
      <Alert
        color="grape"
        variant="light"
        title={t('cases.closure.reviewTitle')}
        data-testid="closure-review"
      >
        <Stack gap={4}>
          <Text size="sm">
            {t('cases.closure.requestedBy', {
              name: closure.requestedByName ?? '—',
              date: formatDateTime(closure.requestedAt, i18n.language) ?? '—',
            })}
          </Text>
          {reason ? (
            <Text size="sm">
              {t('cases.closure.reason')}: {reason}
            </Text>
          ) : null}
          {closure.summary ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {closure.summary}
            </Text>
          ) : null}
          {detail.abilities.supervise && isClosureRequester(detail, me.id) ? (
            <Text size="sm" fw={600} data-testid="approve-hidden-reason">
              {t('cases.closure.ownRequest')}
            </Text>
          ) : null}
        </Stack>
      </Alert>
    );
  if (status === 'CLOSED')
    return (
      <Alert color="gray" variant="light" title={t('cases.closure.closedTitle')} data-testid="closure-closed">
        <Stack gap={4}>
          <Text size="sm">
            {t('cases.closure.closedOn', { date: date(closure.closedAt) })}
            {closure.outcomeClass ? ` · ${t(`cases.outcomes.${closure.outcomeClass}`)}` : ''}
            {reason ? ` · ${reason}` : ''}
          </Text>
          {closure.approvedByName ? (
            <Text size="sm">{t('cases.closure.approvedBy', { name: closure.approvedByName })}</Text>
          ) : null}
          {closure.completionNoticeSentAt ? (
            <Text size="sm">
              {t('cases.closure.noticeSent', { date: date(closure.completionNoticeSentAt) })}
            </Text>
          ) : null}
          {detail.abilities.supervise && closure.reopenUntil ? (
            <Text size="sm">{t('cases.closure.reopenUntil', { date: date(closure.reopenUntil) })}</Text>
          ) : null}
        </Stack>
      </Alert>
    );
  return (
    <>
      {detail.statusReason && (status === 'ON_HOLD' || status === 'NON_COMPLIANT') ? (
        <Alert color="orange" variant="light" title={t(`cases.statuses.${status}`)}>
          <Text size="sm">{detail.statusReason}</Text>
        </Alert>
      ) : null}
      {closure.rejectedComment ? (
        <Alert color="orange" variant="light" title={t('cases.closure.rejectedTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {closure.rejectedComment}
          </Text>
        </Alert>
      ) : null}
    </>
  );
}
