import { truncateWriteAheadLog } from '../../db/open';
import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import { appraisalCandidates, destroyFiles, firstOnHold, insertRegister, registerApproval, registerById, registerIds, registerItems, updateRegister } from '../../db/queries/destruction';
import { refNoOf } from '../../db/queries/loans';
import type { AppraisalRow, DestructionRegister } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import { createApproval } from './approvals';
import { recordAudit } from './audit';
import { nowIso, today, type ServiceContext } from './context';
import { retentionDueDate, retentionEventDate } from './retention';
import { readSettings } from './settings';
import type { ArchiveVault } from './vault';

type Db = Kysely<ArchiveDatabase>;

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/**
 * The appraisal list (鉴定): files whose retention period has ended, not permanent, not on legal
 * hold, not destroyed. Each with the figures the destruction register needs.
 */
export async function listAppraisal(db: Db, ctx: Pick<ServiceContext, 'clock'>, fileIds?: number[]): Promise<AppraisalRow[]> {
  const settings = await readSettings(db);
  const rows = await appraisalCandidates(db, fileIds);
  const now = today(ctx);
  const out: AppraisalRow[] = [];
  for (const r of rows) {
    const event = settings.retention[r.kind].event;
    const eventDate = retentionEventDate(event, { moveOutDate: r.moveOutDate, lastDocumentDate: r.lastDocument as string | null, fileCreatedAt: r.createdAt });
    const dueDate = retentionDueDate(r.retention, eventDate);
    if (!eventDate || !dueDate || dueDate > now) continue;
    out.push({
      fileId: r.fileId,
      refNo: r.refNo,
      title: r.unit ? `${r.name}（${r.unit}）` : r.name,
      year: r.year,
      retention: r.retention,
      eventDate,
      dueDate,
      keptYears: yearsBetween(eventDate, now),
      pages: Number(r.pages ?? 0),
      scans: Number(r.scans ?? 0),
      legalHold: r.legalHold === 1,
    });
  }
  return out.filter((r) => fileIds || !r.legalHold).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

async function loadRegister(db: Db, id: number): Promise<DestructionRegister> {
  const reg = await registerById(db, id);
  if (!reg) throw new ArchiveError('NOT_FOUND');
  const items = await registerItems(db, id);
  const approval = reg.approval_id ? await registerApproval(db, reg.approval_id) : undefined;
  return {
    id: reg.id,
    createdAt: reg.created_at,
    createdBy: reg.createdByName ?? '',
    reason: reg.reason,
    method: reg.method,
    status: reg.status,
    approvalId: reg.approval_id,
    approvedBy: approval?.status === 'approved' ? (approval.display_name ?? null) : null,
    approvedAt: approval?.status === 'approved' ? (approval.decided_at ?? null) : null,
    executor: reg.executor,
    witnesses: reg.witnesses ? (JSON.parse(reg.witnesses) as string[]) : [],
    destroyedAt: reg.destroyed_at,
    items: items.map((i) => ({ seq: i.seq, fileId: i.file_id, title: i.title, year: i.year, refNo: i.ref_no, retention: i.retention, keptYears: i.kept_years, pages: i.pages, scans: i.scans })),
  };
}

export async function listDestructionRegisters(db: Db): Promise<DestructionRegister[]> {
  const ids = await registerIds(db);
  return Promise.all(ids.map((r) => loadRegister(db, r.id)));
}

export const getDestructionRegister = loadRegister;

/** Drafts the register (销毁清册) from due files and asks the department head to approve it. */
export async function createDestructionRegister(ctx: ServiceContext, input: { fileIds: number[]; reason: string; method: string }): Promise<DestructionRegister> {
  const due = await listAppraisal(ctx.db, ctx, input.fileIds);
  for (const fileId of input.fileIds) {
    const row = due.find((d) => d.fileId === fileId);
    if (!row) {
      const refNo = await refNoOf(ctx.db, fileId);
      if (refNo === undefined) throw new ArchiveError('NOT_FOUND');
      throw new ArchiveError('NOT_DUE_FOR_DESTRUCTION', { refNo });
    }
    if (row.legalHold) throw new ArchiveError('ON_LEGAL_HOLD', { refNo: row.refNo });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const ordered = input.fileIds.map((fid) => due.find((d) => d.fileId === fid)!);
    const registerId = await insertRegister(
      trx,
      { created_at: nowIso(ctx), created_by: ctx.session.accountId, reason: input.reason, method: input.method },
      ordered.map((d, i) => ({
        seq: i + 1,
        file_id: d.fileId,
        title: d.title,
        year: d.year,
        ref_no: d.refNo,
        retention: d.retention,
        kept_years: d.keptYears,
        pages: d.pages,
        scans: d.scans,
      })),
    );
    const approvalId = await createApproval(trx, ctx, {
      kind: 'destroy',
      targetType: 'destruction_register',
      targetId: registerId,
      summary: `销毁清册 #${registerId}（${ordered.length} 卷）`,
      reason: input.reason,
      requiredRole: 'department_manager',
    });
    await updateRegister(trx, registerId, { approval_id: approvalId });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'destruction.registered', { targetType: 'destruction_register', targetId: String(registerId), details: { files: input.fileIds } });
    return registerId;
  });
  return loadRegister(ctx.db, id);
}

/**
 * Carries out an approved register: the scans are erased (secure_delete zeroes the freed pages,
 * and the WAL is checkpointed and truncated), each file is marked destroyed, and its catalogue
 * stays as the tombstone of what was destroyed, when, on whose approval.
 */
export async function confirmDestruction(ctx: ServiceContext, vault: ArchiveVault, input: { registerId: number; executor: string; witnesses: string[] }): Promise<DestructionRegister> {
  const witnesses = [...new Set(input.witnesses.map((w) => w.trim()).filter(Boolean))];
  if (!input.executor.trim() || witnesses.length < 2) throw new ArchiveError('WITNESSES_REQUIRED');
  await ctx.db.transaction().execute(async (trx) => {
    const reg = await loadRegister(trx, input.registerId);
    if (reg.status !== 'approved') throw new ArchiveError('REGISTER_NOT_APPROVED');
    const fileIds = reg.items.map((i) => i.fileId);
    const held = await firstOnHold(trx, fileIds);
    if (held !== undefined) throw new ArchiveError('ON_LEGAL_HOLD', { refNo: held });
    const at = nowIso(ctx);
    await destroyFiles(trx, fileIds, reg.id, at);
    await updateRegister(trx, reg.id, { status: 'destroyed', executor: input.executor.trim(), witnesses: JSON.stringify(witnesses), destroyed_at: at });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'destruction.executed', {
      targetType: 'destruction_register',
      targetId: String(reg.id),
      details: { files: reg.items.map((i) => i.refNo), executor: input.executor.trim(), witnesses, approvedBy: reg.approvedBy },
    });
  });
  // Old page images can sit in the WAL until a checkpoint; truncate it so nothing destroyed remains on disk.
  truncateWriteAheadLog(vault.sqlite());
  return loadRegister(ctx.db, input.registerId);
}
