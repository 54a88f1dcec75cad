import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcome reports at a million referrals. A year of the provider's referrals took about 40 s to count from the source
 * tables (every referral's milestones joined from five event tables). The reports now count from a derived store:
 *
 * - Facts, one row per unit a report counts, with what the report needs already worked out: `report_referral_facts`
 *   (a received referral with its youth: groups, funnel steps and the state of each clock), `report_case_facts` (a
 *   case: groups, outcome, recidivism windows, completion-notice clock, caseload fields) and `report_service_months`
 *   (a case's completed sessions of one service type in one month, with the month of its previous sessions of that
 *   type and of any type, so a period counts each youth once).
 * - Rollups of the facts, summed per day (per month for sessions), per pair of organizations and per group:
 *   `report_referral_days`, `report_closure_days`, `report_service_month_totals` and
 *   `report_service_case_months`. A year of every school is a few
 *   tens of thousands of rollup rows instead of half a million referrals and their events. Under a school, school
 *   level or pathway filter: `report_referral_school_months`, `report_closure_school_months` (per month, school and
 *   pathway; the days of a month the period cuts are counted from the facts).
 *
 * The facts are derived, never edited by hand. Row triggers on every source table append the youth whose records
 * changed to `report_dirty` (an append-only queue: no row is updated by two writers, so writes never wait on each
 * other here); the API's refresher recomputes the facts of those youth, and facts whose state depends on "now" (a
 * clock that falls due, a recidivism window that elapses: `stale_after`, `stale_before`), and moves the rollups by the
 * difference, in one transaction. A report first runs the refresher, so it counts every committed write.
 * `report_refresh_state.rebuild_needed` asks for a full rebuild (after this migration, after the bulk generator).
 */
