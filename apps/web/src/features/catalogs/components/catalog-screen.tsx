import {
  Badge,
  Button,
  Card,
  Group,
  Menu,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import type { CatalogAdminQuery } from '@pathways/contracts';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { errorMessage } from '../../../components/ui/error-message';
import { ErrorState } from '../../../components/ui/error-state';
import { FormDialog } from '../../../components/ui/form-dialog';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import {
  CATALOG_KINDS,
  type AnyCatalogEntry,
  type CatalogEntry,
  type CatalogKind,
} from '../api/catalog-kinds';
import { useCatalogEntries } from '../api/get-catalog-entries';
import { useUpdateCatalogEntry } from '../api/save-catalog-entry';
import { CatalogEntryForm } from './catalog-entry-form';

interface CatalogScreenProps {
  kind: CatalogKind;
  filters: CatalogAdminQuery;
  onFiltersChange: (next: CatalogAdminQuery) => void;
  hrefOf: (kind: CatalogKind) => string;
  /** Today, `YYYY-MM-DD`, for "verified today". */
  today: string;
}

interface Row {
  title: string;
  subtitle: string;
  cells: string[];
  badges: { label: string; color: string }[];
}

function describe(kind: CatalogKind, entry: AnyCatalogEntry, t: TFunction, locale: string): Row {
  const status = entry.active
    ? { label: t('administration.catalogs.status.active'), color: 'green' }
    : { label: t('administration.catalogs.status.retired'), color: 'gray' };
  switch (kind) {
    case 'schools': {
      const s = entry as CatalogEntry<'schools'>;
      return {
        title: s.name,
        subtitle: s.district,
        cells: [t(`administration.schoolLevels.${s.level}`), t(`administration.schoolKinds.${s.kind}`)],
        badges: [
          status,
          s.inCvpdJurisdiction
            ? { label: t('administration.catalogs.status.inJurisdiction'), color: 'blue' }
            : { label: t('administration.catalogs.status.outsideJurisdiction'), color: 'orange' },
        ],
      };
    }
    case 'reason-codes': {
      const r = entry as CatalogEntry<'reason-codes'>;
      return {
        title: locale === 'es' && r.labelEs ? r.labelEs : r.label,
        subtitle: r.code,
        cells: [t(`administration.reasonKinds.${r.kind}`)],
        badges: [
          status,
          ...(r.excludedFromDiversion
            ? [{ label: t('administration.catalogs.status.excluded'), color: 'red' }]
            : []),
        ],
      };
    }
    case 'service-types': {
      const s = entry as CatalogEntry<'service-types'>;
      return {
        title: locale === 'es' && s.labelEs ? s.labelEs : s.label,
        subtitle: s.code,
        cells: [],
        badges: [status],
      };
    }
    case 'resources': {
      const r = entry as CatalogEntry<'resources'>;
      return {
        title: r.name,
        subtitle: r.organization ?? '',
        cells: [
          t(`resources.categories.${r.category}` as 'resources.categories.COUNSELING', {
            defaultValue: r.category,
          }),
          r.lastVerifiedAt
            ? t('administration.catalogs.verifiedOn', {
                date: formatDate(`${r.lastVerifiedAt}T12:00:00`, locale),
              })
            : t('administration.catalogs.neverVerified'),
        ],
        badges: [status],
      };
    }
  }
}

const COLUMNS: Record<CatalogKind, string[]> = {
  schools: ['level', 'schoolKind'],
  'reason-codes': ['reasonKind'],
  'service-types': [],
  resources: ['category', 'lastVerified'],
};

/** The entry to retire; kept while the dialog closes, so its title does not go blank mid-animation. */
type Confirming = { entry: AnyCatalogEntry; open: boolean } | null;

/**
 * One catalog: search, show retired or active entries, add, edit, retire or restore. Retiring hides an entry from
 * pickers; every referral, case and service that names it keeps it.
 */
export function CatalogScreen({ kind, filters, onFiltersChange, hrefOf, today }: CatalogScreenProps) {
  const { t, i18n } = useTranslation();
  const entries = useCatalogEntries(kind, filters);
  const update = useUpdateCatalogEntry(kind);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [editing, setEditing] = useState<AnyCatalogEntry | 'new' | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [q, setQ] = useState(filters.q ?? '');
  const commitQuery = useDebouncedCallback(
    (text: string) => onFiltersChange({ ...filters, q: text.trim() || undefined }),
    300,
  );
  const kindName = t(`administration.catalogs.kinds.${kind}`);

  const conflict = () =>
    notify({ color: 'orange', message: t('administration.catalogs.conflict'), autoClose: 10_000 });
  const patch = async (entry: AnyCatalogEntry, changes: Record<string, unknown>, message: string) => {
    try {
      await update.mutateAsync({ id: entry.id, version: entry.version, ...changes });
      notify({ color: 'green', message });
    } catch (error) {
      if (isApiError(error, 409)) conflict();
      else notify({ color: 'red', title: t('common.errors.title'), message: errorMessage(error, t) });
    }
  };

  // The entry being edited as the list holds it now: after a 409 the list is read again, and the next save sends the
  // version just read.
  const editingEntry =
    editing === null || editing === 'new'
      ? null
      : ((entries.data ?? []).find((e) => e.id === editing.id) ?? editing);
  const rows = (entries.data ?? []).map((entry) => ({ entry, row: describe(kind, entry, t, i18n.language) }));
  const actions = (entry: AnyCatalogEntry, title: string) => (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          // Beside a long name on a phone card the button keeps its width (its label was cut to "Actio").
          style={{ flexShrink: 0 }}
          aria-label={t('administration.catalogs.actions.menu', { name: title })}
        >
          {t('administration.catalogs.actions.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => setEditing(entry)}>{t('administration.catalogs.actions.edit')}</Menu.Item>
        {kind === 'resources' ? (
          <Menu.Item
            onClick={() =>
              void patch(
                entry,
                { lastVerifiedAt: today },
                t('administration.catalogs.notify.verified', { name: title }),
              )
            }
          >
            {t('administration.catalogs.actions.verified')}
          </Menu.Item>
        ) : null}
        {kind === 'schools' ? (
          <Menu.Item
            onClick={() => {
              const inside = !(entry as CatalogEntry<'schools'>).inCvpdJurisdiction;
              void patch(
                entry,
                { inCvpdJurisdiction: inside },
                t('administration.catalogs.notify.saved', { name: title }),
              );
            }}
          >
            {(entry as CatalogEntry<'schools'>).inCvpdJurisdiction
              ? t('administration.catalogs.actions.markOutside')
              : t('administration.catalogs.actions.markInside')}
          </Menu.Item>
        ) : null}
        {entry.active ? (
          <Menu.Item color="red" onClick={() => setConfirming({ entry, open: true })}>
            {t('administration.catalogs.actions.retire')}
          </Menu.Item>
        ) : (
          <Menu.Item
            onClick={() =>
              void patch(
                entry,
                { active: true },
                t('administration.catalogs.notify.restored', { name: title }),
              )
            }
          >
            {t('administration.catalogs.actions.restore')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <>
      <PageHeader
        title={t('administration.catalogs.title')}
        description={t('administration.catalogs.intro')}
        actions={
          <Button onClick={() => setEditing('new')}>
            {t('administration.catalogs.addKind', { kind: kindName })}
          </Button>
        }
      />
      <Stack>
        <nav aria-label={t('administration.catalogs.kindsLabel')}>
          <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {CATALOG_KINDS.map((k) => (
              <li key={k}>
                <Button
                  component={Link}
                  to={hrefOf(k)}
                  size="sm"
                  variant={k === kind ? 'filled' : 'default'}
                  aria-current={k === kind ? 'page' : undefined}
                >
                  {t(`administration.catalogs.kinds.${k}`)}
                </Button>
              </li>
            ))}
          </Group>
        </nav>
        <Group
          align="flex-end"
          gap="md"
          wrap="wrap"
          role="search"
          aria-label={t('administration.catalogs.filters')}
        >
          <TextInput
            type="search"
            label={t('administration.catalogs.search')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              commitQuery(e.currentTarget.value);
            }}
            style={{ flex: '1 1 14rem' }}
          />
          <NativeSelect
            label={t('administration.catalogs.statusFilter')}
            value={filters.active ?? ''}
            data={[
              { value: '', label: t('administration.catalogs.all') },
              { value: 'true', label: t('administration.catalogs.status.active') },
              { value: 'false', label: t('administration.catalogs.status.retired') },
            ]}
            onChange={(e) => {
              const active = e.currentTarget.value;
              onFiltersChange({
                ...filters,
                active: active === 'true' || active === 'false' ? active : undefined,
              });
            }}
            style={{ flex: '0 1 12rem' }}
          />
        </Group>
        {entries.isPending ? (
          <LoadingState />
        ) : entries.isError ? (
          <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            title={t('administration.catalogs.emptyTitle')}
            description={t('administration.catalogs.empty')}
          />
        ) : (
          <>
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('administration.catalogs.count', { total: rows.length })}
            </Text>
            {isPhone ? (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {rows.map(({ entry, row }) => (
                  <Card key={entry.id} withBorder component="li" padding="md">
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <div style={{ minWidth: 0 }}>
                        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {row.title}
                        </Text>
                        {row.subtitle ? (
                          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {row.subtitle}
                          </Text>
                        ) : null}
                      </div>
                      {actions(entry, row.title)}
                    </Group>
                    {row.cells.length ? <Text size="sm">{row.cells.join(' · ')}</Text> : null}
                    <Group gap={4} mt={6}>
                      {row.badges.map((b) => (
                        <Badge key={b.label} variant="light" color={b.color}>
                          {b.label}
                        </Badge>
                      ))}
                    </Group>
                  </Card>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('administration.catalogs.columns.name')}</Table.Th>
                      {COLUMNS[kind].map((c) => (
                        <Table.Th key={c} scope="col">
                          {t(
                            `administration.catalogs.columns.${c}` as 'administration.catalogs.columns.name',
                          )}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col">{t('administration.catalogs.columns.status')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('administration.catalogs.actions.label')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map(({ entry, row }) => (
                      <Table.Tr key={entry.id}>
                        <Table.Th scope="row" fw={500}>
                          <div style={{ overflowWrap: 'anywhere' }}>{row.title}</div>
                          {row.subtitle ? (
                            <Text size="xs" c="dimmed" fw={400} style={{ overflowWrap: 'anywhere' }}>
                              {row.subtitle}
                            </Text>
                          ) : null}
                        </Table.Th>
                        {row.cells.map((c, i) => (
                          <Table.Td key={i}>{c}</Table.Td>
                        ))}
                        <Table.Td>
                          <Group gap={4}>
                            {row.badges.map((b) => (
                              <Badge key={b.label} variant="light" color={b.color}>
                                {b.label}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td ta="right">{actions(entry, row.title)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>

      <FormDialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="lg"
        fullScreenOnPhone={false}
        title={
          editing === 'new'
            ? t('administration.catalogs.addKind', { kind: kindName })
            : editingEntry
              ? t('administration.catalogs.editTitle', {
                  name: describe(kind, editingEntry, t, i18n.language).title,
                })
              : ''
        }
      >
        {editing !== null ? (
          <CatalogEntryForm
            key={editing === 'new' ? 'new' : editing.id}
            kind={kind}
            entry={editingEntry}
            onCancel={() => setEditing(null)}
            onReload={() => entries.refetch()}
            onSaved={(saved) => {
              setEditing(null);
              notify({
                color: 'green',
                message: t('administration.catalogs.notify.saved', {
                  name: describe(kind, saved, t, i18n.language).title,
                }),
              });
            }}
          />
        ) : null}
      </FormDialog>

      <ConfirmDialog
        opened={confirming?.open === true}
        destructive
        loading={update.isPending}
        title={t('administration.catalogs.confirm.retireTitle', {
          name: confirming ? describe(kind, confirming.entry, t, i18n.language).title : '',
        })}
        body={t('administration.catalogs.confirm.retireBody')}
        confirmLabel={t('administration.catalogs.actions.retire')}
        onConfirm={() => {
          if (!confirming) return;
          const title = describe(kind, confirming.entry, t, i18n.language).title;
          void patch(
            confirming.entry,
            { active: false },
            t('administration.catalogs.notify.retired', { name: title }),
          ).then(() => setConfirming({ ...confirming, open: false }));
        }}
        onClose={() => setConfirming((c) => (c ? { ...c, open: false } : null))}
      />
    </>
  );
}
