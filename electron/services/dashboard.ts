import { countLabelsOutOfDate, fileNames, filesOwingVisits, firstLabelsOutOfDate, pendingApprovals } from '../../db/queries/home';
import type { Dashboard, DutySummary, FollowUpDue } from '../../shared/api';
import { changeCounter } from '../../db/queries/meta';
import { readSettings } from './settings';
import { approverRank } from '../../shared/domain';
import { addDays, listLoans } from './loans';
import { listCabinetsDueInspection } from './inspections';
import { countDueForReview, listDueForReview } from './customers';
import { proposeDepartedMoves } from './locations';
import { localDate, today, type ServiceContext } from './context';
import { pause } from './jobs';
import { countDuties } from './duties';

// 工作台: what needs doing today, each item a click away from the list behind it.

/** Follow-up visits after the file is made (003 §14): buyers at 3, 30 and 60 days, others at 3 and 15. */
export const followUpDays = { buyer: [3, 30, 60], other: [3, 15] } as const;

/**
 * The visits of a schedule as windows: visit i is due on its day after the file was made and is
 * shown from half-way between the previous visit's day and its own (3 → from day 2, 30 → from day
 * 17, 60 → from day 45); late after its day. A visit record (category "visit") counts for the
 * earliest visit still open whose window has begun (the first takes any record dated after the
 * file was made), so two records in the first days are not the 30-day visit. A 客户拜访记录卡 counts
 * as a visit record on its local day.
 */
export function followUpWindows(made: string, schedule: readonly number[]): { visit: number; opens: string; dueDate: string }[] {
  return schedule.map((day, i) => {
    const before = i === 0 ? 0 : schedule[i - 1]!;
    return { visit: i + 1, opens: addDays(made, day - Math.floor((day - before) / 2)), dueDate: addDays(made, day) };
  });
}

/** The next visit a file owes today (open or late), or null. */
export function nextFollowUp(made: string, schedule: readonly number[], visitDates: string[], on: string): { visit: number; opens: string; dueDate: string; late: boolean } | null {
  const windows = followUpWindows(made, schedule);
  const done = new Set<number>();
  for (const date of [...visitDates].filter((d) => d >= made).sort()) {
    const w = windows.find((x, i) => !done.has(i) && (i === 0 || date >= x.opens));
    if (w) done.add(w.visit - 1);
  }
  const next = windows.find((_, i) => !done.has(i));
  if (!next || next.opens > on) return null;
  return { ...next, late: next.dueDate < on };
}

/** How many visits the home card lists (late ones first); the card counts them all. */
const FOLLOW_UPS_LISTED = 50;

/**
 * Sales customers are buyers; potential customers are not. Every active file of theirs that still
 * owes a visit is read (no cut-off: a file made long ago with a visit missing is late, not gone).
 */
export async function followUpsDue(ctx: ServiceContext): Promise<{ count: number; items: FollowUpDue[] }> {
  const on = today(ctx);
  const rows = await filesOwingVisits(ctx.db);
  const due: (Omit<FollowUpDue, 'refNo' | 'name'> & { made: string })[] = [];
  for (const r of rows) {
    const schedule = r.kind === 'sales' ? followUpDays.buyer : followUpDays.other;
    const visits = [...r.visits, ...r.visitRecords.map(localDate)];
    const made = localDate(r.createdAt);
    const next = nextFollowUp(made, schedule, visits, on);
    if (next) due.push({ fileId: r.fileId, made, buyer: r.kind === 'sales', visit: next.visit, of: schedule.length, dueDate: next.dueDate, opens: next.opens, late: next.late });
  }
  due.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.made.localeCompare(b.made) || a.fileId - b.fileId);
  const listed = due.slice(0, FOLLOW_UPS_LISTED);
  const names = new Map(
    (
      await fileNames(
        ctx.db,
        listed.map((d) => d.fileId),
      )
    ).map((n) => [n.fileId, n]),
  );
  const items = listed.map(({ made: _made, ...d }) => ({ ...d, refNo: names.get(d.fileId)?.refNo ?? '', name: names.get(d.fileId)?.name ?? '' }));
  // Within a day, by 档号 as before.
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.refNo.localeCompare(b.refNo));
  return { count: due.length, items };
}

/** The cards that read every file: the visits owed and the duties (shared/duties.ts). */
interface FileCounts {
  followUps: { count: number; items: FollowUpDue[] };
  duties: DutySummary[];
}

interface Counted {
  /** Today, the duty rules and the archive's change counter the counts were read under (countsKey). */
  key: string;
  value: FileCounts;
}