export class ReportFacts1795870000000 implements MigrationInterface {
  name = 'ReportFacts1795870000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(
      `CREATE TABLE report_dirty (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, youth_id uuid NOT NULL)`,
    );
    await q(`CREATE TABLE report_refresh_state (
               id int PRIMARY KEY CHECK (id = 1),
               refreshed_at timestamptz,
               rebuild_needed boolean NOT NULL DEFAULT true)`);
    await q(`INSERT INTO report_refresh_state (id, rebuild_needed) VALUES (1, true)`);

    await q(`CREATE TABLE report_referral_facts (
               referral_id uuid PRIMARY KEY,
               youth_id uuid NOT NULL,
               received_at timestamptz NOT NULL,
               day date NOT NULL,
               referring_org_id uuid NOT NULL,
               provider_org_id uuid,
               school_id uuid,
               school text NOT NULL,
               level text NOT NULL,
               reason text NOT NULL,
               pathway text NOT NULL,
               priority text NOT NULL,
               race text NOT NULL,
               gender text NOT NULL,
               language text,
               age_band text NOT NULL,
               status text NOT NULL,
               contacted boolean NOT NULL,
               consented boolean NOT NULL,
               enrolled boolean NOT NULL,
               completed boolean NOT NULL,
               service_start_20_day text,
               triage text,
               first_outreach text,
               intake_consent text,
               assessment text,
               case_plan text,
               stale_after timestamptz,
               stale_before timestamptz)`);
    await q(`CREATE INDEX ix_report_referral_facts_youth ON report_referral_facts (youth_id)`);
    await q(
      `CREATE INDEX ix_report_referral_facts_provider ON report_referral_facts (provider_org_id, received_at)`,
    );
    await q(
      `CREATE INDEX ix_report_referral_facts_agency ON report_referral_facts (referring_org_id, received_at)`,
    );
    await q(`CREATE INDEX ix_report_referral_facts_school ON report_referral_facts (school_id, received_at)`);
    await q(
      `CREATE INDEX ix_report_referral_facts_stale_after ON report_referral_facts (stale_after) WHERE stale_after IS NOT NULL`,
    );
    await q(
      `CREATE INDEX ix_report_referral_facts_stale_before ON report_referral_facts (stale_before) WHERE stale_before IS NOT NULL`,
    );

    await q(`CREATE TABLE report_case_facts (
               case_id uuid PRIMARY KEY,
               referral_id uuid NOT NULL,
               youth_id uuid NOT NULL,
               status text NOT NULL,
               opened_at timestamptz NOT NULL,
               opened_day date NOT NULL,
               closed_at timestamptz,
               day date,
               primary_counselor_id uuid,
               referring_org_id uuid NOT NULL,
               provider_org_id uuid,
               school_id uuid,
               level text NOT NULL,
               pathway text NOT NULL,
               outcome_class text,
               reason text NOT NULL,
               race text NOT NULL,
               gender text NOT NULL,
               language text,
               age_band text NOT NULL,
               m6_elapsed boolean NOT NULL,
               m6_recidivated boolean NOT NULL,
               m12_elapsed boolean NOT NULL,
               m12_recidivated boolean NOT NULL,
               notice text,
               stale_after timestamptz,
               stale_before timestamptz)`);
    await q(`CREATE INDEX ix_report_case_facts_youth ON report_case_facts (youth_id)`);
    await q(
      `CREATE INDEX ix_report_case_facts_provider_closed ON report_case_facts (provider_org_id, closed_at)`,
    );
    await q(
      `CREATE INDEX ix_report_case_facts_agency_closed ON report_case_facts (referring_org_id, closed_at)`,
    );
    // The caseload: open cases per counselor and day opened (the statuses of OPEN_CASE_STATUSES).
    const open = `status IN ('INTAKE', 'ASSESSMENT', 'PLANNING', 'ACTIVE', 'ON_HOLD', 'NON_COMPLIANT')`;
    await q(`CREATE INDEX ix_report_case_facts_provider_open
               ON report_case_facts (provider_org_id, primary_counselor_id, opened_day) WHERE ${open}`);
    await q(`CREATE INDEX ix_report_case_facts_agency_open
               ON report_case_facts (referring_org_id, primary_counselor_id, opened_day) WHERE ${open}`);
    await q(
      `CREATE INDEX ix_report_case_facts_stale_after ON report_case_facts (stale_after) WHERE stale_after IS NOT NULL`,
    );
    await q(
      `CREATE INDEX ix_report_case_facts_stale_before ON report_case_facts (stale_before) WHERE stale_before IS NOT NULL`,
    );

    await q(`CREATE TABLE report_service_months (
               case_id uuid NOT NULL,
               service_type text NOT NULL,
               month date NOT NULL,
               prev_month date,
               youth_id uuid NOT NULL,
               referring_org_id uuid NOT NULL,
               provider_org_id uuid,
               school_id uuid,
               level text NOT NULL,
               pathway text NOT NULL,
               sessions int NOT NULL,
               minutes int NOT NULL,
               case_first boolean NOT NULL,
               prev_case_month date,
               PRIMARY KEY (case_id, service_type, month))`);
    await q(`CREATE INDEX ix_report_service_months_youth ON report_service_months (youth_id)`);
    await q(
      `CREATE INDEX ix_report_service_months_provider ON report_service_months (provider_org_id, month)`,
    );
    await q(
      `CREATE INDEX ix_report_service_months_agency ON report_service_months (referring_org_id, month)`,
    );

    const counters = (names: string[]) => names.map((n) => `${n} int NOT NULL DEFAULT 0`).join(',\n');
    const clockCounters = [
      'service_start_20_day',
      'triage',
      'first_outreach',
      'intake_consent',
      'assessment',
      'case_plan',
    ].flatMap((c) => [`${c}_met`, `${c}_missed`, `${c}_pending`]);
    const referralCounters = [
      'n',
      'contacted',
      'consented',
      'enrolled',
      'completed',
      'declined',
      ...clockCounters,
    ];
    const closureCounters = [
      'n',
      'successful',
      'unsuccessful',
      'm6_elapsed',
      'm6_recidivated',
      'm12_elapsed',
      'm12_recidivated',
      'notice_met',
      'notice_missed',
      'notice_pending',
    ];
    // A rollup per month, school and pathway (with the school's level): what a school, level or pathway filter reads.
    const schoolMonths = async (table: string, names: string[]) => {
      await q(`CREATE TABLE ${table} (
                 month date NOT NULL,
                 referring_org_id uuid NOT NULL,
                 provider_org_id uuid,
                 school_id uuid,
                 level text NOT NULL,
                 pathway text NOT NULL,
                 dim text NOT NULL,
                 key text,
                 ${counters(names)},
                 CONSTRAINT ux_${table} UNIQUE NULLS NOT DISTINCT
                   (month, referring_org_id, provider_org_id, school_id, level, pathway, dim, key))`);
      for (const [name, org] of [
        ['provider', 'provider_org_id'],
        ['agency', 'referring_org_id'],
      ])
        await q(`CREATE INDEX ix_${table}_${name} ON ${table} (${org}, month, school_id, level, pathway)`);
    };
    await q(`CREATE TABLE report_referral_days (
               day date NOT NULL,
               referring_org_id uuid NOT NULL,
               provider_org_id uuid,
               dim text NOT NULL,
               key text,
               ${counters(referralCounters)},
               CONSTRAINT ux_report_referral_days UNIQUE NULLS NOT DISTINCT (day, referring_org_id, provider_org_id, dim, key))`);
    await q(
      `CREATE INDEX ix_report_referral_days_provider ON report_referral_days (provider_org_id, dim, day)`,
    );
    await q(
      `CREATE INDEX ix_report_referral_days_agency ON report_referral_days (referring_org_id, dim, day)`,
    );
    await q(`CREATE INDEX ix_report_referral_days_day ON report_referral_days (day)`);

    await schoolMonths('report_referral_school_months', referralCounters);

    await q(`CREATE TABLE report_closure_days (
               day date NOT NULL,
               referring_org_id uuid NOT NULL,
               provider_org_id uuid,
               dim text NOT NULL,
               key text,
               ${counters(closureCounters)},
               CONSTRAINT ux_report_closure_days UNIQUE NULLS NOT DISTINCT (day, referring_org_id, provider_org_id, dim, key))`);
    await q(`CREATE INDEX ix_report_closure_days_provider ON report_closure_days (provider_org_id, day)`);
    await q(`CREATE INDEX ix_report_closure_days_agency ON report_closure_days (referring_org_id, day)`);
    await q(`CREATE INDEX ix_report_closure_days_day ON report_closure_days (day)`);
    await schoolMonths('report_closure_school_months', closureCounters);

    await q(`CREATE TABLE report_service_month_totals (
               month date NOT NULL,
               referring_org_id uuid NOT NULL,
               provider_org_id uuid,
               service_type text NOT NULL,
               prev_month date,
               ${counters(['pairs', 'sessions', 'minutes'])},
               CONSTRAINT ux_report_service_month_totals
                 UNIQUE NULLS NOT DISTINCT (month, referring_org_id, provider_org_id, service_type, prev_month))`);
    await q(`CREATE TABLE report_service_case_months (
               month date NOT NULL,
               referring_org_id uuid NOT NULL,
               provider_org_id uuid,
               prev_case_month date,
               ${counters(['cases'])},
               CONSTRAINT ux_report_service_case_months
                 UNIQUE NULLS NOT DISTINCT (month, referring_org_id, provider_org_id, prev_case_month))`);
    await q(
      `CREATE INDEX ix_report_service_month_totals_provider ON report_service_month_totals (provider_org_id, month)`,
    );
    await q(
      `CREATE INDEX ix_report_service_month_totals_agency ON report_service_month_totals (referring_org_id, month)`,
    );

    // The youth whose report facts a write may change, appended by row triggers on every source table.
    await q(`
      CREATE FUNCTION report_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        r jsonb;
      BEGIN
        FOREACH r IN ARRAY ARRAY[CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END,
                                 CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END] LOOP
          CONTINUE WHEN r IS NULL;
          INSERT INTO report_dirty (youth_id)
          SELECT DISTINCT y FROM (
            SELECT (r ->> CASE WHEN TG_TABLE_NAME = 'youth' THEN 'id' ELSE 'youth_id' END)::uuid AS y
            UNION ALL
            SELECT rf.youth_id FROM referrals rf WHERE rf.id = (r ->> 'referral_id')::uuid
            UNION ALL
            SELECT c.youth_id FROM cases c WHERE c.id = (r ->> 'case_id')::uuid
          ) s WHERE y IS NOT NULL;
        END LOOP;
        RETURN NULL;
      END $fn$`);
    for (const table of [
      'referrals',
      'youth',
      'referral_events',
      'contacts',
      'consents',
      'notices',
      'cases',
      'assessments',
      'goals',
      'follow_ups',
      'service_enrollments',
    ]) {
      await q(`CREATE TRIGGER tr_${table}_report_dirty AFTER INSERT OR UPDATE OR DELETE ON ${table}
               FOR EACH ROW EXECUTE FUNCTION report_mark_dirty()`);
    }
    // Catalog and settings changes that change the groups or clocks of many referrals.
    await q(`
      CREATE FUNCTION report_mark_dirty_many() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_TABLE_NAME = 'organizations' THEN
          INSERT INTO report_dirty (youth_id)
          SELECT DISTINCT youth_id FROM referrals WHERE provider_org_id = NEW.id AND youth_id IS NOT NULL;
        ELSIF TG_TABLE_NAME = 'schools' THEN
          INSERT INTO report_dirty (youth_id)
          SELECT DISTINCT youth_id FROM referrals WHERE school_id = NEW.id AND youth_id IS NOT NULL;
        ELSIF TG_TABLE_NAME = 'reason_codes' THEN
          INSERT INTO report_dirty (youth_id)
          SELECT DISTINCT youth_id FROM referrals WHERE reason_codes[1] = NEW.code AND youth_id IS NOT NULL;
        END IF;
        RETURN NULL;
      END $fn$`);
    await q(`CREATE TRIGGER tr_organizations_report_dirty AFTER UPDATE OF settings ON organizations FOR EACH ROW
             WHEN (OLD.settings -> 'clocks' IS DISTINCT FROM NEW.settings -> 'clocks')
             EXECUTE FUNCTION report_mark_dirty_many()`);
    await q(`CREATE TRIGGER tr_schools_report_dirty AFTER UPDATE OF level ON schools FOR EACH ROW
             WHEN (OLD.level IS DISTINCT FROM NEW.level) EXECUTE FUNCTION report_mark_dirty_many()`);
    await q(`CREATE TRIGGER tr_reason_codes_report_dirty AFTER UPDATE OF kind ON reason_codes FOR EACH ROW
             WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION report_mark_dirty_many()`);

    // Citations and custody of school contacts are counted live: an index holds just those, with their groups (the
    // race/ethnicity group stored as the reports define it: raceGroupSql of apps/api reports/report-sql.ts).
    await q(`ALTER TABLE school_contacts ADD COLUMN race_group text GENERATED ALWAYS AS (
               CASE WHEN cardinality(array_remove(race_ethnicity, 'DECLINED')) = 0 THEN 'DECLINED'
                    WHEN array_remove(race_ethnicity, 'DECLINED') <@ ARRAY[(array_remove(race_ethnicity, 'DECLINED'))[1]]
                      THEN (array_remove(race_ethnicity, 'DECLINED'))[1]
                    ELSE 'MULTIRACIAL' END) STORED`);
    await q(`CREATE INDEX ix_school_contacts_citations ON school_contacts (occurred_at)
             INCLUDE (organization_id, school_id, race_group, gender_identity, age_band)
             WHERE disposition IN ('CITATION_PROBATION', 'CUSTODY_PROBATION')`);
    // Completed service sessions by time: the days at the edges of a report's period are counted live.
    await q(`CREATE INDEX ix_contacts_completed_sessions ON contacts (occurred_at)
             WHERE service_enrollment_id IS NOT NULL AND result = 'COMPLETED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP INDEX ix_contacts_completed_sessions`);
    await q(`DROP INDEX ix_school_contacts_citations`);
    await q(`ALTER TABLE school_contacts DROP COLUMN race_group`);
    await q(`DROP TRIGGER tr_reason_codes_report_dirty ON reason_codes`);
    await q(`DROP TRIGGER tr_schools_report_dirty ON schools`);
    await q(`DROP TRIGGER tr_organizations_report_dirty ON organizations`);
    await q(`DROP FUNCTION report_mark_dirty_many()`);
    for (const table of [
      'service_enrollments',
      'follow_ups',
      'goals',
      'assessments',
      'cases',
      'notices',
      'consents',
      'contacts',
      'referral_events',
      'youth',
      'referrals',
    ]) {
      await q(`DROP TRIGGER tr_${table}_report_dirty ON ${table}`);
    }
    await q(`DROP FUNCTION report_mark_dirty()`);
    for (const table of [
      'report_closure_school_months',
      'report_referral_school_months',
      'report_service_case_months',
      'report_service_month_totals',
      'report_closure_days',
      'report_referral_days',
      'report_service_months',
      'report_case_facts',
      'report_referral_facts',
      'report_refresh_state',
      'report_dirty',
    ]) {
      await q(`DROP TABLE ${table}`);
    }
  }
}
