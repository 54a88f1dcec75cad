import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AuditReviewQuery } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { formatDate } from '../../../lib/format';
import { useAuditReview } from '../api/get-audit-review';
import { AuditEventList } from './audit-event-list';

interface AuditReviewScreenProps {
  query: AuditReviewQuery;
  /** The link to another week (`YYYY-MM-DD` of any of its days), or to the current week. */
  weekHref: (weekOf?: string) => string;
  consoleHref: string;
}

const shiftDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** CJIS weekly review: what an auditor looks at every week, one section per kind of event. */
export function AuditReviewScreen({ query, weekHref, consoleHref }: AuditReviewScreenProps) {
  const { t, i18n } = useTranslation();
  const review = useAuditReview(query);
  if (review.isPending) return <LoadingState />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;
  // Calendar days of the program's week (Monday to Sunday), whatever the browser's time zone.
  const day = (date: string) => formatDate(`${date}T12:00:00Z`, i18n.language);
  const period = t('auditConsole.review.period', { from: day(r.weekOf), to: day(shiftDays(r.weekOf, 6)) });

  return (
    <>
      <PageHeader
        title={t('auditConsole.review.title')}
        description={period}
        actions={
          <Button component={Link} to={consoleHref} variant="default">
            {t('auditConsole.review.backToConsole')}
          </Button>
        }
      />
      <Stack gap="lg">
        <nav aria-label={t('auditConsole.review.weeks')}>
          <Group gap="sm">
            <Button component={Link} to={weekHref(shiftDays(r.weekOf, -7))} variant="default" size="sm">
              {t('auditConsole.review.previous')}
            </Button>
            <Button component={Link} to={weekHref()} variant="default" size="sm">
              {t('auditConsole.review.current')}
            </Button>
            <Button component={Link} to={weekHref(shiftDays(r.weekOf, 7))} variant="default" size="sm">
              {t('auditConsole.review.next')}
            </Button>
          </Group>
        </nav>
        <Text size="sm" c="dimmed">
          {t('auditConsole.review.intro')}
        </Text>
        {r.sections.map((s) => (
          <Paper
            key={s.category}
            withBorder
            p="lg"
            radius="md"
            component="section"
            aria-labelledby={`review-${s.category}`}
            data-testid={`review-${s.category}`}
          >
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Title order={2} size="h4" id={`review-${s.category}`}>
                  {t(`auditConsole.review.categories.${s.category}`)}
                </Title>
                <Badge size="lg" variant={s.total ? 'filled' : 'light'} color={s.total ? 'orange' : 'gray'}>
                  {new Intl.NumberFormat(i18n.language).format(s.total)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t(`auditConsole.review.help.${s.category}`)}
              </Text>
              {s.items.length ? (
                <>
                  <AuditEventList
                    events={s.items}
                    caption={t(`auditConsole.review.categories.${s.category}`)}
                  />
                  {s.total > s.items.length ? (
                    <Text size="sm" c="dimmed">
                      {t('auditConsole.review.more', { shown: s.items.length, total: s.total })}
                    </Text>
                  ) : null}
                </>
              ) : (
                <Text size="sm">{t('auditConsole.review.none')}</Text>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