// One archive connection each (a new sign-in opens a new one): the last counts and the reading under way.
const counted = new WeakMap<object, Counted>();
const counting = new WeakMap<object, Promise<Counted>>();
const failed = new WeakMap<object, unknown>();

async function countsKey(ctx: ServiceContext): Promise<string> {
  const { duties } = await readSettings(ctx.db);
  return `${today(ctx)}|${JSON.stringify(duties)}|${await changeCounter(ctx.db)}`;
}

function countFiles(ctx: ServiceContext, key: string): Promise<Counted> {
  const under = counting.get(ctx.db);
  if (under) return under;
  const job = (async () => {
    const followUps = await followUpsDue(ctx);
    await pause();
    const duties = await countDuties(ctx);
    const done = { key, value: { followUps, duties } };
    counted.set(ctx.db, done);
    return done;
  })().finally(() => counting.delete(ctx.db));
  counting.set(ctx.db, job);
  return job;
}

/**
 * The counts over every file, read again only when the day, the rules or any row of the archive
 * changed since they were last read. With allowStale (工作台 refreshing itself), a change is
 * answered at once with the counts before it while they are read again behind the answer, and
 * nothing yet counted this session with none (ready: false); the screen asks again shortly.
 */
async function fileCounts(ctx: ServiceContext, allowStale: boolean): Promise<{ value: FileCounts | null; fresh: boolean }> {
  const key = await countsKey(ctx);
  const have = counted.get(ctx.db);
  if (have?.key === key) return { value: have.value, fresh: true };
  const job = countFiles(ctx, key);
  if (!allowStale) {
    const done = await job;
    // Read under an older key (a change came in meanwhile): read once more, under this one.
    return { value: done.key === key ? done.value : (await countFiles(ctx, key)).value, fresh: true };
  }
  // A reading behind the answer that failed is the next call's error, not a screen waiting for ever.
  job.catch((error: unknown) => failed.set(ctx.db, error));
  const error = failed.get(ctx.db);
  if (error !== undefined) {
    failed.delete(ctx.db);
    throw error;
  }
  // Counts of another day are not shown while today's are read.
  return { value: have?.key.startsWith(`${today(ctx)}|`) ? have.value : null, fresh: false };
}

/**
 * Each card is read in turn, letting the event loop turn between them: the home screen opens
 * first after sign-in, and a click on another screen meanwhile is answered between two cards
 * instead of after all of them (the host and IPC serve one call at a time).
 */
export async function getDashboard(ctx: ServiceContext, options: { allowStale?: boolean } = {}): Promise<Dashboard> {
  const on = today(ctx);
  const out = await listLoans(ctx, { status: 'out', limit: null });
  await pause();
  const approver = approverRank[ctx.session.role] > 0;
  const approvalsWaiting = await pendingApprovals(ctx.db, approver ? undefined : ctx.session.accountId);
  const cabinetsNotInspected = await listCabinetsDueInspection(ctx);
  await pause();
  // The card lists the first few and counts them all (a renamed landlord may leave thousands).
  const labelsOutOfDate = await firstLabelsOutOfDate(ctx.db, 50);
  const labelsOutOfDateCount = await countLabelsOutOfDate(ctx.db);
  await pause();
  const departedInActiveBoxes = (await proposeDepartedMoves(ctx.db)).length;
  await pause();
  const dueForReview = (await listDueForReview(ctx, undefined, 50)).map((r) => ({ fileId: r.fileId, refNo: r.refNo, name: r.name }));
  const dueForReviewCount = await countDueForReview(ctx);
  await pause();
  const counts = await fileCounts(ctx, options.allowStale ?? false);
  const tomorrow = addDays(on, 1);
  return {
    today: on,
    dueToday: out.filter((r) => r.dueDate === on),
    // The same rows listOverdue gives, from the loans already read.
    overdue: out.filter((r) => r.daysOverdue > 0).sort((a, b) => b.daysOverdue - a.daysOverdue),
    approvalsWaiting,
    approvalsMine: !approver,
    cabinetsNotInspected,
    labelsOutOfDate,
    labelsOutOfDateCount,
    departedInActiveBoxes,
    dueForReview,
    dueForReviewCount,
    followUps: counts.value?.followUps.items ?? [],
    followUpsCount: counts.value?.followUps.count ?? 0,
    dueTomorrow: out.filter((r) => r.dueDate === tomorrow),
    duties: counts.value?.duties ?? [],
    countsReady: counts.value !== null,
    countsFresh: counts.fresh,
  };
}
