import type { AdminUser, Me, Role } from '@pathways/contracts';
import { permissionsOf } from '@pathways/domain';

let sequence = 0;

export function buildMe(overrides: Partial<Me> & { role?: Role } = {}): Me {
  sequence += 1;
  const role = overrides.role ?? 'SRO';
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    email: `person${sequence}@example.test`,
    displayName: `Person ${sequence}`,
    role,
    locale: 'en',
    mfaEnabled: false,
    mustChangePassword: false,
    organization: {
      id: '00000000-0000-4000-8000-00000000aaaa',
      name: 'South Bay Community Services',
      kind: 'SERVICE_PROVIDER',
    },
    permissions: permissionsOf(role),
    ...overrides,
  };
}

export function buildAdminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  sequence += 1;
  return {
    id: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    email: `user${sequence}@example.test`,
    displayName: `User ${sequence}`,
    role: 'COUNSELOR',
    locale: 'en',
    active: true,
    locked: false,
    mfaEnabled: false,
    mustChangePassword: false,
    lastLoginAt: null,
    createdAt: '2026-01-05T16:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
