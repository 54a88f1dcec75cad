import { useEffect } from 'react';
import { useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';
import type enCommon from '../locales/en/common.json';
import { usePageTitleOverride } from '../lib/page-title';

export type PageTitleKey = keyof (typeof enCommon)['pageTitles'];

/** What a route declares about itself: the screen's name for the browser tab. */
export interface RouteHandle {
  title: PageTitleKey;
}

const titleOf = (handle: unknown): PageTitleKey | undefined =>
  typeof handle === 'object' && handle !== null && 'title' in handle
    ? (handle as RouteHandle).title
    : undefined;

/**
 * Names the browser tab after the deepest route's `handle.title` ("Cases · Pathways"), or what the page asked for
 * (a record's number, an error), in the current language: switching language renames it.
 */
export function useRouteTitle(): void {
  const { t } = useTranslation();
  const matches = useMatches();
  const override = usePageTitleOverride();
  const key = matches
    .map((match) => titleOf(match.handle))
    .filter((k): k is PageTitleKey => k !== undefined)
    .pop();
  const title = override ?? (key ? t(`common.pageTitles.${key}`) : null);
  useEffect(() => {
    document.title = title ? t('common.documentTitle', { title }) : t('common.appName');
  }, [title, t]);
}
