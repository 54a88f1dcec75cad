import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

export function ErrorState({ error, title, onRetry, children }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errors.title')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{errorMessage(error, t)}</Text>
        <Group gap="sm">
          {onRetry ? (
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('common.actions.retry')}
            </Button>
          ) : null}
          {children}
        </Group>
      </Stack>
    </Alert>
  );
}
