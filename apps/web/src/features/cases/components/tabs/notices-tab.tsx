import { Anchor, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { LOCALES, type CaseDetail, type Locale } from '@pathways/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { formatDate } from '../../../../lib/format';
import { isLocale } from '../../../../lib/i18n';
import { useCaseNotices } from '../../api/get-case-notices';
import type { CaseLinks } from '../case-links';
import { TabSection } from './tab-section';

/** The family's language when it is one the letters are written in (English, Spanish); else the reader's. */
export function defaultLetterLanguage(detail: CaseDetail, fallback: string): Locale {
  const preferred = detail.guardians.map((g) => g.preferredLanguage).find(isLocale);
  if (preferred) return preferred;
  if (isLocale(detail.youth.primaryLanguage)) return detail.youth.primaryLanguage;
  return isLocale(fallback) ? fallback : 'en';
}

/** Letters sent about this referral and case (WIC 652.5, 827.95 ...), each printable in the chosen language. */
export function NoticesTab({ detail, links }: { detail: CaseDetail; links: CaseLinks }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Locale>(() => defaultLetterLanguage(detail, i18n.language));
  const notices = useCaseNotices(detail.id, detail.referralId, lang);
  return (
    <TabSection
      id="notices-heading"
      title={t('cases.tabs.notices')}
      action={
        <NativeSelect
          label={t('notices.letterLanguage')}
          value={lang}
          data={LOCALES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (isLocale(next)) setLang(next);
          }}
        />
      }
    >
      {notices.isPending ? (
        <LoadingState />
      ) : notices.isError ? (
        <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />
      ) : notices.data.length === 0 ? (
        <EmptyState title={t('notices.emptyTitle')} description={t('cases.notices.empty')} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="case-notices">
          {notices.data.map((n) => (
            <Card key={n.id} withBorder radius="md" p="md" component="li">
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={700}>{t(`notices.types.${n.type}`)}</Text>
                  <Text size="sm" lang={n.letter.language}>
                    {n.letter.title}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('notices.sentTo', {
                      org: n.toOrgName ?? '—',
                      date: formatDate(n.sentAt, i18n.language),
                    })}
                  </Text>
                </Stack>
                <Anchor component={Link} to={links.noticePrint(n.id, lang, n.referralId)}>
                  {t('notices.openLetter')}
                </Anchor>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </TabSection>
  );
}
