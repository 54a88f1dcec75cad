import { PERMISSIONS } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { requirePermission } from './guards';

export async function loader() {
  await requirePermission(PERMISSIONS.AUDIT_READ);
  return null;
}

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <EmptyState title={t('audit.comingSoonTitle')} description={t('audit.comingSoon')} />
    </>
  );
}
