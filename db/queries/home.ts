import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

// The home screen's (工作台) counts and lists that belong to no other feature.

/**
 * Active files of sales and potential customers, each with the dates of its visit documents (local
 * dates) and the moments of its visit records (UTC): three reads merged here (every visit of any
 * file, from one range of an index each), rather than two lookups for each of tens of thousands of files.
 */
export async function filesOwingVisits(db: Db) {
  const files = await activeVisitedFiles(db).select(['files.id as fileId', 'files.ref_no as refNo', 'customers.name', 'customers.kind', 'files.created_at as createdAt']).execute();
  const documents = await db.selectFrom('documents').where('category', '=', 'visit').select(['file_id as fileId', 'doc_date as at']).execute();
  // A visit entered as a desk record (客户拜访记录卡) counts as one.
  const records = await db.selectFrom('desk_records').where('kind', '=', 'visit').select(['file_id as fileId', 'occurred_at as at']).execute();
  const byFile = new Map(files.map((f) => [f.fileId, { ...f, visits: [] as string[], visitRecords: [] as string[] }]));
  for (const d of documents) if (d.at) byFile.get(d.fileId)?.visits.push(d.at);
  for (const r of records) if (r.fileId !== null) byFile.get(r.fileId)?.visitRecords.push(r.at);
  return [...byFile.values()];
}

const activeVisitedFiles = (db: Db) =>
  db.selectFrom('files').innerJoin('customers', 'customers.id', 'files.customer_id').where('customers.kind', 'in', ['sales', 'potential']).where('files.status', '=', 'active');

/** Approvals waiting for a decision (all of them, or those one account asked for). */
export async function pendingApprovals(db: Db, requestedBy?: number): Promise<number> {
  let q = db
    .selectFrom('approvals')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending');
  if (requestedBy !== undefined) q = q.where('requested_by', '=', requestedBy);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** Files whose printed label no longer carries the customer's name. */
const labelsOutOfDate = (db: Db) =>
  db.selectFrom('files').innerJoin('customers', 'customers.id', 'files.customer_id').whereRef('files.label_name', '!=', 'customers.name').where('files.status', '!=', 'destroyed');

/** The first of them in 档号 order. */
export function firstLabelsOutOfDate(db: Db, limit: number) {
  return labelsOutOfDate(db).select(['files.id as fileId', 'files.ref_no as refNo', 'customers.name', 'files.label_name as labelName']).orderBy('files.ref_no').limit(limit).execute();
}

export async function countLabelsOutOfDate(db: Db): Promise<number> {
  return Number(
    (
      await labelsOutOfDate(db)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}
