import enAdministration from './en/administration.json';
import enAuditConsole from './en/audit-console.json';
import esAdministration from './es/administration.json';
import esAuditConsole from './es/audit-console.json';

function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return { [prefix]: value };
  return Object.entries(value).reduce<Record<string, unknown>>(
    (acc, [key, child]) => ({ ...acc, ...flatten(child, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

// The administration bundles load lazily (lib/administration-i18n.ts) and are held to the rules of locales.spec.ts.
const en = flatten({ administration: enAdministration, auditConsole: enAuditConsole });
const es = flatten({ administration: esAdministration, auditConsole: esAuditConsole });

test('the English and Spanish administration bundles have exactly the same keys', () => {
  expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
});

test('every administration string is a non-empty string', () => {
  for (const [key, value] of [...Object.entries(en), ...Object.entries(es)])
    expect({ key, ok: typeof value === 'string' && value.trim().length > 0 }).toEqual({ key, ok: true });
});

test('both administration bundles use the same interpolation variables in each string', () => {
  const variables = (text: unknown) => [...String(text).matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(en))
    expect({ key, vars: variables(es[key]) }).toEqual({ key, vars: variables(en[key]) });
});
