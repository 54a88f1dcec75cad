import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { PERMISSIONS, type ProviderReferralDetail, type ReferralDetail } from '@pathways/contracts';
import { referralTransition, type ReferralAction } from '@pathways/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../../../../components/ui/reason-dialog';
import { notify } from '../../../../../lib/notify';
import { staffNames, useStaff } from '../../../../../lib/people/get-staff';
import { can, useSession } from '../../../../../lib/session';
import { useAcknowledgeReferral } from '../../../api/acknowledge-referral';
import { useAssignReferral } from '../../../api/assign-referral';
import { useMarkReferralDuplicate } from '../../../api/mark-referral-duplicate';
import { useMarkReferralIneligible } from '../../../api/mark-referral-ineligible';
import { useOverrideReferralEligibility } from '../../../api/override-referral-eligibility';
import { useRequestReferralInfo } from '../../../api/request-referral-info';
import { AssignDialog } from './assign-dialog';
import { DuplicateDialog } from './duplicate-dialog';
import { fieldDetail, otherDetails, ReferralMutationError } from './referral-mutation-error';

type Dialog = 'requestInfo' | 'assign' | 'ineligible' | 'duplicate' | 'override';

/** Fields only provider users receive (ProviderReferralDetail); absent from the police-shaped detail. */
export function providerView(referral: ReferralDetail): Partial<ProviderReferralDetail> {
  return referral;
}

/**
 * The provider supervisor's intake decisions on one referral: acknowledge, ask the officer, assign a counselor,
 * rule it ineligible or a duplicate, override eligibility. Only the moves the current state allows are offered;
 * the API checks the same state machine and answers 409 when the referral moved on meanwhile.
 */
