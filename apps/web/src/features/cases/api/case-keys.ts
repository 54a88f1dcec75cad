import type { CaseListQuery } from '@pathways/contracts';

/** The collections under one case; each tab reads one. */
export type CasePart =
  | 'timeline'
  | 'consents'
  | 'assessments'
  | 'goals'
  | 'accountability-items'
  | 'services'
  | 'contacts'
  | 'notes'
  | 'follow-ups'
  | 'notices'
  | 'referral';

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (params: CaseListQuery) => [...caseKeys.lists(), params] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  /** The case and, below it, every part: invalidating the detail reloads the whole case page. */
  detail: (id: string) => [...caseKeys.details(), id] as const,
  part: (id: string, part: CasePart) => [...caseKeys.detail(id), part] as const,
  notices: (id: string, lang: string) => [...caseKeys.part(id, 'notices'), lang] as const,
};
