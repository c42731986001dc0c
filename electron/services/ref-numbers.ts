import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import type { RetentionPeriod } from '../../shared/domain';

/** DA/T 22-2015 codes for the retention period (保管期限). */
export const retentionCodes: Record<RetentionPeriod, string> = { permanent: 'Y', '30': 'D30', '10': 'D10' };

export interface RefTokens {
  fonds: string;
  category: string;
  year: number;
  retention: RetentionPeriod;
  org: string;
  seq: number;
  building?: string | null;
  floor?: string | null;
}

/**
 * Fills a 档号 pattern such as `{fonds}-{category}·{year}-{retention}-{org}-{seq:5}`.
 * An empty building or floor token leaves no doubled separator behind.
 */
export function formatRefNo(pattern: string, t: RefTokens): string {
  const filled = pattern
    .replace(/\{seq(?::(\d))?\}/g, (_m, width: string | undefined) => String(t.seq).padStart(Number(width ?? 1), '0'))
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value: Record<string, string> = {
        fonds: t.fonds,
        category: t.category,
        year: String(t.year),
        retention: retentionCodes[t.retention],
        org: t.org,
        building: (t.building ?? '').replace(/[\s-]/g, ''),
        floor: (t.floor ?? '').replace(/[\s-]/g, ''),
      };
      return value[name] ?? whole;
    });
  return filled.replace(/([-·])[-·]+/g, '$1').replace(/^[-·]+|[-·]+$/g, '');
}

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
