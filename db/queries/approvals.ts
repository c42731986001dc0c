import type { Kysely } from 'kysely';
import type { ApprovalStatus } from '../../shared/domain';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

export function approvalById(db: Db, approvalId: number) {
  return db.selectFrom('approvals').selectAll().where('id', '=', approvalId).executeTakeFirst();
}

/** Approvals newest first, with who asked and who decided; every one the filter picks. */
export function approvalRows(db: Db, where: { id?: number; status?: ApprovalStatus; requestedBy?: number }) {
  let q = db
    .selectFrom('approvals')
    .innerJoin('accounts as requester', 'requester.id', 'approvals.requested_by')
    .leftJoin('accounts as approver', 'approver.id', 'approvals.decided_by')
    .select([
      'approvals.id',
      'approvals.kind',
      'approvals.target_type as targetType',
      'approvals.target_id as targetId',
      'approvals.summary',
      'approvals.reason',
      'approvals.required_role as requiredRole',
      'approvals.status',
      'approvals.requested_at as requestedAt',
      'requester.display_name as requestedBy',
      'approvals.decided_at as decidedAt',
      'approver.display_name as decidedBy',
      'approvals.decision_reason as decisionReason',
    ]);
  if (where.id) q = q.where('approvals.id', '=', where.id);
  if (where.status) q = q.where('approvals.status', '=', where.status);
  if (where.requestedBy) q = q.where('approvals.requested_by', '=', where.requestedBy);
  return q.orderBy('approvals.id', 'desc').execute();
}

/**
 * What an approval was asked for follows its decision: a loan or a transfer still requested takes
 * its status (a loan's files waiting to go out are cancelled unless approved), a pending
 * destruction register too (it is never withdrawn: its request is the register).
 */
export async function followDecision(db: Db, approval: { kind: string; target_id: number }, status: 'approved' | 'rejected' | 'withdrawn'): Promise<void> {
  if (approval.kind === 'borrow') {
    await db.updateTable('loans').set({ status }).where('id', '=', approval.target_id).where('status', '=', 'requested').execute();
    if (status !== 'approved') await db.updateTable('loan_items').set({ state: 'cancelled' }).where('loan_id', '=', approval.target_id).where('state', '=', 'pending').execute();
  }
  if (approval.kind === 'transfer') {
    await db.updateTable('transfers').set({ status }).where('id', '=', approval.target_id).where('status', '=', 'requested').execute();
  }
  if (approval.kind === 'destroy' && status !== 'withdrawn') {
    await db.updateTable('destruction_registers').set({ status }).where('id', '=', approval.target_id).where('status', '=', 'pending').execute();
  }
}
