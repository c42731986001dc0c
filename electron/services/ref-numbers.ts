import type { Kysely } from 'kysely';
import type { ArchiveDatabase, CustomerRow } from '../../db/schema';
import type { ArchiveSettings } from '../../shared/schemas';
import { formatRefNo } from '../../shared/ref-numbers';

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

/** Issues the next 档号 for a customer's file under the settings' pattern and retention table. */
export async function issueRefNo(
  trx: Kysely<ArchiveDatabase>,
  settings: ArchiveSettings,
  customer: Pick<CustomerRow, 'kind' | 'building' | 'floor'>,
  year: number,
): Promise<{ refNo: string; seq: number; category: string; retention: ArchiveSettings['retention'][keyof ArchiveSettings['retention']]['period'] }> {
  const rule = settings.retention[customer.kind];
  const seq = await nextSeq(trx, year, rule.categoryCode);
  const refNo = formatRefNo(settings.refPattern, {
    fonds: settings.fondsCode,
    category: rule.categoryCode,
    year,
    retention: rule.period,
    org: settings.orgCode,
    seq,
    building: customer.building,
    floor: customer.floor,
  });
  return { refNo, seq, category: rule.categoryCode, retention: rule.period };
}
