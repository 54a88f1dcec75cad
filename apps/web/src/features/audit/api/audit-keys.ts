import type { AuditQuery, AuditReviewQuery } from '@pathways/contracts';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (params: AuditQuery) => [...auditKeys.lists(), params] as const,
  actors: () => [...auditKeys.all, 'actors'] as const,
  verify: () => [...auditKeys.all, 'verify'] as const,
  review: (params: AuditReviewQuery) => [...auditKeys.all, 'review', params] as const,
};
