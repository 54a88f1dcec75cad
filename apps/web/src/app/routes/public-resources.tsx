import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { PageHeader } from '../../components/ui/page-header';
import { usePublicResources } from '../../features/resources/api/get-public-resources';
import { ResourceDirectory } from '../../features/resources/components/resource-directory';
import { DeviceLanguageSwitch } from '../layout/device-language-switch';
import { SimpleShell } from '../layout/simple-shell';
import { paths } from '../paths';

/** The directory for families and the public, without sign-in. */
export function Component() {
  const { t } = useTranslation();
  const resources = usePublicResources();
  return (
    <SimpleShell size="lg" actions={<DeviceLanguageSwitch />}>
      <PageHeader
        title={t('resources.title')}
        description={t('resources.intro')}
        actions={
          <Anchor component={Link} to={paths.signIn}>
            {t('resources.backToSignIn')}
          </Anchor>
        }
      />
      {resources.isPending ? (
        <LoadingState />
      ) : resources.isError ? (
        <ErrorState error={resources.error} onRetry={() => void resources.refetch()} />
      ) : (
        <ResourceDirectory resources={resources.data} />
      )}
    </SimpleShell>
  );
}
