import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DocumentHit, FileListRow } from '../../shared/api';
import type { ContactKind } from '../../shared/domain';
import type { z } from 'zod';
import type { listCustomersInput } from '../../shared/schemas';
import type { ArchiveDatabase } from '../schema';
import { idList } from './id-list';

type Db = Kysely<ArchiveDatabase>;

// The customer list (a row per file with its customer), its export, the review list and the
// search box's statements. `match` is the search index's "row ids matching the query"
// (electron/services/search.ts builds it from what the clerk typed).

type ListCustomersInput = z.output<typeof listCustomersInput>;
export type FileFilters = Omit<ListCustomersInput, 'page' | 'pageSize' | 'sortBy' | 'sortOrder' | 'query'>;
export type FileSort = Pick<ListCustomersInput, 'sortBy' | 'sortOrder'>;

/**
 * Each sort is a total order whose leading columns an index serves, so a page of 50 is read in
 * index order instead of sorting every file (name: pinyin order, as Chinese lists are kept).
 */
const sortOrders = {
  // (customer, unit) is unique, so these are total orders; files.id would force a full sort (77 ms vs 1.3 ms at 100k).
  name: ['customers.name_pinyin', 'customers.id', 'files.unit'],
  refNo: ['files.ref_no'],
  unit: ['files.unit', 'files.id'],
  createdAt: ['files.created_at', 'files.id'],
  kind: ['customers.kind', 'customers.name_pinyin', 'customers.id', 'files.unit'],
} as const;

function fileListQuery(db: Db, filters: FileFilters, match: RawBuilder<{ id: number }> | null) {
  let q = db.selectFrom('files').innerJoin('customers', 'customers.id', 'files.customer_id');
  if (filters.kind) q = q.where('customers.kind', '=', filters.kind);
  if (filters.classification) q = q.where('customers.classification', '=', filters.classification);
  if (filters.valueGrade) q = q.where('customers.value_grade', '=', filters.valueGrade);
  if (filters.status) q = q.where('files.status', '=', filters.status);
  if (filters.building) q = q.where('customers.building', '=', filters.building);
  if (filters.floor) q = q.where('customers.floor', '=', filters.floor);
  if (filters.blacklisted !== undefined) q = q.where('customers.blacklisted', '=', filters.blacklisted ? 1 : 0);
  if (filters.ownerId) q = q.where('customers.owner_id', '=', filters.ownerId);
  if (filters.closed !== undefined) q = q.where('customers.closed_at', filters.closed ? 'is not' : 'is', null);
  if (match) q = q.where(sql<boolean>`customers.id in (select m.id / 2 from (${match}) m where m.id % 2 = 0)`);
  return q;
}

const listColumns = [
  'files.id as fileId',
  'files.ref_no as refNo',
  'files.unit as unit',
  'files.status as status',
  'files.label_name as labelName',
  'customers.id as customerId',
  'customers.name as name',
  'customers.short_name as shortName',
  'customers.kind as kind',
  'customers.building as building',
  'customers.floor as floor',
  'customers.phone as phone',
  'customers.classification as classification',
  'customers.value_grade as valueGrade',
  'customers.blacklisted as blacklisted',
  'customers.closed_at as closedAt',
] as const;

export type ListDbRow = Omit<FileListRow, 'labelOutOfDate' | 'blacklisted'> & { labelName: string; blacklisted: number };

/** Whether the count needs the customers: without a filter on them, counting the files alone avoids a join over every row. */
function filtersCustomers(f: FileFilters, match: RawBuilder<{ id: number }> | null): boolean {
  return !!(match || f.kind || f.classification || f.valueGrade || f.building || f.floor || f.ownerId || f.closed !== undefined || f.blacklisted !== undefined);
}

/** How many files the filters pick. */
export async function countFiles(db: Db, filters: FileFilters, match: RawBuilder<{ id: number }> | null): Promise<number> {
  const counted = filtersCustomers(filters, match)
    ? fileListQuery(db, filters, match).select((eb) => eb.fn.countAll<number>().as('total'))
    : db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .$if(!!filters.status, (q) => q.where('status', '=', filters.status!));
  const [{ total }] = (await counted.execute()) as [{ total: number }];
  return Number(total);
}

/** The files the filters pick, in the chosen order: one page of them, or (`page` null) every one. */
export async function fileRows(db: Db, filters: FileFilters, match: RawBuilder<{ id: number }> | null, sort: FileSort, page: { size: number; number: number } | null): Promise<ListDbRow[]> {
  let query = fileListQuery(db, filters, match).select([...listColumns]);
  for (const column of sortOrders[sort.sortBy]) query = query.orderBy(column, sort.sortOrder);
  if (page) query = query.limit(page.size).offset((page.number - 1) * page.size);
  return (await query.execute()) as ListDbRow[];
}

/**
 * Every filtered file with all of its customer's fields and first contact and emergency contact:
 * the export a clerk edits and imports back (matched by 档号). No row limit.
 */
