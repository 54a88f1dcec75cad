export const resourceKeys = {
  all: ['resources'] as const,
  publicList: () => [...resourceKeys.all, 'public-list'] as const,
};
