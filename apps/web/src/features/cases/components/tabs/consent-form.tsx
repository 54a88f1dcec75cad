import {
  Autocomplete,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  COMMON_LANGUAGES,
  CONSENT_TYPES,
  DEFAULT_POLICE_INFO_SCOPE,
  INFO_SCOPES,
  MINOR_SELF_CONSENT_BASES,
  SIGNATURE_METHODS,
  consentInputSchema,
  type CaseDetail,
  type ConsentInput,
  type ConsentType,
  type InfoScope,
  type MinorSelfConsentBasis,
  type SignatureMethod,
} from '@pathways/contracts';
import { useState } from 'react';
import { Controller, useForm, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../lib/api-client';
import { localizedErrorMap } from '../../../../lib/form';
import { languageName } from '../../../../lib/format';
import { i18n } from '../../../../lib/i18n';
import { localDateTimeToIso, toLocalDateTimeInput } from '../../../../lib/schema-resolver';
import { useCreateConsent } from '../../api/create-consent';
import { useCaseReferral } from '../../api/get-case-referral';
import { CaseMutationError } from '../case-mutation-error';

type Signer = 'GUARDIAN' | 'YOUTH';

interface Values {
  type: ConsentType | '';
  signer: Signer;
  guardianName: string;
  youthAssent: boolean;
  minorSelfConsentBasis: MinorSelfConsentBasis | '';
  signatureMethod: SignatureMethod | '';
  language: string;
  signedAt: string;
  expiresAt: string;
  infoScope: InfoScope[];
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
  const signer = form.watch('signer');

  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      await mutation.mutateAsync({ caseId: detail.id, body });
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

  const languages: string[] = COMMON_LANGUAGES.includes(form.getValues('language') as 'en')
    ? [...COMMON_LANGUAGES]
    : [...COMMON_LANGUAGES, form.getValues('language')];

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
        <Controller
          control={form.control}
          name="signer"
          render={({ field }) => (
            <Radio.Group
              label={t('intake.enroll.signer')}
              required
              value={field.value}
              onChange={(value) => field.onChange(value)}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="GUARDIAN" label={t('intake.enroll.signerGuardian')} ref={field.ref} />
                <Radio value="YOUTH" label={t('intake.enroll.signerYouth')} />
              </Stack>
            </Radio.Group>
          )}
        />
        {signer === 'GUARDIAN' ? (
          <Controller
            control={form.control}
            name="guardianName"
            render={({ field, fieldState }) => (
              <Autocomplete
                label={t('intake.enroll.guardianName')}
                required
                data={detail.guardians.map((g) => g.name)}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
        ) : (
          <NativeSelect
            label={t('intake.enroll.selfConsentBasis')}
            required
            data={[
              { value: '', label: t('cases.form.choose') },
              ...MINOR_SELF_CONSENT_BASES.map((b) => ({ value: b, label: t(`cases.selfConsentBases.${b}`) })),
            ]}
            error={errors.minorSelfConsentBasis?.message}
            {...form.register('minorSelfConsentBasis')}
          />
        )}
        <Checkbox
          label={t('intake.enroll.youthAssent')}
          error={errors.youthAssent?.message}
          {...form.register('youthAssent')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('cases.consent.signatureMethod')}
            required
            data={[
              { value: '', label: t('cases.form.choose') },
              ...SIGNATURE_METHODS.map((m) => ({ value: m, label: t(`cases.signatureMethods.${m}`) })),
            ]}
            error={errors.signatureMethod?.message}
            {...form.register('signatureMethod')}
          />
          <NativeSelect
            label={t('cases.consent.language')}
            required
            data={languages.map((code) => ({ value: code, label: languageName(code, i18n.language) }))}
            error={errors.language?.message}
            {...form.register('language')}
          />
          <TextInput
            type="datetime-local"
            label={t('cases.consent.signedAt')}
            required
            error={errors.signedAt?.message}
            {...form.register('signedAt')}
          />
          <TextInput
            type="date"
            label={t('cases.consent.expiresAt')}
            error={errors.expiresAt?.message}
            {...form.register('expiresAt')}
          />
        </SimpleGrid>
        {type === 'RELEASE_OF_INFORMATION' ? (
          <>
            <Text size="sm">{t('cases.consents.roiTo')}</Text>
            <Controller
              control={form.control}
              name="infoScope"
              render={({ field, fieldState }) => (
                <Checkbox.Group
                  label={t('cases.consent.infoScope')}
                  required
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  error={fieldState.error?.message}
                >
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                    {INFO_SCOPES.map((scope, index) => (
                      <Checkbox
                        key={scope}
                        value={scope}
                        label={t(`cases.infoScopes.${scope}`)}
                        ref={index === 0 ? field.ref : undefined}
                      />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              )}
            />
          </>
        ) : null}
        <CaseMutationError
          error={mutation.error}
          caseId={detail.id}
          unmatched={unmatched}
          onReload={onCancel}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
          <Button
            type="submit"
            loading={mutation.isPending}
            disabled={type === 'RELEASE_OF_INFORMATION' && !counterpartOrgId}
          >
            {t('cases.consents.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
