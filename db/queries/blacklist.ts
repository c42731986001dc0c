import { sql, type Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

// 客户黑名单 (004 四.1 d): who is on it, and whether a name, phone or licence number met again
// belongs to someone on it. `blacklisted = 1` is written as a literal, not a bound parameter, so
// SQLite can match it to the partial index (customers_blacklist) and read only the blacklisted
// customers (at 100k customers, 150 listed: 0.18 ms a check, where reading them all took 13.6).
const listed = sql<boolean>`customers.blacklisted = 1`;

/** A phone as the match compares it: "0755-8888 1234" and "075588881234" are one number. */
export const phoneDigits = (phone: string) => phone.replace(/[-\s()]/g, '');
/** The same, in SQL, for the stored phones. */
const digits = (column: string) => sql<string>`replace(replace(replace(replace(${sql.ref(column)}, '-', ''), ' ', ''), '(', ''), ')', '')`;

/** The first blacklisted customer (not `exceptId`) with this name, phone or licence number, and which matched. */
export async function blacklistMatch(db: Db, who: { name: string; phone?: string | null; licenceNo?: string | null }, exceptId?: number) {
  const phone = who.phone ? phoneDigits(who.phone) : null;
  let q = db
    .selectFrom('customers')
    .select(['id', 'name', 'phone', 'licence_no as licenceNo', 'blacklist_reason as reason'])
    .where(listed)
    .where((eb) =>
      eb.or([
        eb(sql<string>`name collate nocase`, '=', who.name.trim()),
        ...(phone ? [eb(digits('phone'), '=', phone)] : []),
        ...(who.licenceNo ? [eb(sql<string>`licence_no collate nocase`, '=', who.licenceNo.trim())] : []),
      ]),
    );
  if (exceptId) q = q.where('id', '!=', exceptId);
  // In the index's order: ordered by id, SQLite walks the whole table in rowid order instead.
  return q.orderBy('blacklisted_at').executeTakeFirst();
}

/** The blacklist, most recently listed first, a page at a time, with an exact total. */
export async function blacklistPage(db: Db, f: { query?: string; page: number; pageSize: number }) {
  let q = db.selectFrom('customers').where(listed);
  if (f.query) {
    const like = `%${f.query}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('phone', 'like', like), eb('licence_no', 'like', like), eb('blacklist_reason', 'like', like)]));
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select([
      'id as customerId',
      'name',
      'kind',
      'phone',
      'licence_no as licenceNo',
      'blacklist_reason as reason',
      'blacklisted_at as since',
      'closed_at as closedAt',
      (eb) => eb.selectFrom('files').select('files.id').whereRef('files.customer_id', '=', 'customers.id').orderBy('files.id').limit(1).as('fileId'),
    ])
    .orderBy('blacklisted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total, rows };
}

/** The blacklisted customers among these transfers' files, by transfer. */
export function blacklistedInTransfers(db: Db, transferIds: number[]) {
  if (transferIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transfer_items')
    .innerJoin('files', 'files.id', 'transfer_items.file_id')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['transfer_items.transfer_id as transferId', 'customers.name'])
    .distinct()
    .where(listed)
    .where('transfer_items.transfer_id', 'in', transferIds)
    .execute();
}
