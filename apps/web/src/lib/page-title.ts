import { useEffect, useSyncExternalStore } from 'react';

/**
 * The browser tab's title names the screen ("Cases · Pathways"), from the route's `handle.title`
 * (app/route-config.tsx). A record's page may name the record instead, by its reference or case number: never by a
 * person's name, which would land in the browser's history (ACCESS.md: no names where they do not belong).
 */
let current: string | null = null;
const listeners = new Set<() => void>();

function set(title: string | null): void {
  if (current === title) return;
  current = title;
  listeners.forEach((listener) => listener());
}

/** A page's own title while it is shown (null: the route's). */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    set(title);
    return () => set(null);
  }, [title]);
}

/** What the current page asked for, if anything. */
export function usePageTitleOverride(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** `usePageTitle` where a hook does not fit (after an early return): renders nothing. */
export function PageTitle({ title }: { title: string }): null {
  usePageTitle(title);
  return null;
}
