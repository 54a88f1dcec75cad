import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { PageHeader } from '../../components/ui/page-header';
import { resourceQueries, useResources } from '../../features/resources/api/get-resources';
import { ResourceDirectory } from '../../features/resources/components/resource-directory';
import { queryClient } from '../../lib/query-client';

export async function loader() {
  await queryClient.ensureQueryData(resourceQueries.list());
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const resources = useResources();
  return (
    <>
      <PageHeader title={t('resources.title')} description={t('resources.intro')} />
      {resources.isPending ? (
        <LoadingState />
      ) : resources.isError ? (
        <ErrorState error={resources.error} onRetry={() => void resources.refetch()} />
      ) : (
        <ResourceDirectory resources={resources.data} />
      )}
    </>
  );
}
