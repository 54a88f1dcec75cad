import { toNestErrors } from '@hookform/resolvers';
import { Alert, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReasonCode, ReferralDetail, Resource, School } from '@pathways/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  FormProvider,
  useForm,
  type FieldError as HookFieldError,
  type FieldErrors,
  type Path,
  type Resolver,
} from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../../components/ui/confirm-dialog';
import { ConflictAlert, type TypedText } from '../../../../components/ui/conflict-alert';
import { errorMessage } from '../../../../components/ui/error-message';
import { useUnsavedChangesGuard } from '../../../../components/ui/unsaved-changes';
import { isApiError } from '../../../../lib/api-client';
import { notify } from '../../../../lib/notify';
import { randomUuid } from '../../../../lib/uuid';
import { useCreateReferral } from '../../api/create-referral';
import { useDiscardReferral } from '../../api/discard-referral';
import { useSubmitReferral } from '../../api/submit-referral';
import type { ReferralLinks } from '../referral-links';
import {
  emptyReferralForm,
  formFieldOf,
  fromDetail,
  fromDraft,
  STEPS,
  stepOf,
  toDraftFields,
  toSubmitInput,
  validateForSubmit,
  type ReferralFormValues,
} from './form-model';
import { GuardiansStep } from './guardians-step';
import { IncidentStep } from './incident-step';
import { ResourcesStep } from './resources-step';
import { ReferralSuccess } from './referral-success';
import { ReviewStep } from './review-step';
import { SaveStatusText } from './save-status';
import { useDraftAutosave } from './use-draft-autosave';
import { YouthStep } from './youth-step';

export const STEP_HEADING_ID = 'referral-step-heading';
const REVIEW = STEPS.length - 1;

interface ReferralWizardProps {
  /** A DRAFT to continue or a NEEDS_INFO referral to answer; none for a new referral. */
  existing?: ReferralDetail;
  schools: School[] | undefined;
  reasonCodes: ReasonCode[] | undefined;
  resources: Resource[] | undefined;
  links: ReferralLinks;
}

