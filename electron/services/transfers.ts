import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import type { TransferInfo } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import { createApproval, useApproval } from './approvals';
import { recordAudit } from './audit';
import { nowIso, today, type ServiceContext } from './context';
import { describePath } from './locations';
import { pathsOf } from '../../db/queries/locations';
import { transferFiles, transferRows } from '../../db/queries/transfers';
import { closeIfAllBack, nextNumber } from './loans';

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
        return { fileId: i.fileId, refNo: i.refNo, name: i.name, unit: i.unit, fromBox: path ? describePath(path) : null };
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
  const files = await ctx.db.selectFrom('files').select(['id', 'ref_no', 'status', 'transferred_at']).where('id', 'in', fileIds).execute();
  if (files.length !== fileIds.length || files.some((f) => f.status === 'destroyed')) throw new ArchiveError('NOT_FOUND');
  const gone = files.find((f) => f.transferred_at);
  if (gone) throw new ArchiveError('FILE_TRANSFERRED', { refNo: gone.ref_no });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const transferNo = await nextNumber(trx, 'transfers', 'YJ', today(ctx).slice(0, 4), 4);
    const row = await trx
      .insertInto('transfers')
      .values({
        transfer_no: transferNo,
        from_department: input.fromDepartment,
        to_department: input.toDepartment,
        from_handler: input.fromHandler,
        to_handler: input.toHandler,
        reason: input.reason,
        status: 'requested',
        requested_by: ctx.session.accountId,
        requested_at: nowIso(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('transfer_items')
      .values(fileIds.map((file_id) => ({ transfer_id: row.id, file_id, from_box_id: null })))
      .execute();
    const approvalId = await createApproval(trx, ctx, {
      kind: 'transfer',
      targetType: 'transfer',
      targetId: row.id,
      summary: `${transferNo} · → ${input.toDepartment} · ${files.map((f) => f.ref_no).join('；')}`,
      reason: input.reason,
      requiredRole: 'department_manager',
    });
    await trx.updateTable('transfers').set({ approval_id: approvalId }).where('id', '=', row.id).execute();
    return row.id;
  });
  return getTransfer(ctx.db, id);
}

/** Hands the files over: each leaves its box, a loan still open on it is closed as handed over. */
export async function completeTransfer(ctx: ServiceContext, transferId: number): Promise<TransferInfo> {
  await ctx.db.transaction().execute(async (trx) => {
    const transfer = await trx.selectFrom('transfers').selectAll().where('id', '=', transferId).executeTakeFirst();
    if (!transfer) throw new ArchiveError('NOT_FOUND');
    if (transfer.status !== 'approved') throw new ArchiveError('TRANSFER_NOT_APPROVED');
    await useApproval(trx, ctx, transfer.approval_id ?? undefined, 'transfer', transferId, true);
    const at = nowIso(ctx);
    const items = await trx
      .selectFrom('transfer_items')
      .innerJoin('files', 'files.id', 'transfer_items.file_id')
      .select(['files.id', 'files.ref_no', 'files.home_box_id', 'files.transferred_at'])
      .where('transfer_items.transfer_id', '=', transferId)
      .execute();
    const gone = items.find((f) => f.transferred_at);
    if (gone) throw new ArchiveError('FILE_TRANSFERRED', { refNo: gone.ref_no });
    for (const f of items) {
      await trx.updateTable('transfer_items').set({ from_box_id: f.home_box_id }).where('transfer_id', '=', transferId).where('file_id', '=', f.id).execute();
      await trx.updateTable('files').set({ home_box_id: null, transferred_at: at, updated_at: at }).where('id', '=', f.id).execute();
      const open = await trx.selectFrom('loan_items').select(['id', 'loan_id']).where('file_id', '=', f.id).where('state', '=', 'out').executeTakeFirst();
      if (open) {
        await trx
          .updateTable('loan_items')
          .set({ state: 'handed_over', returned_at: at, returned_by: ctx.session.accountId, condition_note: transfer.transfer_no })
          .where('id', '=', open.id)
          .execute();
        await closeIfAllBack(trx, open.loan_id, at, null);
      }
    }
    await trx.updateTable('transfers').set({ status: 'done', done_at: at, done_by: ctx.session.accountId }).where('id', '=', transferId).execute();
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'transfer.done', {
      targetType: 'transfer',
      targetId: String(transferId),
      details: { fileIds: items.map((f) => f.id), to: transfer.to_department },
    });
  });
  return getTransfer(ctx.db, transferId);
}
