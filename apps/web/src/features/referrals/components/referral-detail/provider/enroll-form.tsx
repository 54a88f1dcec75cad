import { Checkbox, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import {
  DEFAULT_POLICE_INFO_SCOPE,
  enrollRequestSchema,
  type EnrollRequest,
  type EnrollResponse,
  type ReferralDetail,
} from '@pathways/contracts';
import { useState } from 'react';
import { useForm, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ConsentFields,
  InfoScopeField,
  type ConsentFieldValues,
  type ConsentSigner,
} from '../../../../../components/casework/consent-fields';
import { FormFooter } from '../../../../../components/casework/form-footer';
import { isApiError } from '../../../../../lib/api-client';
import { localizedErrorMap } from '../../../../../lib/form';
import { i18n } from '../../../../../lib/i18n';
import { localDateTimeToIso, toLocalDateTimeInput } from '../../../../../lib/schema-resolver';
import { randomUuid } from '../../../../../lib/uuid';
import { useEnrollReferral } from '../../../api/enroll-referral';
import { ReferralMutationError } from './referral-mutation-error';
import { useUnsavedChangesGuard } from '../../../../../components/ui/unsaved-changes';

type Signer = ConsentSigner;

export interface EnrollFormValues extends ConsentFieldValues {
  includeRoi: boolean;
  roiExpiresAt: string;
}
type EnrollField = keyof EnrollFormValues;

/**
 * The consents as the API takes them: PROGRAM_PARTICIPATION first (index 0), then the optional release of
 * information to the referring agency (index 1). Both are signed in the same sitting, so they share the signer,
 * method, language and time.
 */
export function toEnrollRequest(v: EnrollFormValues, referral: ReferralDetail): EnrollRequest {
  const name = v.guardianName.trim();
  const guardian = referral.guardians.find((g) => g.name.trim().toLowerCase() === name.toLowerCase());
  const signer =
    v.signer === 'GUARDIAN'
      ? { guardianName: name || undefined, guardianId: guardian?.id }
      : { minorSelfConsentBasis: v.minorSelfConsentBasis || undefined };
  const shared = {
    youthAssent: v.youthAssent,
    ...signer,
    signatureMethod: v.signatureMethod || undefined,
    language: v.language || undefined,
    signedAt: localDateTimeToIso(v.signedAt),
  };
  const consents: unknown[] = [{ type: 'PROGRAM_PARTICIPATION', ...shared }];
  if (v.includeRoi)
    consents.push({
      type: 'RELEASE_OF_INFORMATION',
      ...shared,
      counterpartOrgId: referral.referringOrgId,
      infoScope: v.infoScope.length ? v.infoScope : undefined,
      expiresAt: v.roiExpiresAt || undefined,
    });
  // Shaped here, checked by the contract schema in the resolver before anything is sent.
  return { version: referral.version, consents } as EnrollRequest;
}

/**
 * Which input shows an error about `consents.<i>.<field>` (from the schema or a server 400). The signer's fields
 * are one input each, whichever consent the error is about.
 */
export function enrollFieldOf(path: string, signer: Signer): EnrollField | null {
  const [root, index, field] = path.replace(/^body\./, '').split('.');
  if (root !== 'consents' || index === undefined || field === undefined) return null;
  switch (field) {
    case 'youthAssent':
    case 'signatureMethod':
    case 'language':
    case 'signedAt':
    case 'infoScope':
      return field;
    case 'guardianName':
    case 'guardianId':
    case 'minorSelfConsentBasis':
      return signer === 'GUARDIAN' ? 'guardianName' : 'minorSelfConsentBasis';
    case 'expiresAt':
      return index === '0' ? null : 'roiExpiresAt';
    default:
      return null;
  }
}

const enrollResolver =
  (referral: ReferralDetail): Resolver<EnrollFormValues, unknown, EnrollRequest> =>
  (values) => {
    const t = i18n.t.bind(i18n);
    const errors: Record<string, FieldError> = {};
    const add = (field: EnrollField, message: string) => {
      errors[field] ??= { type: 'validate', message };
    };
    if (values.signer === 'GUARDIAN') {
      if (!values.guardianName.trim()) add('guardianName', t('common.validation.required'));
      if (!values.youthAssent) add('youthAssent', t('intake.enroll.assentNeeded'));
    } else if (!values.minorSelfConsentBasis) add('minorSelfConsentBasis', t('common.validation.choose'));
    if (values.includeRoi && values.infoScope.length === 0) add('infoScope', t('intake.enroll.scopeNeeded'));
    const result = enrollRequestSchema.safeParse(toEnrollRequest(values, referral), {
      error: localizedErrorMap,
    });
    if (!result.success)
      for (const issue of result.error.issues) {
        const field = enrollFieldOf(issue.path.map(String).join('.'), values.signer);
        if (field) add(field, issue.message);
      }
    if (Object.keys(errors).length || !result.success)
      return { values: {}, errors: errors as FieldErrors<EnrollFormValues> };
    return { values: result.data, errors: {} };
  };

interface EnrollFormProps {
  referral: ReferralDetail;
  onEnrolled: (result: EnrollResponse) => void;
  onCancel: () => void;
}

/**
 * Records the family's consent and opens the case: program participation (a guardian with the youth's assent, or
 * the youth alone on a California self-consent basis), and optionally a release of information to the referring
 * agency, by default only enrollment and completion status.
 */
export function EnrollForm({ referral, onEnrolled, onCancel }: EnrollFormProps) {
  const { t } = useTranslation();
  const mutation = useEnrollReferral();
  const [idempotencyKey] = useState(randomUuid);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const firstGuardian = referral.guardians[0] ?? null;
  const form = useForm<EnrollFormValues, unknown, EnrollRequest>({
    resolver: enrollResolver(referral),
    reValidateMode: 'onBlur',
    defaultValues: {
      signer: 'GUARDIAN',
      guardianName: firstGuardian?.name ?? '',
      youthAssent: false,
      minorSelfConsentBasis: '',
      signatureMethod: '',
      language: firstGuardian?.preferredLanguage ?? referral.youth?.primaryLanguage ?? 'en',
      signedAt: toLocalDateTimeInput(new Date()),
      includeRoi: false,
      infoScope: [...DEFAULT_POLICE_INFO_SCOPE],
      roiExpiresAt: '',
    },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const includeRoi = form.watch('includeRoi');

  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      const enrolled = await mutation.mutateAsync({ id: referral.id, body, idempotencyKey });
      // The case page opens next: nothing left unsaved here.
      guard.release();
      onEnrolled(enrolled);
    } catch (error) {
      if (!isApiError(error, 400)) return;
      const rest: string[] = [];
      let focused = false;
      for (const detail of error.details) {
        const field = enrollFieldOf(detail.path, form.getValues('signer'));
        if (field) {
          form.setError(field, { type: 'server', message: detail.message }, { shouldFocus: !focused });
          focused = true;
        } else rest.push(detail.message);
      }
      setUnmatched(rest);
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('intake.enroll.title')}>
      <Stack>
        <Text size="sm">{t('intake.enroll.intro')}</Text>
        <ReferralMutationError
          error={mutation.error}
          referralId={referral.id}
          unmatched={unmatched}
          onReload={() => mutation.reset()}
          afterReload="keeps"
        />
        <Fieldset legend={t('intake.enroll.participation')}>
          <Stack>
            <ConsentFields form={form} guardianNames={referral.guardians.map((g) => g.name)} withHelp />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('intake.enroll.roi')}>
          <Stack>
            <Checkbox
              label={t('intake.enroll.includeRoi')}
              description={t('intake.enroll.includeRoiHelp')}
              {...form.register('includeRoi')}
            />
            {includeRoi ? (
              <>
                <InfoScopeField control={form.control} />
                <TextInput
                  type="date"
                  label={t('cases.consent.expiresAt')}
                  maw={240}
                  error={errors.roiExpiresAt?.message}
                  {...form.register('roiExpiresAt')}
                />
              </>
            ) : null}
          </Stack>
        </Fieldset>
        <FormFooter
          submitLabel={t('intake.enroll.confirm')}
          loading={mutation.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
