import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ui/error-message';
import { isApiError } from '../../../lib/api-client';
import { conflictOf } from '../../../lib/conflict';
import { ConflictAlert, recordConflictMessage } from '../../../components/ui/conflict-alert';
import { payloadResolver } from '../../../lib/schema-resolver';
import type { AnyCatalogEntry, CatalogKind, CatalogTypes } from '../api/catalog-kinds';
import { useCreateCatalogEntry, useUpdateCatalogEntry } from '../api/save-catalog-entry';
import { CATALOG_FIELDS, CREATE_SCHEMAS, initialValues, toPayload, type FormValues } from './catalog-fields';
import { useUnsavedChangesGuard } from '../../../components/ui/unsaved-changes';

interface CatalogEntryFormProps {
  kind: CatalogKind;
  /** The entry to edit; null adds a new one. */
  entry: AnyCatalogEntry | null;
  onSaved: (entry: AnyCatalogEntry) => void;
  /** Reads the entry again after a 409 (the `entry` given then is the latest); what was typed stays in the form. */
  onReload: () => Promise<unknown>;
  onCancel: () => void;
}

/**
 * Adds or edits one catalog entry, validated by the contract schema (the same one the API applies); server field
 * errors land on their inputs. A code or key is chosen once and shown read-only afterwards.
 */
export function CatalogEntryForm({ kind, entry, onSaved, onReload, onCancel }: CatalogEntryFormProps) {
  const { t } = useTranslation();
  const create = useCreateCatalogEntry(kind);
  const update = useUpdateCatalogEntry(kind);
  const mutation = entry ? update : create;
  const fields = CATALOG_FIELDS[kind];
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<FormValues, unknown, Record<string, unknown>>({
    resolver: payloadResolver(CREATE_SCHEMAS[kind], (v: FormValues) => toPayload(kind, v)),
    reValidateMode: 'onBlur',
    defaultValues: initialValues(kind, entry),
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  // A newer version read after a 409: the fields not touched here show it, the ones changed here keep the input.
  const version = entry?.version;
  useEffect(() => {
    if (entry) form.reset(initialValues(kind, entry), { keepDirtyValues: true });
    // Only a new version of the entry is news; its other fields come with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  const [reloaded, setReloaded] = useState(false);
  const label = (name: string) =>
    t(`administration.catalogs.fields.${name}` as 'administration.catalogs.fields.name');
  const help = (name: string) => {
    const key = `administration.catalogs.help.${name}`;
    const text = t(key as 'administration.catalogs.help.urls', { defaultValue: '' });
    return text || undefined;
  };

  const onSubmit = form.handleSubmit(async (payload) => {
    setUnmatched([]);
    setReloaded(false);
    try {
      if (entry) {
        const changes = Object.fromEntries(
          Object.entries(payload).filter(([name]) => !fields.find((f) => f.name === name)?.fixed),
        );
        const saved = await update.mutateAsync({ id: entry.id, version: entry.version, ...changes });
        guard.release();
        onSaved(saved);
      } else {
        const created = await create.mutateAsync(payload as CatalogTypes[CatalogKind]['create']);
        guard.release();
        onSaved(created);
      }
    } catch (error) {
      if (entry && isApiError(error, 409)) return;
      const rest: string[] = [];
      let focused = false;
      for (const d of isApiError(error) ? error.details : []) {
        const name = d.path.split('.')[0] ?? '';
        if (fields.some((f) => f.name === name)) {
          form.setError(name, { type: 'server', message: d.message }, { shouldFocus: !focused });
          focused = true;
        } else rest.push(d.message);
      }
      setUnmatched(rest);
    }
  });

  // Only an edit can meet someone else's edit.
  const conflict = entry ? conflictOf(mutation.error) : null;
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label={t(`administration.catalogs.kinds.${kind}`)}
    >
      <Stack>
        {conflict ? (
          <ConflictAlert
            message={recordConflictMessage(conflict, t)}
            afterReload="keeps"
            reloaded={reloaded}
            onReload={() => void onReload().then(() => setReloaded(true))}
          />
        ) : null}
        {mutation.isError && !conflict ? (
          <Alert color="red" variant="light" role="alert" data-testid="catalog-form-error">
            {errorMessage(mutation.error, t)}
            {unmatched.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fields.map((f, index) => {
            const error = errors[f.name]?.message;
            const common = {
              label: label(f.name),
              description: help(f.name),
              error,
              required: f.required,
              style: f.wide ? { gridColumn: '1 / -1' } : undefined,
              'data-autofocus': index === 0 && !(entry && f.fixed) ? true : undefined,
            };
            if (f.kind === 'switch')
              return (
                <Controller
                  key={f.name}
                  control={form.control}
                  name={f.name}
                  render={({ field }) => (
                    <Switch
                      label={common.label}
                      description={common.description}
                      error={error}
                      style={common.style}
                      checked={field.value === true}
                      onChange={(e) => field.onChange(e.currentTarget.checked)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                    />
                  )}
                />
              );
            if (f.kind === 'tags')
              return (
                <Controller
                  key={f.name}
                  control={form.control}
                  name={f.name}
                  render={({ field }) => (
                    <TagsInput
                      {...common}
                      splitChars={[',', ' ', ';']}
                      maxTags={f.name === 'urls' ? 5 : 20}
                      value={field.value as string[]}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                    />
                  )}
                />
              );
            if (f.kind === 'select') {
              const options = f.options?.(t) ?? [];
              const current = form.getValues(f.name) as string;
              // An entry may hold a value outside the known list (an older category): keep it choosable.
              if (current && !options.some((o) => o.value === current))
                options.push({ value: current, label: current });
              return (
                <NativeSelect
                  key={f.name}
                  {...common}
                  data={[{ value: '', label: t('administration.catalogs.choose') }, ...options]}
                  {...form.register(f.name)}
                />
              );
            }
            if (f.kind === 'textarea')
              return (
                <Textarea
                  key={f.name}
                  {...common}
                  autosize
                  minRows={2}
                  maxRows={8}
                  maxLength={f.maxLength}
                  {...form.register(f.name)}
                />
              );
            return (
              <TextInput
                key={f.name}
                {...common}
                type={f.kind === 'date' ? 'date' : 'text'}
                maxLength={f.maxLength}
                readOnly={Boolean(entry && f.fixed)}
                autoComplete="off"
                {...form.register(f.name)}
              />
            );
          })}
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {entry ? t('administration.catalogs.save') : t('administration.catalogs.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
