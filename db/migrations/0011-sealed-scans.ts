import type { Kysely } from 'kysely';

// Confidential scans are stored encrypted under their own key, sealed to the confidential key
// pair (sealed_key; null for an ordinary scan kept as it is). A general manager's approval to
// view gives the requester that scan's key, sealed to their own account, until it expires.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scans').addColumn('sealed_key', 'blob').execute();
  await db.schema
    .createTable('scan_grants')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('scan_id', 'integer', (c) => c.notNull().references('scans.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('sealed_key', 'blob', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('approval_id', 'integer', (c) => c.references('approvals.id'))
    .execute();
  await db.schema.createIndex('scan_grants_scan_account').on('scan_grants').columns(['scan_id', 'account_id']).execute();
  await db.schema.createIndex('scan_grants_expiry').on('scan_grants').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scan_grants').execute();
  await db.schema.alterTable('scans').dropColumn('sealed_key').execute();
}
