import { sql, type Kysely } from 'kysely';

// The way in and the way out of 004 四.1 d: a sales customer's admission check (准入: who checked
// which of 设置's criteria, when), a closed customer (淘汰) with its reason, and an index on the
// blacklist so every registration can be checked against it without reading every customer.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('admission', 'text').execute();
  await db.schema.alterTable('customers').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('customers').addColumn('closed_reason', 'text').execute();
  await db.schema.createIndex('customers_blacklist').on('customers').column('blacklisted_at').where(sql.ref('blacklisted'), '=', 1).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_blacklist').execute();
  await db.schema.alterTable('customers').dropColumn('closed_reason').execute();
  await db.schema.alterTable('customers').dropColumn('closed_at').execute();
  await db.schema.alterTable('customers').dropColumn('admission').execute();
}
