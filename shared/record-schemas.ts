import { z } from 'zod';
import { confidentialityLevels, type Confidentiality } from './domain';
import { recordKindIds, recordKinds } from './record-kinds';
import { scanUpload } from './schemas';

// The record methods' inputs. A record's fields are checked against its kind's own schema here,
// where the desk's language is known, so a refused field is named in words (see issueLabel).

const id = z.number().int().positive();
const kindId = z.enum(recordKindIds as [string, ...string[]]);
const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export interface SaveRecordInput {
  kind: string;
  recordId?: number;
  fileId?: number;
  fields: Record<string, unknown>;
  confidentiality?: Confidentiality;
  reason?: string;
}

export const saveRecordInput: z.ZodType<SaveRecordInput> = z.discriminatedUnion(
  'kind',
  recordKinds.map((k) =>
    z
      .object({
        kind: z.literal(k.id),
        /** Absent for a new record. */
        recordId: id.optional(),
        /** The customer's file; absent for the desk's own records. */
        fileId: id.optional(),
        fields: k.schema,
        confidentiality: z.enum(confidentialityLevels).optional(),
        /** Why a kept record is changed (003 §9.8). */
        reason: z.string().trim().max(500).optional(),
      })
      .strict(),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<SaveRecordInput>;

export const moveRecordInput = z
  .object({
    recordId: id,
    move: z.string().min(1).max(40),
    /** What the move's dialog asked for; checked against the kind's schema with the rest. */
    fields: z.record(z.string().max(40), z.unknown()).default({}),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const recordIdInput = z.object({ recordId: id }).strict();
export const recordScanIdInput = z.object({ scanId: id }).strict();
export const attachRecordScanInput = z.object({ recordId: id, scan: scanUpload }).strict();

const recordFilters = {
  kind: kindId,
  status: z.array(z.string().max(40)).max(20).optional(),
  fileId: id.optional(),
  /** Local dates, both included. */
  from: localDay.optional(),
  to: localDay.optional(),
  building: z.string().trim().max(50).optional(),
  floor: z.string().trim().max(20).optional(),
  /** A customer's name, unit, phone or 档号, or the record's number. */
  query: z.string().trim().max(100).optional(),
  open: z.boolean().optional(),
  overdue: z.boolean().optional(),
};

export const listRecordsInput = z
  .object({
    ...recordFilters,
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();

export const exportRecordsInput = z.object({ ...recordFilters, locale: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict();

export const fileRecordsInput = z.object({ fileId: id }).strict();

export type ListRecordsInput = z.output<typeof listRecordsInput>;
