import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { YouthMatchMinimal, YouthMatchQuery } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../lib/format';
import { useYouthMatches } from '../../api/get-youth-matches';

interface YouthMatchesProps {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  onUse: (match: YouthMatchMinimal) => void;
}

export const MATCH_DEBOUNCE_MS = 300;

/** Birth dates are compared as typed; a half-typed one is not sent. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Possible duplicates from the youth registry (name + birth date, typo-tolerant), asked for once both names are
 * typed. "Use this youth" links the referral to the existing record; "None of these" keeps the new youth.
 */
export function YouthMatches({ firstName, lastName, dateOfBirth, onUse }: YouthMatchesProps) {
  const { t, i18n } = useTranslation();
  const first = firstName.trim();
  const last = lastName.trim();
  const query: YouthMatchQuery | null =
    first && last
      ? { firstName: first, lastName: last, ...(DATE.test(dateOfBirth) ? { dateOfBirth } : {}) }
      : null;
  const [debounced] = useDebouncedValue(query, MATCH_DEBOUNCE_MS);
  const key = debounced ? JSON.stringify(debounced) : null;
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const matches = useYouthMatches(debounced);

  if (!debounced || key === dismissedFor) return null;
  if (matches.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t('referrals.matches.searching')}</Text>
      </Group>
    );
  }
  // A failed search must not stop a referral: the new youth is kept, and the provider de-duplicates at triage.
  if (matches.isError || matches.data.length === 0) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {matches.isError ? t('referrals.matches.failed') : t('referrals.matches.none')}
      </Text>
    );
  }
  return (
    <Card withBorder radius="md" p="sm" component="section" aria-labelledby="youth-matches-heading">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id="youth-matches-heading">
            {t('referrals.matches.title', { count: matches.data.length })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('referrals.matches.intro')}
          </Text>
        </div>
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="youth-matches">
          {matches.data.map((match) => (
            <li key={match.id}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <div style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {match.displayName}
                    </Text>
                    {match.openReferral ? (
                      <Badge variant="light" color="orange" size="sm">
                        {t('referrals.matches.openReferral')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {[
                      t('referrals.matches.born', { date: formatDate(match.dateOfBirth, i18n.language) }),
                      match.schoolName,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </div>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onUse(match)}
                  aria-label={t('referrals.matches.useNamed', { name: match.displayName })}
                >
                  {t('referrals.matches.use')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setDismissedFor(key)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('referrals.matches.noneOfThese')}
        </Button>
      </Stack>
    </Card>
  );
}
