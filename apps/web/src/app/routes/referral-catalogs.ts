import { reasonCodeQueries } from '../../lib/catalog/get-reason-codes';
import { resourceCatalogQueries } from '../../lib/catalog/get-resources';
import { schoolQueries } from '../../lib/catalog/get-schools';
import { queryClient } from '../../lib/query-client';

/** The catalogs the referral form reads; loaded before it renders so every select has its options. */
export function ensureReferralCatalogs() {
  return Promise.all([
    queryClient.ensureQueryData(schoolQueries.list()),
    queryClient.ensureQueryData(reasonCodeQueries.list()),
    queryClient.ensureQueryData(resourceCatalogQueries.list()),
  ]);
}
