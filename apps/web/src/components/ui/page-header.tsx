import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The id that navigation focus moves to (see app/routes/root.tsx). */
export const PAGE_HEADING_ID = 'page-heading';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/**
 * The page's one h1. The browser tab is named by the route (app/use-route-title.ts), not by this heading, which may
 * greet a person by name; a record's page names its tab with `usePageTitle`.
 */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="lg">
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Title
          order={1}
          id={PAGE_HEADING_ID}
          tabIndex={-1}
          style={{ outline: 'none', overflowWrap: 'anywhere' }}
        >
          {title}
        </Title>
        {description ? <Text c="dimmed">{description}</Text> : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
