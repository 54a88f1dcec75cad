import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../lib/format';
import { referralQueries } from '../../../api/get-referrals';

interface DuplicateDialogProps {
  opened: boolean;
  referralId: string;
  loading: boolean;
  error: ReactNode;
  fieldError: string | null;
  onConfirm: (duplicateOfId: string) => void;
  onClose: () => void;
}

/** Find the original referral (by reference number or name) and mark this one as its duplicate. */
export function DuplicateDialog(props: DuplicateDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('intake.duplicate.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <DuplicateForm {...props} />
    </Modal>
  );
}

function DuplicateForm(props: DuplicateDialogProps) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);
  const results = useQuery({
    ...referralQueries.list({ q, page: 1, pageSize: 10, sort: 'receivedAt:desc' }),
    enabled: q.length > 0,
  });
  const candidates = q
    ? (results.data?.items ?? []).filter((r) => r.id !== props.referralId && r.status !== 'DRAFT')
    : [];

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) {
          setMissing(true);
          return;
        }
        props.onConfirm(chosen);
      }}
    >
      <Stack>
        <Text>{t('intake.duplicate.intro')}</Text>
        <TextInput
          type="search"
          label={t('intake.duplicate.search')}
          description={t('intake.duplicate.searchHelp')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-autofocus
        />
        {q ? (
          <Radio.Group
            label={t('intake.duplicate.original')}
            required
            value={chosen}
            onChange={(value) => {
              setChosen(value);
              setMissing(false);
            }}
            error={missing ? t('common.validation.choose') : props.fieldError}
          >
            <Stack gap="xs" mt="xs" aria-live="polite">
              {results.isFetching && candidates.length === 0 ? (
                <Text size="sm">{t('common.loading')}</Text>
              ) : candidates.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('intake.duplicate.none')}
                </Text>
              ) : (
                candidates.map((r) => (
                  <Radio
                    key={r.id}
                    value={r.id}
                    label={[
                      r.referenceNumber,
                      r.youthDisplayName,
                      formatDate(r.receivedAt ?? r.createdAt, i18n.language),
                      t(`referrals.statuses.${r.status}`),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                ))
              )}
            </Stack>
          </Radio.Group>
        ) : missing ? (
          <Text size="sm" c="red.9" role="alert">
            {t('intake.duplicate.searchFirst')}
          </Text>
        ) : null}
        {props.error}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" color="red" loading={props.loading}>
            {t('intake.duplicate.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
