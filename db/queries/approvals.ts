import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ApprovalStatus } from '../../shared/domain';
import type { ArchiveDatabase } from '../schema';
import { departedFilesOfYear } from './bundle';

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

export async function insertApproval(db: Db, row: Insertable<ArchiveDatabase['approvals']>): Promise<number> {
  return (await db.insertInto('approvals').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateApproval(db: Db, approvalId: number, changes: Updateable<ArchiveDatabase['approvals']>): Promise<void> {
  await db.updateTable('approvals').set(changes).where('id', '=', approvalId).execute();
}

/** The requester withdraws a request still pending; false when it was not theirs or not pending. */
export async function withdrawPending(db: Db, approvalId: number, requestedBy: number): Promise<boolean> {
  const r = await db.updateTable('approvals').set({ status: 'withdrawn' }).where('id', '=', approvalId).where('requested_by', '=', requestedBy).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A document with its file's 档号: what a request about it is summarised by. */
export function documentWithRefNo(db: Db, documentId: number) {
  return db
    .selectFrom('documents')
    .innerJoin('files', 'files.id', 'documents.file_id')
    .select(['documents.id', 'documents.title', 'documents.doc_date', 'files.ref_no'])
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
}

/** The documents of the year's departed files (what an export of confidential papers covers). */
export async function documentsOfDepartedYear(db: Db, year: number): Promise<number[]> {
  return (await departedFilesOfYear(db, year).innerJoin('documents', 'documents.file_id', 'files.id').select('documents.id').execute()).map((d) => d.id);
}

/** Whether the account has an approval to view this document decided since then. */
export async function viewApprovedSince(db: Db, documentId: number, accountId: number, since: string): Promise<boolean> {
  const approval = await db
    .selectFrom('approvals')
    .select('id')
    .where('kind', '=', 'view_confidential')
    .where('target_id', '=', documentId)
    .where('requested_by', '=', accountId)
    .where('status', '=', 'approved')
    .where('decided_at', '>=', since)
    .executeTakeFirst();
  return approval !== undefined;
}
