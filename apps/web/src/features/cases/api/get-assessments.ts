import type { AssessmentView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export const getAssessments = async (id: string, signal?: AbortSignal): Promise<AssessmentView[]> =>
  listItems(await api.get<AssessmentView[] | Page<AssessmentView>>(casePath(id, 'assessments'), { signal }));

export const assessmentQueries = {
  list: (id: string) =>
    queryOptions({
      queryKey: caseKeys.part(id, 'assessments'),
      queryFn: ({ signal }) => getAssessments(id, signal),
    }),
};

export const useAssessments = (id: string) => useQuery(assessmentQueries.list(id));
