import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from './form-dialog';
import { useUnsavedChangesGuard } from './unsaved-changes';

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  intro?: ReactNode;
  /** The text field's label (a reason, a message, a comment). */
  label: string;
  confirmLabel: string;
  destructive?: boolean;
  loading?: boolean;
  minLength?: number;
  maxLength?: number;
  /** A server error about the text itself (a 400 detail on its path). */
  fieldError?: string | null;
  /** Anything else that went wrong (a conflict, a network error), shown above the buttons. */
  error?: ReactNode;
  /** More fields above the text (e.g. a select); the caller owns their state. */
  children?: ReactNode;
  onConfirm: (text: string) => void;
  onClose: () => void;
}

/**
 * A decision that needs words for the record (a reason, a question to the officer, a comment): a required text
 * field, checked for length before anything is sent, and a deliberate confirm.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  return (
    <FormDialog
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size="md"
      fullScreenOnPhone={false}
    >
      {/* The modal unmounts its content when closed, so each opening starts with an empty field. */}
      <ReasonForm {...props} />
    </FormDialog>
  );
}

function ReasonForm(props: ReasonDialogProps) {
  const { t } = useTranslation();
  const { minLength = 3, maxLength = 2000 } = props;
  const [text, setText] = useState('');
  const [tooShort, setTooShort] = useState(false);
  // Words typed for the record are not dropped by a stray click: leaving or closing asks first.
  useUnsavedChangesGuard(text.trim() !== '');

  const confirm = () => {
    if (text.trim().length < minLength) {
      setTooShort(true);
      return;
    }
    props.onConfirm(text.trim());
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        confirm();
      }}
    >
      <Stack>
        {typeof props.intro === 'string' ? <Text>{props.intro}</Text> : props.intro}
        {props.children}
        <Textarea
          label={props.label}
          required
          autosize
          minRows={3}
          maxLength={maxLength}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setTooShort(false);
          }}
          error={tooShort ? t('common.validation.tooShort', { min: minLength }) : props.fieldError}
          data-autofocus
        />
        {props.error}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" color={props.destructive ? 'red' : undefined} loading={props.loading}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
