export const administrationKeys = {
  all: ['administration'] as const,
  organization: () => [...administrationKeys.all, 'organization'] as const,
  retention: () => [...administrationKeys.all, 'retention'] as const,
  dryRun: () => [...administrationKeys.retention(), 'dry-run'] as const,
};
