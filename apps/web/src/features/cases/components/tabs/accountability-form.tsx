import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  ACCOUNTABILITY_TYPES,
  accountabilityItemRequestSchema,
  type AccountabilityItemRequest,
  type AccountabilityType,
  type CaseDetail,
} from '@pathways/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { payloadResolver } from '../../../../lib/schema-resolver';
import { useCreateAccountabilityItem } from '../../api/create-accountability-item';
import { CaseFormFooter } from './case-form-footer';
import { useServerSubmit } from '../form-errors';

interface Values {
  type: AccountabilityType | '';
  description: string;
  requiredAmount: string;
  dueAt: string;
}

const amount = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));
const toPayload = (v: Values) => ({
  type: v.type || undefined,
  description: v.description.trim() || undefined,
  requiredAmount: amount(v.requiredAmount),
  dueAt: v.dueAt || undefined,
});

/** A WIC 652.5 constructive assignment: hours of service, restitution, an apology letter ... */
export function AccountabilityForm({
  detail,
  onSaved,
  onCancel,
}: {
  detail: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useCreateAccountabilityItem();
  const form = useForm<Values, unknown, AccountabilityItemRequest>({
    resolver: payloadResolver(accountabilityItemRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: { type: '', description: '', requiredAmount: '', dueAt: '' },
  });
  const { errors } = form.formState;
  const { onSubmit, unmatched } = useServerSubmit(
    form,
    ['type', 'description', 'requiredAmount', 'dueAt'],
    (body) => mutation.mutateAsync({ caseId: detail.id, body }),
    onSaved,
  );
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.plan.addItemTitle')}>
      <Stack>
        <NativeSelect
          label={t('cases.plan.itemType')}
          required
          data={[
            { value: '', label: t('cases.form.choose') },
            ...ACCOUNTABILITY_TYPES.map((x) => ({ value: x, label: t(`cases.accountabilityTypes.${x}`) })),
          ]}
          error={errors.type?.message}
          data-autofocus
          {...form.register('type')}
        />
        <TextInput
          label={t('cases.plan.itemDescription')}
          maxLength={500}
          error={errors.description?.message}
          {...form.register('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('cases.plan.requiredAmount')}
            description={t('cases.plan.requiredAmountHelp')}
            required
            inputMode="decimal"
            error={errors.requiredAmount?.message}
            {...form.register('requiredAmount')}
          />
          <TextInput
            type="date"
            label={t('cases.plan.dueAt')}
            error={errors.dueAt?.message}
            {...form.register('dueAt')}
          />
        </SimpleGrid>
        <CaseFormFooter
          mutation={mutation}
          caseId={detail.id}
          unmatched={unmatched}
          submitLabel={t('cases.plan.saveItem')}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
