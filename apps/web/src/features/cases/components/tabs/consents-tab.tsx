import { Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import type { CaseDetail, ConsentView } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { formatDate, formatDateTime, formatList, languageName } from '../../../../lib/format';
import { notify } from '../../../../lib/notify';
import { useConsents } from '../../api/get-consents';
import { useRevokeConsent } from '../../api/revoke-consent';
import { CaseMutationError } from '../case-mutation-error';
import { FormDialog as FormModal } from '../../../../components/ui/form-dialog';
import { ConsentForm } from './consent-form';
import { Fact, Facts } from './facts';
import { TabSection } from './tab-section';

function ConsentState({ consent }: { consent: ConsentView }) {
  const { t, i18n } = useTranslation();
  if (consent.revokedAt)
    return (
      <Badge variant="light" color="gray">
        {t('cases.consents.revokedOn', { date: formatDate(consent.revokedAt, i18n.language) })}
      </Badge>
    );
  if (!consent.active)
    return (
      <Badge variant="light" color="gray">
        {t('cases.consents.inactive')}
      </Badge>
    );
  return (
    <Badge variant="light" color="green">
      {t('cases.consents.active')}
    </Badge>
  );
}

/** Consents on file, newest first; active ones may be revoked (effective on the next request). */
export function ConsentsTab({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const consents = useConsents(detail.id);
  const revoke = useRevokeConsent();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<ConsentView | null>(null);
  const canWrite = detail.abilities.write;

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };

  return (
    <TabSection
      id="consents-heading"
      title={t('cases.tabs.consents')}
      action={
        canWrite && detail.status !== 'CLOSED' ? (
          <Button onClick={() => setAdding(true)}>{t('cases.consents.add')}</Button>
        ) : null
      }
    >
      {consents.isPending ? (
        <LoadingState />
      ) : consents.isError ? (
        <ErrorState error={consents.error} onRetry={() => void consents.refetch()} />
      ) : consents.data.length === 0 ? (
        <EmptyState title={t('cases.consents.emptyTitle')} description={t('cases.consents.empty')} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="consent-list">
          {[...consents.data]
            .sort((a, b) => b.signedAt.localeCompare(a.signedAt))
            .map((c) => (
              <Card key={c.id} withBorder radius="md" p="md" component="li">
                <Stack gap="xs">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Text fw={700}>{t(`cases.consentTypes.${c.type}`)}</Text>
                    <ConsentState consent={c} />
                  </Group>
                  <Facts>
                    <Fact label={t('cases.consents.signedBy')}>
                      {c.minorSelfConsentBasis
                        ? t('cases.consents.selfConsent', {
                            basis: t(`cases.selfConsentBases.${c.minorSelfConsentBasis}`),
                          })
                        : c.guardianName}
                    </Fact>
                    <Fact label={t('cases.consents.youthAssent')}>
                      {c.youthAssent ? t('referrals.yes') : t('referrals.no')}
                    </Fact>
                    <Fact label={t('cases.consent.signedAt')}>{formatDateTime(c.signedAt, locale)}</Fact>
                    <Fact label={t('cases.consent.signatureMethod')}>
                      {t(`cases.signatureMethods.${c.signatureMethod}`)}
                    </Fact>
                    <Fact label={t('cases.consent.language')}>{languageName(c.language, locale)}</Fact>
                    <Fact label={t('cases.consent.expiresAt')}>{formatDate(c.expiresAt, locale)}</Fact>
                    {c.type === 'RELEASE_OF_INFORMATION' ? (
                      <>
                        <Fact label={t('cases.consents.sharedWith')}>{c.counterpartOrgName ?? '—'}</Fact>
                        <Fact label={t('cases.consent.infoScope')}>
                          {formatList(
                            c.infoScope.map((s) => t(`cases.infoScopes.${s}`)),
                            locale,
                          )}
                        </Fact>
                      </>
                    ) : null}
                  </Facts>
                  {canWrite && c.active && !c.revokedAt ? (
                    <Group>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red"
                        onClick={() => setRevoking(c)}
                        aria-label={t('cases.consents.revokeNamed', {
                          type: t(`cases.consentTypes.${c.type}`),
                        })}
                      >
                        {t('cases.consents.revoke')}
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
              </Card>
            ))}
        </Stack>
      )}
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('cases.consents.addTitle')}>
        <ConsentForm
          detail={detail}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            notify({ color: 'green', message: t('cases.consents.saved') });
          }}
        />
      </FormModal>
      <Modal
        opened={revoking !== null}
        onClose={closeRevoke}
        title={t('cases.consents.revokeTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        <Stack>
          <Text>
            {revoking
              ? t('cases.consents.revokeBody', { type: t(`cases.consentTypes.${revoking.type}`) })
              : null}
          </Text>
          <CaseMutationError
            error={revoke.error}
            caseId={detail.id}
            subject="record"
            onReload={closeRevoke}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={closeRevoke}>
              {t('common.actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoking &&
                revoke.mutate(
                  { caseId: detail.id, consentId: revoking.id },
                  {
                    onSuccess: () => {
                      closeRevoke();
                      notify({ color: 'green', message: t('cases.consents.revoked') });
                    },
                  },
                )
              }
            >
              {t('cases.consents.revokeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </TabSection>
  );
}
