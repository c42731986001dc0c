import { sql, type Kysely } from 'kysely';
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
      'files.unit',
      'files.home_box_id as homeBoxId',
      'transfer_items.from_box_id as fromBoxId',
    ])
    .where('transfer_items.transfer_id', 'in', transferIds)
    .orderBy('files.ref_no')
    .execute();
}
