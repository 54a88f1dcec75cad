import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, recordConflictMessage } from '../../../components/ui/conflict-alert';
import { errorMessage } from '../../../components/ui/error-message';
import { useUnsavedChangesGuard } from '../../../components/ui/unsaved-changes';
import { isApiError } from '../../../lib/api-client';
import { conflictOf } from '../../../lib/conflict';
import { notify } from '../../../lib/notify';
import { administrationKeys } from '../api/administration-keys';
import { useUpdateOrganization } from '../api/update-organization';

export type SettingValue = number | boolean | string | null;
export type SettingsSection = 'clocks' | 'security' | 'reports' | 'retention';

interface BaseField {
  key: string;
  label: string;
  help?: string;
}

export type SettingField =
  | (BaseField & { kind: 'number'; min: number; max: number; unit: string })
  /** A number that may also be "none" (null), chosen with a switch (e.g. "only an administrator unlocks"). */
  | (BaseField & { kind: 'nullableNumber'; min: number; max: number; unit: string; noneLabel: string })
  | (BaseField & { kind: 'switch'; disabled?: boolean })
  | (BaseField & { kind: 'select'; options: { value: string; label: string }[] });

interface SettingsSectionFormProps {
  section: SettingsSection;
  title: string;
  description?: ReactNode;
  fields: SettingField[];
  values: Record<string, SettingValue>;
  defaults: Record<string, SettingValue>;
  version: number;
  /** Rules across fields (a message per field key), beyond each field's own bounds. */
  validate?: (values: Record<string, SettingValue>) => Record<string, string>;
  /** A field's message when it is out of its bounds, if not the generic "from min to max". */
  boundMessage?: (field: SettingField & { min: number; max: number }, value: number) => string | null;
}

type Draft = Record<string, string | boolean>;

const toDraft = (fields: SettingField[], values: Record<string, SettingValue>): Draft =>
  Object.fromEntries(
    fields.map((f): [string, string | boolean] => {
      const v = values[f.key];
      if (f.kind === 'switch') return [f.key, v === true];
      return [f.key, v === null || v === undefined ? '' : String(v)];
    }),
  );

/**
 * One settings section (clocks, security, reports, retention) as its own form: whole numbers within the legal
 * bounds of libs/domain, checked here for a quick answer and again by the API, whose field errors land on the
 * same inputs. Saves only this section, with the organization's `version`.
 */
export function SettingsSectionForm(props: SettingsSectionFormProps) {
  const { section, title, description, fields, values, defaults, version } = props;
  const { t } = useTranslation();
  const mutation = useUpdateOrganization();
  const [draft, setDraft] = useState<Draft>(() => toDraft(fields, values));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const queryClient = useQueryClient();
  const guard = useUnsavedChangesGuard(JSON.stringify(draft) !== JSON.stringify(toDraft(fields, values)));
  const conflict = conflictOf(mutation.error);

  const parse = (): { body: Record<string, SettingValue>; problems: Record<string, string> } => {
    const body: Record<string, SettingValue> = {};
    const problems: Record<string, string> = {};
    for (const f of fields) {
      const raw = draft[f.key];
      if (f.kind === 'switch') body[f.key] = raw === true;
      else if (f.kind === 'select') body[f.key] = String(raw);
      else if (f.kind === 'nullableNumber' && raw === '') body[f.key] = null;
      else {
        const text = String(raw).trim();
        const n = Number(text);
        if (text === '' || !Number.isInteger(n)) {
          problems[f.key] = t('administration.validation.wholeNumber');
          continue;
        }
        if (n < f.min || n > f.max)
          problems[f.key] =
            props.boundMessage?.(f, n) ?? t('administration.validation.range', { min: f.min, max: f.max });
        body[f.key] = n;
      }
    }
    if (Object.keys(problems).length === 0 && props.validate) Object.assign(problems, props.validate(body));
    return { body, problems };
  };

  const onSubmit = async () => {
    setUnmatched([]);
    const { body, problems } = parse();
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      await mutation.mutateAsync({ version, [section]: body });
      guard.release();
      notify({ color: 'green', message: t('administration.settings.saved', { section: title }) });
    } catch (error) {
      if (isApiError(error, 409)) return;
      const mapped: Record<string, string> = {};
      const rest: string[] = [];
      for (const d of isApiError(error) ? error.details : []) {
        const key = d.path.startsWith(`${section}.`) ? d.path.slice(section.length + 1) : null;
        if (key && fields.some((f) => f.key === key)) mapped[key] = d.message;
        else rest.push(d.message);
      }
      setErrors(mapped);
      setUnmatched(rest);
    }
  };

  const set = (key: string, value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));
  const defaultText = (f: SettingField) => {
    const d = defaults[f.key];
    if (f.kind === 'switch') return d ? t('administration.settings.on') : t('administration.settings.off');
    if (f.kind === 'select') return f.options.find((o) => o.value === d)?.label ?? String(d);
    if (d === null) return f.kind === 'nullableNumber' ? f.noneLabel : '';
    return `${String(d)} ${f.kind === 'number' || f.kind === 'nullableNumber' ? f.unit : ''}`.trim();
  };
  const describe = (f: SettingField) =>
    [f.help, t('administration.settings.default', { value: defaultText(f) })].filter(Boolean).join(' · ');

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={`settings-${section}`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <Stack>
          <div>
            <Title order={2} size="h3" id={`settings-${section}`}>
              {title}
            </Title>
            {description ? (
              <Text c="dimmed" size="sm" mt={4}>
                {description}
              </Text>
            ) : null}
          </div>
          {conflict ? (
            <ConflictAlert
              message={recordConflictMessage(conflict, t)}
              afterReload="replaces"
              onReload={() => void queryClient.invalidateQueries({ queryKey: administrationKeys.all })}
            />
          ) : null}
          {mutation.isError && !conflict ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(mutation.error, t)}
              {unmatched.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
            {fields.map((f) => {
              const error = errors[f.key];
              if (f.kind === 'switch')
                return (
                  <Switch
                    key={f.key}
                    label={f.label}
                    description={describe(f)}
                    checked={draft[f.key] === true}
                    disabled={f.disabled}
                    error={error}
                    onChange={(e) => set(f.key, e.currentTarget.checked)}
                  />
                );
              if (f.kind === 'select')
                return (
                  <NativeSelect
                    key={f.key}
                    label={f.label}
                    description={describe(f)}
                    data={f.options}
                    value={String(draft[f.key])}
                    error={error}
                    onChange={(e) => set(f.key, e.currentTarget.value)}
                  />
                );
              const none = f.kind === 'nullableNumber' && draft[f.key] === '';
              return (
                <Stack key={f.key} gap={6}>
                  <NumberInput
                    label={`${f.label} (${f.unit})`}
                    description={describe(f)}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="none"
                    min={f.min}
                    max={f.max}
                    disabled={none}
                    value={none ? '' : String(draft[f.key])}
                    error={error}
                    onChange={(v) => set(f.key, String(v))}
                  />
                  {f.kind === 'nullableNumber' ? (
                    <Switch
                      size="sm"
                      label={f.noneLabel}
                      checked={none}
                      onChange={(e) =>
                        set(f.key, e.currentTarget.checked ? '' : String(defaults[f.key] ?? f.min))
                      }
                    />
                  ) : null}
                </Stack>
              );
            })}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('administration.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
