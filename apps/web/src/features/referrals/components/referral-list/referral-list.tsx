import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReferralListItem } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../lib/format';
import type { ReferralLinks } from '../referral-links';
import { ReferralStatusBadge } from '../referral-status-badge';

interface ReferralListProps {
  items: ReferralListItem[];
  links: ReferralLinks;
}

/** Drafts open in the form ("Draft — continue"); everything else opens its detail page. */
function useItemLink(links: ReferralLinks) {
  const { t } = useTranslation();
  return (item: ReferralListItem) =>
    item.status === 'DRAFT'
      ? { to: links.edit(item.id), label: t('referrals.list.continueDraft') }
      : { to: links.detail(item.id), label: item.referenceNumber ?? t('referrals.detail.draftTitle') };
}

export function ReferralList({ items, links }: ReferralListProps) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const linkOf = useItemLink(links);
  const date = (item: ReferralListItem) => formatDate(item.receivedAt ?? item.createdAt, i18n.language);
  const youth = (item: ReferralListItem) =>
    item.youthDisplayName ??
    t(item.status === 'SEALED' ? 'referrals.list.sealedName' : 'referrals.list.noName');

  if (isPhone) {
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="referral-list">
        {items.map((item) => {
          const link = linkOf(item);
          return (
            <Card key={item.id} withBorder component="li" padding="md">
              <Stack gap={6}>
                {/* The reference number stays whole; a long status badge moves under it instead. */}
                <Group justify="space-between" wrap="wrap" align="flex-start" gap="xs">
                  <Anchor component={Link} to={link.to} fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {link.label}
                  </Anchor>
                  <ReferralStatusBadge status={item.status} />
                </Group>
                <Text style={{ overflowWrap: 'anywhere' }}>{youth(item)}</Text>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {[
                    item.schoolName,
                    item.pathway ? t(`referrals.pathways.${item.pathway}`) : null,
                    date(item),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
            </Card>
          );
        })}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="referral-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('referrals.list.reference')}</Table.Th>
            <Table.Th scope="col">{t('referrals.list.youth')}</Table.Th>
            <Table.Th scope="col">{t('referrals.list.status')}</Table.Th>
            <Table.Th scope="col">{t('referrals.incident.school')}</Table.Th>
            <Table.Th scope="col">{t('referrals.incident.pathway')}</Table.Th>
            <Table.Th scope="col">{t('referrals.list.received')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const link = linkOf(item);
            return (
              <Table.Tr key={item.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={link.to}>
                    {link.label}
                  </Anchor>
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{youth(item)}</Table.Td>
                <Table.Td>
                  <ReferralStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>{item.schoolName}</Table.Td>
                <Table.Td>{item.pathway ? t(`referrals.pathways.${item.pathway}`) : null}</Table.Td>
                <Table.Td>{date(item)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
