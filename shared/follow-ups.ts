import { z } from 'zod';
import { addDays } from './dates';
import { classifications, customerKinds, valueGrades, type Classification, type CustomerKind, type ValueGrade } from './domain';

// Follow-up visits (回访), each schedule a setting with the seeds' values as default:
// - after the file is made (003 §14 7): the 满意代表 visits buyers within 3, 30 and 60 days and
//   those who did not buy within 3 and 15; the 顾服主管医生 visits buyers at 15, 30 and 60 days;
// - recurring, by value grade (001 §8-§10: high-value customers visited, medium-value called back,
//   low-value kept in touch, each "regularly"; the intervals are ours to set).
// Their words are in labels.ts.

/** The schedules after a file is made. */
export const followUpScheduleIds = ['buyer', 'non_buyer', 'doctor'] as const;
export type FollowUpScheduleId = (typeof followUpScheduleIds)[number];

/** Who made a visit (客户拜访记录卡's 回访人身份): a schedule may count only some of them. */
export const visitorRoles = ['representative', 'doctor', 'sales', 'other'] as const;
export type VisitorRole = (typeof visitorRoles)[number];

/** A visit owed: one of the schedules, or the recurring visit of a value grade. */
export const followUpIds = [...followUpScheduleIds, 'grade_high', 'grade_medium', 'grade_low'] as const satisfies readonly (FollowUpScheduleId | `grade_${ValueGrade}`)[];
export type FollowUpId = (typeof followUpIds)[number];

const days = z
  .array(z.number().int().min(1).max(730))
  .min(1)
  .max(12)
  // Typed in any order, kept as the visits come.
  .transform((list) => [...new Set(list)].sort((a, b) => a - b));

export const followUpScheduleSchema = z
  .object({
    enabled: z.boolean(),
    kinds: z.array(z.enum(customerKinds)).max(customerKinds.length),
    /** Only customers of these classes (empty: every class). */
    classes: z.array(z.enum(classifications)).max(classifications.length),
    /** Visit i is due within days[i] of the day the file was made. */
    days,
    /** Only a 客户拜访记录卡 naming one of these visitors counts (empty: any visit record or visit document). */
    visitors: z.array(z.enum(visitorRoles)).max(visitorRoles.length),
  })
  .strict();
export type FollowUpSchedule = z.infer<typeof followUpScheduleSchema>;

export const recurringVisitSchema = z
  .object({
    enabled: z.boolean(),
    kinds: z.array(z.enum(customerKinds)).max(customerKinds.length),
    /** Due this many days after the last visit (or after the file's schedules end). */
    everyDays: z.number().int().min(1).max(366),
    /** Listed this many days before it is due. */
    leadDays: z.number().int().min(0).max(90),
  })
  .strict();
export type RecurringVisit = z.infer<typeof recurringVisitSchema>;

export const followUpSettingsSchema = z
  .object({
    schedules: z.record(z.enum(followUpScheduleIds), followUpScheduleSchema),
    recurring: z.record(z.enum(valueGrades), recurringVisitSchema),
  })
  .strict();
export type FollowUpSettings = z.infer<typeof followUpSettingsSchema>;

export const defaultFollowUpSettings: FollowUpSettings = {
  schedules: {
    buyer: { enabled: true, kinds: ['sales'], classes: [], days: [3, 30, 60], visitors: [] },
    non_buyer: { enabled: true, kinds: ['potential'], classes: [], days: [3, 15], visitors: [] },
    // A desk without a 顾服主管医生 has nobody to make these: off until the office turns it on.
    doctor: { enabled: false, kinds: ['sales'], classes: [], days: [15, 30, 60], visitors: ['doctor'] },
  },
  recurring: {
    high: { enabled: true, kinds: ['sales'], everyDays: 30, leadDays: 7 },
    medium: { enabled: true, kinds: ['sales'], everyDays: 60, leadDays: 10 },
    low: { enabled: true, kinds: ['sales'], everyDays: 90, leadDays: 15 },
  },
};

/** Whether a schedule, or a value grade's recurring visit, is in force. */
export function followUpInForce(settings: FollowUpSettings, id: FollowUpId): boolean {
  return id.startsWith('grade_') ? settings.recurring[id.slice('grade_'.length) as ValueGrade].enabled : settings.schedules[id as FollowUpScheduleId].enabled;
}

