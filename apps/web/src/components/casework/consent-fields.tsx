import { Autocomplete, Checkbox, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  COMMON_LANGUAGES,
  INFO_SCOPES,
  MINOR_SELF_CONSENT_BASES,
  SIGNATURE_METHODS,
  type InfoScope,
  type MinorSelfConsentBasis,
  type SignatureMethod,
} from '@pathways/contracts';
import type { ReactNode } from 'react';
import { Controller, type Control, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../lib/format';
import { i18n } from '../../lib/i18n';
import { CheckboxGroupField } from './checkbox-group-field';

export type ConsentSigner = 'GUARDIAN' | 'YOUTH';

/** The form values every consent form has (a further consent on a case, the consents signed at enrollment). */
export interface ConsentFieldValues {
  signer: ConsentSigner;
  guardianName: string;
  youthAssent: boolean;
  minorSelfConsentBasis: MinorSelfConsentBasis | '';
  signatureMethod: SignatureMethod | '';
  language: string;
  signedAt: string;
  infoScope: InfoScope[];
}

interface ConsentFieldsProps<T extends ConsentFieldValues, C, O> {
  form: UseFormReturn<T, C, O>;
  /** The youth's guardians on file, offered for the guardian's name. */
  guardianNames: string[];
  /** Show the longer help under the signer's fields (at enrollment, where they are first explained). */
  withHelp?: boolean;
  /** Further inputs at the end of the grid (the case consent's expiry). */
  children?: ReactNode;
}

/**
 * Who signed and how: shared by the case consent form and the referral enroll form, which record the same consent
 * contract.
 */
export function ConsentFields<T extends ConsentFieldValues, C, O>({
  form: typedForm,
  guardianNames,
  withHelp = false,
  children,
}: ConsentFieldsProps<T, C, O>) {
  const { t } = useTranslation();
  // Only the shared fields are touched here, so the form is read as one with just those.
  const form = typedForm as unknown as UseFormReturn<ConsentFieldValues>;
  const { errors } = form.formState;
  const signer = form.watch('signer');
  const language = form.getValues('language');
  const languages: string[] = COMMON_LANGUAGES.includes(language as (typeof COMMON_LANGUAGES)[number])
    ? [...COMMON_LANGUAGES]
    : [...COMMON_LANGUAGES, language];
  return (
    <>
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
              description={withHelp ? t('intake.enroll.guardianNameHelp') : undefined}
              required
              data={guardianNames}
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
          description={withHelp ? t('intake.enroll.selfConsentHelp') : undefined}
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
        description={withHelp ? t('intake.enroll.youthAssentHelp') : undefined}
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
        {children}
      </SimpleGrid>
    </>
  );
}

/** What a release of information may share: shared by the case consent form and the referral enroll form. */
export function InfoScopeField<T extends { infoScope: InfoScope[] }, C, O>({
  control,
}: {
  control: Control<T, C, O>;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxGroupField
      control={control}
      name={'infoScope' as Path<T>}
      label={t('cases.consent.infoScope')}
      required
      options={INFO_SCOPES.map((scope) => ({ value: scope, label: t(`cases.infoScopes.${scope}`) }))}
    />
  );
}
