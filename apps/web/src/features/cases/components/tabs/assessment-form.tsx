import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  ASSESSMENT_FLAGS,
  ASSESSMENT_INSTRUMENTS,
  ASSESSMENT_TIMINGS,
  RISK_LEVELS,
  assessmentRequestSchema,
  type AssessmentFlag,
  type AssessmentInstrument,
  type AssessmentRequest,
  type AssessmentTiming,
  type CaseDetail,
  type RiskLevel,
} from '@pathways/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField } from '../../../../components/casework/checkbox-group-field';
import { localDateTimeToIso, payloadResolver, toLocalDateTimeInput } from '../../../../lib/schema-resolver';
import { useCreateAssessment } from '../../api/create-assessment';
import { CaseFormFooter } from './case-form-footer';
import { useServerSubmit } from '../form-errors';

interface Values {
  instrument: AssessmentInstrument | '';
  timing: AssessmentTiming | '';
  administeredAt: string;
  overallLevel: RiskLevel | '';
  totalScore: string;
  flags: AssessmentFlag[];
  overrideLevel: RiskLevel | '';
  overrideReason: string;
}

const toPayload = (v: Values) => ({
  instrument: v.instrument || undefined,
  timing: v.timing || undefined,
  administeredAt: localDateTimeToIso(v.administeredAt),
  overallLevel: v.overallLevel || undefined,
  totalScore: v.totalScore.trim() === '' ? undefined : Number(v.totalScore),
  flags: v.flags.length ? v.flags : undefined,
  overrideLevel: v.overrideLevel || undefined,
  overrideReason: v.overrideReason.trim() || undefined,
});

const FIELDS = [
  'instrument',
  'timing',
  'administeredAt',
  'overallLevel',
  'totalScore',
  'flags',
  'overrideLevel',
  'overrideReason',
] as const;

interface AssessmentFormProps {
  detail: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}

/** Scores only, never the licensed item text. A suicide-risk flag raises a SAFETY task at once. */
export function AssessmentForm({ detail, onSaved, onCancel }: AssessmentFormProps) {
  const { t } = useTranslation();
  const mutation = useCreateAssessment();
  const form = useForm<Values, unknown, AssessmentRequest>({
    resolver: payloadResolver(assessmentRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: {
      instrument: '',
      timing: 'INTAKE',
      administeredAt: toLocalDateTimeInput(new Date()),
      overallLevel: '',
      totalScore: '',
      flags: [],
      overrideLevel: '',
      overrideReason: '',
    },
  });
  const { errors } = form.formState;
  const overrideLevel = form.watch('overrideLevel');
  const choose = { value: '', label: t('cases.form.choose') };
  const levels = RISK_LEVELS.map((l) => ({ value: l, label: t(`cases.riskLevels.${l}`) }));

  const { onSubmit, unmatched } = useServerSubmit(
    form,
    FIELDS,
    (body) => mutation.mutateAsync({ caseId: detail.id, body }),
    onSaved,
  );

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.assessments.addTitle')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('cases.assessments.instrument')}
            required
            data={[
              choose,
              ...ASSESSMENT_INSTRUMENTS.map((i) => ({ value: i, label: t(`cases.instruments.${i}`) })),
            ]}
            error={errors.instrument?.message}
            data-autofocus
            {...form.register('instrument')}
          />
          <NativeSelect
            label={t('cases.assessments.timing')}
            required
            data={ASSESSMENT_TIMINGS.map((x) => ({ value: x, label: t(`cases.timings.${x}`) }))}
            error={errors.timing?.message}
            {...form.register('timing')}
          />
          <TextInput
            type="datetime-local"
            label={t('cases.assessments.administeredAt')}
            required
            error={errors.administeredAt?.message}
            {...form.register('administeredAt')}
          />
          <NativeSelect
            label={t('cases.assessments.overallLevel')}
            required
            data={[choose, ...levels]}
            error={errors.overallLevel?.message}
            {...form.register('overallLevel')}
          />
          <TextInput
            label={t('cases.assessments.totalScore')}
            inputMode="decimal"
            error={errors.totalScore?.message}
            {...form.register('totalScore')}
          />
        </SimpleGrid>
        <CheckboxGroupField
          control={form.control}
          name="flags"
          label={t('cases.assessments.flags')}
          description={t('cases.assessments.flagsHelp')}
          options={ASSESSMENT_FLAGS.map((flag) => ({ value: flag, label: t(`cases.flags.${flag}`) }))}
        />
        <NativeSelect
          label={t('cases.assessments.overrideLevel')}
          description={t('cases.assessments.overrideHelp')}
          data={[{ value: '', label: t('cases.assessments.noOverride') }, ...levels]}
          error={errors.overrideLevel?.message}
          {...form.register('overrideLevel')}
        />
        {overrideLevel ? (
          <Textarea
            label={t('cases.assessments.overrideReason')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            error={errors.overrideReason?.message}
            {...form.register('overrideReason')}
          />
        ) : null}
        <CaseFormFooter
          mutation={mutation}
          caseId={detail.id}
          unmatched={unmatched}
          submitLabel={t('cases.assessments.save')}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
