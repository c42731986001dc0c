import { accountById } from '../../db/queries/accounts';
import { approvalById, approvalRows, documentsOfDepartedYear, documentWithRefNo, followDecision, insertApproval, updateApproval, withdrawPending } from '../../db/queries/approvals';
import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import type { ApprovalInfo } from '../../shared/api';
import { approverRank, type ApprovalKind, type ApprovalStatus, type Role } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { blacklistedInTransfers } from '../../db/queries/blacklist';
import { recordAudit } from './audit';
import { isConfidential, lowerDocumentConfidentiality, storedDocumentName, VIEW_APPROVAL_HOURS } from './confidentiality';
import { grantScans, hasSealedScans } from './confidential-scans';
import { nowIso, type ServiceContext } from './context';
import { checkTypedPassword } from './password-attempts';
import { settleFileReview } from './new-files';
import type { ArchiveVault } from './vault';

type Db = Kysely<ArchiveDatabase>;
type RequiredRole = 'department_manager' | 'general_manager';

export async function createApproval(
  db: Db,
  ctx: ServiceContext,
  a: { kind: ApprovalKind; targetType: string; targetId: number; summary: string; reason: string; requiredRole: RequiredRole },
): Promise<number> {
  const id = await insertApproval(db, {
    kind: a.kind,
    target_type: a.targetType,
    target_id: a.targetId,
    summary: a.summary,
    reason: a.reason,
    required_role: a.requiredRole,
    requested_by: ctx.session.accountId,
    requested_at: nowIso(ctx),
  });
  await recordAudit(db, ctx.clock, ctx.session.accountId, 'approval.requested', {
    targetType: 'approval',
    targetId: String(id),
    details: { kind: a.kind, target: `${a.targetType}:${a.targetId}`, reason: a.reason },
  });
  return id;
}

/** A clerk asks: correct an original, or view a confidential document. */
export async function requestApproval(ctx: ServiceContext, input: { kind: 'edit_original' | 'view_confidential' | 'declassify'; documentId: number; reason: string }): Promise<ApprovalInfo> {
  const doc = await documentWithRefNo(ctx.db, input.documentId);
  if (!doc) throw new ArchiveError('NOT_FOUND');
  // Viewing confidential papers is the general manager's to allow (003 §15); edits the department's.
  const requiredRole: RequiredRole = input.kind === 'edit_original' ? 'department_manager' : 'general_manager';
  const summary = `${doc.ref_no} · ${storedDocumentName(doc, await isConfidential(ctx.db, doc.id))}`;
  const id = await ctx.db.transaction().execute((trx) => createApproval(trx, ctx, { kind: input.kind, targetType: 'document', targetId: doc.id, summary, reason: input.reason, requiredRole }));
  return (await loadApprovals(ctx.db, { id }))[0]!;
}

export async function loadApprovals(db: Db, where: { id?: number; status?: ApprovalStatus; requestedBy?: number }): Promise<ApprovalInfo[]> {
  const rows = (await approvalRows(db, where)) as Omit<ApprovalInfo, 'blacklisted'>[];
  // A transfer's approver is told whose files on the blacklist would leave (004 四.1 d).
  const listed = await blacklistedInTransfers(
    db,
    rows.filter((r) => r.targetType === 'transfer').map((r) => r.targetId),
  );
  return rows.map((r) => ({ ...r, blacklisted: r.targetType === 'transfer' ? listed.filter((l) => l.transferId === r.targetId).map((l) => l.name) : [] }));
}

/** Managers see every request waiting; everyone else sees their own. */
export async function listApprovals(ctx: ServiceContext, status?: ApprovalStatus): Promise<ApprovalInfo[]> {
  const approver = approverRank[ctx.session.role] > 0;
  return loadApprovals(ctx.db, { status, requestedBy: approver ? undefined : ctx.session.accountId });
}

/**
 * Approves or rejects. The approver is the signed-in manager, or a manager who walks over to
 * the desk and types their own password (the session stays the clerk's).
 */
