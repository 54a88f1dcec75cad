import { z } from 'zod';
import { LOCALES, type Locale, type OrganizationKind, type Role } from './enums';

/** Passwords: at least 12 characters, any printable characters, never truncated (ACCESS.md). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const loginRequestSchema = z
  .object({
    email: z.string().trim().min(1).max(320),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const mfaChallengeRequestSchema = z
  .object({
    challenge: z.string().min(1).max(200),
    code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code'),
  })
  .strict();
export type MfaChallengeRequest = z.infer<typeof mfaChallengeRequestSchema>;

export const mfaEnrollRequestSchema = z
  .object({
    /** Omit to receive a new secret; send the first code from the authenticator app to confirm it. */
    code: z
      .string()
      .regex(/^\d{6}$/, 'Enter the 6-digit code')
      .optional(),
  })
  .strict();
export type MfaEnrollRequest = z.infer<typeof mfaEnrollRequestSchema>;

export const changePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const updateMeRequestSchema = z.object({ locale: z.enum(LOCALES) }).strict();
export type UpdateMeRequest = z.infer<typeof updateMeRequestSchema>;

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  /** The organization requires two-step verification and this account has not set it up yet. */
  mfaSetupRequired?: boolean;
  organization: OrganizationSummary;
  permissions: string[];
  /** Present on GET /api/auth/me: the session's X-CSRF-Token, so a new tab of a signed-in browser can write. */
  csrfToken?: string;
}

export interface LoginResponse {
  token: string;
  csrfToken: string;
  expiresAt: string;
  idleExpiresAt: string;
  user: Me;
}

export interface MfaRequiredResponse {
  mfaRequired: true;
  challenge: string;
}

export interface MfaEnrollResponse {
  enabled: boolean;
  secret?: string;
  otpauthUrl?: string;
}
