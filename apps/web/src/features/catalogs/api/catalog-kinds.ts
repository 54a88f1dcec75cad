import type {
  AdminReasonCode,
  AdminResource,
  AdminSchool,
  AdminServiceType,
  CreateReasonCodeRequest,
  CreateResourceRequest,
  CreateSchoolRequest,
  CreateServiceTypeRequest,
  UpdateReasonCodeRequest,
  UpdateResourceRequest,
  UpdateSchoolRequest,
  UpdateServiceTypeRequest,
} from '@pathways/contracts';

/** The four catalogs an administrator keeps; each is also the last segment of its API path and screen path. */
export const CATALOG_KINDS = ['schools', 'reason-codes', 'service-types', 'resources'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export const isCatalogKind = (value: unknown): value is CatalogKind =>
  (CATALOG_KINDS as readonly unknown[]).includes(value);

export interface CatalogTypes {
  schools: { entry: AdminSchool; create: CreateSchoolRequest; update: UpdateSchoolRequest };
  'reason-codes': {
    entry: AdminReasonCode;
    create: CreateReasonCodeRequest;
    update: UpdateReasonCodeRequest;
  };
  'service-types': {
    entry: AdminServiceType;
    create: CreateServiceTypeRequest;
    update: UpdateServiceTypeRequest;
  };
  resources: { entry: AdminResource; create: CreateResourceRequest; update: UpdateResourceRequest };
}

export type CatalogEntry<K extends CatalogKind = CatalogKind> = CatalogTypes[K]['entry'];
export type AnyCatalogEntry = CatalogEntry<CatalogKind>;