export function ReferralWizard({ existing, schools, reasonCodes, resources, links }: ReferralWizardProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const answering = existing?.status === 'NEEDS_INFO';
  const initialValues = useMemo(
    () => (existing ? fromDetail(existing) : emptyReferralForm()),
    // The form owns the values after the first render; a refetch must not reset what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const [step, setStep] = useState(0);
  const stepRef = useRef(0);
  stepRef.current = step;
  const [submitted, setSubmitted] = useState<ReferralDetail | null>(null);
  /** Above the step: server messages that match no field (with "check the highlighted fields"), or a failure. */
  const [alert, setAlert] = useState<{ messages: string[] } | { error: unknown } | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const leavingRef = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [keys] = useState(() => ({ draft: randomUuid(), submit: randomUuid() }));

  // Each step checks its own fields; the review step checks everything (the contract's submit schema).
  const resolver = useCallback<Resolver<ReferralFormValues>>(
    (values, _context, options) => {
      const current = stepRef.current;
      const flat: Record<string, HookFieldError> = {};
      for (const error of validateForSubmit(values, t)) {
        if (current === REVIEW || stepOf(error.field) === current) {
          flat[error.field] = { type: 'validation', message: error.message };
        }
      }
      return Object.keys(flat).length
        ? { values: {}, errors: toNestErrors(flat, options) }
        : { values, errors: {} };
    },
    [t],
  );

  const form = useForm<ReferralFormValues>({
    defaultValues: initialValues,
    resolver,
    mode: 'onSubmit',
    // Checked again when leaving a field, not on every keystroke: a half-typed phone number is not an error yet.
    reValidateMode: 'onBlur',
  });
  const readDraft = useCallback(() => toDraftFields(form.getValues()), [form]);
  const autosave = useDraftAutosave({
    enabled: !answering,
    existing,
    read: readDraft,
    idempotencyKey: keys.draft,
  });
  const create = useCreateReferral();
  const submit = useSubmitReferral();
  const discard = useDiscardReferral();

  const { changed } = autosave;
  useEffect(() => {
    const subscription = form.watch(() => changed());
    return () => subscription.unsubscribe();
  }, [form, changed]);

  // Focus follows the step: keyboard and screen-reader users start at the new step's heading.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const goTo = (next: number, keepAlert = false) => {
    void autosave.flush();
    if (!keepAlert) setAlert(null);
    setStep(next);
    window.scrollTo({ top: 0 });
  };

  const showErrors = (errors: FieldErrors<ReferralFormValues>) => {
    const fields = [
      ...Object.keys(errors).filter((k) => k !== 'root'),
      ...Object.keys(errors.root ?? {}).map((k) => `root.${k}`),
    ];
    const first = Math.min(...fields.map(stepOf));
    if (Number.isFinite(first) && first !== stepRef.current) goTo(first);
  };

  const applyServerErrors = (error: unknown) => {
    if (!isApiError(error, 400) || error.details.length === 0) return false;
    const unmatched: string[] = [];
    let first: number | null = null;
    for (const detail of error.details) {
      const field = formFieldOf(detail.path, form.getValues('guardians').length);
      if (!field) {
        unmatched.push(detail.message);
        continue;
      }
      form.setError(field as Path<ReferralFormValues>, { type: 'server', message: detail.message });
      const s = stepOf(field);
      first = first === null ? s : Math.min(first, s);
    }
    setAlert({ messages: unmatched });
    if (first !== null && first !== stepRef.current) goTo(first, true);
    return true;
  };

  const sendReferral = async (values: ReferralFormValues) => {
    setAlert(null);
    const fields = toSubmitInput(values);
    try {
      let result: ReferralDetail;
      await autosave.flush();
      if (autosave.referralId) {
        // A saved draft (or a referral sent back for information): save the latest fields, then submit.
        const saved = await autosave.saveFields(fields);
        result = await submit.mutateAsync({ id: saved.id, version: saved.version });
      } else {
        result = await create.mutateAsync({ body: { ...fields, submit: true }, idempotencyKey: keys.submit });
      }
      autosave.stop();
      leavingRef.current = true;
      guard.release();
      setSubmitted(result);
      window.scrollTo({ top: 0 });
    } catch (error) {
      if (!applyServerErrors(error)) setAlert({ error });
    }
  };

  const onSubmit = form.handleSubmit(
    async (values) => {
      if (step < REVIEW) goTo(step + 1);
      else await sendReferral(values);
    },
    (errors) => showErrors(errors),
  );

  /** The free text typed here, which a reload replaces: kept on show to copy (the other fields are quick to redo). */
  const typedText = () => [{ label: t('referrals.incident.narrative'), value: form.getValues('narrative') }];
  const [replacedText, setReplacedText] = useState<TypedText[] | null>(null);
  const reloadAfterConflict = async () => {
    const typed = typedText();
    const latest = await autosave.reload();
    if (!latest) return;
    form.reset(latest.status === 'DRAFT' ? fromDraft(latest.draft) : fromDetail(latest));
    setReplacedText(typed.filter((u) => u.value.trim() !== '' && u.value !== form.getValues('narrative')));
  };

  const onDiscard = async () => {
    autosave.stop();
    leavingRef.current = true;
    try {
      if (autosave.referralId) await discard.mutateAsync(autosave.referralId);
      setConfirmDiscard(false);
      guard.release();
      notify({ color: 'green', message: t('referrals.form.discarded') });
      void navigate(links.list);
    } catch (error) {
      leavingRef.current = false;
      setConfirmDiscard(false);
      setAlert({ error });
    }
  };

  const guard = useUnsavedChangesGuard(form.formState.isDirty && !leavingRef.current, {
    title: t('referrals.leave.title'),
    message: () =>
      answering
        ? t('referrals.leave.answering')
        : autosave.referralId && !autosave.hasUnsavedChanges()
          ? t('referrals.leave.saved')
          : t('referrals.leave.unsaved'),
    stayLabel: t('referrals.leave.stay'),
    leaveLabel: t('referrals.leave.leave'),
    leaveLoses: answering,
    // Leaving saves what a draft can keep.
    onLeave: () => autosave.flush(),
    // A draft that autosaved everything loses nothing when the tab closes.
    beforeUnload: () => answering || autosave.hasUnsavedChanges(),
  });

  if (submitted) return <ReferralSuccess referral={submitted} reasonCodes={reasonCodes} links={links} />;

  const stepKey = STEPS[step] ?? 'youth';
  const stepTitle = (index: number) => t(`referrals.steps.${STEPS[index] ?? 'youth'}`);
  const busy = create.isPending || submit.isPending || form.formState.isSubmitting;

  return (
    <FormProvider {...form}>
      <Stack gap="md">
        {answering && existing?.infoRequest ? (
          <Alert
            color="blue"
            variant="light"
            title={t('referrals.detail.infoRequestTitle')}
            data-testid="info-request"
          >
            <Text style={{ whiteSpace: 'pre-wrap' }}>{existing.infoRequest}</Text>
          </Alert>
        ) : null}
        {autosave.status === 'conflict' || replacedText !== null ? (
          <ConflictAlert
            title={t('referrals.save.conflictTitle')}
            message={t('referrals.save.conflict')}
            reloadLabel={t('referrals.save.reload')}
            afterReload="replaces"
            unsaved={replacedText ?? typedText()}
            reloaded={autosave.status !== 'conflict'}
            onReload={() => void reloadAfterConflict()}
            onDismiss={() => setReplacedText(null)}
          />
        ) : null}

        <nav aria-label={t('referrals.form.progress')}>
          <Stepper
            active={step}
            onStepClick={goTo}
            allowNextStepsSelect={Boolean(existing)}
            size="sm"
            iconSize={isPhone ? 28 : 32}
            wrap={false}
            styles={{ separator: { marginInline: isPhone ? 4 : undefined, minWidth: 4 } }}
          >
            {STEPS.map((key, index) => (
              <Stepper.Step
                key={key}
                label={isPhone ? undefined : stepTitle(index)}
                aria-label={t('referrals.form.stepLabel', {
                  current: index + 1,
                  total: STEPS.length,
                  name: stepTitle(index),
                })}
                aria-current={index === step ? 'step' : undefined}
              />
            ))}
          </Stepper>
        </nav>

        <form onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={STEP_HEADING_ID}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap">
              <div>
                <Text size="sm" c="dimmed">
                  {t('referrals.form.stepOf', { current: step + 1, total: STEPS.length })}
                </Text>
                <Title
                  order={2}
                  id={STEP_HEADING_ID}
                  ref={headingRef}
                  tabIndex={-1}
                  style={{ outline: 'none' }}
                >
                  {stepTitle(step)}
                </Title>
              </div>
              {answering ? null : <SaveStatusText status={autosave.status} savedAt={autosave.savedAt} />}
            </Group>

            {alert ? (
              <Alert color="red" variant="light" role="alert" data-testid="referral-form-error">
                {'error' in alert ? errorMessage(alert.error, t) : t('common.errors.validation')}
                {'messages' in alert
                  ? alert.messages.map((message) => <div key={message}>{message}</div>)
                  : null}
              </Alert>
            ) : null}

            {stepKey === 'youth' ? <YouthStep /> : null}
            {stepKey === 'incident' ? <IncidentStep schools={schools} reasonCodes={reasonCodes} /> : null}
            {stepKey === 'guardians' ? <GuardiansStep /> : null}
            {stepKey === 'resources' ? <ResourcesStep resources={resources} /> : null}
            {stepKey === 'review' ? (
              <ReviewStep
                schools={schools}
                reasonCodes={reasonCodes}
                resources={resources}
                onEdit={(section) => goTo(STEPS.indexOf(section))}
              />
            ) : null}

            <Group justify="space-between" gap="sm" wrap="wrap-reverse">
              {autosave.referralId && !answering ? (
                <Button variant="subtle" color="red" onClick={() => setConfirmDiscard(true)}>
                  {t('referrals.form.discard')}
                </Button>
              ) : (
                <span />
              )}
              <Group gap="sm" wrap="nowrap">
                {step > 0 ? (
                  <Button variant="default" onClick={() => goTo(step - 1)}>
                    {t('referrals.form.back')}
                  </Button>
                ) : null}
                <Button type="submit" loading={busy}>
                  {step < REVIEW
                    ? t('referrals.form.next')
                    : answering
                      ? t('referrals.form.resubmit')
                      : t('referrals.form.submit')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Stack>

      <ConfirmDialog
        opened={confirmDiscard}
        destructive
        loading={discard.isPending}
        title={t('referrals.form.discardTitle')}
        body={t('referrals.form.discardBody')}
        confirmLabel={t('referrals.form.discard')}
        onConfirm={() => void onDiscard()}
        onClose={() => setConfirmDiscard(false)}
      />
    </FormProvider>
  );
}
