import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface TabSectionProps {
  id: string;
  title: string;
  /** An "Add …" button and the like, beside the heading. */
  action?: ReactNode;
  children: ReactNode;
}

/** A titled part of a tab (h2), with its action beside the heading. */
export function TabSection({ id, title, action, children }: TabSectionProps) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}
