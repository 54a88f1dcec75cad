/**
 * Whether unsaved-input guards (components/ui/unsaved-changes.tsx) may hold up a navigation. Kept apart from them
 * so the router's session-expiry handling, loaded before sign-in, can lift them without loading their dialog.
 */
let suspended = false;

/**
 * The session ended: the way to sign-in must not wait on a question about unsaved input (it cannot be saved any
 * more). Lifted when the signed-in part of the app mounts again.
 */
export function suspendUnsavedChangesGuards(): void {
  suspended = true;
}

export function resumeUnsavedChangesGuards(): void {
  suspended = false;
}

export function unsavedChangesGuardsSuspended(): boolean {
  return suspended;
}
