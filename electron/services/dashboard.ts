import { sql } from 'kysely';
import type { Dashboard, FollowUpDue } from '../../shared/api';
import { approverRank } from '../../shared/domain';
import { addDays, listLoans } from './loans';
import { listCabinetsDueInspection } from './inspections';
import { countDueForReview, listDueForReview } from './customers';
import { proposeDepartedMoves } from './locations';
import { localDate, today, type ServiceContext } from './context';
import { pause } from './jobs';

// 工作台: what needs doing today, each item a click away from the list behind it.

/** Follow-up visits after the file is made (003 §14): buyers at 3, 30 and 60 days, others at 3 and 15. */
export const followUpDays = { buyer: [3, 30, 60], other: [3, 15] } as const;

/**
 * Sales customers are buyers; potential customers are not. A milestone counts as done once the
 * file holds that many visit records (category "visit") dated on or after the file was made.
 */
export async function followUpsDue(ctx: ServiceContext): Promise<FollowUpDue[]> {
  const on = today(ctx);
  const rows = await ctx.db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select((eb) => [
      'files.id as fileId',
      'files.ref_no as refNo',
      'customers.name',
      'customers.kind',
      'files.created_at as createdAt',
      eb
        .selectFrom('documents')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('documents.file_id', '=', 'files.id')
        .where('documents.category', '=', 'visit')
        .where(sql<string>`documents.doc_date`, '>=', sql<string>`substr(files.created_at, 1, 10)`)
        .as('visits'),
    ])
    .where('customers.kind', 'in', ['sales', 'potential'])
    .where('files.status', '=', 'active')
    // The last milestone is 60 days out: older files can only be overdue ones, still listed.
    .orderBy('files.created_at')
    .limit(2000)
    .execute();
  const due: FollowUpDue[] = [];
  for (const r of rows) {
    const schedule = r.kind === 'sales' ? followUpDays.buyer : followUpDays.other;
    const made = localDate(r.createdAt);
    const visits = Number(r.visits ?? 0);
    const next = visits < schedule.length ? schedule[visits]! : null;
    if (next === null) continue;
    const dueDate = addDays(made, next);
    if (dueDate <= on) due.push({ fileId: r.fileId, refNo: r.refNo, name: r.name, buyer: r.kind === 'sales', visit: visits + 1, of: schedule.length, dueDate });
  }
  return due.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/**
 * Each card is read in turn, letting the event loop turn between them: the home screen opens
 * first after sign-in, and a click on another screen meanwhile is answered between two cards
 * instead of after all of them (the host and IPC serve one call at a time).
 */
export async function getDashboard(ctx: ServiceContext): Promise<Dashboard> {
  const on = today(ctx);
  const out = await listLoans(ctx, { status: 'out', limit: 5000 });
  await pause();
  const approver = approverRank[ctx.session.role] > 0;
  let approvals = ctx.db.selectFrom('approvals').select((e) => e.fn.countAll<number>().as('n')).where('status', '=', 'pending');
  if (!approver) approvals = approvals.where('requested_by', '=', ctx.session.accountId);
  const approvalsWaiting = Number((await approvals.executeTakeFirst())?.n ?? 0);
  const cabinetsNotInspected = await listCabinetsDueInspection(ctx);
  await pause();
  const labelsOutOfDate = await ctx.db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['files.id as fileId', 'files.ref_no as refNo', 'customers.name', 'files.label_name as labelName'])
    .whereRef('files.label_name', '!=', 'customers.name')
    .where('files.status', '!=', 'destroyed')
    .orderBy('files.ref_no')
    .limit(200)
    .execute();
  await pause();
  const departedInActiveBoxes = (await proposeDepartedMoves(ctx.db)).length;
  await pause();
  const dueForReview = (await listDueForReview(ctx, undefined, 50)).map((r) => ({ fileId: r.fileId, refNo: r.refNo, name: r.name }));
  const dueForReviewCount = await countDueForReview(ctx);
  await pause();
  const followUps = await followUpsDue(ctx);
  return {
    today: on,
    dueToday: out.filter((r) => r.dueDate === on),
    // The same rows listOverdue gives, from the loans already read.
    overdue: out.filter((r) => r.daysOverdue > 0).sort((a, b) => b.daysOverdue - a.daysOverdue),
    approvalsWaiting,
    approvalsMine: !approver,
    cabinetsNotInspected,
    labelsOutOfDate,
    departedInActiveBoxes,
    dueForReview,
    dueForReviewCount,
    followUps,
  };
}
