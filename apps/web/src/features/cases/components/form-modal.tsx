import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormModalProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  size?: 'md' | 'lg' | 'xl';
  children: ReactNode;
}

/** A form in a dialog: focus moves in and back, Escape closes it, and on a phone it takes the whole screen. */
export function FormModal({ opened, title, onClose, size = 'lg', children }: FormModalProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size={size}
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      {children}
    </Modal>
  );
}