export function TriagePanel({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const acknowledge = useAcknowledgeReferral();
  const requestInfo = useRequestReferralInfo();
  const assign = useAssignReferral();
  const ineligible = useMarkReferralIneligible();
  const duplicate = useMarkReferralDuplicate();
  const override = useOverrideReferralEligibility();
  const staff = useStaff('COUNSELOR', can(me, PERMISSIONS.USERS_READ));
  const provider = providerView(referral);
  const assignedId = provider.assignedCounselorId ?? null;

  const status = referral.status;
  const allowed = (action: ReferralAction) =>
    status !== 'SEALED' && referralTransition(status, action).allowed;
  const needsOverride = referral.eligibility?.decision === 'NEEDS_OVERRIDE';
  const { id, version } = referral;

  const close = () => {
    setDialog(null);
    for (const m of [requestInfo, assign, ineligible, duplicate, override]) m.reset();
  };
  const done = (message: string) => {
    close();
    notify({ color: 'green', message });
  };
  const errorOf = (mutation: { error: unknown; reset: () => void }, ...fields: string[]) => (
    <ReferralMutationError
      error={mutation.error}
      referralId={id}
      unmatched={otherDetails(mutation.error, ...fields)}
      onReload={close}
      afterReload="closes"
    />
  );

  const assignedName = assignedId
    ? assignedId === me.id
      ? t('intake.triage.you')
      : (provider.assignedCounselorName ??
        staffNames(staff.data).get(assignedId) ??
        t('intake.triage.assignedUnknown'))
    : null;

  const actions = [
    allowed('acknowledge') ? (
      <Button
        key="acknowledge"
        loading={acknowledge.isPending}
        onClick={() =>
          acknowledge.mutate(
            { id, version },
            { onSuccess: () => notify({ color: 'green', message: t('intake.triage.acknowledged') }) },
          )
        }
      >
        {t('intake.triage.acknowledge')}
      </Button>
    ) : null,
    allowed('assign') ? (
      <Button
        key="assign"
        variant={status === 'TRIAGE' ? 'filled' : 'default'}
        onClick={() => setDialog('assign')}
      >
        {assignedId ? t('intake.triage.reassign') : t('intake.triage.assign')}
      </Button>
    ) : null,
    allowed('request-info') ? (
      <Button key="requestInfo" variant="default" onClick={() => setDialog('requestInfo')}>
        {t('intake.triage.requestInfo')}
      </Button>
    ) : null,
    needsOverride && allowed('override-eligibility') ? (
      <Button key="override" variant="default" onClick={() => setDialog('override')}>
        {t('intake.triage.override')}
      </Button>
    ) : null,
    allowed('ineligible') ? (
      <Button key="ineligible" variant="outline" color="red" onClick={() => setDialog('ineligible')}>
        {t('intake.triage.ineligible')}
      </Button>
    ) : null,
    allowed('mark-duplicate') ? (
      <Button key="duplicate" variant="outline" color="red" onClick={() => setDialog('duplicate')}>
        {t('intake.triage.duplicate')}
      </Button>
    ) : null,
  ].filter((action) => action !== null);

  return (
    <Card
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="triage-heading"
      className="no-print"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="triage-heading">
          {t('intake.triage.title')}
        </Title>
        <Text data-testid="assigned-counselor">
          {t('intake.triage.assignedLabel')}: {assignedName ?? t('intake.triage.notAssigned')}
        </Text>
        {actions.length > 0 ? (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        ) : (
          <Text c="dimmed">{t('intake.triage.noneOpen')}</Text>
        )}
        <ReferralMutationError
          error={acknowledge.error}
          referralId={id}
          onReload={() => acknowledge.reset()}
        />
      </Stack>

      <ReasonDialog
        opened={dialog === 'requestInfo'}
        title={t('intake.requestInfo.title')}
        intro={t('intake.requestInfo.intro')}
        label={t('intake.requestInfo.message')}
        confirmLabel={t('intake.requestInfo.confirm')}
        loading={requestInfo.isPending}
        fieldError={fieldDetail(requestInfo.error, 'message')}
        error={errorOf(requestInfo, 'message')}
        onConfirm={(message) =>
          requestInfo.mutate(
            { id, version, message },
            { onSuccess: () => done(t('intake.requestInfo.done')) },
          )
        }
        onClose={close}
      />
      <ReasonDialog
        opened={dialog === 'ineligible'}
        title={t('intake.ineligible.title')}
        intro={t('intake.ineligible.intro')}
        label={t('intake.ineligible.reason')}
        confirmLabel={t('intake.ineligible.confirm')}
        destructive
        loading={ineligible.isPending}
        fieldError={fieldDetail(ineligible.error, 'reason')}
        error={errorOf(ineligible, 'reason')}
        onConfirm={(reason) =>
          ineligible.mutate({ id, version, reason }, { onSuccess: () => done(t('intake.ineligible.done')) })
        }
        onClose={close}
      />
      <ReasonDialog
        opened={dialog === 'override'}
        title={t('intake.override.title')}
        intro={t('intake.override.intro')}
        label={t('intake.override.reason')}
        confirmLabel={t('intake.override.confirm')}
        loading={override.isPending}
        fieldError={fieldDetail(override.error, 'reason')}
        error={errorOf(override, 'reason')}
        onConfirm={(reason) =>
          override.mutate({ id, version, reason }, { onSuccess: () => done(t('intake.override.done')) })
        }
        onClose={close}
      />
      <AssignDialog
        opened={dialog === 'assign'}
        counselors={staff.data}
        loadingCounselors={staff.isPending}
        currentCounselorId={assignedId}
        loading={assign.isPending}
        fieldError={fieldDetail(assign.error, 'counselorId')}
        error={errorOf(assign, 'counselorId')}
        onConfirm={(counselorId) =>
          assign.mutate(
            { id, version, counselorId },
            {
              onSuccess: () =>
                done(t('intake.assign.done', { name: staffNames(staff.data).get(counselorId) ?? '' })),
            },
          )
        }
        onClose={close}
      />
      <DuplicateDialog
        opened={dialog === 'duplicate'}
        referralId={id}
        loading={duplicate.isPending}
        fieldError={fieldDetail(duplicate.error, 'duplicateOfId')}
        error={errorOf(duplicate, 'duplicateOfId')}
        onConfirm={(duplicateOfId) =>
          duplicate.mutate(
            { id, version, duplicateOfId },
            { onSuccess: () => done(t('intake.duplicate.done')) },
          )
        }
        onClose={close}
      />
    </Card>
  );
}
