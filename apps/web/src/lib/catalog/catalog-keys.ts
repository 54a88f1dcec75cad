/**
 * Catalogs (schools, reason codes, resources) serve several features; their queries live in lib so that features
 * share one cache entry without importing each other.
 */
export const catalogKeys = {
  all: ['catalog'] as const,
  schools: () => [...catalogKeys.all, 'schools'] as const,
  reasonCodes: () => [...catalogKeys.all, 'reason-codes'] as const,
  resources: () => [...catalogKeys.all, 'resources'] as const,
  serviceTypes: () => [...catalogKeys.all, 'service-types'] as const,
};

/** Catalogs change rarely (an administrator's edit); five minutes of staleness is fine. */
export const CATALOG_STALE_TIME = 5 * 60_000;
