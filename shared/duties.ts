import { z } from 'zod';
import { addDays } from './dates';
import { customerKinds, type CustomerKind } from './domain';

// What the regulations require of each file, checked against its documents and desk records:
// the documents a file of each kind must hold (003 §6 4.3.2, §8 c2), and the records it owes
// every period (003 §6 4.3.2 d-e, §8 b5, §3 2, §15 6). Each rule is a setting; these are the
// seeds' values. Their words are in labels.ts.

/** Recurring duties: one satisfying document or record in each period. */
export const recurringDutyIds = ['patrol', 'restaurant_patrol', 'exhaust_cleaning', 'licence_review', 'key_update', 'satisfaction_survey'] as const;
export type RecurringDutyId = (typeof recurringDutyIds)[number];
/** Every duty the 工作台 counts: the recurring ones and the documents a file must hold. */
export const dutyIds = ['completeness', ...recurringDutyIds] as const;
export type DutyId = (typeof dutyIds)[number];

export const dutyPeriods = ['month', 'quarter', 'year'] as const;
export type DutyPeriod = (typeof dutyPeriods)[number];

/**
 * Which files a recurring duty applies to, besides the customer kinds of its setting: a
 * restaurant (餐饮) flag, a business licence on record, or the key classification.
 */
export type DutyScope = 'not_restaurant' | 'restaurant' | 'licence' | 'key' | 'all';
export const dutyScopes: Record<RecurringDutyId, DutyScope> = {
  patrol: 'not_restaurant',
  restaurant_patrol: 'restaurant',
  exhaust_cleaning: 'restaurant',
  licence_review: 'licence',
  key_update: 'key',
  satisfaction_survey: 'all',
};

const code = z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/);

export const recurringDutyRuleSchema = z
  .object({
    enabled: z.boolean(),
    period: z.enum(dutyPeriods),
    kinds: z.array(z.enum(customerKinds)).max(customerKinds.length),
    /** A document of one of these categories dated in the period satisfies it… */
    categories: z.array(code).max(50),
    /** …and so does a desk record of one of these kinds made in the period. */
    recordKinds: z.array(code).max(50),
  })
  .strict();
export type RecurringDutyRule = z.infer<typeof recurringDutyRuleSchema>;

export const dutySettingsSchema = z
  .object({
    /** Document categories a file must hold, by customer kind (empty: nothing required). */
    requiredDocuments: z.record(z.enum(customerKinds), z.array(code).max(50)),
    /** A file still lacking a required document this many days after it was made is late. */
    completeWithinDays: z.number().int().min(1).max(365),
    recurring: z.record(z.enum(recurringDutyIds), recurringDutyRuleSchema),
  })
  .strict();
export type DutySettings = z.infer<typeof dutySettingsSchema>;

const property: CustomerKind[] = ['tenant', 'owner'];

export const defaultDutySettings: DutySettings = {
  requiredDocuments: {
    tenant: ['basic_record', 'fire_safety', 'fit_out', 'identity', 'emergency_contacts'],
    owner: ['basic_record', 'identity', 'emergency_contacts'],
    sales: ['identity'],
    potential: [],
  },
  completeWithinDays: 30,
  recurring: {
    patrol: { enabled: true, period: 'quarter', kinds: property, categories: ['inspection'], recordKinds: [] },
    restaurant_patrol: { enabled: true, period: 'month', kinds: property, categories: ['inspection'], recordKinds: [] },
    exhaust_cleaning: { enabled: true, period: 'quarter', kinds: property, categories: ['service_contract'], recordKinds: [] },
    licence_review: { enabled: true, period: 'year', kinds: [...customerKinds], categories: ['identity'], recordKinds: [] },
    key_update: { enabled: true, period: 'quarter', kinds: ['sales', 'tenant', 'owner'], categories: ['visit'], recordKinds: ['key-account', 'visit'] },
    satisfaction_survey: { enabled: true, period: 'year', kinds: ['sales', 'tenant', 'owner'], categories: [], recordKinds: ['satisfaction-survey'] },
  },
};

/** A desk record counts for completeness as a document of this category. */
export const recordKindCategory: Record<string, string> = {
  'file-registration': 'basic_record',
  'emergency-contacts': 'emergency_contacts',
  visit: 'visit',
  complaint: 'complaint',
  repair: 'repair',
  'meter-reading': 'meter',
};

export interface DutyWindow {
  /** First and last local day of the period. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a rule that holds a local date. */
export function periodOf(date: string, period: DutyPeriod): DutyWindow {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = period === 'year' ? 1 : period === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  const months = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
  const start = `${year}-${pad(first)}-01`;
  const nextMonth = first + months;
  const next = nextMonth > 12 ? `${year + 1}-${pad(nextMonth - 12)}-01` : `${year}-${pad(nextMonth)}-01`;
  return { start, end: addDays(next, -1) };
}

/** The period before the one that holds a local date. */
export function previousPeriod(date: string, period: DutyPeriod): DutyWindow {
  return periodOf(addDays(periodOf(date, period).start, -1), period);
}

/** "2026年第4季度", "2026-12", "2026年": how a period reads (zh-CN) or "Q4 2026" (en). */
export function periodName(window: DutyWindow, period: DutyPeriod, locale: 'zh-CN' | 'en'): string {
  const year = window.start.slice(0, 4);
  if (period === 'year') return locale === 'zh-CN' ? `${year}年` : year;
  if (period === 'month') return window.start.slice(0, 7);
  const quarter = Math.floor((Number(window.start.slice(5, 7)) - 1) / 3) + 1;
  return locale === 'zh-CN' ? `${year}年第${quarter}季度` : `Q${quarter} ${year}`;
}
