import { newFileCounts } from './new-files';
import { countLabelsOutOfDate, firstLabelsOutOfDate, pendingApprovals } from '../../db/queries/home';
import type { Dashboard, DutySummary, FollowUpDue, Page } from '../../shared/api';
import type { ListFollowUpsInput } from '../../shared/schemas';
import { describeVisits, followUpsDue, pageFollowUps, summariseFollowUps, type VisitDue } from './follow-ups';
import { changeCounter } from '../../db/queries/meta';
import { readSettings } from './settings';
import { approverRank } from '../../shared/domain';
import { addDays, listLoans } from './loans';
import { listCabinetsDueInspection } from './inspections';
import { countDueForReview, listDueForReview } from './customers';
import { proposeDepartedMoves } from './locations';
import { today, type ServiceContext } from './context';
import { pause } from './jobs';
import { countDuties } from './duties';

// 工作台: what needs doing today, each item a click away from the list behind it.

/** How many visits the home card lists (late ones first); the card counts them all. */
const FOLLOW_UPS_LISTED = 50;

/** The cards that read every file: the visits owed and the duties (shared/duties.ts). */
interface FileCounts {
  followUps: VisitDue[];
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
  const { duties, followUps } = await readSettings(ctx.db);
  return `${today(ctx)}|${JSON.stringify(duties)}|${JSON.stringify(followUps)}|${await changeCounter(ctx.db)}`;
}

function countFiles(ctx: ServiceContext, key: string): Promise<Counted> {
  const under = counting.get(ctx.db);
  if (under) return under;
  const job = (async () => {
    const followUps = await followUpsDue(ctx, (await readSettings(ctx.db)).followUps);
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
  const newFiles = await newFileCounts(ctx.db);
  const counts = await fileCounts(ctx, options.allowStale ?? false);
  const due = counts.value?.followUps ?? [];
  const followUps = await describeVisits(ctx, due.slice(0, FOLLOW_UPS_LISTED));
  // Within a day, by 档号.
  followUps.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.refNo.localeCompare(b.refNo));
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
    followUps,
    followUpsCount: due.length,
    followUpSummary: counts.value ? summariseFollowUps((await readSettings(ctx.db)).followUps, due) : [],
    newFiles,
    dueTomorrow: out.filter((r) => r.dueDate === tomorrow),
    duties: counts.value?.duties ?? [],
    countsReady: counts.value !== null,
    countsFresh: counts.fresh,
  };
}

/** The visits owed behind 工作台's 回访 card, a page at a time, from the same counts the card shows. */
export async function listFollowUps(ctx: ServiceContext, input: ListFollowUpsInput): Promise<Page<FollowUpDue>> {
  const counts = await fileCounts(ctx, false);
  return pageFollowUps(ctx, counts.value?.followUps ?? [], input);
}
