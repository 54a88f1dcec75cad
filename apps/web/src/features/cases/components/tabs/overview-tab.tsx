import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CaseDetail } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { reasonCodeLabeller, useReasonCodes } from '../../../../lib/catalog/get-reason-codes';
import { formatDate, formatList, languageName } from '../../../../lib/format';
import { Fact, Facts } from './facts';
import { TabSection } from './tab-section';

/** Who the youth and family are, why they were referred, and the case's working clocks. */
export function OverviewTab({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const reasonCodes = useReasonCodes();
  const label = reasonCodeLabeller(reasonCodes.data, locale);
  const { youth, clocks } = detail;
  const date = (value: string | null) => formatDate(value, locale);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="md" p="md">
          <TabSection id="overview-youth" title={t('cases.overview.youth')}>
            <Facts>
              <Fact label={t('cases.overview.name')}>{`${youth.firstName} ${youth.lastName}`}</Fact>
              <Fact label={t('cases.overview.preferredName')}>{youth.preferredName}</Fact>
              <Fact label={t('cases.overview.dateOfBirth')}>{date(youth.dateOfBirth)}</Fact>
              <Fact label={t('cases.overview.language')}>{languageName(youth.primaryLanguage, locale)}</Fact>
              <Fact label={t('cases.overview.school')}>{detail.schoolName}</Fact>
              <Fact label={t('cases.overview.priority')}>
                {detail.priority ? t(`referrals.priorities.${detail.priority}`) : null}
              </Fact>
            </Facts>
          </TabSection>
        </Card>
        <Card withBorder radius="md" p="md">
          <TabSection id="overview-guardians" title={t('cases.overview.guardians')}>
            {detail.guardians.length === 0 ? (
              <Text c="dimmed">{t('cases.overview.noGuardians')}</Text>
            ) : (
              <Stack gap="md">
                {detail.guardians.map((g) => (
                  <Facts key={g.id}>
                    <Fact label={t('cases.overview.name')}>
                      {`${g.name} (${t(`referrals.relationships.${g.relationship}`)})`}
                    </Fact>
                    <Fact label={t('cases.overview.phone')}>
                      <Anchor href={`tel:${g.phone.replace(/[^\d+]/g, '')}`}>{g.phone}</Anchor>
                    </Fact>
                    <Fact label={t('cases.overview.email')}>{g.email}</Fact>
                    <Fact label={t('cases.overview.language')}>
                      {g.interpreterNeeded
                        ? t('cases.overview.withInterpreter', {
                            language: languageName(g.preferredLanguage, locale),
                          })
                        : languageName(g.preferredLanguage, locale)}
                    </Fact>
                  </Facts>
                ))}
              </Stack>
            )}
          </TabSection>
        </Card>
      </SimpleGrid>
      <Card withBorder radius="md" p="md">
        <TabSection id="overview-referral" title={t('cases.overview.referral')}>
          <Facts>
            <Fact label={t('cases.overview.reference')}>{detail.referenceNumber}</Fact>
            <Fact label={t('cases.detail.pathway')}>{t(`referrals.pathways.${detail.pathway}`)}</Fact>
            <Fact label={t('cases.overview.reasons')}>
              {detail.reasonCodes.length ? formatList(detail.reasonCodes.map(label), locale) : null}
            </Fact>
            <Fact label={t('cases.overview.received')}>{date(clocks.receivedAt)}</Fact>
            <Fact label={t('cases.overview.opened')}>{date(detail.openedAt)}</Fact>
          </Facts>
        </TabSection>
      </Card>
      <Card withBorder radius="md" p="md">
        <TabSection id="overview-clocks" title={t('cases.overview.clocks')}>
          <Facts>
            <Fact label={t('cases.overview.intakeDue')}>
              {clocks.intakeCompletedAt
                ? t('cases.overview.doneOn', { date: date(clocks.intakeCompletedAt) })
                : date(clocks.intakeDueAt)}
            </Fact>
            <Fact label={t('cases.overview.assessmentDue')}>{date(clocks.assessmentDueAt)}</Fact>
            <Fact label={t('cases.overview.planDue')}>{date(clocks.casePlanDueAt)}</Fact>
            <Fact label={t('cases.clocks.serviceStart')}>
              {clocks.serviceProgramInitiatedAt
                ? t('cases.overview.doneOn', { date: date(clocks.serviceProgramInitiatedAt) })
                : date(clocks.dueServiceStartAt)}
            </Fact>
            <Fact label={t('cases.clocks.targetEnd')}>{date(clocks.targetEndAt)}</Fact>
            <Fact label={t('cases.clocks.maxEnd')}>{date(clocks.maxEndAt)}</Fact>
          </Facts>
        </TabSection>
      </Card>
    </Stack>
  );
}
