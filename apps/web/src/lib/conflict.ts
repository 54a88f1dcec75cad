import { isApiError } from './api-client';

/** What a 409 says changed: the record's status and version now (API.md: `currentStatus` / `currentVersion`). */
export interface Conflict {
  currentStatus: string | null;
  currentVersion: number | null;
}

export function conflictOf(error: unknown): Conflict | null {
  if (!isApiError(error, 409)) return null;
  return {
    currentStatus: error.body?.currentStatus ?? null,
    currentVersion: error.body?.currentVersion ?? null,
  };
}
