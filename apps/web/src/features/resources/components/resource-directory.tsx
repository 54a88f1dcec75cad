import { Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { Resource } from '@pathways/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { filterResources } from './filter-resources';
import { ResourceCard } from './resource-card';

/** Client-side search and category filter: the directory is a few dozen entries at most. */
export function ResourceDirectory({ resources }: { resources: Resource[] }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);

  const categories = useMemo(
    () =>
      [...new Set(resources.filter((r) => r.active).map((r) => r.category))]
        .map((value) => ({ value, label: t(`resources.categories.${value}`, { defaultValue: value }) }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [resources, t, i18n.language],
  );
  const visible = filterResources(resources, { category, query, locale: i18n.language });
  const total = resources.filter((r) => r.active).length;

  return (
    <Stack>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          type="search"
          label={t('resources.search')}
          placeholder={t('resources.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <Select
          label={t('resources.category')}
          placeholder={t('resources.allCategories')}
          data={categories}
          value={category}
          onChange={setCategory}
          clearable
          style={{ flex: '1 1 12rem' }}
        />
      </Group>
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {t('resources.count', { shown: visible.length, total })}
      </Text>
      {visible.length === 0 ? (
        <EmptyState title={t('resources.emptyTitle')} description={t('resources.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {visible.map((resource) => (
            <ResourceCard key={resource.id} resource={resource} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
