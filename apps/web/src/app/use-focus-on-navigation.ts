import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { PAGE_HEADING_ID } from '../components/ui/page-header';

let lastPathname: string | null = null;

/**
 * After a client-side navigation, move focus to the new page's h1 so screen-reader and keyboard users
 * start at the top of the new content. The first page load keeps the browser's default focus.
 */
export function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const isNavigation = lastPathname !== null && lastPathname !== pathname;
    lastPathname = pathname;
    if (isNavigation) document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [pathname]);
}
