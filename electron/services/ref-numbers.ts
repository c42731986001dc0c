import type { Kysely } from 'kysely';
import type { ArchiveDatabase, CustomerRow } from '../../db/schema';
import type { ArchiveSettings } from '../../shared/schemas';
import { formatRefNo } from '../../shared/ref-numbers';
import { nextSeq } from '../../db/queries/meta';

export { formatRefNo, retentionCodes, type RefTokens } from '../../shared/ref-numbers';

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
