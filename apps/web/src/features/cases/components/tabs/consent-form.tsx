import { NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import {
  CONSENT_TYPES,
  DEFAULT_POLICE_INFO_SCOPE,
  consentInputSchema,
  type CaseDetail,
  type ConsentInput,
  type ConsentType,
} from '@pathways/contracts';
import { useState } from 'react';
import { useForm, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ConsentFields,
  InfoScopeField,
  type ConsentFieldValues,
  type ConsentSigner,
} from '../../../../components/casework/consent-fields';
import { isApiError } from '../../../../lib/api-client';
import { localizedErrorMap } from '../../../../lib/form';
import { i18n } from '../../../../lib/i18n';
import { localDateTimeToIso, toLocalDateTimeInput } from '../../../../lib/schema-resolver';
import { useCreateConsent } from '../../api/create-consent';
import { useCaseReferral } from '../../api/get-case-referral';
import { CaseFormFooter } from './case-form-footer';
import { useUnsavedChangesGuard } from '../../../../components/ui/unsaved-changes';

type Signer = ConsentSigner;

interface Values extends ConsentFieldValues {
  type: ConsentType | '';
  expiresAt: string;
}
type Field = keyof Values;

const FIELD_OF: Record<string, Field> = {
  type: 'type',
  youthAssent: 'youthAssent',
  signatureMethod: 'signatureMethod',
  language: 'language',
  signedAt: 'signedAt',
  expiresAt: 'expiresAt',
  infoScope: 'infoScope',
};

const fieldOf = (path: string, signer: Signer): Field | null => {
  const name = path.replace(/^body\./, '').split('.')[0] ?? '';
  if (name === 'guardianName' || name === 'guardianId' || name === 'minorSelfConsentBasis')
    return signer === 'GUARDIAN' ? 'guardianName' : 'minorSelfConsentBasis';
  return FIELD_OF[name] ?? null;
};

function toInput(v: Values, detail: CaseDetail, counterpartOrgId: string | undefined): ConsentInput {
  const name = v.guardianName.trim();
  const guardian = detail.guardians.find((g) => g.name.trim().toLowerCase() === name.toLowerCase());
  return {
    type: v.type || undefined,
    youthAssent: v.youthAssent,
    ...(v.signer === 'GUARDIAN'
      ? { guardianName: name || undefined, guardianId: guardian?.id }
      : { minorSelfConsentBasis: v.minorSelfConsentBasis || undefined }),
    signatureMethod: v.signatureMethod || undefined,
    language: v.language || undefined,
    signedAt: localDateTimeToIso(v.signedAt),
    expiresAt: v.expiresAt || undefined,
    ...(v.type === 'RELEASE_OF_INFORMATION'
      ? { counterpartOrgId, infoScope: v.infoScope.length ? v.infoScope : undefined }
      : {}),
  } as ConsentInput;
}

interface ResolverContext {
  /** The referring agency, once read: a release of information names it. */
  counterpartOrgId: string | undefined;
}

const consentResolver =
  (detail: CaseDetail): Resolver<Values, ResolverContext, ConsentInput> =>
  (values, context) => {
    const counterpartOrgId = context?.counterpartOrgId;
    const t = i18n.t.bind(i18n);
    const errors: Record<string, FieldError> = {};
    const add = (field: Field, message: string) => {
      errors[field] ??= { type: 'validate', message };
    };
    if (values.signer === 'GUARDIAN' && !values.guardianName.trim())
      add('guardianName', t('common.validation.required'));
    if (values.signer === 'YOUTH' && !values.minorSelfConsentBasis)
      add('minorSelfConsentBasis', t('common.validation.choose'));
    if (values.type === 'RELEASE_OF_INFORMATION' && values.infoScope.length === 0)
      add('infoScope', t('intake.enroll.scopeNeeded'));
    const result = consentInputSchema.safeParse(toInput(values, detail, counterpartOrgId), {
      error: localizedErrorMap,
    });
    if (!result.success)
      for (const issue of result.error.issues) {
        const field = fieldOf(issue.path.map(String).join('.'), values.signer);
        if (field) add(field, issue.message);
      }
    if (Object.keys(errors).length || !result.success)
      return { values: {}, errors: errors as FieldErrors<Values> };
    return { values: result.data, errors: {} };
  };

interface ConsentFormProps {
  detail: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}

/** A further consent on an open case: treatment, SUD (42 CFR Part 2), texting, research, or a release. */
export function ConsentForm({ detail, onSaved, onCancel }: ConsentFormProps) {
  const { t } = useTranslation();
  const mutation = useCreateConsent();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [type, setType] = useState<ConsentType | ''>('');
  const referral = useCaseReferral(detail.id, detail.referralId, type === 'RELEASE_OF_INFORMATION');
  const counterpartOrgId = referral.data?.referringOrgId;
  const firstGuardian = detail.guardians[0] ?? null;
  const form = useForm<Values, ResolverContext, ConsentInput>({
    resolver: consentResolver(detail),
    context: { counterpartOrgId },
    reValidateMode: 'onBlur',
    defaultValues: {
      type: '',
      signer: 'GUARDIAN',
      guardianName: firstGuardian?.name ?? '',
      youthAssent: false,
      minorSelfConsentBasis: '',
      signatureMethod: '',
      language: firstGuardian?.preferredLanguage ?? detail.youth.primaryLanguage,
      signedAt: toLocalDateTimeInput(new Date()),
      expiresAt: '',
      infoScope: [...DEFAULT_POLICE_INFO_SCOPE],
    },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);

  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      await mutation.mutateAsync({ caseId: detail.id, body });
      guard.release();
      onSaved();
    } catch (error) {
      const rest: string[] = [];
      for (const d of isApiError(error, 400) ? error.details : []) {
        const field = fieldOf(d.path, form.getValues('signer'));
        if (field) form.setError(field, { type: 'server', message: d.message });
        else rest.push(d.message);
      }
      setUnmatched(rest);
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.consents.addTitle')}>
      <Stack>
        <NativeSelect
          label={t('cases.consent.type')}
          required
          data={[
            { value: '', label: t('cases.form.choose') },
            ...CONSENT_TYPES.map((c) => ({ value: c, label: t(`cases.consentTypes.${c}`) })),
          ]}
          error={errors.type?.message}
          data-autofocus
          {...form.register('type', {
            onChange: (event: { target: { value: string } }) =>
              setType(event.target.value as ConsentType | ''),
          })}
        />
        <ConsentFields form={form} guardianNames={detail.guardians.map((g) => g.name)}>
          <TextInput
            type="date"
            label={t('cases.consent.expiresAt')}
            error={errors.expiresAt?.message}
            {...form.register('expiresAt')}
          />
        </ConsentFields>
        {type === 'RELEASE_OF_INFORMATION' ? (
          <>
            <Text size="sm">{t('cases.consents.roiTo')}</Text>
            <InfoScopeField control={form.control} />
          </>
        ) : null}
        <CaseFormFooter
          mutation={mutation}
          caseId={detail.id}
          unmatched={unmatched}
          submitLabel={t('cases.consents.save')}
          disabled={type === 'RELEASE_OF_INFORMATION' && !counterpartOrgId}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
