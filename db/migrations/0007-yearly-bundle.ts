import type { Kysely } from 'kysely';

// The yearly departed-tenant bundle (003 §9.6): each export is recorded, and the files in it are
// marked "archived for year Y".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('files').addColumn('archived_year', 'integer').execute();
  await db.schema
    .createTable('bundle_exports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('building', 'text')
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('confidential', 'text', (c) => c.notNull())
    .addColumn('tenants', 'integer', (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addColumn('scans', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('problems', 'integer', (c) => c.notNull())
    .addColumn('exported_at', 'text', (c) => c.notNull())
    .addColumn('exported_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bundle_exports').execute();
  await db.schema.alterTable('files').dropColumn('archived_year').execute();
}
