import { Checkbox, Stack, Text } from '@mantine/core';
import type { Resource } from '@pathways/contracts';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReferralFormValues } from './form-model';

export function ResourcesStep({ resources }: { resources: Resource[] | undefined }) {
  const { t } = useTranslation();
  const form = useFormContext<ReferralFormValues>();
  const active = (resources ?? []).filter((r) => r.active);
  return (
    <Controller
      control={form.control}
      name="recommendedResourceIds"
      render={({ field, fieldState }) => (
        <Checkbox.Group
          label={t('referrals.resourcesStep.label')}
          description={t('referrals.resourcesStep.help')}
          value={field.value}
          onChange={field.onChange}
          error={fieldState.error?.message}
        >
          <Stack gap="sm" mt="sm">
            {active.length === 0 ? <Text c="dimmed">{t('referrals.resourcesStep.empty')}</Text> : null}
            {active.map((resource, index) => (
              <Checkbox
                key={resource.id}
                value={resource.id}
                ref={index === 0 ? field.ref : undefined}
                label={resource.name}
                description={[resource.organization, resource.phone].filter(Boolean).join(' · ') || undefined}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    />
  );
}
