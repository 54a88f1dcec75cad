import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction, type AuditOutcome, type Role } from './enums';
import { isoDateTimeSchema, pageQuerySchema } from './common';

export const auditQuerySchema = pageQuerySchema
  .extend({
    actorId: z.uuid().optional(),
    entityType: z.string().trim().max(60).optional(),
    entityId: z.uuid().optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: isoDateTimeSchema.optional(),
    to: isoDateTimeSchema.optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEventView {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
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
