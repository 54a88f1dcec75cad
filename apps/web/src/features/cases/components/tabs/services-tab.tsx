import { Alert, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import {
  SERVICE_STATUSES,
  type CaseDetail,
  type ServiceEnrollmentView,
  type ServiceStatus,
} from '@pathways/contracts';
import { useState } from 'react';
import { serviceEnrollmentName } from '../../../../lib/catalog/get-service-types';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { formatDate } from '../../../../lib/format';
import { notify } from '../../../../lib/notify';
import { useServices } from '../../api/get-services';
import { useUpdateService } from '../../api/update-service';
import { CaseMutationError } from '../case-mutation-error';
import { FormDialog as FormModal } from '../../../../components/ui/form-dialog';
import { Fact, Facts } from './facts';
import { ServiceForm } from './service-form';
import { TabSection } from './tab-section';

const ENDED: readonly ServiceStatus[] = ['COMPLETED', 'DROPPED', 'DECLINED'];

/** A status change with the dates it implies: ACTIVE starts it (if not yet), an end state ends it. */
export function serviceStatusChange(service: ServiceEnrollmentView, status: ServiceStatus, now: Date) {
  return {
    version: service.version,
    status,
    ...(status === 'ACTIVE' && !service.startedAt ? { startedAt: now.toISOString() } : {}),
    ...(ENDED.includes(status) && !service.endedAt ? { endedAt: now.toISOString() } : {}),
  };
}

/** Service enrollments; the first ACTIVE one starts the program and ends the WIC 652.5 20-day clock. */
export function ServicesTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const services = useServices(detail.id);
  const update = useUpdateService();
  const [adding, setAdding] = useState(false);
  const writable = detail.abilities.write && detail.status !== 'CLOSED';

  return (
    <TabSection
      id="services-heading"
      title={t('cases.tabs.services')}
      action={writable ? <Button onClick={() => setAdding(true)}>{t('cases.services.add')}</Button> : null}
    >
      {!detail.clocks.serviceProgramInitiatedAt && detail.status !== 'CLOSED' ? (
        <Alert color="blue" variant="light" data-testid="clock-note">
          {t('cases.services.clockNote')}
        </Alert>
      ) : null}
      <CaseMutationError
        error={update.error}
        caseId={detail.id}
        subject="record"
        onReload={() => update.reset()}
      />
      {services.isPending ? (
        <LoadingState />
      ) : services.isError ? (
        <ErrorState error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.length === 0 ? (
        <EmptyState title={t('cases.services.emptyTitle')} description={t('cases.services.empty')} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="service-list">
          {services.data.map((s) => (
            <ServiceRow
              key={s.id}
              service={s}
              writable={writable}
              onStatus={(status) =>
                update.mutate(
                  { caseId: detail.id, serviceId: s.id, ...serviceStatusChange(s, status, new Date()) },
                  { onSuccess: () => notify({ color: 'green', message: t('cases.services.updated') }) },
                )
              }
            />
          ))}
        </Stack>
      )}
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('cases.services.addTitle')}>
        <ServiceForm
          detail={detail}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            notify({ color: 'green', message: t('cases.services.saved') });
          }}
        />
      </FormModal>
    </TabSection>
  );
}

function ServiceRow({
  service: s,
  writable,
  onStatus,
}: {
  service: ServiceEnrollmentView;
  writable: boolean;
  onStatus: (status: ServiceStatus) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const name = serviceEnrollmentName(s, locale);
  return (
    <Card withBorder radius="md" p="md" component="li">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap="xs" style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Text fw={700}>{name}</Text>
          <Facts minWidth="9rem">
            <Fact label={t('cases.services.provider')}>{s.provider}</Fact>
            <Fact label={t('cases.services.referredAt')}>{formatDate(s.referredAt, locale)}</Fact>
            <Fact label={t('cases.services.startedAt')}>{formatDate(s.startedAt, locale)}</Fact>
            <Fact label={t('cases.services.endedAt')}>{formatDate(s.endedAt, locale)}</Fact>
            <Fact label={t('cases.services.sessions')}>
              {s.sessionsPlanned !== null
                ? t('cases.services.sessionsOf', { attended: s.sessionsAttended, planned: s.sessionsPlanned })
                : String(s.sessionsAttended)}
            </Fact>
          </Facts>
        </Stack>
        {writable ? (
          <NativeSelect
            label={t('cases.services.status')}
            aria-label={t('cases.services.statusOf', { service: name })}
            value={s.status}
            data={SERVICE_STATUSES.map((x) => ({ value: x, label: t(`cases.serviceStatuses.${x}`) }))}
            onChange={(event) => onStatus(event.currentTarget.value as ServiceStatus)}
            style={{ flex: '0 1 12rem' }}
          />
        ) : (
          <Text fw={600}>{t(`cases.serviceStatuses.${s.status}`)}</Text>
        )}
      </Group>
    </Card>
  );
}
