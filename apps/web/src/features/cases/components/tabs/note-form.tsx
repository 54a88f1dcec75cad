import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import {
  noteRequestSchema,
  type CaseDetail,
  type NoteKind,
  type NoteRequest,
  type NoteView,
} from '@pathways/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/format';
import { payloadResolver } from '../../../../lib/schema-resolver';
import { useCreateNote } from '../../api/create-note';
import { CaseMutationError } from '../case-mutation-error';
import { useServerSubmit } from '../form-errors';

/**
 * The kinds this person may write (ACCESS.md): case notes with write access to the case; clinical and
 * psychotherapy notes only with `writeClinical` (the assigned counselor). The API enforces the same.
 */
export function writableNoteKinds(detail: CaseDetail): NoteKind[] {
  if (!detail.abilities.write) return [];
  return detail.abilities.writeClinical ? ['CASE_NOTE', 'CLINICAL', 'PSYCHOTHERAPY'] : ['CASE_NOTE'];
}

interface Values {
  kind: NoteKind;
  body: string;
}

interface NoteFormProps {
  detail: CaseDetail;
  /** The note being amended: the new note keeps its kind and points to it. */
  amends?: NoteView;
  onSaved: () => void;
  onCancel: () => void;
}

/** The body is sent as typed; the server sanitizes it, and only its stored answer is ever rendered as HTML. */
export function NoteForm({ detail, amends, onSaved, onCancel }: NoteFormProps) {
  const { t, i18n } = useTranslation();
  const mutation = useCreateNote();
  const kinds = writableNoteKinds(detail);
  const form = useForm<Values, unknown, NoteRequest>({
    resolver: payloadResolver(noteRequestSchema, (v: Values) => ({
      kind: v.kind,
      body: v.body,
      amends: amends?.id,
    })),
    reValidateMode: 'onBlur',
    defaultValues: { kind: amends?.kind ?? 'CASE_NOTE', body: '' },
  });
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const { onSubmit, unmatched } = useServerSubmit(
    form,
    ['kind', 'body'],
    (body) => mutation.mutateAsync({ caseId: detail.id, body }),
    onSaved,
  );
  const title = amends ? t('cases.notes.amendTitle') : t('cases.notes.addTitle');
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={title}>
      <Stack>
        {amends ? (
          <Text size="sm">
            {t('cases.notes.amendIntro', { date: formatDateTime(amends.createdAt, i18n.language) })}
          </Text>
        ) : null}
        <NativeSelect
          label={t('cases.notes.kind')}
          required
          disabled={Boolean(amends)}
          data={(amends ? [amends.kind] : kinds).map((k) => ({ value: k, label: t(`cases.noteKinds.${k}`) }))}
          error={errors.kind?.message}
          {...form.register('kind')}
        />
        {kind === 'PSYCHOTHERAPY' ? (
          <Text size="sm" c="dimmed">
            {t('cases.notes.psychotherapyHelp')}
          </Text>
        ) : null}
        <Textarea
          label={t('cases.notes.body')}
          required
          autosize
          minRows={6}
          maxLength={20_000}
          error={errors.body?.message}
          data-autofocus
          {...form.register('body')}
        />
        <CaseMutationError
          error={mutation.error}
          caseId={detail.id}
          unmatched={unmatched}
          onReload={onCancel}
          afterReload="closes"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {amends ? t('cases.notes.saveAmendment') : t('cases.notes.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