/** The kinds any enabled schedule or recurring visit applies to: only their files are read. */
export function followUpKinds(settings: FollowUpSettings): CustomerKind[] {
  const rules = [...followUpScheduleIds.map((id) => settings.schedules[id]), ...valueGrades.map((g) => settings.recurring[g])];
  return customerKinds.filter((k) => rules.some((r) => r.enabled && r.kinds.includes(k)));
}

export interface VisitWindow {
  visit: number;
  opens: string;
  dueDate: string;
}

/**
 * The visits of a schedule as windows: visit i is due on its day after the file was made and is
 * shown from half-way between the previous visit's day and its own (3 → from day 2, 30 → from day
 * 17, 60 → from day 45); late after its day.
 */
export function followUpWindows(made: string, schedule: readonly number[]): VisitWindow[] {
  return schedule.map((day, i) => {
    const before = i === 0 ? 0 : schedule[i - 1]!;
    return { visit: i + 1, opens: addDays(made, day - Math.floor((day - before) / 2)), dueDate: addDays(made, day) };
  });
}

/**
 * The next visit a schedule still owes today (open or late), or null. A visit counts for the
 * earliest visit still open whose window has begun (the first takes any visit on or after the day
 * the file was made), so two visits in the first days are not the 30-day visit.
 */
export function nextFollowUp(made: string, schedule: readonly number[], visitDates: string[], on: string): (VisitWindow & { late: boolean }) | null {
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

/**
 * A recurring visit: due everyDays after the later of the last visit and the day the file's
 * schedules end (a buyer is first visited on the schedule, then regularly), listed leadDays
 * before, late after.
 */
export function nextRecurringVisit(from: string, rule: Pick<RecurringVisit, 'everyDays' | 'leadDays'>, visitDates: string[], on: string): { opens: string; dueDate: string; late: boolean } | null {
  const last = [from, ...visitDates].sort().at(-1)!;
  const dueDate = addDays(last, rule.everyDays);
  const opens = addDays(dueDate, -rule.leadDays);
  if (opens > on) return null;
  return { opens, dueDate, late: dueDate < on };
}

/** A file as the follow-ups read it. */
export interface FollowUpFile {
  kind: CustomerKind;
  classification: Classification;
  valueGrade: ValueGrade | null;
  /** Local day the file was made. */
  made: string;
  /** Local days of its visits, each with who made it when a record says so. */
  visits: { date: string; visitor: VisitorRole | null }[];
}

export interface VisitOwed {
  followUp: FollowUpId;
  /** Which visit of the schedule, and of how many (a recurring visit: 1 of 1). */
  visit: number;
  of: number;
  opens: string;
  dueDate: string;
  late: boolean;
}

const applies = (rule: { enabled: boolean; kinds: CustomerKind[] }, kind: CustomerKind) => rule.enabled && rule.kinds.includes(kind);

/** Every visit a file owes today under the settings, one per schedule at most. */
export function visitsOwed(settings: FollowUpSettings, file: FollowUpFile, on: string): VisitOwed[] {
  const out: VisitOwed[] = [];
  let schedulesEnd = file.made;
  for (const id of followUpScheduleIds) {
    const rule = settings.schedules[id];
    if (!applies(rule, file.kind) || (rule.classes.length > 0 && !rule.classes.includes(file.classification))) continue;
    const end = addDays(file.made, rule.days.at(-1)!);
    if (end > schedulesEnd) schedulesEnd = end;
    const counted = file.visits.filter((v) => rule.visitors.length === 0 || (v.visitor !== null && rule.visitors.includes(v.visitor))).map((v) => v.date);
    const next = nextFollowUp(file.made, rule.days, counted, on);
    if (next) out.push({ followUp: id, visit: next.visit, of: rule.days.length, opens: next.opens, dueDate: next.dueDate, late: next.late });
  }
  const grade = file.valueGrade;
  if (grade && applies(settings.recurring[grade], file.kind)) {
    const next = nextRecurringVisit(
      schedulesEnd,
      settings.recurring[grade],
      file.visits.map((v) => v.date),
      on,
    );
    if (next) out.push({ followUp: `grade_${grade}`, visit: 1, of: 1, ...next });
  }
  return out;
}
