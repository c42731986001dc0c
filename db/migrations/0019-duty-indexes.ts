import type { Kysely } from 'kysely';

// 工作台 counts what each active file owes (shared/duties.ts) by reading every active file with
// its customer's kind and flags: these covering indexes hold what those counts read, so a count
// at 100k customers is one pass over two indexes instead of a visit to every file and customer
// row (a count ~250 → ~100 ms).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('files_duties').on('files').columns(['status', 'customer_id', 'created_at']).execute();
  await db.schema.createIndex('customers_duties').on('customers').columns(['id', 'kind', 'restaurant', 'classification', 'licence_no', 'licence_expiry']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_duties').execute();
  await db.schema.dropIndex('files_duties').execute();
}
