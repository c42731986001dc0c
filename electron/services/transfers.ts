import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import type { TransferInfo } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import { createApproval, useApproval } from './approvals';
import { recordAudit } from './audit';
import { nowIso, today, type ServiceContext } from './context';
import { describePath } from './locations';
import { pathsOf } from '../../db/queries/locations';
import { nextNumber } from '../../db/queries/loans';
import { filesOnTransfer, filesToTransfer, fileTransferred, insertTransfer, transferById, transferFiles, transferRows, updateTransfer } from '../../db/queries/transfers';
import { closeIfAllBack } from './loans';

type Db = Kysely<ArchiveDatabase>;

// Transfer (移交, 003 §6 4.7): files handed to another department with the department head's
// approval and a receipt (《档案移交签收表》) signed by both handlers. The file leaves its box and
// the desk's custody; filing it into a box again brings it back.

async function load(db: Db, where: { id?: number }): Promise<TransferInfo[]> {
  const rows = await transferRows(db, where.id);
  if (rows.length === 0) return [];
  const items = await transferFiles(
    db,
    rows.map((r) => r.id),
  );
  const paths = await pathsOf(
    db,
    items.flatMap((i) => [i.fromBoxId ?? i.homeBoxId].filter((b): b is number => b !== null)),
  );
  return rows.map((r) => ({
    ...r,
    files: items
      .filter((i) => i.transferId === r.id)
      .map((i) => {
        const box = i.fromBoxId ?? i.homeBoxId;
        const path = box ? paths.get(box) : undefined;
        return { fileId: i.fileId, refNo: i.refNo, name: i.name, unit: i.unit, fromBox: path ? describePath(path) : null, blacklisted: i.blacklisted === 1 };
      }),
  }));
}

export async function getTransfer(db: Db, transferId: number): Promise<TransferInfo> {
  const [t] = await load(db, { id: transferId });
  if (!t) throw new ArchiveError('NOT_FOUND');
  return t;
}

export const listTransfers = (db: Db) => load(db, {});

export async function requestTransfer(
  ctx: ServiceContext,
  input: { fileIds: number[]; fromDepartment: string; toDepartment: string; fromHandler: string; toHandler: string; reason: string },
): Promise<TransferInfo> {
  const fileIds = [...new Set(input.fileIds)];
  const files = await filesToTransfer(ctx.db, fileIds);
  if (files.length !== fileIds.length || files.some((f) => f.status === 'destroyed')) throw new ArchiveError('NOT_FOUND');
  const gone = files.find((f) => f.transferred_at);
  if (gone) throw new ArchiveError('FILE_TRANSFERRED', { refNo: gone.ref_no });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const transferNo = await nextNumber(trx, 'transfers', 'YJ', today(ctx).slice(0, 4), 4);
    const transferId = await insertTransfer(
      trx,
      {
        transfer_no: transferNo,
        from_department: input.fromDepartment,
        to_department: input.toDepartment,
        from_handler: input.fromHandler,
        to_handler: input.toHandler,
        reason: input.reason,
        status: 'requested',
        requested_by: ctx.session.accountId,
        requested_at: nowIso(ctx),
      },
      fileIds,
    );
    const approvalId = await createApproval(trx, ctx, {
      kind: 'transfer',
      targetType: 'transfer',
      targetId: transferId,
      summary: `${transferNo} · → ${input.toDepartment} · ${files.map((f) => f.ref_no).join('；')}`,
      reason: input.reason,
      requiredRole: 'department_manager',
    });
    await updateTransfer(trx, transferId, { approval_id: approvalId });
    return transferId;
  });
  return getTransfer(ctx.db, id);
}

/** Hands the files over: each leaves its box, a loan still open on it is closed as handed over. */
export async function completeTransfer(ctx: ServiceContext, transferId: number): Promise<TransferInfo> {
  await ctx.db.transaction().execute(async (trx) => {
    const transfer = await transferById(trx, transferId);
    if (!transfer) throw new ArchiveError('NOT_FOUND');
    if (transfer.status !== 'approved') throw new ArchiveError('TRANSFER_NOT_APPROVED');
    await useApproval(trx, ctx, transfer.approval_id ?? undefined, 'transfer', transferId, true);
    const at = nowIso(ctx);
    const items = await filesOnTransfer(trx, transferId);
    const gone = items.find((f) => f.transferred_at);
    if (gone) throw new ArchiveError('FILE_TRANSFERRED', { refNo: gone.ref_no });
    for (const f of items) {
      const loanId = await fileTransferred(trx, { transferId, transferNo: transfer.transfer_no, fileId: f.id, fromBoxId: f.home_box_id, by: ctx.session.accountId, at });
      if (loanId !== null) await closeIfAllBack(trx, loanId, at, null);
    }
    await updateTransfer(trx, transferId, { status: 'done', done_at: at, done_by: ctx.session.accountId });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'transfer.done', {
      targetType: 'transfer',
      targetId: String(transferId),
      details: { fileIds: items.map((f) => f.id), to: transfer.to_department },
    });
  });
  return getTransfer(ctx.db, transferId);
}
