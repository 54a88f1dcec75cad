import type { TestApp } from './test-app';

export interface Catalog {
  schoolId: string;
  otherSchoolId: string;
  resourceId: string;
}

export async function catalog(t: TestApp): Promise<Catalog> {
  const schools: { id: string }[] = await t.db.query(
    `SELECT id FROM schools WHERE level = 'HIGH' AND in_cvpd_jurisdiction ORDER BY name LIMIT 2`,
  );
  const [resource] = await t.db.query<{ id: string }[]>(`SELECT id FROM resources ORDER BY key LIMIT 1`);
  return { schoolId: schools[0].id, otherSchoolId: schools[1].id, resourceId: resource.id };
}

/** A complete, valid referral body (overrides merge on top). */
export function referralBody(c: Catalog, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    youth: {
      firstName: 'Alondra',
      lastName: 'Test-Quintero',
      dateOfBirth: '2011-04-12',
      primaryLanguage: 'es',
      genderIdentity: 'FEMALE',
      raceEthnicity: ['HISPANIC_LATINO'],
    },
    guardians: [
      { name: 'Rocío Quintero', relationship: 'MOTHER', phone: '(619) 555-0142', preferredLanguage: 'es' },
    ],
    schoolId: c.schoolId,
    grade: 9,
    incidentAt: '2026-03-10T19:30:00Z',
    incidentLocation: 'ON_CAMPUS',
    pathway: 'LE_DIVERSION_626B',
    reasonCodes: ['PHYSICAL_FIGHT'],
    narrative: 'Mutual fight in the quad at lunch; no injuries; youth cooperative.',
    ...over,
  };
}

export async function count(t: TestApp, table: string): Promise<number> {
  const [row] = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}
