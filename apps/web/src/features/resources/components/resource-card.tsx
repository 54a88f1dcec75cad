import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { Resource } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatList, languageName } from '../../../lib/format';

export function ResourceCard({ resource }: { resource: Resource }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const description =
    locale === 'es' && resource.descriptionEs ? resource.descriptionEs : resource.description;
  const verified = formatDate(resource.lastVerifiedAt, locale);
  const headingId = `resource-${resource.id}`;

  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {resource.name}
          </Title>
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {t(`resources.categories.${resource.category}`, { defaultValue: resource.category })}
          </Badge>
        </Group>
        {resource.organization ? (
          <Text size="sm" c="dimmed">
            {resource.organization}
          </Text>
        ) : null}
        {description ? <Text size="sm">{description}</Text> : null}
        <List size="sm" spacing={4} listStyleType="none" styles={{ itemWrapper: { minWidth: 0 } }}>
          {resource.phone ? (
            <List.Item>
              <Text span fw={600} size="sm">
                {t('resources.phone')}:{' '}
              </Text>
              <Anchor href={`tel:${resource.phone.replace(/[^\d+]/g, '')}`} size="sm">
                {resource.phone}
              </Anchor>
            </List.Item>
          ) : null}
          {resource.ages ? (
            <List.Item>
              <Text span fw={600} size="sm">
                {t('resources.ages')}:{' '}
              </Text>
              {resource.ages}
            </List.Item>
          ) : null}
          {resource.languages.length > 0 ? (
            <List.Item>
              <Text span fw={600} size="sm">
                {t('resources.languages')}:{' '}
              </Text>
              {formatList(
                resource.languages.map((code) => languageName(code, locale)),
                locale,
              )}
            </List.Item>
          ) : null}
          {verified ? (
            <List.Item>
              <Text span fw={600} size="sm">
                {t('resources.lastVerified')}:{' '}
              </Text>
              {verified}
            </List.Item>
          ) : null}
        </List>
        {resource.urls.length > 0 ? (
          <Stack gap={2}>
            {resource.urls.map((url) => (
              <Anchor
                key={url}
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {url.replace(/^https?:\/\//, '').replace(/\/$/, '')}{' '}
                <Text span size="xs" c="dimmed">
                  {t('resources.opensInNewTab')}
                </Text>
              </Anchor>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
