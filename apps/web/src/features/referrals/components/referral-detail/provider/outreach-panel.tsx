import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ContactView, OutreachSummary, ReferralDetail } from '@pathways/contracts';
import { OUTREACH_RULE, referralTransition, type ReferralAction } from '@pathways/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../../../components/ui/error-state';
import { LoadingState } from '../../../../../components/ui/loading-state';
import { ReasonDialog } from '../../../../../components/ui/reason-dialog';
import { formatDateTime, formatList } from '../../../../../lib/format';
import { notify } from '../../../../../lib/notify';
import { useDeclineReferral } from '../../../api/decline-referral';
import { useReferralContacts } from '../../../api/get-referral-contacts';
import { useMarkUnableToContact } from '../../../api/mark-unable-to-contact';
import type { ReferralLinks } from '../../referral-links';
import { EnrollForm } from './enroll-form';
import { OutreachForm } from './outreach-form';
import { fieldDetail, otherDetails, ReferralMutationError } from './referral-mutation-error';

type Dialog = 'log' | 'unable' | 'decline' | 'enroll';

/**
 * The counselor's work on an assigned referral before a case exists: outreach attempts against the attempt rule,
 * then enroll (with consent), or close it as not reached or declined by the family.
 */
export function OutreachPanel({ referral, links }: { referral: ReferralDetail; links: ReferralLinks }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const contacts = useReferralContacts(referral.id);
  const unable = useMarkUnableToContact();
  const decline = useDeclineReferral();
  const { id, version, status } = referral;
  const allowed = (action: ReferralAction) =>
    status !== 'SEALED' && referralTransition(status, action).allowed;
  const ruleMet = contacts.data?.attemptRuleMet ?? false;

  const close = () => {
    setDialog(null);
    unable.reset();
    decline.reset();
  };

  return (
    <Card
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="outreach-heading"
      className="no-print"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="outreach-heading">
          {t('intake.outreach.title')}
        </Title>
        {contacts.isPending ? (
          <LoadingState />
        ) : contacts.isError ? (
          <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
        ) : (
          <>
            <AttemptRule summary={contacts.data} />
            <ContactList contacts={contacts.data.contacts} />
          </>
        )}
        <Group gap="xs" wrap="wrap">
          {allowed('contact-completed') || allowed('enroll') ? (
            <Button variant="default" onClick={() => setDialog('log')}>
              {t('intake.outreach.log')}
            </Button>
          ) : null}
          {allowed('enroll') ? (
            <Button onClick={() => setDialog('enroll')}>{t('intake.enroll.open')}</Button>
          ) : null}
          {allowed('unable-to-contact') ? (
            <Button
              variant="outline"
              color="grape"
              disabled={!ruleMet}
              aria-describedby={ruleMet ? undefined : 'unable-help'}
              onClick={() => setDialog('unable')}
            >
              {t('intake.outreach.unable')}
            </Button>
          ) : null}
          {allowed('decline') ? (
            <Button variant="outline" color="red" onClick={() => setDialog('decline')}>
              {t('intake.decline.open')}
            </Button>
          ) : null}
        </Group>
        {allowed('unable-to-contact') && !ruleMet ? (
          <Text size="sm" c="dimmed" id="unable-help">
            {t('intake.outreach.unableHelp', {
              attempts: OUTREACH_RULE.attempts,
              modalities: OUTREACH_RULE.modalities,
              days: OUTREACH_RULE.windowBusinessDays,
            })}
          </Text>
        ) : null}
      </Stack>

      <Modal
        opened={dialog === 'log'}
        onClose={close}
        title={t('intake.outreach.logTitle')}
        centered
        size="lg"
        fullScreen={isPhone}
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        <OutreachForm
          referralId={id}
          onCancel={close}
          onSaved={() => {
            close();
            notify({ color: 'green', message: t('intake.outreach.saved') });
          }}
        />
      </Modal>
      <Modal
        opened={dialog === 'enroll'}
        onClose={close}
        title={t('intake.enroll.title')}
        centered
        size="xl"
        fullScreen={isPhone}
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        <EnrollForm
          referral={referral}
          onCancel={close}
          onEnrolled={(result) => {
            close();
            notify({ color: 'green', message: t('intake.enroll.done', { caseNumber: result.caseNumber }) });
            void navigate(links.caseDetail(result.caseId));
          }}
        />
      </Modal>
      <Modal
        opened={dialog === 'unable'}
        onClose={close}
        title={t('intake.outreach.unableTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        <Stack>
          <Text>{t('intake.outreach.unableBody')}</Text>
          <ReferralMutationError error={unable.error} referralId={id} onReload={close} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.actions.cancel')}
            </Button>
            <Button
              color="grape"
              loading={unable.isPending}
              data-autofocus
              onClick={() =>
                unable.mutate(
                  { id, version },
                  {
                    onSuccess: () => {
                      close();
                      notify({ color: 'green', message: t('intake.outreach.unableDone') });
                    },
                  },
                )
              }
            >
              {t('intake.outreach.unableConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ReasonDialog
        opened={dialog === 'decline'}
        title={t('intake.decline.title')}
        intro={t('intake.decline.intro')}
        label={t('intake.decline.reason')}
        confirmLabel={t('intake.decline.confirm')}
        destructive
        loading={decline.isPending}
        fieldError={fieldDetail(decline.error, 'reason')}
        error={
          <ReferralMutationError
            error={decline.error}
            referralId={id}
            unmatched={otherDetails(decline.error, 'reason')}
            onReload={close}
            afterReload="closes"
          />
        }
        onConfirm={(reason) =>
          decline.mutate(
            { id, version, reason },
            {
              onSuccess: () => {
                close();
                notify({ color: 'green', message: t('intake.decline.done') });
              },
            },
          )
        }
        onClose={close}
      />
    </Card>
  );
}

function AttemptRule({ summary }: { summary: OutreachSummary }) {
  const { t, i18n } = useTranslation();
  const modalities = formatList(
    summary.modalities.map((m) => t(`cases.modalities.${m}`)),
    i18n.language,
  );
  return (
    <Stack gap={4} data-testid="attempt-rule">
      <Group gap="xs">
        <Badge variant="light" color={summary.attemptRuleMet ? 'green' : 'gray'}>
          {summary.attemptRuleMet ? t('intake.outreach.ruleMet') : t('intake.outreach.ruleNotMet')}
        </Badge>
        <Text size="sm">
          {t('intake.outreach.progress', {
            attempts: summary.attempts,
            needed: OUTREACH_RULE.attempts,
            modalities: summary.modalities.length,
            neededModalities: OUTREACH_RULE.modalities,
          })}
        </Text>
      </Group>
      {summary.modalities.length ? (
        <Text size="sm" c="dimmed">
          {t('intake.outreach.ways', { list: modalities })}
        </Text>
      ) : null}
      {summary.firstAttemptAt ? (
        <Text size="sm" c="dimmed">
          {t('intake.outreach.firstAttempt', { date: formatDateTime(summary.firstAttemptAt, i18n.language) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function ContactList({ contacts }: { contacts: ContactView[] }) {
  const { t, i18n } = useTranslation();
  if (contacts.length === 0) return <Text c="dimmed">{t('intake.outreach.none')}</Text>;
  const ordered = [...contacts].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table verticalSpacing="xs" data-testid="outreach-contacts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.contact.occurredAt')}</Table.Th>
            <Table.Th scope="col">{t('cases.contact.modality')}</Table.Th>
            <Table.Th scope="col">{t('cases.contact.result')}</Table.Th>
            <Table.Th scope="col">{t('cases.contact.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <time dateTime={c.occurredAt}>{formatDateTime(c.occurredAt, i18n.language)}</time>
                {c.contactType !== 'OUTREACH_ATTEMPT' ? (
                  <Text size="xs" c="dimmed">
                    {t(`cases.contactTypes.${c.contactType}`)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`cases.modalities.${c.modality}`)}</Table.Td>
              <Table.Td>{t(`cases.results.${c.result}`)}</Table.Td>
              <Table.Td>{c.createdByName ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
