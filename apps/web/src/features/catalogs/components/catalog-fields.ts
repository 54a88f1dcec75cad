import {
  createReasonCodeRequestSchema,
  createResourceRequestSchema,
  createSchoolRequestSchema,
  createServiceTypeRequestSchema,
  REASON_CODE_KINDS,
  SCHOOL_KINDS,
  SCHOOL_LEVELS,
} from '@pathways/contracts';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { AnyCatalogEntry, CatalogKind } from '../api/catalog-kinds';

export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

export interface CatalogField {
  name: string;
  kind: 'text' | 'textarea' | 'select' | 'switch' | 'tags' | 'date';
  required?: boolean;
  /** Empty means null (an optional detail) rather than "missing". */
  nullable?: boolean;
  /** Codes and keys are what records store: set once, never changed. */
  fixed?: boolean;
  maxLength?: number;
  options?: (t: TFunction) => { value: string; label: string }[];
  /** Spans both columns of the form grid. */
  wide?: boolean;
}

/** Known resource categories (the directory's filters); an entry may still hold another. */
export const RESOURCE_CATEGORIES = [
  'ANONYMOUS_TIPS',
  'BULLYING',
  'COUNSELING',
  'CRISIS',
  'DIVERSION',
  'HOUSING',
  'LAW_ENFORCEMENT',
  'SUICIDE_PREVENTION',
] as const;

export const CATALOG_FIELDS: Record<CatalogKind, CatalogField[]> = {
  schools: [
    { name: 'name', kind: 'text', required: true, maxLength: 200, wide: true },
    {
      name: 'level',
      kind: 'select',
      required: true,
      options: (t) => SCHOOL_LEVELS.map((v) => ({ value: v, label: t(`administration.schoolLevels.${v}`) })),
    },
    {
      name: 'kind',
      kind: 'select',
      required: true,
      options: (t) => SCHOOL_KINDS.map((v) => ({ value: v, label: t(`administration.schoolKinds.${v}`) })),
    },
    { name: 'district', kind: 'text', required: true, maxLength: 200, wide: true },
    { name: 'cdsCode', kind: 'text', nullable: true, maxLength: 14 },
    { name: 'phone', kind: 'text', nullable: true, maxLength: 40 },
    { name: 'address', kind: 'text', nullable: true, maxLength: 300, wide: true },
    { name: 'city', kind: 'text', nullable: true, maxLength: 100 },
    { name: 'zip', kind: 'text', nullable: true, maxLength: 5 },
    { name: 'inCvpdJurisdiction', kind: 'switch', wide: true },
  ],
  'reason-codes': [
    { name: 'code', kind: 'text', required: true, fixed: true, maxLength: 60 },
    {
      name: 'kind',
      kind: 'select',
      required: true,
      options: (t) =>
        REASON_CODE_KINDS.map((v) => ({ value: v, label: t(`administration.reasonKinds.${v}`) })),
    },
    { name: 'label', kind: 'text', required: true, maxLength: 200, wide: true },
    { name: 'labelEs', kind: 'text', nullable: true, maxLength: 200, wide: true },
    { name: 'educationCode', kind: 'text', nullable: true, maxLength: 40 },
    { name: 'otherCode', kind: 'text', nullable: true, maxLength: 40 },
    { name: 'excludedFromDiversion', kind: 'switch', wide: true },
  ],
  'service-types': [
    { name: 'code', kind: 'text', required: true, fixed: true, maxLength: 60, wide: true },
    { name: 'label', kind: 'text', required: true, maxLength: 200, wide: true },
    { name: 'labelEs', kind: 'text', nullable: true, maxLength: 200, wide: true },
  ],
  resources: [
    { name: 'key', kind: 'text', required: true, fixed: true, maxLength: 60 },
    {
      name: 'category',
      kind: 'select',
      required: true,
      options: (t) => RESOURCE_CATEGORIES.map((v) => ({ value: v, label: t(`resources.categories.${v}`) })),
    },
    { name: 'name', kind: 'text', required: true, maxLength: 200, wide: true },
    { name: 'organization', kind: 'text', nullable: true, maxLength: 200, wide: true },
    { name: 'description', kind: 'textarea', nullable: true, maxLength: 2000, wide: true },
    { name: 'descriptionEs', kind: 'textarea', nullable: true, maxLength: 2000, wide: true },
    { name: 'phone', kind: 'text', nullable: true, maxLength: 40 },
    { name: 'ages', kind: 'text', nullable: true, maxLength: 20 },
    { name: 'urls', kind: 'tags', wide: true },
    { name: 'languages', kind: 'tags' },
    { name: 'lastVerifiedAt', kind: 'date', nullable: true },
  ],
};

export const CREATE_SCHEMAS = {
  schools: createSchoolRequestSchema,
  'reason-codes': createReasonCodeRequestSchema,
  'service-types': createServiceTypeRequestSchema,
  resources: createResourceRequestSchema,
} satisfies Record<CatalogKind, z.ZodType>;

/** The form's starting values: the entry's, or empty ones for a new entry. */
export function initialValues(kind: CatalogKind, entry: AnyCatalogEntry | null): FormValues {
  const source = (entry ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    CATALOG_FIELDS[kind].map((f): [string, FieldValue] => {
      const v = source[f.name];
      if (f.kind === 'switch') return [f.name, entry ? v === true : f.name === 'inCvpdJurisdiction'];
      if (f.kind === 'tags') return [f.name, Array.isArray(v) ? (v as string[]) : []];
      return [f.name, typeof v === 'string' ? v : ''];
    }),
  );
}

/** What the inputs hold, in the contract's shape (empty optional details as null). */
export function toPayload(kind: CatalogKind, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of CATALOG_FIELDS[kind]) {
    const v = values[f.name];
    if (f.kind === 'switch') out[f.name] = v === true;
    else if (f.kind === 'tags') out[f.name] = (v as string[]).map((s) => s.trim()).filter(Boolean);
    else {
      const text = String(v ?? '').trim();
      if (f.kind === 'select') out[f.name] = text || undefined;
      else out[f.name] = text === '' && f.nullable ? null : text;
    }
  }
  return out;
}
