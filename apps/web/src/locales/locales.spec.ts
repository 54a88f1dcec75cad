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
