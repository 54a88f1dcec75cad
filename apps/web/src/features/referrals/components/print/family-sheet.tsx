import { Alert, Anchor, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { LOCALES, type Locale, type ReferralDetail, type Resource } from '@pathways/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/ui/page-header';
import { formatDate, languageName } from '../../../../lib/format';
import type { ReferralLinks } from '../referral-links';
import { PrintButton } from './print-button';

/** The provider's own program, whose phone every sheet carries; and the crisis line, for any family. */
export const PROGRAM_RESOURCE_KEY = 'sbcs-ypi';
export const CRISIS_RESOURCE_KEY = 'access-crisis-line';

interface FamilySheetProps {
  referral: ReferralDetail;
  resources: Resource[];
  links: ReferralLinks;
}

const isLocale = (code: string): code is Locale => (LOCALES as readonly string[]).includes(code);

/**
 * A sheet to hand to the family, in the guardian's language (English or Spanish; other languages get English with a
 * note). It lists the recommended resources and how to reach the program, and nothing about the incident: no
 * reasons, no narrative, no police details.
 */
export function FamilySheet({ referral, resources, links }: FamilySheetProps) {
  const { t, i18n } = useTranslation();
  const guardians = referral.guardians;
  const [guardianIndex, setGuardianIndex] = useState(0);
  const guardian = guardians[guardianIndex] ?? guardians[0] ?? null;
  const wanted = guardian?.preferredLanguage ?? referral.youth?.primaryLanguage ?? i18n.language;
  const lang: Locale = isLocale(wanted) ? wanted : 'en';
  const ft = i18n.getFixedT(lang);
  const byId = new Map(resources.map((r) => [r.id, r]));
  const recommended = referral.recommendedResourceIds
    .map((id) => byId.get(id))
    .filter((r): r is Resource => r !== undefined);
  const program = resources.find((r) => r.key === PROGRAM_RESOURCE_KEY);
  const crisis = resources.find((r) => r.key === CRISIS_RESOURCE_KEY);
  const description = (r: Resource) => (lang === 'es' && r.descriptionEs ? r.descriptionEs : r.description);
  // An English description on a Spanish sheet is marked as English, so screen readers pronounce it right.
  const descriptionLang = (r: Resource) => (lang === 'es' && !r.descriptionEs ? 'en' : lang);

  return (
    <div>
      <Group justify="space-between" gap="sm" className="no-print" mb="md" wrap="wrap">
        <Anchor component={Link} to={links.detail(referral.id)}>
          {t('referrals.print.back')}
        </Anchor>
        <Group gap="sm" wrap="wrap" align="flex-end">
          {guardians.length > 1 ? (
            <NativeSelect
              size="sm"
              label={t('referrals.familySheet.forGuardian')}
              value={String(guardianIndex)}
              data={guardians.map((g, i) => ({
                value: String(i),
                label: `${g.name} (${languageName(g.preferredLanguage, i18n.language)})`,
              }))}
              onChange={(event) => setGuardianIndex(Number(event.currentTarget.value))}
            />
          ) : null}
          <PrintButton label={t('referrals.print.print')} />
        </Group>
      </Group>
      {!isLocale(wanted) ? (
        <Alert
          color="blue"
          variant="light"
          mb="md"
          className="no-print"
          data-testid="family-sheet-language-note"
        >
          {t('referrals.familySheet.fallbackNote', { language: languageName(wanted, i18n.language) })}
        </Alert>
      ) : null}
      <article lang={lang} className="print-page" data-testid="family-sheet" aria-labelledby="page-heading">
        <PageHeader title={ft('referrals.familySheet.title')} />
        <Stack gap="md">
          {guardian ? <Text>{ft('referrals.familySheet.greeting', { name: guardian.name })}</Text> : null}
          <Text>{ft('referrals.familySheet.intro')}</Text>
          {!isLocale(wanted) ? (
            <Text size="sm" fs="italic">
              {ft('referrals.familySheet.interpreterNote', { language: languageName(wanted, lang) })}
            </Text>
          ) : null}
          <section aria-labelledby="family-program">
            <Title order={2} size="h3" id="family-program">
              {ft('referrals.familySheet.programTitle')}
            </Title>
            <Text>{program?.name ?? ft('referrals.familySheet.programFallback')}</Text>
            {program?.phone ? (
              <Text>
                {ft('referrals.familySheet.call')}{' '}
                <Anchor href={`tel:${program.phone.replace(/[^\d+]/g, '')}`} fw={700}>
                  {program.phone}
                </Anchor>
              </Text>
            ) : null}
            {program?.urls.map((url) => (
              <Anchor key={url} href={url} display="block" style={{ overflowWrap: 'anywhere' }}>
                {url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </Anchor>
            ))}
            <Text mt="xs">
              {referral.referenceNumber
                ? ft('referrals.familySheet.reference', { reference: referral.referenceNumber })
                : null}
            </Text>
            {referral.dueServiceStartAt ? (
              <Text>
                {ft('referrals.familySheet.contactBy', {
                  date: formatDate(referral.dueServiceStartAt, lang),
                })}
              </Text>
            ) : null}
          </section>
          <section aria-labelledby="family-resources">
            <Title order={2} size="h3" id="family-resources" mb="xs">
              {ft('referrals.familySheet.resourcesTitle')}
            </Title>
            {recommended.length === 0 ? (
              <Text>{ft('referrals.familySheet.noResources')}</Text>
            ) : (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {recommended.map((r) => (
                  <li key={r.id} className="print-section">
                    <Text fw={700}>{r.name}</Text>
                    {r.organization ? <Text size="sm">{r.organization}</Text> : null}
                    {description(r) ? (
                      <Text size="sm" lang={descriptionLang(r)}>
                        {description(r)}
                      </Text>
                    ) : null}
                    {r.phone ? (
                      <Text size="sm">
                        {ft('referrals.familySheet.phone')}:{' '}
                        <Anchor href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</Anchor>
                      </Text>
                    ) : null}
                    {r.urls.map((url) => (
                      <Anchor
                        key={url}
                        href={url}
                        size="sm"
                        display="block"
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                      </Anchor>
                    ))}
                  </li>
                ))}
              </Stack>
            )}
          </section>
          {crisis?.phone ? (
            <Alert color="red" variant="light" title={ft('referrals.familySheet.crisisTitle')}>
              {ft('referrals.familySheet.crisis', { name: crisis.name, phone: crisis.phone })}
            </Alert>
          ) : null}
          <Text size="sm">{ft('referrals.familySheet.voluntary')}</Text>
        </Stack>
      </article>
    </div>
  );
}
