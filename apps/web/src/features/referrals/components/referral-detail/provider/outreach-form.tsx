import { Alert, NativeSelect, Stack } from '@mantine/core';
import {
  COMMON_LANGUAGES,
  contactRequestSchema,
  type ContactRequest,
  type ContactView,
} from '@pathways/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContactFields } from '../../../../../components/casework/contact-fields';
import {
  CONTACT_FIELDS,
  contactPayload,
  type ContactFieldValues,
} from '../../../../../components/casework/contact-values';
import { FormFooter } from '../../../../../components/casework/form-footer';
import { errorMessage } from '../../../../../components/ui/error-message';
import { applyServerFieldErrors } from '../../../../../lib/form';
import { languageName } from '../../../../../lib/format';
import { payloadResolver, toLocalDateTimeInput } from '../../../../../lib/schema-resolver';
import { useCreateReferralContact } from '../../../api/create-referral-contact';
import { useUnsavedChangesGuard } from '../../../../../components/ui/unsaved-changes';

interface OutreachFormValues extends ContactFieldValues {
  language: string;
}

const toPayload = (v: OutreachFormValues) => ({
  ...contactPayload(v),
  language: v.language || undefined,
});

const FIELDS = [...CONTACT_FIELDS, 'language'] as const;

interface OutreachFormProps {
  referralId: string;
  onSaved: (contact: ContactView) => void;
  onCancel: () => void;
}

/** One attempt to reach the family (or the intake contact itself); a COMPLETED one moves the referral to consent. */
export function OutreachForm({ referralId, onSaved, onCancel }: OutreachFormProps) {
  const { t, i18n } = useTranslation();
  const mutation = useCreateReferralContact();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<OutreachFormValues, unknown, ContactRequest>({
    resolver: payloadResolver(contactRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: {
      occurredAt: toLocalDateTimeInput(new Date()),
      contactType: 'OUTREACH_ATTEMPT',
      modality: '',
      result: '',
      durationMin: '',
      participants: [],
      language: '',
      interpreterUsed: false,
    },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);

  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      const saved = await mutation.mutateAsync({ id: referralId, body });
      guard.release();
      onSaved(saved);
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, form.setError, FIELDS));
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('intake.outreach.logTitle')}>
      <Stack>
        {mutation.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error, t)}
            {unmatched.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        ) : null}
        <ContactFields form={form} resultLabel={t('cases.contact.result')}>
          <NativeSelect
            label={t('cases.contact.language')}
            data={[
              { value: '', label: t('cases.form.notRecorded') },
              ...COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code, i18n.language) })),
            ]}
            error={errors.language?.message}
            {...form.register('language')}
          />
        </ContactFields>
        <FormFooter
          submitLabel={t('intake.outreach.save')}
          loading={mutation.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
