import type { DataSource } from 'typeorm';
import reasonCodes from './data/reason-codes.json';
import resources from './data/resources.json';
import schools from './data/schools.json';
import serviceTypes from './data/service-types.json';

/**
 * Loads the catalogs (copies of shared/data kept in the repo, with the Spanish labels we added). Existing rows are
 * left alone, so an administrator's edits survive a restart; new entries are added, and a Spanish label missing from
 * an existing entry is filled in.
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
        `INSERT INTO reason_codes (code, label, label_es, kind, education_code, other_code, excluded_from_diversion)
         VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (code) DO UPDATE SET label_es = EXCLUDED.label_es WHERE reason_codes.label_es IS NULL`,
        [r.code, r.label, r.labelEs, r.kind, r.educationCode, r.otherCode, r.excludedFromDiversion],
      );
    }
    for (const t of serviceTypes) {
      await m.query(
        `INSERT INTO service_types (code, label, label_es) VALUES ($1,$2,$3)
         ON CONFLICT (code) DO UPDATE SET label_es = EXCLUDED.label_es WHERE service_types.label_es IS NULL`,
        [t.code, t.label, t.labelEs],
      );
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
