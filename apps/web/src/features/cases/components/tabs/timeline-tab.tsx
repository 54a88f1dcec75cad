import { Text, Timeline } from '@mantine/core';
import {
  ACCOUNTABILITY_TYPES,
  ASSESSMENT_INSTRUMENTS,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONSENT_TYPES,
  CONTACT_RESULTS,
  CONTACT_TYPES,
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_WINDOWS,
  GOAL_DOMAINS,
  GOAL_STATUSES,
  NOTE_KINDS,
  NOTICE_TYPES,
  OUTCOME_CLASSES,
  REFERRAL_STATUSES,
  SERVICE_STATUSES,
  type CaseDetail,
  type ServiceType,
  type TimelineEntry,
  type TimelineKind,
} from '@pathways/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { serviceTypeLabel, useServiceTypes } from '../../../../lib/catalog/get-service-types';
import { formatDateTime } from '../../../../lib/format';
import { useCaseTimeline } from '../../api/get-case-timeline';
import { TabSection } from './tab-section';

interface Labeller {
  has: (code: string) => boolean;
  label: (code: string) => string;
}

const labeller = <T extends string>(values: readonly T[], label: (code: T) => string): Labeller => ({
  has: (code) => (values as readonly string[]).includes(code),
  label: (code) => label(code as T),
});

/** The code lists a timeline entry's `detail` may come from, most likely first for each kind. */
function labellers(t: TFunction, serviceType: Labeller): Record<TimelineKind, Labeller[]> {
  const referralStatus = labeller([...REFERRAL_STATUSES, 'SEALED'] as const, (c) =>
    t(`referrals.statuses.${c}`),
  );
  const caseStatus = labeller(CASE_STATUSES, (c) => t(`cases.statuses.${c}`));
  const contactType = labeller(CONTACT_TYPES, (c) => t(`cases.contactTypes.${c}`));
  const contactResult = labeller(CONTACT_RESULTS, (c) => t(`cases.results.${c}`));
  const consentType = labeller(CONSENT_TYPES, (c) => t(`cases.consentTypes.${c}`));
  const instrument = labeller(ASSESSMENT_INSTRUMENTS, (c) => t(`cases.instruments.${c}`));
  const goalStatus = labeller(GOAL_STATUSES, (c) => t(`cases.goalStatuses.${c}`));
  const goalDomain = labeller(GOAL_DOMAINS, (c) => t(`cases.goalDomains.${c}`));
  const itemType = labeller(ACCOUNTABILITY_TYPES, (c) => t(`cases.accountabilityTypes.${c}`));
  const serviceStatus = labeller(SERVICE_STATUSES, (c) => t(`cases.serviceStatuses.${c}`));
  const noteKind = labeller(NOTE_KINDS, (c) => t(`cases.noteKinds.${c}`));
  const closureReason = labeller(CLOSURE_REASONS, (c) => t(`cases.closureReasons.${c}`));
  const outcome = labeller(OUTCOME_CLASSES, (c) => t(`cases.outcomes.${c}`));
  const window = labeller(FOLLOW_UP_WINDOWS, (c) => t(`cases.followUps.windows.${c}`));
  const followUpStatus = labeller(FOLLOW_UP_STATUSES, (c) => t(`cases.followUps.statuses.${c}`));
  const noticeType = labeller(NOTICE_TYPES, (c) => t(`notices.types.${c}`));
  return {
    REFERRAL_EVENT: [referralStatus],
    CASE_STATUS: [caseStatus, closureReason],
    CONTACT: [contactType, contactResult],
    CONSENT: [consentType],
    CONSENT_REVOKED: [consentType],
    ASSESSMENT: [instrument],
    GOAL: [goalDomain, goalStatus],
    ACCOUNTABILITY: [itemType],
    SERVICE: [serviceType, serviceStatus],
    NOTE: [noteKind],
    CLOSURE_REQUESTED: [closureReason],
    CLOSURE_REJECTED: [caseStatus],
    CLOSED: [outcome, closureReason],
    REOPENED: [caseStatus],
    FOLLOW_UP: [window, followUpStatus],
    NOTICE: [noticeType],
  };
}

/**
 * An entry's `detail` code in words: looked up among the code lists of its kind, then among all of them (a status
 * code is a status whatever the entry), else shown as it came.
 */
export function timelineDetail(
  entry: TimelineEntry,
  t: TFunction,
  serviceTypes: ServiceType[] = [],
  locale = 'en',
): string | null {
  const { detail } = entry;
  if (!detail) return null;
  const byCode = new Map(serviceTypes.map((s) => [s.code, serviceTypeLabel(s, locale)]));
  const serviceType: Labeller = {
    has: (code) => byCode.has(code),
    label: (code) => byCode.get(code) ?? code,
  };
  const byKind = labellers(t, serviceType);
  const candidates = [...(byKind[entry.kind] ?? []), ...Object.values(byKind).flat()];
  return candidates.find((l) => l.has(detail))?.label(detail) ?? detail;
}

/** Everything that happened on the case and its referral, newest first: when, who, what. */
export function TimelineTab({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const timeline = useCaseTimeline(detail.id);
  const serviceTypes = useServiceTypes();
  if (timeline.isPending) return <LoadingState />;
  if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const entries = [...timeline.data].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <TabSection id="timeline-heading" title={t('cases.tabs.timeline')}>
      {entries.length === 0 ? (
        <EmptyState title={t('cases.timeline.emptyTitle')} description={t('cases.timeline.empty')} />
      ) : (
        <Timeline
          active={-1}
          bulletSize={14}
          lineWidth={2}
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          data-testid="case-timeline"
        >
          {entries.map((entry, index) => {
            const what = timelineDetail(entry, t, serviceTypes.data, i18n.language);
            return (
              <Timeline.Item
                key={`${entry.at}-${entry.kind}-${index}`}
                component="li"
                title={
                  what
                    ? `${t(`cases.timeline.kinds.${entry.kind}`)}: ${what}`
                    : t(`cases.timeline.kinds.${entry.kind}`)
                }
              >
                <Text size="sm" c="dimmed">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                  {' · '}
                  {entry.actorName ?? t('cases.timeline.system')}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </TabSection>
  );
}
