import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogDiscardGuard } from './unsaved-changes';

interface FormDialogProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  /** On a phone the form takes the whole screen (default). */
  fullScreenOnPhone?: boolean;
  children: ReactNode;
}

/**
 * A form in a dialog: focus moves in and back, Escape closes it, and on a phone it takes the whole screen. Closing
 * it (Escape, the close button, a click outside) with unsaved input asks first; the form's own Cancel does not.
 */
export function FormDialog({
  opened,
  title,
  onClose,
  size = 'lg',
  fullScreenOnPhone = true,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const { Scope, guardedClose } = useDialogDiscardGuard();
  return (
    <Modal
      opened={opened}
      onClose={() => guardedClose(onClose)}
      title={title}
      centered
      size={size}
      fullScreen={fullScreenOnPhone && isPhone}
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <Scope>{children}</Scope>
    </Modal>
  );
}
