import { Alert, Stack } from '@mantine/core';
import {
  CLOCK_KEYS,
  EQUITY_REFERENCE_GROUPS,
  type ClockKey,
  type OrganizationAdminView,
} from '@pathways/contracts';
import { CLOCK_BOUNDS, REPORT_BOUNDS, SECURITY_BOUNDS, SERVICE_START_DAYS } from '@pathways/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useOrganization } from '../api/get-organization';
import { ProfileForm } from './profile-form';
import { SettingsSectionForm, type SettingField, type SettingValue } from './settings-section-form';

/** The unit each clock is counted in (DOMAIN.md "Clocks"). */
const CLOCK_UNIT: Record<ClockKey, 'businessDays' | 'days' | 'months'> = {
  triageBusinessDays: 'businessDays',
  firstContactBusinessDays: 'businessDays',
  intakeBusinessDays: 'businessDays',
  serviceStartDays: 'days',
  assessmentDays: 'days',
  casePlanDays: 'days',
  noContactDays: 'days',
  targetDays: 'days',
  maxMonths: 'months',
  completionNoticeBusinessDays: 'businessDays',
  followUpToleranceDays: 'days',
  onHoldMaxDays: 'days',
  reopenDays: 'days',
};

const DAYS_IN_SHORTEST_MONTH = 28;

function clockFields(t: TFunction): SettingField[] {
  return CLOCK_KEYS.map((key) => ({
    key,
    kind: 'number',
    label: t(`administration.clocks.fields.${key}`),
    help: key === 'serviceStartDays' ? t('administration.clocks.statutoryHelp') : undefined,
    min: CLOCK_BOUNDS[key].min,
    max: CLOCK_BOUNDS[key].max,
    unit: t(`administration.units.${CLOCK_UNIT[key]}`),
  }));
}

function securityFields(t: TFunction, org: OrganizationAdminView): SettingField[] {
  const b = SECURITY_BOUNDS;
  const unit = (u: 'minutes' | 'hours' | 'attempts' | 'days') => t(`administration.units.${u}`);
  return [
    {
      key: 'mfaRequired',
      kind: 'switch',
      label: t('administration.security.mfaRequired'),
      help: org.deployment.mfaAlwaysRequired
        ? t('administration.security.mfaAlways')
        : t('administration.security.mfaHelp'),
      disabled: org.deployment.mfaAlwaysRequired,
    },
    {
      key: 'sessionIdleMinutes',
      kind: 'number',
      label: t('administration.security.sessionIdleMinutes'),
      help: t('administration.security.cjisIdle'),
      min: b.sessionIdleMinutes.min,
      max: Math.min(b.sessionIdleMinutes.max, org.deployment.sessionIdleMinutesMax),
      unit: unit('minutes'),
    },
    {
      key: 'sessionAbsoluteHours',
      kind: 'number',
      label: t('administration.security.sessionAbsoluteHours'),
      help: t('administration.security.cjisAbsolute'),
      min: b.sessionAbsoluteHours.min,
      max: Math.min(b.sessionAbsoluteHours.max, org.deployment.sessionAbsoluteHoursMax),
      unit: unit('hours'),
    },
    {
      key: 'lockoutMaxFailures',
      kind: 'number',
      label: t('administration.security.lockoutMaxFailures'),
      help: t('administration.security.cjisFailures'),
      ...b.lockoutMaxFailures,
      unit: unit('attempts'),
    },
    {
      key: 'lockoutWindowMinutes',
      kind: 'number',
      label: t('administration.security.lockoutWindowMinutes'),
      ...b.lockoutWindowMinutes,
      unit: unit('minutes'),
    },
    {
      key: 'lockoutAutoUnlockMinutes',
      kind: 'nullableNumber',
      label: t('administration.security.lockoutAutoUnlockMinutes'),
      help: t('administration.security.cjisLock'),
      ...b.lockoutAutoUnlockMinutes,
      unit: unit('minutes'),
      noneLabel: t('administration.security.adminUnlockOnly'),
    },
    {
      key: 'accountInactivityDays',
      kind: 'number',
      label: t('administration.security.accountInactivityDays'),
      help: t('administration.security.cjisInactivity'),
      ...b.accountInactivityDays,
      unit: unit('days'),
    },
  ];
}

function reportFields(t: TFunction): SettingField[] {
  return [
    {
      key: 'equityReferenceGroup',
      kind: 'select',
      label: t('administration.reports.equityReferenceGroup'),
      help: t('administration.reports.equityHelp'),
      options: EQUITY_REFERENCE_GROUPS.map((g) => ({ value: g, label: t(`common.race.${g}`) })),
    },
    {
      key: 'suppressionThreshold',
      kind: 'number',
      label: t('administration.reports.suppressionThreshold'),
      help: t('administration.reports.suppressionHelp'),
      ...REPORT_BOUNDS.suppressionThreshold,
      unit: t('administration.units.youth'),
    },
  ];
}

const asValues = (o: object) => o as Record<string, SettingValue>;

/** The ADMIN's own organization: profile, the provider's clocks, security policy and reporting settings. */
export function OrganizationScreen() {
  const { t } = useTranslation();
  const query = useOrganization();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const org = query.data;

  return (
    <>
      <PageHeader
        title={t('administration.organization.title')}
        description={t('administration.organization.intro', {
          name: org.name,
          kind: t(`administration.organizationKinds.${org.kind}`),
        })}
      />
      {/* Keyed by version: after a save or a conflict, every section shows what is stored now. */}
      <Stack gap="lg" key={org.version}>
        <ProfileForm organization={org} />
        {org.clocks ? (
          <SettingsSectionForm
            section="clocks"
            title={t('administration.clocks.title')}
            description={t('administration.clocks.intro')}
            fields={clockFields(t)}
            values={asValues(org.clocks)}
            defaults={asValues(org.defaults.clocks)}
            version={org.version}
            boundMessage={(field, value) =>
              field.key === 'serviceStartDays' && value > SERVICE_START_DAYS
                ? t('administration.clocks.statutory')
                : value > field.max
                  ? t('administration.clocks.noLonger', { max: field.max })
                  : null
            }
            validate={(v): Record<string, string> => {
              const months = Number(v.maxMonths);
              return Number(v.targetDays) > months * DAYS_IN_SHORTEST_MONTH
                ? {
                    targetDays: t('administration.clocks.targetTooLong', {
                      max: months * DAYS_IN_SHORTEST_MONTH,
                    }),
                  }
                : {};
            }}
          />
        ) : (
          <Alert variant="light" color="blue">
            {t('administration.clocks.providerOnly')}
          </Alert>
        )}
        <SettingsSectionForm
          section="security"
          title={t('administration.security.title')}
          description={t('administration.security.intro')}
          fields={securityFields(t, org)}
          values={asValues(org.security)}
          defaults={asValues(org.defaults.security)}
          version={org.version}
        />
        <SettingsSectionForm
          section="reports"
          title={t('administration.reports.title')}
          description={t('administration.reports.intro')}
          fields={reportFields(t)}
          values={asValues(org.reports)}
          defaults={asValues(org.defaults.reports)}
          version={org.version}
        />
      </Stack>
    </>
  );
}
