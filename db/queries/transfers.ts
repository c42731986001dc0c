import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

/** Every transfer (or the one asked for), newest first, with who asked, who approved and who handed over. */
export function transferRows(db: Db, id?: number) {
  let q = db
    .selectFrom('transfers')
    .leftJoin('accounts as requester', 'requester.id', 'transfers.requested_by')
    .leftJoin('accounts as doer', 'doer.id', 'transfers.done_by')
    .leftJoin('approvals', 'approvals.id', 'transfers.approval_id')
    .leftJoin('accounts as approver', 'approver.id', 'approvals.decided_by')
    .select([
      'transfers.id',
      'transfers.transfer_no as transferNo',
      'transfers.from_department as fromDepartment',
      'transfers.to_department as toDepartment',
      'transfers.from_handler as fromHandler',
      'transfers.to_handler as toHandler',
      'transfers.reason',
      'transfers.status',
      'transfers.approval_id as approvalId',
      'transfers.requested_at as requestedAt',
      'requester.display_name as requestedBy',
      'transfers.done_at as doneAt',
      'doer.display_name as doneBy',
      // Who approved the hand-over signs the receipt too (a rejected request has no approver).
      sql<string | null>`case when approvals.status in ('approved', 'used') then approver.display_name end`.as('approvedBy'),
      sql<string | null>`case when approvals.status in ('approved', 'used') then approvals.decided_at end`.as('approvedAt'),
    ]);
  if (id) q = q.where('transfers.id', '=', id);
  return q.orderBy('transfers.id', 'desc').execute();
}

/** The files of these transfers, with the box each left (or is in, until it leaves). */
export function transferFiles(db: Db, transferIds: number[]) {
  return db
    .selectFrom('transfer_items')
    .innerJoin('files', 'files.id', 'transfer_items.file_id')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select([
      'transfer_items.transfer_id as transferId',
      'files.id as fileId',
      'files.ref_no as refNo',
      'customers.name',
      'customers.blacklisted',
      'files.unit',
      'files.home_box_id as homeBoxId',
      'transfer_items.from_box_id as fromBoxId',
    ])
    .where('transfer_items.transfer_id', 'in', transferIds)
    .orderBy('files.ref_no')
    .execute();
}

/** The files asked for, with what decides whether they may move. */
export function filesToTransfer(db: Db, fileIds: number[]) {
  return db.selectFrom('files').select(['id', 'ref_no', 'status', 'transferred_at']).where('id', 'in', fileIds).execute();
}

/** A new transfer with its files; its id. */
export async function insertTransfer(db: Db, transfer: Insertable<ArchiveDatabase['transfers']>, fileIds: number[]): Promise<number> {
  const { id } = await db.insertInto('transfers').values(transfer).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('transfer_items')
    .values(fileIds.map((file_id) => ({ transfer_id: id, file_id, from_box_id: null })))
    .execute();
  return id;
}

export async function updateTransfer(db: Db, transferId: number, changes: Updateable<ArchiveDatabase['transfers']>): Promise<void> {
  await db.updateTable('transfers').set(changes).where('id', '=', transferId).execute();
}

export function transferById(db: Db, transferId: number) {
  return db.selectFrom('transfers').selectAll().where('id', '=', transferId).executeTakeFirst();
}

/** The transfer's files with the box each sits in now. */
export function filesOnTransfer(db: Db, transferId: number) {
  return db
    .selectFrom('transfer_items')
    .innerJoin('files', 'files.id', 'transfer_items.file_id')
    .select(['files.id', 'files.ref_no', 'files.home_box_id', 'files.transferred_at'])
    .where('transfer_items.transfer_id', '=', transferId)
    .execute();
}

/**
 * The file leaves the archive with the transfer: the box it left is kept on the transfer's row, and
 * a loan it is out on ends as handed over; the id of that loan, if there was one.
 */
export async function fileTransferred(db: Db, f: { transferId: number; transferNo: string; fileId: number; fromBoxId: number | null; by: number; at: string }): Promise<number | null> {
  await db.updateTable('transfer_items').set({ from_box_id: f.fromBoxId }).where('transfer_id', '=', f.transferId).where('file_id', '=', f.fileId).execute();
  await db.updateTable('files').set({ home_box_id: null, transferred_at: f.at, updated_at: f.at }).where('id', '=', f.fileId).execute();
  const open = await db.selectFrom('loan_items').select(['id', 'loan_id']).where('file_id', '=', f.fileId).where('state', '=', 'out').executeTakeFirst();
  if (!open) return null;
  await db.updateTable('loan_items').set({ state: 'handed_over', returned_at: f.at, returned_by: f.by, condition_note: f.transferNo }).where('id', '=', open.id).execute();
  return open.loan_id;
}
