import type { Kysely } from 'kysely';
import { entryHash, GENESIS_HASH, type ChainedFields } from '../audit-chain';

// The audit log becomes tamper-evident: every entry carries the previous entry's hash and its
// own. Entries written before this migration are chained here, in id order.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  const rows = (await db.selectFrom('audit_log').selectAll().orderBy('id').execute()) as ChainedFields[];
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const hash = entryHash(prev, row);
    await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute();
    prev = hash;
  }
  await db.schema.createIndex('audit_log_account').on('audit_log').columns(['account_id', 'at']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_action').execute();
  await db.schema.dropIndex('audit_log_account').execute();
  await db.schema.alterTable('audit_log').dropColumn('hash').execute();
  await db.schema.alterTable('audit_log').dropColumn('prev_hash').execute();
}