export async function decideApproval(
  ctx: ServiceContext,
  vault: ArchiveVault,
  input: { approvalId: number; approve: boolean; reason: string; approver?: { username: string; password: string } },
): Promise<ApprovalInfo> {
  let approverId = ctx.session.accountId;
  let approverRole: Role = ctx.session.role;
  let confidentialKey = ctx.keys?.confidentialKey ?? null;
  if (input.approver) {
    const typed = await checkTypedPassword(ctx, vault, input.approver.username, input.approver.password, 'desk_approval');
    approverId = typed.account.id;
    approverRole = typed.account.role;
    confidentialKey = typed.confidentialKey;
  }
  await ctx.db.transaction().execute(async (trx) => {
    const approval = await approvalById(trx, input.approvalId);
    if (!approval) throw new ArchiveError('NOT_FOUND');
    if (approval.status !== 'pending') throw new ArchiveError('APPROVAL_NOT_PENDING');
    if (approval.requested_by === approverId) throw new ArchiveError('APPROVER_IS_REQUESTER');
    if (approverRank[approverRole] < approverRank[approval.required_role]) throw new ArchiveError('APPROVER_NOT_ALLOWED', { requiredRole: approval.required_role });
    const status = input.approve ? 'approved' : 'rejected';
    await updateApproval(trx, input.approvalId, { status, decided_by: approverId, decided_at: nowIso(ctx), decision_reason: input.reason });
    await followDecision(trx, approval, status);
    if (approval.kind === 'file_review') await settleFileReview(trx, approval.target_id, status, approverId, input.reason, nowIso(ctx));
    if (status === 'approved') await carryOut(trx, ctx, approval, approverId, input.reason, confidentialKey);
    await recordAudit(trx, ctx.clock, approverId, `approval.${status}`, {
      targetType: 'approval',
      targetId: String(input.approvalId),
      details: { kind: approval.kind, reason: input.reason, atDeskOf: input.approver ? ctx.session.accountId : undefined },
    });
  });
  return (await loadApprovals(ctx.db, { id: input.approvalId }))[0]!;
}

/**
 * What an approval of confidential papers does at once: a view or an export gives the requester
 * the scans' keys (sealed to their own account) for the approval's window; lowering a level
 * opens the document's scans. Each needs the confidential key, which only a general manager holds.
 */
async function carryOut(
  db: Db,
  ctx: ServiceContext,
  approval: { id: number; kind: string; target_id: number; requested_by: number; decided_at?: string | null },
  approverId: number,
  reason: string,
  confidentialKey: Buffer | null,
): Promise<void> {
  if (approval.kind === 'declassify') return lowerDocumentConfidentiality(db, ctx, approval.target_id, approverId, reason, approval.id, confidentialKey);
  if (approval.kind !== 'view_confidential' && approval.kind !== 'export_confidential') return;
  const documentIds = approval.kind === 'view_confidential' ? [approval.target_id] : await documentsOfDepartedYear(db, approval.target_id);
  if (!(await hasSealedScans(db, documentIds))) return;
  if (!confidentialKey) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
  const requester = await accountById(db, approval.requested_by);
  if (!requester) throw new ArchiveError('NOT_FOUND');
  const expiresAt = new Date(ctx.clock.now().getTime() + VIEW_APPROVAL_HOURS * 3600_000).toISOString();
  await grantScans(db, confidentialKey, { accountId: requester.id, boxPublicKey: ctx.keys?.boxPublicKeyOf(requester.username) ?? null }, documentIds, expiresAt, approval.id);
}

export async function withdrawApproval(ctx: ServiceContext, approvalId: number): Promise<ApprovalInfo> {
  if (!(await withdrawPending(ctx.db, approvalId, ctx.session.accountId))) throw new ArchiveError('APPROVAL_NOT_PENDING');
  const approval = (await approvalById(ctx.db, approvalId))!;
  await followDecision(ctx.db, approval, 'withdrawn');
  if (approval.kind === 'file_review') await settleFileReview(ctx.db, approval.target_id, 'withdrawn', ctx.session.accountId, '', nowIso(ctx));
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'approval.withdrawn', { targetType: 'approval', targetId: String(approvalId) });
  return (await loadApprovals(ctx.db, { id: approvalId }))[0]!;
}

/**
 * Consumes an approved, unused approval of this kind for this target. Personal approvals (an
 * edit, a view) are the requester's alone; a loan or transfer approval is the desk's, so any
 * clerk may carry it out (`anyClerk`).
 */
export async function useApproval(db: Db, ctx: ServiceContext, approvalId: number | undefined, kind: ApprovalKind, targetId: number, anyClerk = false): Promise<void> {
  if (!approvalId) throw new ArchiveError('APPROVAL_REQUIRED');
  const approval = await approvalById(db, approvalId);
  const mine = anyClerk || approval?.requested_by === ctx.session.accountId;
  if (!approval || approval.kind !== kind || approval.target_id !== targetId || !mine || approval.status !== 'approved') {
    throw new ArchiveError('APPROVAL_REQUIRED');
  }
  await updateApproval(db, approvalId, { status: 'used', used_at: nowIso(ctx) });
}