export function fileRowsForExport(db: Db, filters: FileFilters, match: RawBuilder<{ id: number }> | null, sort: FileSort) {
  const first = (kind: ContactKind, column: 'name' | 'title' | 'phone') =>
    sql<string | null>`(select c.${sql.raw(column)} from customer_contacts c where c.customer_id = customers.id and c.kind = ${kind} order by c.seq limit 1)`;
  let query = fileListQuery(db, filters, match).select([
    'files.ref_no as refNo',
    'files.unit as unit',
    'files.status as status',
    'customers.kind',
    'customers.name',
    'customers.id as customerId',
    'customers.blacklisted',
    'customers.short_name as shortName',
    'customers.company_nature as companyNature',
    'customers.legal_representative as legalRepresentative',
    'customers.address',
    'customers.phone',
    'customers.fax',
    'customers.business_scope as businessScope',
    'customers.staff_count as staffCount',
    'customers.relationship_start as relationshipStart',
    'customers.payment_terms as paymentTerms',
    'customers.credit_grade as creditGrade',
    'customers.industry',
    'customers.region',
    'customers.website',
    'customers.licence_no as licenceNo',
    'customers.licence_expiry as licenceExpiry',
    sql<number | null>`customers.deposit_fen / 100.0`.as('deposit'),
    'customers.notes',
    'customers.building',
    'customers.floor',
    'customers.move_in_date as moveInDate',
    'customers.move_out_date as moveOutDate',
    'customers.classification',
    'customers.value_grade as valueGrade',
    first('contact', 'name').as('contactName'),
    first('contact', 'title').as('contactTitle'),
    first('contact', 'phone').as('contactPhone'),
    first('emergency', 'name').as('emergencyName'),
    first('emergency', 'phone').as('emergencyPhone'),
  ]);
  for (const column of sortOrders[sort.sortBy]) query = query.orderBy(column, sort.sortOrder);
  return query.execute();
}

/**
 * Active files of customers not reviewed for N months (never reviewed first, then oldest). Read
 * from the review-date index outwards (CROSS JOIN keeps that order; SQLite's planner would walk
 * every active file instead: 210 ms against 19 ms cold at 100k files). A never-reviewed customer
 * (no date) is its own index range, since NULL is not "< cutoff".
 */
function dueForReviewQuery(db: Db, cutoff: string, never: boolean) {
  return db
    .selectFrom('customers')
    .crossJoin('files')
    .whereRef('files.customer_id', '=', 'customers.id')
    .where('files.status', '=', 'active')
    .where('customers.last_reviewed_at', never ? 'is' : '<', never ? null : cutoff);
}

/** Up to `limit` files due for review (reviewed before the cutoff, or never: `never`), oldest review first. */
export async function dueForReview(db: Db, cutoff: string, never: boolean, limit: number): Promise<ListDbRow[]> {
  return (await dueForReviewQuery(db, cutoff, never)
    .select([...listColumns])
    .orderBy('customers.last_reviewed_at')
    .orderBy('files.ref_no')
    .limit(limit)
    .execute()) as ListDbRow[];
}

export async function countDueForReview(db: Db, cutoff: string, never: boolean): Promise<number> {
  const row = await dueForReviewQuery(db, cutoff, never)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------- the search box

const listColumnsSql = sql.raw(listColumns.join(', '));

/**
 * The files a search lists, best first (the exact name, then pinyin order), each with the old
 * 档号 that matched. Written as SQL, not built: a search is a few tenths of a millisecond of
 * SQLite, and building and compiling this statement with the query builder took ~50 µs more each
 * time (the desk's hottest path; the bench compares it with the bare SQL).
 */
async function searchFiles(db: Db, q: string, which: RawBuilder<unknown>, limit: number) {
  const { rows } = await sql<ListDbRow & { matchedAlias: string | null }>`
    select ${listColumnsSql},
      (select a.ref_no from file_ref_aliases a where a.file_id = files.id and instr(a.ref_no, ${q}) > 0 limit 1) as matchedAlias
    from files join customers on customers.id = files.customer_id
    where ${which}
    order by case when customers.name = ${q} then 0 else 1 end, customers.name_pinyin, files.unit
    limit ${limit}`.execute(db);
  return rows;
}

/** The files whose 档号, or an old one, is exactly this. */
export const filesByExactRefNo = (db: Db, q: string, limit: number) =>
  searchFiles(db, q, sql`files.id in (select id from files where ref_no = ${q} union select file_id from file_ref_aliases where ref_no = ${q})`, limit);

/** The files of these customers, as a search lists them. */
export const filesOfCustomers = (db: Db, q: string, customerIds: number[], limit: number) => searchFiles(db, q, sql`customers.id in ${idList(customerIds)}`, limit);

/** Search index row ids: up to `candidates` from the index, and a customer of exactly this name even beyond them. */
export async function searchCandidates(db: Db, q: string, match: RawBuilder<{ id: number }>, candidates: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select id from (select id from (${match}) limit ${candidates}) union select id * 2 from customers where name = ${q}`.execute(db);
  return rows.map((r) => r.id);
}

/** These documents as a search lists them, newest first; a confidential title is left out unless `includeConfidential`. */
export async function documentHits(db: Db, documentIds: number[], includeConfidential: boolean, limit: number): Promise<DocumentHit[]> {
  const { rows } = await sql<DocumentHit>`
    select documents.id as documentId, documents.file_id as fileId, files.ref_no as refNo, customers.name as customerName,
      documents.title as title, documents.doc_date as docDate, documents.category as category
    from documents join files on files.id = documents.file_id join customers on customers.id = files.customer_id
    where documents.id in ${idList(documentIds)}
    ${includeConfidential ? sql`` : sql`and documents.confidentiality != 'confidential' and files.confidentiality != 'confidential'`}
    order by documents.doc_date desc
    limit ${limit}`.execute(db);
  return rows;
}
