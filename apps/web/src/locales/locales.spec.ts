import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translations } from '../lib/i18n';
import enCases from './en/cases.json';
import enCommunityEvents from './en/community-events.json';
import enIntake from './en/intake.json';
import enNotices from './en/notices.json';
import enReferrals from './en/referrals.json';
import enReports from './en/reports.json';
import enSchoolContacts from './en/school-contacts.json';
import enTasks from './en/tasks.json';
import esCases from './es/cases.json';
import esCommunityEvents from './es/community-events.json';
import esIntake from './es/intake.json';
import esNotices from './es/notices.json';
import esReferrals from './es/referrals.json';
import esReports from './es/reports.json';
import esSchoolContacts from './es/school-contacts.json';
import esTasks from './es/tasks.json';

function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return { [prefix]: value };
  return Object.entries(value).reduce<Record<string, unknown>>(
    (acc, [key, child]) => ({ ...acc, ...flatten(child, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

// The intake, case-work and reports bundles load lazily (lib/i18n.ts, lib/casework-i18n.ts, lib/reports-i18n.ts) and
// are held to the same rules.
const en = flatten({
  ...translations.en.translation,
  referrals: enReferrals,
  schoolContacts: enSchoolContacts,
  communityEvents: enCommunityEvents,
  intake: enIntake,
  cases: enCases,
  tasks: enTasks,
  notices: enNotices,
  reports: enReports,
});
const es = flatten({
  ...translations.es.translation,
  referrals: esReferrals,
  schoolContacts: esSchoolContacts,
  communityEvents: esCommunityEvents,
  intake: esIntake,
  cases: esCases,
  tasks: esTasks,
  notices: esNotices,
  reports: esReports,
});

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

/*
 * Every bundle file, read from disk, whichever screen loads it: a new file or a file left out of the lists above is
 * held to the same rules.
 */
const bundleFiles = (language: 'en' | 'es') =>
  readdirSync(join(__dirname, language))
    .filter((file) => file.endsWith('.json'))
    .sort();
const readBundle = (language: 'en' | 'es', file: string) =>
  flatten(JSON.parse(readFileSync(join(__dirname, language, file), 'utf8')));

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Strings that show {{count}} apart from any word it must agree with. */
const COUNT_WITHOUT_NOUN = new Set(['referrals.json:incident.narrativeCount', 'tasks.json:kindOption']);

test('every bundle file exists in both languages', () => {
  expect(bundleFiles('es')).toEqual(bundleFiles('en'));
});

test('every bundle file is loaded by the app (lib/i18n.ts or a lazy loader beside it)', () => {
  const loaders = readdirSync(join(__dirname, '../lib'))
    .filter((file) => /i18n\.ts$/.test(file))
    .map((file) => readFileSync(join(__dirname, '../lib', file), 'utf8'))
    .join('\n');
  for (const file of bundleFiles('en'))
    for (const language of ['en', 'es'])
      expect({
        file: `${language}/${file}`,
        loaded: loaders.includes(`locales/${language}/${file}`),
      }).toEqual({
        file: `${language}/${file}`,
        loaded: true,
      });
});

describe.each(bundleFiles('en'))('%s', (file) => {
  const enBundle = readBundle('en', file);
  const esBundle = readBundle('es', file);

  test('has the same keys in English and Spanish', () => {
    expect(Object.keys(esBundle).sort()).toEqual(Object.keys(enBundle).sort());
  });

  test('has no empty or non-string value', () => {
    for (const [key, value] of [...Object.entries(enBundle), ...Object.entries(esBundle)])
      expect({ key, ok: typeof value === 'string' && value.trim().length > 0 }).toEqual({ key, ok: true });
  });

  test('uses the same interpolation variables in both languages', () => {
    const variables = (text: unknown) => [...String(text).matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(enBundle))
      expect({ key, vars: variables(esBundle[key]) }).toEqual({ key, vars: variables(enBundle[key]) });
  });

  test('has the singular and the plural of every counted string in both languages', () => {
    const bases = new Set(
      [...Object.keys(enBundle), ...Object.keys(esBundle)]
        .filter((key) => PLURAL.test(key))
        .map((key) => key.replace(PLURAL, '')),
    );
    for (const base of bases)
      for (const [language, bundle] of [
        ['en', enBundle],
        ['es', esBundle],
      ] as const)
        expect({ base, language, one: `${base}_one` in bundle, other: `${base}_other` in bundle }).toEqual({
          base,
          language,
          one: true,
          other: true,
        });
  });

  test('a count shown beside a word has plural forms, so "1 events" cannot happen', () => {
    for (const [language, bundle] of [
      ['en', enBundle],
      ['es', esBundle],
    ] as const)
      for (const [key, value] of Object.entries(bundle))
        if (/{{\s*count\b/.test(String(value)) && !COUNT_WITHOUT_NOUN.has(`${file}:${key}`))
          expect({ language, key, plural: PLURAL.test(key) }).toEqual({ language, key, plural: true });
  });
});
