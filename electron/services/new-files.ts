import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import { customerRow } from '../../db/queries/customers';
import { countNewFiles, filesInReview, newFilesPage, reviewPending, setReviewState, type NewFileState } from '../../db/queries/new-files';
import type { NewFile, NewFileCounts, Page } from '../../shared/api';
import { addDays, daysBetween, localDate } from '../../shared/dates';
import { ArchiveError } from '../../shared/errors';
import type { ListNewFilesInput } from '../../shared/schemas';
import { createApproval } from './approvals';
import { recordAudit } from './audit';
import { today, type ServiceContext } from './context';
import { suggestActiveBoxes } from './locations';
import { readSettings } from './settings';

type Db = Kysely<ArchiveDatabase>;

// A new file (003 §3 1, §15 4.2 c; §1 2): opened within a week of first contact, reviewed by the
// direct superior (a department manager's approval), then kept by the archive clerk in the box
// that serves its building and floor (003 §9.2).

/** Days from first contact to the file's opening past 设置's limit (0: in time, or no contact date). */
export function daysOpenedLate(firstContactOn: string | null, openedAt: string, withinDays: number): number {
  if (!firstContactOn) return 0;
  return Math.max(0, daysBetween(addDays(firstContactOn, withinDays), localDate(openedAt)));
}

/**
 * Asks for the review of a customer's files waiting for it, inside the caller's transaction, unless
 * one is already asked. The summary names the files; the reason is the clerk's note.
 */
export async function requestFileReview(trx: Db, ctx: ServiceContext, customerId: number, note = ''): Promise<void> {
  if (await reviewPending(trx, customerId)) return;
  const files = await filesInReview(trx, customerId, 'pending');
  if (files.length === 0) return;
  const customer = await customerRow(trx, customerId);
  if (!customer) throw new ArchiveError('NOT_FOUND');
  await createApproval(trx, ctx, {
    kind: 'file_review',
    targetType: 'customer',
    targetId: customerId,
    summary: `${customer.name} · ${files.map((f) => f.ref_no).join('；')}`,
    reason: note,
    requiredRole: 'department_manager',
  });
}

/** The reviewer's decision: 已审核, or 退回补正 with the reason (a withdrawn request goes back to the clerk too). */
export async function settleFileReview(trx: Db, customerId: number, status: 'approved' | 'rejected' | 'withdrawn', by: number, reason: string, at: string): Promise<void> {
  if (status === 'approved') await setReviewState(trx, customerId, 'pending', { review_state: 'approved', review_note: null, reviewed_by: by, reviewed_at: at });
  else
    await setReviewState(trx, customerId, 'pending', { review_state: 'returned', review_note: status === 'rejected' ? reason : null, reviewed_by: status === 'rejected' ? by : null, reviewed_at: at });
}

/** 重新提交审核: the clerk has corrected what the reviewer asked; the files wait for review again. */
export async function resubmitFileReview(ctx: ServiceContext, input: { customerId: number; note: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const customer = await customerRow(trx, input.customerId);
    if (!customer) throw new ArchiveError('NOT_FOUND');
    const returned = await filesInReview(trx, input.customerId, 'returned');
    if (returned.length === 0) throw new ArchiveError('NOTHING_TO_RESUBMIT');
    await setReviewState(trx, input.customerId, 'returned', { review_state: 'pending', review_note: null, reviewed_by: null, reviewed_at: null });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'file.review_resubmitted', {
      targetType: 'customer',
      targetId: String(input.customerId),
      details: { fileIds: returned.map((f) => f.id), ...(input.note ? { note: input.note } : {}) },
    });
    await requestFileReview(trx, ctx, input.customerId, input.note);
  });
}

export async function newFileCounts(db: Db): Promise<NewFileCounts> {
  return countNewFiles(db);
}

/** The files behind a count of 工作台's 新建档案 card, a page at a time; a file with no box has the box suggested for it. */
export async function listNewFiles(ctx: ServiceContext, input: ListNewFilesInput): Promise<Page<NewFile>> {
  const counts = await countNewFiles(ctx.db);
  const rows = await newFilesPage(ctx.db, input.state as NewFileState, input.page, input.pageSize);
  const { openWithinDays } = (await readSettings(ctx.db)).newFiles;
  const suggested = input.state === 'unboxed' && rows.length > 0 ? await suggestActiveBoxes(ctx.db, rows) : [];
  const on = today(ctx);
  return {
    rows: rows.map((r, i) => ({
      ...r,
      openedOn: localDate(r.createdAt),
      openedLateDays: daysOpenedLate(r.firstContactOn, r.createdAt, openWithinDays),
      daysSinceOpened: daysBetween(localDate(r.createdAt), on),
      suggestedBox: suggested[i] ?? null,
    })),
    total: counts[input.state as NewFileState],
    page: input.page,
    pageSize: input.pageSize,
  };
}
