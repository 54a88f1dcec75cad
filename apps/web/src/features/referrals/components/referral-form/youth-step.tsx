import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useFormContext, useWatch, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../lib/format';
import { genderOptions, languageOptions, raceOptions } from '../options';
import type { ReferralFormValues } from './form-model';
import { YouthMatches } from './youth-matches';

export function YouthStep() {
  const { t, i18n } = useTranslation();
  const form = useFormContext<ReferralFormValues>();
  const { errors } = form.formState;
  const existing = useWatch({ control: form.control, name: 'existingYouth' });
  const [firstName, lastName, dateOfBirth] = useWatch({
    control: form.control,
    name: ['youth.firstName', 'youth.lastName', 'youth.dateOfBirth'],
  });
  const today = new Date().toISOString().slice(0, 10);

  if (existing) {
    return (
      <Stack>
        <Card withBorder radius="md" p="md" data-testid="existing-youth">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('referrals.youth.existing')}
            </Text>
            <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
              {existing.displayName ?? t('referrals.youth.existingUnnamed')}
            </Text>
            {existing.dateOfBirth || existing.schoolName ? (
              <Text size="sm">
                {[
                  existing.dateOfBirth
                    ? t('referrals.matches.born', { date: formatDate(existing.dateOfBirth, i18n.language) })
                    : null,
                  existing.schoolName,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            ) : null}
            {existing.openReferral ? (
              <Alert color="orange" variant="light" mt="xs">
                {t('referrals.youth.openReferralNote')}
              </Alert>
            ) : null}
          </Stack>
        </Card>
        <Button
          variant="default"
          onClick={() => form.setValue('existingYouth', null, { shouldDirty: true })}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('referrals.youth.change')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack>
      {errors.root?.youth ? (
        <Alert color="red" variant="light" role="alert">
          {errors.root.youth.message}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('referrals.youth.firstName')}
          required
          autoComplete="off"
          error={errors.youth?.firstName?.message}
          {...form.register('youth.firstName')}
        />
        <TextInput
          label={t('referrals.youth.lastName')}
          required
          autoComplete="off"
          error={errors.youth?.lastName?.message}
          {...form.register('youth.lastName')}
        />
      </SimpleGrid>
      <TextInput
        label={t('referrals.youth.dateOfBirth')}
        type="date"
        required
        max={today}
        error={errors.youth?.dateOfBirth?.message}
        {...form.register('youth.dateOfBirth')}
      />
      <YouthMatches
        firstName={firstName}
        lastName={lastName}
        dateOfBirth={dateOfBirth}
        onUse={(match) => {
          form.setValue(
            'existingYouth',
            {
              id: match.id,
              displayName: match.displayName,
              dateOfBirth: match.dateOfBirth,
              schoolName: match.schoolName,
              openReferral: match.openReferral,
            },
            { shouldDirty: true },
          );
          form.clearErrors('youth');
          form.clearErrors('root.youth');
        }}
      />
      <TextInput
        label={t('referrals.youth.preferredName')}
        description={t('referrals.youth.preferredNameHelp')}
        autoComplete="off"
        error={errors.youth?.preferredName?.message}
        {...form.register('youth.preferredName')}
      />
      <NativeSelect
        label={t('referrals.youth.primaryLanguage')}
        required
        data={languageOptions(t, i18n.language)}
        error={errors.youth?.primaryLanguage?.message}
        {...form.register('youth.primaryLanguage')}
      />
      <NativeSelect
        label={t('referrals.youth.genderIdentity')}
        description={t('referrals.youth.selfReported')}
        data={genderOptions(t)}
        error={errors.youth?.genderIdentity?.message}
        {...form.register('youth.genderIdentity')}
      />
      <Controller
        control={form.control}
        name="youth.raceEthnicity"
        render={({ field, fieldState }) => (
          <Checkbox.Group
            label={t('referrals.youth.raceEthnicity')}
            description={t('referrals.youth.raceEthnicityHelp')}
            value={field.value}
            onChange={(value) => {
              // "Declined" stands alone: choosing it clears the others, choosing another clears it.
              const declinedNow = value.includes('DECLINED') && !field.value.includes('DECLINED');
              field.onChange(declinedNow ? ['DECLINED'] : value.filter((v) => v !== 'DECLINED'));
            }}
            error={fieldState.error?.message}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
              {raceOptions(t).map((option, index) => (
                <Checkbox
                  key={option.value}
                  value={option.value}
                  label={option.label}
                  ref={index === 0 ? field.ref : undefined}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
      />
      <Group>
        <Text size="xs" c="dimmed">
          {t('referrals.youth.noImmigration')}
        </Text>
      </Group>
    </Stack>
  );
}
