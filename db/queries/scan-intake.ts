import type { Insertable, Kysely } from 'kysely';
import type { ArchiveDatabase, IntakePageKind } from '../schema';

type Db = Kysely<ArchiveDatabase>;

// Files taken in by the stack, their pages as looked at, and the pages waiting for the clerk
// (migration 0017).

export function intakeBySha(db: Db, sha256: string) {
  return db.selectFrom('intake_files').select(['id', 'state', 'source_name', 'received_at']).where('sha256', '=', sha256).executeTakeFirst();
}

export async function insertIntakeFile(db: Db, row: Insertable<ArchiveDatabase['intake_files']>): Promise<number> {
  const { id } = await db.insertInto('intake_files').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The oldest file still to split (a stack is filed in the order it was scanned). */
export function nextIntakeToSplit(db: Db, skip: number[] = []) {
  let q = db.selectFrom('intake_files').select(['id', 'mime', 'data', 'source_name', 'page_count']).where('state', '=', 'waiting');
  if (skip.length) q = q.where('id', 'not in', skip);
  return q.orderBy('id').limit(1).executeTakeFirst();
}

export async function intakeFilesWaiting(db: Db): Promise<number> {
  const row = await db
    .selectFrom('intake_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function intakeFileById(db: Db, id: number) {
  return db.selectFrom('intake_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function intakePagesOf(db: Db, intakeId: number) {
  return db.selectFrom('intake_pages').select(['page_no', 'kind', 'code', 'text', 'turned']).where('intake_id', '=', intakeId).orderBy('page_no').execute();
}

export async function saveIntakePage(db: Db, row: { intake_id: number; page_no: number; kind: IntakePageKind; code: string | null; text: string | null; turned: number }): Promise<void> {
  await db
    .insertInto('intake_pages')
    .values(row)
    .onConflict((oc) => oc.columns(['intake_id', 'page_no']).doNothing())
    .execute();
}

export async function setIntakePageCount(db: Db, id: number, pageCount: number): Promise<void> {
  await db.updateTable('intake_files').set({ page_count: pageCount }).where('id', '=', id).execute();
}

/** Split: the file's bytes and its pages' notes go; its row stays, so the same file is known again. */
export async function finishIntake(db: Db, id: number, values: { state: 'split' | 'unreadable'; split_at: string; summary: string }): Promise<void> {
  await db.deleteFrom('intake_pages').where('intake_id', '=', id).execute();
  await db
    .updateTable('intake_files')
    .set({ ...values, data: null })
    .where('id', '=', id)
    .execute();
}

/** The files taken in most recently, newest first (the intake screen's "recent" list says how many it shows). */
export function recentIntakeFiles(db: Db, limit: number) {
  return db
    .selectFrom('intake_files')
    .innerJoin('accounts', 'accounts.id', 'intake_files.received_by')
    .select(['intake_files.id', 'source_name', 'origin', 'size', 'page_count', 'state', 'received_at', 'split_at', 'summary', 'accounts.display_name'])
    .orderBy('intake_files.id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertIntakePart(db: Db, row: Insertable<ArchiveDatabase['intake_parts']>): Promise<number> {
  const { id } = await db.insertInto('intake_parts').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Every part waiting for the clerk, oldest first, with what its separator said (no bytes). */
export function waitingParts(db: Db) {
  return db
    .selectFrom('intake_parts')
    .innerJoin('intake_files', 'intake_files.id', 'intake_parts.intake_id')
    .leftJoin('files', 'files.id', 'intake_parts.hint_file_id')
    .leftJoin('customers', 'customers.id', 'files.customer_id')
    .leftJoin('boxes', 'boxes.id', 'intake_parts.hint_box_id')
    .select([
      'intake_parts.id',
      'intake_parts.file_name',
      'intake_parts.page_count',
      'intake_parts.source_pages',
      'intake_parts.texts',
      'intake_parts.reason',
      'intake_parts.hint_file_id',
      'intake_parts.hint_category',
      'intake_parts.hint_title',
      'intake_parts.hint_date',
      'intake_parts.received_at',
      'intake_files.source_name',
      'files.ref_no as hint_ref_no',
      'files.confidentiality as hint_file_level',
      'customers.name as hint_customer',
      'boxes.code as hint_box_code',
    ])
    .orderBy('intake_parts.id')
    .execute();
}

export async function waitingPartCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('intake_parts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function partById(db: Db, id: number) {
  return db.selectFrom('intake_parts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deletePart(db: Db, id: number): Promise<void> {
  await db.deleteFrom('intake_parts').where('id', '=', id).execute();
}
