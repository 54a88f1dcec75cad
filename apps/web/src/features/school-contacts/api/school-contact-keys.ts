import type { SchoolContactListQuery } from '@pathways/contracts';

export const schoolContactKeys = {
  all: ['school-contacts'] as const,
  lists: () => [...schoolContactKeys.all, 'list'] as const,
  list: (params: SchoolContactListQuery) => [...schoolContactKeys.lists(), params] as const,
};
