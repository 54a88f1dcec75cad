import type { DataSource } from 'typeorm';
import reasonCodes from './data/reason-codes.json';
import resources from './data/resources.json';
import schools from './data/schools.json';
import serviceTypes from './data/service-types.json';

/**
 * Loads the catalogs (copies of shared/data kept in the repo). Existing rows are left alone, so an
 * administrator's edits survive a restart; new entries are added.
 */
export async function seedCatalogs(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    for (const s of schools) {
      await m.query(
        `INSERT INTO schools (name, level, kind, district, cds_code, address, city, zip, phone, notes, in_cvpd_jurisdiction)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (name) DO NOTHING`,
        [
          s.name,
          s.level,
          s.kind,
          s.district,
          s.cdsCode,
          s.address,
          s.city,
          s.zip,
          s.phone,
          s.notes,
          s.inCvpdJurisdiction,
        ],
      );
    }
    for (const r of reasonCodes) {
      await m.query(
        `INSERT INTO reason_codes (code, label, kind, education_code, other_code, excluded_from_diversion)
         VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (code) DO NOTHING`,
        [r.code, r.label, r.kind, r.educationCode, r.otherCode, r.excludedFromDiversion],
      );
    }
    for (const t of serviceTypes) {
      await m.query(`INSERT INTO service_types (code, label) VALUES ($1,$2) ON CONFLICT (code) DO NOTHING`, [
        t.code,
        t.label,
      ]);
    }
    for (const r of resources) {
      await m.query(
        `INSERT INTO resources (key, name, organization, category, description, phone, urls, ages, languages)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (key) DO NOTHING`,
        [r.key, r.name, r.organization, r.category, r.description, r.phone, r.urls, r.ages, r.languages],
      );
    }
  });
}
