import { z } from 'zod';
import { LOCALES, ROLES, type Locale, type Role } from './enums';

export const usersQuerySchema = z.object({ role: z.enum(ROLES).optional() }).strict();
export type UsersQuery = z.infer<typeof usersQuerySchema>;

export interface UserSummary {
  id: string;
  displayName: string;
  role: Role;
}

export const adminUsersQuerySchema = z
  .object({
    role: z.enum(ROLES).optional(),
    active: z.enum(['true', 'false']).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type AdminUsersQuery = z.infer<typeof adminUsersQuerySchema>;

export const createUserRequestSchema = z
  .object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    locale: z.enum(LOCALES).default('en'),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    version: z.number().int().min(1),
    displayName: z.string().trim().min(1).max(120).optional(),
    role: z.enum(ROLES).optional(),
    locale: z.enum(LOCALES).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** Why an account is inactive: an administrator deactivated it, or it went unused too long (CJIS). */
export const DEACTIVATION_REASONS = ['ADMIN', 'INACTIVITY'] as const;
export type DeactivationReason = (typeof DEACTIVATION_REASONS)[number];

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  active: boolean;
  locked: boolean;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  deactivatedAt: string | null;
  deactivationReason: DeactivationReason | null;
  createdAt: string;
  version: number;
}

/** Returned once, when an account is created or its password reset: the one-time password to hand over. */
export interface OneTimePasswordResponse {
  user: AdminUser;
  oneTimePassword: string;
}
