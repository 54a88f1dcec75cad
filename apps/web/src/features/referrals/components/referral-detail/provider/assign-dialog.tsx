import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import type { UserSummary } from '@pathways/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface AssignDialogProps {
  opened: boolean;
  counselors: UserSummary[] | undefined;
  loadingCounselors: boolean;
  currentCounselorId: string | null;
  loading: boolean;
  error: ReactNode;
  fieldError: string | null;
  onConfirm: (counselorId: string) => void;
  onClose: () => void;
}

/** Choose the counselor who reaches the family; the caseload panel on the intake queue helps balance. */
export function AssignDialog(props: AssignDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('intake.assign.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <AssignForm {...props} />
    </Modal>
  );
}

function AssignForm(props: AssignDialogProps) {
  const { t } = useTranslation();
  const [counselorId, setCounselorId] = useState(props.currentCounselorId ?? '');
  const [missing, setMissing] = useState(false);
  const options = [...(props.counselors ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!counselorId) {
          setMissing(true);
          return;
        }
        props.onConfirm(counselorId);
      }}
    >
      <Stack>
        <Text>{t('intake.assign.intro')}</Text>
        <NativeSelect
          label={t('intake.assign.counselor')}
          required
          disabled={props.loadingCounselors}
          value={counselorId}
          data={[
            {
              value: '',
              label: props.loadingCounselors ? t('common.loading') : t('intake.assign.choose'),
            },
            ...options.map((u) => ({ value: u.id, label: u.displayName })),
          ]}
          onChange={(event) => {
            setCounselorId(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('common.validation.choose') : props.fieldError}
          data-autofocus
        />
        {props.error}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={props.loading}>
            {t('intake.assign.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
