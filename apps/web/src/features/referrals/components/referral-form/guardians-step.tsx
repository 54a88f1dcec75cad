import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { languageOptions, relationshipOptions } from '../options';
import { emptyGuardian, type ReferralFormValues } from './form-model';

export const MAX_GUARDIANS = 4;

export function GuardiansStep() {
  const { t, i18n } = useTranslation();
  const form = useFormContext<ReferralFormValues>();
  const { errors } = form.formState;
  const guardians = useFieldArray({ control: form.control, name: 'guardians' });

  const add = () => {
    // The family's language is usually the youth's: a sensible first guess the SRO can change.
    const youthLanguage = form.getValues('youth.primaryLanguage');
    guardians.append({ ...emptyGuardian(), preferredLanguage: youthLanguage }, { shouldFocus: true });
  };

  return (
    <Stack>
      {errors.root?.guardians ? (
        <Alert color="red" variant="light" role="alert">
          {errors.root.guardians.message}
        </Alert>
      ) : null}
      {guardians.fields.map((field, index) => {
        const fieldErrors = errors.guardians?.[index];
        return (
          <Fieldset key={field.id} legend={t('referrals.guardians.legend', { n: index + 1 })} radius="md">
            <Stack gap="sm">
              <TextInput
                label={t('referrals.guardians.name')}
                required
                autoComplete="off"
                error={fieldErrors?.name?.message}
                {...form.register(`guardians.${index}.name`)}
              />
              <NativeSelect
                label={t('referrals.guardians.relationship')}
                required
                data={relationshipOptions(t)}
                error={fieldErrors?.relationship?.message}
                {...form.register(`guardians.${index}.relationship`)}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('referrals.guardians.phone')}
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  required
                  error={fieldErrors?.phone?.message}
                  {...form.register(`guardians.${index}.phone`)}
                />
                <TextInput
                  label={t('referrals.guardians.email')}
                  type="email"
                  autoComplete="off"
                  error={fieldErrors?.email?.message}
                  {...form.register(`guardians.${index}.email`)}
                />
              </SimpleGrid>
              <NativeSelect
                label={t('referrals.guardians.preferredLanguage')}
                required
                data={languageOptions(t, i18n.language)}
                error={fieldErrors?.preferredLanguage?.message}
                {...form.register(`guardians.${index}.preferredLanguage`)}
              />
              <Checkbox
                label={t('referrals.guardians.interpreterNeeded')}
                {...form.register(`guardians.${index}.interpreterNeeded`)}
              />
              {guardians.fields.length > 1 ? (
                <Group justify="flex-end">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => guardians.remove(index)}
                    aria-label={t('referrals.guardians.removeNamed', { n: index + 1 })}
                  >
                    {t('referrals.guardians.remove')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Fieldset>
        );
      })}
      {guardians.fields.length < MAX_GUARDIANS ? (
        <Button variant="default" onClick={add} style={{ alignSelf: 'flex-start' }}>
          {t('referrals.guardians.add')}
        </Button>
      ) : null}
    </Stack>
  );
}
