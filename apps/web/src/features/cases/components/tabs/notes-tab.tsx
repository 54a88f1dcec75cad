import { Anchor, Badge, Button, Card, Group, Stack, Text, type MantineColor } from '@mantine/core';
import type { CaseDetail, NoteKind, NoteView } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { formatDateTime } from '../../../../lib/format';
import { notify } from '../../../../lib/notify';
import { useNotes } from '../../api/get-notes';
import { SanitizedHtml } from '../detail/sanitized-html';
import { FormDialog as FormModal } from '../../../../components/ui/form-dialog';
import { NoteForm, writableNoteKinds } from './note-form';
import { TabSection } from './tab-section';

const KIND_COLORS: Record<NoteKind, MantineColor> = {
  CASE_NOTE: 'gray',
  CLINICAL: 'blue',
  PSYCHOTHERAPY: 'grape',
};

/** Notes newest first; never edited, only amended by a later note that points to the earlier one. */
export function NotesTab({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const notes = useNotes(detail.id);
  const [form, setForm] = useState<{ amends?: NoteView } | null>(null);
  const kinds = writableNoteKinds(detail);
  const open = detail.status !== 'CLOSED';
  const byId = new Map((notes.data ?? []).map((n) => [n.id, n]));
  const anchor = (id: string) => `note-${id}`;

  return (
    <TabSection
      id="notes-heading"
      title={t('cases.tabs.notes')}
      action={
        kinds.length && open ? <Button onClick={() => setForm({})}>{t('cases.notes.add')}</Button> : null
      }
    >
      {notes.isPending ? (
        <LoadingState />
      ) : notes.isError ? (
        <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.length === 0 ? (
        <EmptyState title={t('cases.notes.emptyTitle')} description={t('cases.notes.empty')} />
      ) : (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="note-list">
          {[...notes.data]
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
            .map((note) => {
              const amended = note.amendsId ? byId.get(note.amendsId) : undefined;
              return (
                <Card key={note.id} withBorder radius="md" p="md" component="li" id={anchor(note.id)}>
                  <Stack gap="xs">
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Group gap="xs">
                        <Badge variant="light" color={KIND_COLORS[note.kind]}>
                          {t(`cases.noteKinds.${note.kind}`)}
                        </Badge>
                        <Text size="sm" c="dimmed">
                          {[note.authorName, formatDateTime(note.createdAt, i18n.language)]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Group>
                      {note.amendedById ? (
                        <Badge variant="outline" color="orange">
                          {t('cases.notes.amended')}
                        </Badge>
                      ) : null}
                    </Group>
                    {note.amendsId ? (
                      <Text size="sm">
                        {amended ? (
                          <Anchor href={`#${anchor(amended.id)}`}>
                            {t('cases.notes.amends', {
                              date: formatDateTime(amended.createdAt, i18n.language),
                            })}
                          </Anchor>
                        ) : (
                          t('cases.notes.amendsEarlier')
                        )}
                      </Text>
                    ) : null}
                    <SanitizedHtml html={note.body} />
                    {open && kinds.includes(note.kind) && !note.amendedById ? (
                      <Group>
                        <Button size="xs" variant="subtle" onClick={() => setForm({ amends: note })}>
                          {t('cases.notes.amend')}
                        </Button>
                      </Group>
                    ) : null}
                  </Stack>
                </Card>
              );
            })}
        </Stack>
      )}
      <FormModal
        opened={form !== null}
        onClose={() => setForm(null)}
        title={form?.amends ? t('cases.notes.amendTitle') : t('cases.notes.addTitle')}
      >
        {form ? (
          <NoteForm
            detail={detail}
            amends={form.amends}
            onCancel={() => setForm(null)}
            onSaved={() => {
              setForm(null);
              notify({ color: 'green', message: t('cases.notes.saved') });
            }}
          />
        ) : null}
      </FormModal>
    </TabSection>
  );
}
