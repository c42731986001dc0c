import {
  countIncomplete,
  countRecurring,
  fileForDuties,
  fileRecurringState,
  heldCategories,
  lastDone,
  listIncomplete,
  listRecurring,
  type CompletenessCheck,
  type DutyFileRow,
  type PeriodBounds,
  type RecurringCheck,
} from '../../db/queries/duties';
import type { DutyFile, DutySummary, FileDuty, Page } from '../../shared/api';
import { addDays, localDate, localDayStart } from '../../shared/dates';
import { customerKinds } from '../../shared/domain';
import { dutyScopes, periodOf, previousPeriod, recordKindCategory, recurringDutyIds, type DutySettings, type DutyWindow, type RecurringDutyId } from '../../shared/duties';
import type { ListDutyFilesInput } from '../../shared/schemas';
import { ArchiveError } from '../../shared/errors';
import { today, type ServiceContext } from './context';
import { readSettings } from './settings';
import { pause } from './jobs';

// What each file owes (003 §6 4.3.2, §8 b5 c2, §3 2, §15 6), from the rules in 设置: counted for
// 工作台, listed file by file behind each count, and shown on one file.

function bounds(window: DutyWindow): PeriodBounds {
  return { from: window.start, to: window.end, fromUtc: localDayStart(window.start), toUtc: localDayStart(addDays(window.end, 1)) };
}

function recurringCheck(duties: DutySettings, id: RecurringDutyId, on: string): RecurringCheck {
  const rule = duties.recurring[id];
  return {
    kinds: rule.kinds,
    scope: dutyScopes[id],
    categories: rule.categories,
    recordKinds: rule.recordKinds,
    current: bounds(periodOf(on, rule.period)),
    previous: bounds(previousPeriod(on, rule.period)),
    today: on,
  };
}

/** The desk records that stand for a document category (a signed 紧急联络表 is the category's paper). */
function recordKindsFor(category: string): string[] {
  return Object.entries(recordKindCategory)
    .filter(([, c]) => c === category)
    .map(([kind]) => kind);
}

function completenessCheck(duties: DutySettings, on: string): CompletenessCheck {
  return {
    required: customerKinds.map((kind) => ({ kind, categories: (duties.requiredDocuments[kind] ?? []).map((code) => ({ code, recordKinds: recordKindsFor(code) })) })),
    // Made on day D, a file has until D + N; from the day after it is late.
    lateBeforeUtc: localDayStart(addDays(on, -duties.completeWithinDays)),
  };
}

const enabledRecurring = (duties: DutySettings) => recurringDutyIds.filter((id) => duties.recurring[id].enabled);

/** Each duty in force today: its period, how many files are late and how many still owe it. */
export async function countDuties(ctx: ServiceContext): Promise<DutySummary[]> {
  const { duties } = await readSettings(ctx.db);
  const on = today(ctx);
  const out: DutySummary[] = [];
  const completeness = completenessCheck(duties, on);
  if (completeness.required.some((r) => r.categories.length)) {
    out.push({ duty: 'completeness', period: null, window: null, withinDays: duties.completeWithinDays, ...(await countIncomplete(ctx.db, completeness)) });
  }
  for (const id of enabledRecurring(duties)) {
    // Between two counts the desk answers other calls (each is one statement over every file).
    await pause();
    const rule = duties.recurring[id];
    out.push({ duty: id, period: rule.period, window: periodOf(on, rule.period), withinDays: null, ...(await countRecurring(ctx.db, recurringCheck(duties, id, on))) });
  }
  return out;
}

/** The files behind one count, a page at a time, with when each last did the duty or what it lacks. */
export async function listDutyFiles(ctx: ServiceContext, input: ListDutyFilesInput): Promise<Page<DutyFile>> {
  const { duties } = await readSettings(ctx.db);
  const on = today(ctx);
  const offset = (input.page - 1) * input.pageSize;
  let result: { total: number; rows: DutyFileRow[] };
  let extra: (row: DutyFileRow) => Partial<DutyFile> = () => ({});
  if (input.duty === 'completeness') {
    const check = completenessCheck(duties, on);
    result = await listIncomplete(ctx.db, check, input.state, offset, input.pageSize);
    const held = await heldCategories(
      ctx.db,
      result.rows.map((r) => r.fileId),
      recordKindCategory,
    );
    extra = (row) => ({ lacking: (duties.requiredDocuments[row.kind] ?? []).filter((c) => !held.get(row.fileId)?.has(c)) });
  } else {
    if (!duties.recurring[input.duty].enabled) throw new ArchiveError('NOT_FOUND');
    const check = recurringCheck(duties, input.duty, on);
    result = await listRecurring(ctx.db, check, input.state, offset, input.pageSize);
    const last = await lastDone(
      ctx.db,
      check,
      result.rows.map((r) => r.fileId),
    );
    extra = (row) => ({ lastDone: latest(last.get(row.fileId)) });
  }
  return { total: result.total, page: input.page, pageSize: input.pageSize, rows: result.rows.map((r) => ({ ...r, ...extra(r) })) };
}

/** The later of a document's local date and a record's local day. */
function latest(done: { documentDate?: string; recordAt?: string } | undefined): string | undefined {
  if (!done) return undefined;
  const days = [done.documentDate, done.recordAt ? localDate(done.recordAt) : undefined].filter((d): d is string => !!d);
  return days.sort().at(-1);
}

/** What one file owes: each duty that applies to it, done, due or late this period, and the documents it lacks. */
export async function getFileDuties(ctx: ServiceContext, fileId: number): Promise<FileDuty[]> {
  const file = await fileForDuties(ctx.db, fileId);
  if (!file) throw new ArchiveError('NOT_FOUND');
  if (file.status !== 'active') return [];
  const { duties } = await readSettings(ctx.db);
  const on = today(ctx);
  const out: FileDuty[] = [];
  const required = duties.requiredDocuments[file.kind] ?? [];
  if (required.length) {
    const held = (await heldCategories(ctx.db, [fileId], recordKindCategory)).get(fileId) ?? new Set<string>();
    const lacking = required.filter((c) => !held.has(c));
    const dueDate = addDays(localDate(file.createdAt), duties.completeWithinDays);
    out.push({ duty: 'completeness', period: null, window: null, state: lacking.length === 0 ? 'done' : dueDate < on ? 'late' : 'due', lacking, dueDate });
  }
  for (const id of enabledRecurring(duties)) {
    const check = recurringCheck(duties, id, on);
    const state = await fileRecurringState(ctx.db, check, fileId);
    if (!state) continue;
    const expired = check.scope === 'licence' && file.licenceExpiry !== null && file.licenceExpiry < on;
    const last = latest((await lastDone(ctx.db, check, [fileId])).get(fileId));
    const period = duties.recurring[id].period;
    out.push({ duty: id, period, window: periodOf(on, period), state, lastDone: last, dueDate: check.current.to, ...(expired ? { licenceExpiry: file.licenceExpiry! } : {}) });
  }
  return out;
}
