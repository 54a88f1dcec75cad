import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { OneTimePasswordResponse } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';

interface OneTimePasswordModalProps {
  result: OneTimePasswordResponse | null;
  onClose: () => void;
}

/** The only time the password is visible: it is never stored in the cache and cannot be shown again. */
export function OneTimePasswordModal({ result, onClose }: OneTimePasswordModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={result !== null}
      onClose={onClose}
      title={t('adminUsers.otp.title')}
      closeOnClickOutside={false}
      centered
    >
      {result ? (
        <Stack>
          <Text>
            {t('adminUsers.otp.intro', { name: result.user.displayName, email: result.user.email })}
          </Text>
          <Alert color="orange" variant="light" title={t('adminUsers.otp.warning')} />
          <Stack gap={4}>
            <Text id="otp-label" size="sm" fw={600}>
              {t('adminUsers.otp.label')}
            </Text>
            <Group gap="sm" wrap="nowrap" align="center">
              <Code
                aria-labelledby="otp-label"
                data-testid="one-time-password"
                fz="lg"
                p="sm"
                style={{ overflowWrap: 'anywhere', userSelect: 'all', flex: 1 }}
              >
                {result.oneTimePassword}
              </Code>
              <CopyButton value={result.oneTimePassword}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'default'} onClick={copy} aria-live="polite">
                    {copied ? t('adminUsers.otp.copied') : t('adminUsers.otp.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('adminUsers.otp.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
