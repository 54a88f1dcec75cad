import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome, type Role } from './enums';
import { isoDateSchema, isoDateTimeSchema, pageQuerySchema } from './common';

const auditFilters = {
  actorId: z.uuid().optional(),
  entityType: z
    .string()
    .trim()
    .regex(/^[a-z_-]{1,60}$/)
    .optional(),
  entityId: z.uuid().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
};

export const auditQuerySchema = pageQuerySchema.extend(auditFilters).strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** GET /api/audit/export: the same filters, every matching row (up to AUDIT_EXPORT_MAX_ROWS) as CSV. */
export const auditExportQuerySchema = z.object(auditFilters).strict();
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/** The people of the auditor's organization, to search by actor (GET /api/audit/actors). */
export interface AuditActor {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  active: boolean;
}

/** The weekly review (CJIS): what an auditor looks at every week. */
export const AUDIT_REVIEW_CATEGORIES = [
  'FAILED_LOGINS',
  'LOCKOUTS',
  'EXPORTS',
  'OVERRIDES',
  'SEALED_RECORD_ACCESS',
  'PERMISSION_CHANGES',
] as const;
export type AuditReviewCategory = (typeof AUDIT_REVIEW_CATEGORIES)[number];

export const auditReviewQuerySchema = z
  .object({
    /** Any date of the week to review; the current week when omitted. Weeks start on Monday. */
    weekOf: isoDateSchema.optional(),
  })
  .strict();
export type AuditReviewQuery = z.infer<typeof auditReviewQuerySchema>;

export interface AuditReviewSection {
  category: AuditReviewCategory;
  total: number;
  /** The most recent events of the category (at most AUDIT_REVIEW_ITEMS). */
  items: AuditEventView[];
}
export const AUDIT_REVIEW_ITEMS = 25;

export interface AuditReview {
  /** Monday of the week, `YYYY-MM-DD`, and the instants the week spans in the program's time zone. */
  weekOf: string;
  from: string;
  to: string;
  sections: AuditReviewSection[];
}

export interface AuditEventView {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  /** The actor's display name, looked up for the console (the trail itself stores ids only). */
  actorName: string | null;
  actorRole: Role | null;
  organizationId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  youthId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  changedFields: string[];
}

export interface AuditVerifyResponse {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  problem: string | null;
}
