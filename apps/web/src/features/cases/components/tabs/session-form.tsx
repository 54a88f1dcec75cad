import { NativeSelect, Stack } from '@mantine/core';
import { contactRequestSchema, type CaseDetail, type ContactRequest } from '@pathways/contracts';
import { useForm } from 'react-hook-form';
import { serviceEnrollmentName } from '../../../../lib/catalog/get-service-types';
import { useTranslation } from 'react-i18next';
import { ContactFields } from '../../../../components/casework/contact-fields';
import {
  CONTACT_FIELDS,
  contactPayload,
  type ContactFieldValues,
} from '../../../../components/casework/contact-values';
import { payloadResolver, toLocalDateTimeInput } from '../../../../lib/schema-resolver';
import { useCreateCaseContact } from '../../api/create-case-contact';
import { useServices } from '../../api/get-services';
import { CaseFormFooter } from './case-form-footer';
import { useServerSubmit } from '../form-errors';

interface Values extends ContactFieldValues {
  serviceEnrollmentId: string;
}

const toPayload = (v: Values) => ({
  ...contactPayload(v),
  serviceEnrollmentId: v.serviceEnrollmentId || undefined,
});

const FIELDS = [...CONTACT_FIELDS, 'serviceEnrollmentId'] as const;

/** A session or other contact, with its attendance (`result`) and, when it is part of a service, that service. */
export function SessionForm({
  detail,
  onSaved,
  onCancel,
}: {
  detail: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const services = useServices(detail.id);
  const mutation = useCreateCaseContact();
  const form = useForm<Values, unknown, ContactRequest>({
    resolver: payloadResolver(contactRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: {
      occurredAt: toLocalDateTimeInput(new Date()),
      contactType: 'COUNSELING_INDIVIDUAL',
      modality: '',
      result: '',
      durationMin: '',
      participants: ['YOUTH'],
      serviceEnrollmentId: '',
      interpreterUsed: false,
    },
  });
  const { errors } = form.formState;
  const { onSubmit, unmatched } = useServerSubmit(
    form,
    FIELDS,
    (body) => mutation.mutateAsync({ caseId: detail.id, body }),
    onSaved,
  );
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.sessions.addTitle')}>
      <Stack>
        <ContactFields form={form} resultLabel={t('cases.sessions.attendance')}>
          <NativeSelect
            label={t('cases.sessions.service')}
            data={[
              { value: '', label: t('cases.sessions.noService') },
              ...(services.data ?? []).map((s) => ({
                value: s.id,
                label: serviceEnrollmentName(s, i18n.language),
              })),
            ]}
            error={errors.serviceEnrollmentId?.message}
            {...form.register('serviceEnrollmentId')}
          />
        </ContactFields>
        <CaseFormFooter
          mutation={mutation}
          caseId={detail.id}
          unmatched={unmatched}
          submitLabel={t('cases.sessions.save')}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
