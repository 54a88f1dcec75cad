import type { OutcomeReportQuery } from '@pathways/contracts';

export const reportKeys = {
  all: ['reports'] as const,
  outcomes: () => [...reportKeys.all, 'outcomes'] as const,
  outcome: (params: OutcomeReportQuery) => [...reportKeys.outcomes(), params] as const,
  /** `latest` is the server's default year (the newest with data). */
  publicDashboard: (year: number | undefined) =>
    [...reportKeys.all, 'public-dashboard', year ?? 'latest'] as const,
};
