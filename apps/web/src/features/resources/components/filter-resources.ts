import type { Resource } from '@pathways/contracts';

/** Case- and accent-insensitive, so "consejeria" finds "Consejería". */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function filterResources(
  resources: Resource[],
  { category, query, locale }: { category: string | null; query: string; locale: string },
): Resource[] {
  const needle = normalize(query.trim());
  return resources.filter((resource) => {
    if (!resource.active) return false;
    if (category && resource.category !== category) return false;
    if (!needle) return true;
    const description =
      locale === 'es' && resource.descriptionEs ? resource.descriptionEs : resource.description;
    const haystack = [resource.name, resource.organization, description, resource.category]
      .filter(Boolean)
      .join(' ');
    return normalize(haystack).includes(needle);
  });
}
