import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions the schema relies on: case-insensitive e-mail (citext), name matching (pg_trgm, unaccent). */
export class Extensions1764300000000 implements MigrationInterface {
  name = 'Extensions1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS citext');
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP EXTENSION IF EXISTS unaccent');
    await q.query('DROP EXTENSION IF EXISTS pg_trgm');
    await q.query('DROP EXTENSION IF EXISTS citext');
  }
}
