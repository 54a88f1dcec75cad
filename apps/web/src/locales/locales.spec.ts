import { translations } from '../lib/i18n';

function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return { [prefix]: value };
  return Object.entries(value).reduce<Record<string, unknown>>(
    (acc, [key, child]) => ({ ...acc, ...flatten(child, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

const en = flatten(translations.en.translation);
const es = flatten(translations.es.translation);

test('the English and Spanish bundles have exactly the same keys', () => {
  expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
});

test('every string in both bundles is a non-empty string', () => {
  for (const [key, value] of [...Object.entries(en), ...Object.entries(es)]) {
    expect({ key, ok: typeof value === 'string' && value.trim().length > 0 }).toEqual({ key, ok: true });
  }
});

test('both bundles use the same interpolation variables in each string', () => {
  const variables = (text: unknown) =>
    [...String(text).matchAll(/{{\s*(\w+)/g)].map((match) => match[1]).sort();
  for (const key of Object.keys(en)) {
    expect({ key, vars: variables(es[key]) }).toEqual({ key, vars: variables(en[key]) });
  }
});
