import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';

export { formatRefNo, retentionCodes, type RefTokens } from '../../shared/ref-numbers';

/**
 * The next 件号 for a year and category, inside the caller's transaction: gap-free, and a
 * number once issued is never issued again (the counter only moves forward).
 */
export async function nextSeq(trx: Kysely<ArchiveDatabase>, year: number, category: string): Promise<number> {
  const row = await trx
    .insertInto('ref_counters')
    .values({ year, category, last_seq: 1 })
    .onConflict((oc) => oc.columns(['year', 'category']).doUpdateSet((eb) => ({ last_seq: eb('ref_counters.last_seq', '+', 1) })))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}
