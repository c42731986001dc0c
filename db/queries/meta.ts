import { sql, type Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';

/** departures_closed_through: the day up to which move-out dates have been acted on (YYYY-MM-DD). */
/** confidential_escrow: the confidential private key, kept inside the archive only until a general manager holds it. */
export type MetaKey = 'archive_id' | 'organisation' | 'created_at' | 'departures_closed_through' | 'confidential_escrow';

export async function getMeta(db: Kysely<ArchiveDatabase>, key: MetaKey): Promise<string | undefined> {
  const row = await db.selectFrom('archive_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setMeta(db: Kysely<ArchiveDatabase>, key: MetaKey, value: string): Promise<void> {
  await db
    .insertInto('archive_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function deleteMeta(db: Kysely<ArchiveDatabase>, key: MetaKey): Promise<void> {
  await db.deleteFrom('archive_meta').where('key', '=', key).execute();
}

/** A settings row's JSON text, if it was ever saved. */
export async function settingsValue(db: Kysely<ArchiveDatabase>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function writeSettingsValue(db: Kysely<ArchiveDatabase>, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * The next 件号 for a year and category: gap-free, and a number once issued is never issued
 * again (the counter only moves forward). Inside the caller's transaction.
 */
export async function nextSeq(db: Kysely<ArchiveDatabase>, year: number, category: string): Promise<number> {
  const row = await db
    .insertInto('ref_counters')
    .values({ year, category, last_seq: 1 })
    .onConflict((oc) => oc.columns(['year', 'category']).doUpdateSet((eb) => ({ last_seq: eb('ref_counters.last_seq', '+', 1) })))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/**
 * A number that moves whenever the archive's rows do: this connection's own changes, and SQLite's
 * data_version, which moves when another connection (the import worker) commits.
 */
export async function changeCounter(db: Kysely<ArchiveDatabase>): Promise<string> {
  const own = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  const others = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return `${own.rows[0]?.n ?? 0}.${others.rows[0]?.data_version ?? 0}`;
}
