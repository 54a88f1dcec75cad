export const resourceKeys = {
  all: ['resources'] as const,
  list: () => [...resourceKeys.all, 'list'] as const,
  publicList: () => [...resourceKeys.all, 'public-list'] as const,
};
