import type { Kysely } from 'kysely';
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
