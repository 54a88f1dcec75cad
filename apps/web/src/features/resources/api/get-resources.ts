import { resourceCatalogQueries, useResourceCatalog } from '../../../lib/catalog/get-resources';

/** The signed-in directory reads the same catalog cache entry as the referral form (lib/catalog). */
export const resourceQueries = { list: resourceCatalogQueries.list };

export const useResources = useResourceCatalog;
