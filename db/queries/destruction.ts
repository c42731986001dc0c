import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

/**
 * Files that may be due for appraisal (not destroyed, not permanent), each with the figures the
 * register needs: its last document's date, its pages and scans. Whether its period has ended is
 * the service's rule (retention).
 */
export function appraisalCandidates(db: Db, fileIds?: number[]) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select([
      'files.id as fileId',
      'files.ref_no as refNo',
      'files.unit',
      'files.year',
      'files.retention',
      'files.created_at as createdAt',
      'files.legal_hold as legalHold',
      'customers.name',
      'customers.kind',
      'customers.move_out_date as moveOutDate',
      (eb) =>
        eb
          .selectFrom('documents')
          .select((e) => e.fn.max('doc_date').as('d'))
          .whereRef('documents.file_id', '=', 'files.id')
          .as('lastDocument'),
      (eb) =>
        eb
          .selectFrom('documents')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('pages'), sql<number>`0`).as('p'))
          .whereRef('documents.file_id', '=', 'files.id')
          .as('pages'),
      (eb) =>
        eb
          .selectFrom('scans')
          .innerJoin('documents', 'documents.id', 'scans.document_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('documents.file_id', '=', 'files.id')
          .as('scans'),
    ])
    .where('files.status', '!=', 'destroyed')
    .where('files.retention', '!=', 'permanent')
    .$if(!!fileIds, (q) => q.where('files.id', 'in', fileIds!))
    .execute();
}

/** A destruction register with who drew it up. */
export function registerById(db: Db, id: number) {
  return db
    .selectFrom('destruction_registers')
    .leftJoin('accounts', 'accounts.id', 'destruction_registers.created_by')
    .selectAll('destruction_registers')
    .select('accounts.display_name as createdByName')
    .where('destruction_registers.id', '=', id)
    .executeTakeFirst();
}

/** A register's files in their order on it. */
export function registerItems(db: Db, id: number) {
  return db.selectFrom('destruction_items').selectAll().where('register_id', '=', id).orderBy('seq').execute();
}

/** The decision on a register's approval, with who made it. */
export function registerApproval(db: Db, approvalId: number) {
  return db
    .selectFrom('approvals')
    .leftJoin('accounts', 'accounts.id', 'approvals.decided_by')
    .select(['approvals.status', 'approvals.decided_at', 'accounts.display_name'])
    .where('approvals.id', '=', approvalId)
    .executeTakeFirst();
}

/** Every register, newest first. */
export function registerIds(db: Db) {
  return db.selectFrom('destruction_registers').select('id').orderBy('id', 'desc').execute();
}

/** A new register with its files in the order given; its id. */
export async function insertRegister(
  db: Db,
  row: { created_at: string; created_by: number; reason: string; method: string },
  items: Omit<Insertable<ArchiveDatabase['destruction_items']>, 'register_id'>[],
): Promise<number> {
  const { id } = await db.insertInto('destruction_registers').values(row).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('destruction_items')
    .values(items.map((item) => ({ ...item, register_id: id })))
    .execute();
  return id;
}

export async function updateRegister(db: Db, registerId: number, changes: Updateable<ArchiveDatabase['destruction_registers']>): Promise<void> {
  await db.updateTable('destruction_registers').set(changes).where('id', '=', registerId).execute();
}

/** The 档号 of the first of these files on legal hold, if one is. */
export async function firstOnHold(db: Db, fileIds: number[]): Promise<string | undefined> {
  return (await db.selectFrom('files').select('ref_no').where('id', 'in', fileIds).where('legal_hold', '=', 1).executeTakeFirst())?.ref_no;
}

/** The files' scans are erased and the files marked destroyed under the register; their catalogue stays. */
export async function destroyFiles(db: Db, fileIds: number[], registerId: number, at: string): Promise<void> {
  await db
    .deleteFrom('scans')
    .where('document_id', 'in', (eb) => eb.selectFrom('documents').select('id').where('file_id', 'in', fileIds))
    .execute();
  await db.updateTable('files').set({ status: 'destroyed', destroyed_at: at, destruction_register_id: registerId, updated_at: at }).where('id', 'in', fileIds).execute();
}
