import { Alert, Button, CopyButton, Group, Stack, Text, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../lib/conflict';

/** Text the person typed, by the label of its field. */
export interface TypedText {
  label: string;
  value: string;
}

/**
 * What "Reload" does to the person's input: `closes` the dialog (what it holds is lost), `replaces` the form's values
 * with the latest ones, or `keeps` them in the form to check and save again. None: there was no input (one click).
 */
export type AfterReload = 'closes' | 'replaces' | 'keeps';

interface ConflictAlertProps {
  /** Names the record ("This case changed"); the shared one by default. */
  title?: string;
  /** What changed, in words: the record's status and version now. */
  message: string;
  reloadLabel?: string;
  onReload: () => void;
  afterReload?: AfterReload;
  /** The person's unsaved text, shown to copy when the reload replaces or closes what holds it. */
  unsaved?: TypedText[];
  /** The latest version is loaded now: says so; the unsaved text stays on show. */
  reloaded?: boolean;
  /** Once reloaded: puts the message away (the text to copy with it). */
  onDismiss?: () => void;
}

/** "Someone else saved this record first (now version 5)", when the 409 tells no more than a version. */
export function recordConflictMessage(conflict: Conflict, t: TFunction): string {
  return conflict.currentVersion !== null
    ? t('workspace.conflict.version', { version: conflict.currentVersion })
    : t('workspace.conflict.unknown');
}

/**
 * A 409: someone else changed the record first. The one message every edit form shows: what changed, what
 * reloading does to what the person typed (and that text, to copy, when the reload would lose it), and the reload.
 */
export function ConflictAlert({
  title,
  message,
  reloadLabel,
  onReload,
  afterReload,
  unsaved = [],
  reloaded = false,
  onDismiss,
}: ConflictAlertProps) {
  const { t } = useTranslation();
  const typed = unsaved.filter((u) => u.value.trim() !== '');
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={title ?? t('workspace.conflict.title')}
      data-testid="conflict-alert"
    >
      <Stack gap="xs" align="stretch">
        <Text size="sm">{message}</Text>
        {reloaded ? (
          <Text size="sm" fw={600} role="status">
            {typed.length
              ? t('workspace.conflict.reloadedWithText')
              : afterReload === 'keeps'
                ? t('workspace.conflict.reloaded')
                : t('workspace.conflict.reloadedPlain')}
          </Text>
        ) : afterReload ? (
          <Text size="sm">
            {afterReload === 'closes'
              ? t('workspace.conflict.closes')
              : afterReload === 'replaces'
                ? t('workspace.conflict.replaces')
                : t('workspace.conflict.keeps')}
          </Text>
        ) : null}
        {typed.map((u) => (
          <Stack key={u.label} gap={4}>
            <Textarea
              label={t('workspace.conflict.unsavedField', { label: u.label })}
              value={u.value}
              readOnly
              autosize
              minRows={2}
              maxRows={8}
              data-testid="conflict-unsaved-text"
            />
            <CopyButton value={u.value}>
              {({ copied, copy }) => (
                <Group>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={copy}
                    aria-label={t('workspace.conflict.copyField', { label: u.label })}
                  >
                    {copied ? t('workspace.conflict.copied') : t('workspace.conflict.copy')}
                  </Button>
                </Group>
              )}
            </CopyButton>
          </Stack>
        ))}
        {reloaded ? (
          onDismiss ? (
            <Group>
              <Button size="xs" variant="default" onClick={onDismiss}>
                {t('workspace.conflict.dismiss')}
              </Button>
            </Group>
          ) : null
        ) : (
          <Group>
            <Button size="xs" variant="default" onClick={onReload}>
              {reloadLabel ?? t('workspace.conflict.reload')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
