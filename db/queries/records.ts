import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import type { ArchiveDatabase, DeskRecordRevisionsTable, DeskRecordsTable, DeskRecordEventsTable, DeskRecordScansTable } from '../schema';

type Db = Kysely<ArchiveDatabase>;

export function insertRecordRow(db: Db, row: Insertable<DeskRecordsTable>) {
  return db.insertInto('desk_records').values(row).returningAll().executeTakeFirstOrThrow();
}

export function recordById(db: Db, id: number) {
  return db.selectFrom('desk_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateRecordRow(db: Db, id: number, patch: Updateable<DeskRecordsTable>) {
  return db.updateTable('desk_records').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertRecordRevision(db: Db, row: Insertable<DeskRecordRevisionsTable>): Promise<void> {
  await db.insertInto('desk_record_revisions').values(row).execute();
}

/** A record's earlier versions, newest first, with who changed it. */
export function recordRevisionsOf(db: Db, recordId: number) {
  return db
    .selectFrom('desk_record_revisions')
    .leftJoin('accounts', 'accounts.id', 'desk_record_revisions.account_id')
    .select([
      'desk_record_revisions.version',
      'desk_record_revisions.at',
      'desk_record_revisions.reason',
      'desk_record_revisions.before',
      'desk_record_revisions.sealed_before',
      'desk_record_revisions.sealed_key',
      'accounts.display_name',
    ])
    .where('desk_record_revisions.record_id', '=', recordId)
    .orderBy('desk_record_revisions.version', 'desc')
    .execute();
}

export async function insertRecordEvent(db: Db, row: Insertable<DeskRecordEventsTable>): Promise<void> {
  await db.insertInto('desk_record_events').values(row).execute();
}

/** A record's life cycle as it happened, oldest first. */
export function recordEventsOf(db: Db, recordId: number) {
  return db
    .selectFrom('desk_record_events')
    .leftJoin('accounts', 'accounts.id', 'desk_record_events.account_id')
    .select(['desk_record_events.at', 'desk_record_events.move', 'desk_record_events.from_status', 'desk_record_events.to_status', 'desk_record_events.note', 'accounts.display_name'])
    .where('desk_record_events.record_id', '=', recordId)
    .orderBy('desk_record_events.id')
    .execute();
}

export async function insertRecordScan(db: Db, row: Insertable<DeskRecordScansTable>): Promise<number> {
  const r = await db.insertInto('desk_record_scans').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function recordScanById(db: Db, id: number) {
  return db.selectFrom('desk_record_scans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A record's scans as a list shows them (never their bytes). */
export function recordScansOf(db: Db, recordId: number) {
  return db.selectFrom('desk_record_scans').select(['id', 'file_name', 'mime', 'size', 'sha256', 'created_at']).where('record_id', '=', recordId).orderBy('id').execute();
}

export function sealedRecordScansOf(db: Db, recordId: number) {
  return db.selectFrom('desk_record_scans').selectAll().where('record_id', '=', recordId).execute();
}

export async function storeRecordScanBytes(db: Db, id: number, bytes: { data: Buffer; sealed_key: Buffer | null }): Promise<void> {
  await db.updateTable('desk_record_scans').set(bytes).where('id', '=', id).execute();
}

export function recordRevisionRows(db: Db, recordId: number) {
  return db.selectFrom('desk_record_revisions').select(['id', 'version', 'before', 'sealed_before', 'sealed_key']).where('record_id', '=', recordId).execute();
}

export async function storeRevisionBefore(db: Db, id: number, before: { before: string; sealed_before: Buffer | null; sealed_key: Buffer | null }): Promise<void> {
  await db.updateTable('desk_record_revisions').set(before).where('id', '=', id).execute();
}

/** What a register is filtered by; dates are the UTC instants of the local days' bounds. */
export interface RecordFilter {
  id?: number;
  kind?: string;
  statuses?: string[];
  fileId?: number;
  /** occurred_at ≥ from and < to. */
  from?: string;
  to?: string;
  building?: string;
  floor?: string;
  /** Still open: not in a closed status. */
  open?: boolean;
  /** Open and due before this local date. */
  overdueBefore?: string;
  /** The search index's rows for a customer query (customer row ids are even). */
  customerMatch?: RawBuilder<{ id: number }>;
  /** The record's own number, as typed. */
  recordNo?: string;
}

function filtered(db: Db, f: RecordFilter) {
  let q = db.selectFrom('desk_records');
  if (f.id !== undefined) q = q.where('desk_records.id', '=', f.id);
  if (f.kind) q = q.where('desk_records.kind', '=', f.kind);
  if (f.statuses?.length) q = q.where('desk_records.status', 'in', f.statuses);
  if (f.fileId !== undefined) q = q.where('desk_records.file_id', '=', f.fileId);
  if (f.from) q = q.where('desk_records.occurred_at', '>=', f.from);
  if (f.to) q = q.where('desk_records.occurred_at', '<', f.to);
  if (f.building) q = q.where('desk_records.building', '=', f.building);
  if (f.floor) q = q.where('desk_records.floor', '=', f.floor);
  if (f.open || f.overdueBefore) q = q.where('desk_records.closed_at', 'is', null);
  if (f.overdueBefore) q = q.where('desk_records.due_date', '<', f.overdueBefore);
  const match = f.customerMatch;
  const recordNo = f.recordNo;
  if (match || recordNo) {
    q = q.where((eb) =>
      eb.or([
        ...(recordNo ? [eb('desk_records.record_no', '=', recordNo)] : []),
        ...(match ? [eb('desk_records.file_id', 'in', sql<number>`(select files.id from files where files.customer_id in (select m.id / 2 from (${match}) m where m.id % 2 = 0))`)] : []),
      ]),
    );
  }
  return q;
}

export async function countRecords(db: Db, f: RecordFilter): Promise<number> {
  const r = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of a register (null: every row, for an export or a print job), newest first. */
export function recordRows(db: Db, f: RecordFilter, page: { size: number; number: number } | null, order: 'newest' | 'due' = 'newest') {
  let q = filtered(db, f)
    .leftJoin('files', 'files.id', 'desk_records.file_id')
    .leftJoin('customers', 'customers.id', 'files.customer_id')
    .leftJoin('accounts', 'accounts.id', 'desk_records.created_by')
    .selectAll('desk_records')
    .select(['files.ref_no as ref_no', 'customers.name as customer_name', 'files.confidentiality as file_confidentiality', 'accounts.display_name as created_by_name']);
  q = order === 'due' ? q.orderBy('desk_records.due_date').orderBy('desk_records.id') : q.orderBy('desk_records.occurred_at', 'desc').orderBy('desk_records.id', 'desc');
  if (page) q = q.limit(page.size).offset((page.number - 1) * page.size);
  return q.execute();
}

export type RecordListDbRow = Awaited<ReturnType<typeof recordRows>>[number];

/** How many records of each kind are open, and how many of those are past their date. */
export function openRecordCounts(db: Db, today: string, soon: string) {
  return db
    .selectFrom('desk_records')
    .select([
      'kind',
      (eb) => eb.fn.countAll<number>().as('open'),
      sql<number>`sum(case when due_date < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when due_date <= ${soon} then 1 else 0 end)`.as('dueSoon'),
    ])
    .where('closed_at', 'is', null)
    .groupBy('kind')
    .execute();
}

/** Every sealed key of the records, their revisions and their scans (a new key pair takes them over). */
export function sealedRecordKeys(db: Db) {
  return Promise.all([
    db.selectFrom('desk_records').select(['id', 'record_no', 'version', 'sealed_key']).where('sealed_key', 'is not', null).execute(),
    db
      .selectFrom('desk_record_revisions')
      .innerJoin('desk_records', 'desk_records.id', 'desk_record_revisions.record_id')
      .select(['desk_record_revisions.id', 'desk_records.record_no', 'desk_record_revisions.version', 'desk_record_revisions.sealed_key'])
      .where('desk_record_revisions.sealed_key', 'is not', null)
      .execute(),
    db.selectFrom('desk_record_scans').select(['id', 'sha256', 'sealed_key']).where('sealed_key', 'is not', null).execute(),
  ]);
}

export async function storeRecordKey(db: Db, table: 'desk_records' | 'desk_record_revisions' | 'desk_record_scans', id: number, sealedKey: Buffer): Promise<void> {
  await db.updateTable(table).set({ sealed_key: sealedKey }).where('id', '=', id).execute();
}

/** The active files of a building (and floor) that a printed form goes to, by unit: one form each. */
export function filesOfPlace(db: Db, building: string, floor?: string) {
  let q = db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['files.id', 'files.unit', 'customers.name'])
    .where('files.status', '=', 'active')
    .where('customers.building', '=', building);
  if (floor) q = q.where('customers.floor', '=', floor);
  return q.orderBy('files.unit').orderBy('files.id').execute();
}

/** A record of this kind the account already made for the moment's day (from and to: the local day's UTC bounds). */
export function recordOfAccountOn(db: Db, kind: string, accountId: number, from: string, to: string) {
  return db
    .selectFrom('desk_records')
    .select(['id', 'record_no'])
    .where('kind', '=', kind)
    .where('created_by', '=', accountId)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .executeTakeFirst();
}

/** The file's records of this kind still open (the ones a newer survey replaces). */
export function openRecordsOfFile(db: Db, kind: string, fileId: number) {
  return db.selectFrom('desk_records').select(['id', 'status', 'record_no']).where('kind', '=', kind).where('file_id', '=', fileId).where('closed_at', 'is', null).execute();
}
