import type { ReferralListQuery, ReferralStatus } from '@pathways/contracts';

/** What waits for triage: new, waiting for the officer's answer, and acknowledged but not yet assigned. */
export const INTAKE_STATUSES = [
  'SUBMITTED',
  'NEEDS_INFO',
  'TRIAGE',
] as const satisfies readonly ReferralStatus[];
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

export const INTAKE_PAGE_SIZE = 25;

export interface IntakeFilters {
  status: IntakeStatus | null;
  page: number;
}

const isIntakeStatus = (value: string | null): value is IntakeStatus =>
  value !== null && (INTAKE_STATUSES as readonly string[]).includes(value);

/** `?status=` and `?page=` in the URL, so a reload or a shared link keeps them. */
export function parseIntakeFilters(search: URLSearchParams): IntakeFilters {
  const status = search.get('status');
  const page = Number(search.get('page'));
  return {
    status: isIntakeStatus(status) ? status : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function intakeFiltersToSearch(filters: IntakeFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/**
 * The supervisor's queue is the referral list with `queue=intake` (SUBMITTED, NEEDS_INFO and TRIAGE referrals no
 * counselor works yet), the 20-day service start due soonest first; the same options serve loader and screen.
 */
export function intakeQuery({ status, page }: IntakeFilters): ReferralListQuery {
  return {
    queue: 'intake',
    page,
    pageSize: INTAKE_PAGE_SIZE,
    sort: 'dueServiceStartAt:asc',
    ...(status ? { status } : {}),
  };
}
