import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate search at a million referrals (issue #8). A common name ("jose gonzales") matches thousands of youth rows
 * by trigram, and rechecking each one cost 100–300 ms. Youth share names, so `youth_names` holds the distinct
 * normalized names (about one per five youth) with their own trigram index: the search finds the close names there,
 * then their youth through a btree on youth.name_norm. (The list searches keep the trigram index on youth: they walk
 * the list's index in order and stop after a page, which suits a common name better.) Statement triggers on youth
 * keep the table to the names in use: a name leaves it when its last youth is renamed or removed, so sealing and
 * retention leave no stray names behind.
 */
export class YouthNameSearch1795861000000 implements MigrationInterface {
  name = 'YouthNameSearch1795861000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "youth_names" ("name_norm" text NOT NULL, CONSTRAINT "pk_youth_names" PRIMARY KEY ("name_norm"))`,
    );
    await queryRunner.query(
      `INSERT INTO youth_names SELECT DISTINCT name_norm FROM youth WHERE name_norm <> ''`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_youth_names_trgm" ON "youth_names" USING gin ("name_norm" gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_youth_name_norm" ON "youth" ("name_norm") `);
    // Statistics now, so that the first searches are planned on the trigram index rather than a full scan.
    await queryRunner.query(`ANALYZE youth_names`);
    await queryRunner.query(
      `CREATE FUNCTION youth_names_added() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO youth_names SELECT DISTINCT name_norm FROM new_youth WHERE name_norm <> ''
           ON CONFLICT DO NOTHING;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION youth_names_removed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM youth_names n
          WHERE n.name_norm IN (SELECT name_norm FROM old_youth)
            AND NOT EXISTS (SELECT 1 FROM youth y WHERE y.name_norm = n.name_norm);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_youth_names_insert AFTER INSERT ON youth
         REFERENCING NEW TABLE AS new_youth FOR EACH STATEMENT EXECUTE FUNCTION youth_names_added()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_youth_names_update_added AFTER UPDATE ON youth
         REFERENCING NEW TABLE AS new_youth FOR EACH STATEMENT EXECUTE FUNCTION youth_names_added()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_youth_names_update_removed AFTER UPDATE ON youth
         REFERENCING OLD TABLE AS old_youth FOR EACH STATEMENT EXECUTE FUNCTION youth_names_removed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_youth_names_delete AFTER DELETE ON youth
         REFERENCING OLD TABLE AS old_youth FOR EACH STATEMENT EXECUTE FUNCTION youth_names_removed()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_youth_names_delete ON youth`);
    await queryRunner.query(`DROP TRIGGER tr_youth_names_update_removed ON youth`);
    await queryRunner.query(`DROP TRIGGER tr_youth_names_update_added ON youth`);
    await queryRunner.query(`DROP TRIGGER tr_youth_names_insert ON youth`);
    await queryRunner.query(`DROP FUNCTION youth_names_removed()`);
    await queryRunner.query(`DROP FUNCTION youth_names_added()`);
    await queryRunner.query(`DROP INDEX "ix_youth_name_norm"`);
    await queryRunner.query(`DROP TABLE "youth_names"`);
  }
}
