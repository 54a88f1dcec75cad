import { Alert, Button, Stack, Text } from '@mantine/core';

interface ConflictAlertProps {
  title: string;
  /** What changed, in words: the record's status and version now. */
  message: string;
  reloadLabel: string;
  onReload: () => void;
}

/** A 409: someone else changed the record first. Says what changed and offers to load the latest. */
export function ConflictAlert({ title, message, reloadLabel, onReload }: ConflictAlertProps) {
  return (
    <Alert color="orange" variant="light" role="alert" title={title} data-testid="conflict-alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="default" onClick={onReload}>
          {reloadLabel}
        </Button>
      </Stack>
    </Alert>
  );
}
