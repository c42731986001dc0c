import type { Kysely } from 'kysely';

// The customer register's fields the seeds list and it lacked (003 §4 第三条, §8 b5, §15 4.2):
// industry, region, website, the business licence's number and expiry, and the deposit held (fen).
export async function up(db: Kysely<any>): Promise<void> {
  for (const [column, type] of [
    ['industry', 'text'],
    ['region', 'text'],
    ['website', 'text'],
    ['licence_no', 'text'],
    ['licence_expiry', 'text'],
    ['deposit_fen', 'integer'],
  ] as const) {
    await db.schema.alterTable('customers').addColumn(column, type).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['deposit_fen', 'licence_expiry', 'licence_no', 'website', 'region', 'industry']) await db.schema.alterTable('customers').dropColumn(column).execute();
}
