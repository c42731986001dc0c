import { sql, type Kysely } from 'kysely';
import type { ArchiveDatabase } from '../schema';
import type { CustomerKind } from '../../shared/domain';

type Db = Kysely<ArchiveDatabase>;

// The home screen's (工作台) counts and lists that belong to no other feature.

/**
 * Active files of current customers of the given kinds, each with the dates of its visit documents
 * (local dates) and the moments of its visit records (UTC) with the visitor the record names,
 * gathered per file from the (category, file_id, doc_date) and (kind, file_id, occurred_at)
 * indexes in the one statement; names and 档号 are read afterwards for the rows shown (fileNames).
 */
export async function filesOwingVisits(db: Db, kinds: CustomerKind[]) {
  if (kinds.length === 0) return [];
  const rows = await db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .where('customers.kind', 'in', kinds)
    .where('customers.closed_at', 'is', null)
    .where('files.status', '=', 'active')
    .select((eb) => [
      'files.id as fileId',
      'customers.kind',
      'customers.classification',
      'customers.value_grade as valueGrade',
      'files.created_at as createdAt',
      eb
        .selectFrom('documents')
        .whereRef('documents.file_id', '=', 'files.id')
        .where('documents.category', '=', 'visit')
        .select(sql<string>`group_concat(documents.doc_date)`.as('d'))
        .as('visits'),
      // A visit entered as a desk record (客户拜访记录卡) counts as one, with who made it.
      eb
        .selectFrom('desk_records')
        .whereRef('desk_records.file_id', '=', 'files.id')
        .where('desk_records.kind', '=', 'visit')
        .select(sql<string>`group_concat(desk_records.occurred_at || '|' || coalesce(json_extract(desk_records.fields, '$.visitorRole'), ''))`.as('r'))
        .as('visitRecords'),
    ])
    .execute();
  const list = (joined: string | null) => (joined ? joined.split(',') : []);
  return rows.map((r) => ({
    fileId: r.fileId,
    kind: r.kind,
    classification: r.classification,
    valueGrade: r.valueGrade,
    createdAt: r.createdAt,
    visits: list(r.visits),
    visitRecords: list(r.visitRecords).map((v) => {
      const [at, visitor] = v.split('|');
      return { at: at!, visitor: visitor || null };
    }),
  }));
}

/** 档号, customer name and kind, and place of the given files. */
export function fileNames(db: Db, fileIds: number[]) {
  if (fileIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .where('files.id', 'in', fileIds)
    .select(['files.id as fileId', 'files.ref_no as refNo', 'customers.name', 'customers.kind', 'customers.building', 'customers.floor', 'files.unit'])
    .execute();
}

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
