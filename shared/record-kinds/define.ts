import { z } from 'zod';
import type { Role } from '../domain';

// A record kind is declared once: its fields, its life cycle, its deadline, its register and where
// it shows. The check of what is saved (zod), the form on screen, the printed A4 form and the
// register's columns are all made from this one declaration, so they cannot differ. Its words
// (title, field names, choices, statuses, moves) are in ../record-labels.ts.

export type RecordFieldType =
  /** One line of text. */
  | 'text'
  /** Several lines (what was said, what was done); `lines` is the room left on blank paper. */
  | 'longText'
  /** A local calendar date, YYYY-MM-DD. */
  | 'date'
  /** A moment, stored as UTC ISO, shown and printed in local time. */
  | 'dateTime'
  | 'number'
  /** Yuan, to the fen. */
  | 'money'
  /** One of the kind's listed values. */
  | 'choice'
  | 'yesNo'
  /** Rows of their own columns (several people, several keys). */
  | 'table';

/** What a new record's field starts with, taken from the file's customer or from the clock. */
export type RecordPrefill =
  | 'customerName'
  | 'unit'
  | 'phone'
  | 'contactName'
  | 'contactTitle'
  | 'building'
  | 'floor'
  | 'address'
  | 'fax'
  | 'legalRepresentative'
  | 'businessScope'
  | 'staffCount'
  | 'relationshipStart'
  | 'paymentTerms'
  | 'creditGrade'
  | 'moveInDate'
  | 'licenceNo'
  /** A table's rows: the customer's contacts, or its emergency contacts (name, title, phone). */
  | 'contacts'
  | 'emergencyContacts'
  | 'now'
  | 'today'
  | 'clerk';

export interface RecordField {
  key: string;
  type: RecordFieldType;
  required?: boolean;
  /** For a choice: the stored values (their words are labels). */
  choices?: readonly string[];
  /** For a table: its columns (no nested tables). */
  columns?: readonly RecordField[];
  /** Longest text accepted; rows of a table. */
  max?: number;
  /** Spans the form's whole width, on screen and on paper. */
  wide?: boolean;
  /** Handwriting lines a blank printed form leaves for it. */
  lines?: number;
  prefill?: RecordPrefill;
  /** A signature line on paper: the screen does not ask for it. */
  signature?: boolean;
}

export interface RecordMove {
  id: string;
  from: readonly string[];
  to: string;
  /** Who may make it (the service checks; the screen offers it only to them). */
  roles: readonly Role[];
  /** Fields that must be filled for the move (a complaint's result before it is handled). */
  requires?: readonly string[];
  /** Fields the move's dialog asks for (at least those required). */
  asks?: readonly string[];
  /** When the move applies, by the record's fields (approval only where the rule asks for it). */
  when?: (fields: RecordFields) => boolean;
}

export type RecordFields = Record<string, unknown>;

export interface RecordKindDefinition {
  id: string;
  /** qms-pm-313xx, where the seed numbers the form. */
  formNo?: string;
  /** A record of one customer's file, or of the desk itself. */
  scope: 'file' | 'desk';
  /** Record numbers: prefix-year-seq, TS-2026-0001. */
  prefix: string;
  fields: readonly RecordField[];
  /** The life cycle. A kind without one has the single status `kept`. */
  statuses?: readonly string[];
  moves?: readonly RecordMove[];
  /** Statuses in which the record is finished (its closed_at is set). */
  closedStatuses?: readonly string[];
  /** The field that says when it happened (a date-time or date); else the moment it was entered. */
  occurredField?: string;
  /** The field naming who handles it (shown in the register, kept in its own column). */
  assignedField?: string;
  /** Days to handle it, by the value of one choice field, each a setting in 设置 (recordDeadlineDays). */
  deadline?: { field: string; days: Readonly<Record<string, number>> };
  /** A date field by which it must be done (a key's return date): overdue after it. */
  dueField?: string;
  /** The fields the register shows as columns, in order (after number, date, customer and status). */
  register: readonly string[];
  /**
   * 工作台 counts the records still open (those past their date in red); 'due': only those due
   * within HOME_DUE_DAYS or past their date (a survey to do again, not every survey on file).
   */
  home?: boolean | 'due';
  /**
   * The newest of a file replaces the one before (a survey, a key customer's sheet): saving one
   * closes the file's earlier open ones as the first of `closedStatuses`.
   */
  supersedes?: boolean;
  /**
   * The paper forms one record prints as, each with the fields it carries, in order (titles in
   * the labels' `sheets`). Without: one form of every field, titled as the kind.
   */
  sheets?: readonly RecordSheet[];
  /** A desk record printed for a building (and floor): this table gets a row per unit there (unit, recipient), to sign. */
  floorTable?: string;
  /** At most one a clerk a day (the work log): a second is refused, and the first opened instead. */
  uniquePer?: 'clerkDay';
}

/** The step a newer record of the file takes for the one it replaces (kinds that supersede). */
export const SUPERSEDE_MOVE = 'supersede';

/** How far ahead a kind of home 'due' is brought to 工作台. */
export const HOME_DUE_DAYS = 30;

export interface RecordSheet {
  id: string;
  fields: readonly string[];
  /** The life cycle's steps as a table (a tracking sheet). */
  events?: boolean;
  /** Signature lines at the foot (signature fields, or any words). */
  signatures?: readonly string[];
}

export interface RecordKind extends RecordKindDefinition {
  statuses: readonly string[];
  moves: readonly RecordMove[];
  closedStatuses: readonly string[];
  /** What saving the record checks. */
  schema: z.ZodType<RecordFields>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

function fieldSchema(field: RecordField): z.ZodType {
  switch (field.type) {
    case 'text':
      return z
        .string()
        .trim()
        .max(field.max ?? 200);
    case 'longText':
      return z
        .string()
        .trim()
        .max(field.max ?? 4000);
    case 'date':
      return z.string().refine(validDay, { params: { code: 'INVALID_DATE' } });
    case 'dateTime':
      return z.iso.datetime({ offset: true });
    case 'number':
      return z.number().finite().min(0).max(1e9);
    case 'money':
      return z
        .number()
        .finite()
        .min(0)
        .max(1e12)
        .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6);
    case 'choice':
      return z.enum(field.choices as [string, ...string[]]);
    case 'yesNo':
      return z.boolean();
    case 'table':
      return z.array(objectSchema(field.columns ?? [])).max(field.max ?? 50);
  }
}

/** Empty text is no answer: it is dropped, so "required" means written, not blank. */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

function objectSchema(fields: readonly RecordField[]): z.ZodType<RecordFields> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    if (f.signature) continue;
    const base = fieldSchema(f);
    shape[f.key] = z.preprocess(blankToUndefined, f.required ? base : base.optional());
  }
  return z.object(shape).strict() as unknown as z.ZodType<RecordFields>;
}

export function defineRecordKind(definition: RecordKindDefinition): RecordKind {
  const statuses = definition.statuses ?? ['kept'];
  const moves = definition.moves ?? [];
  const keys = new Set(definition.fields.map((f) => f.key));
  for (const key of [
    ...definition.register,
    definition.occurredField,
    definition.assignedField,
    definition.deadline?.field,
    definition.dueField,
    ...moves.flatMap((m) => [...(m.requires ?? []), ...(m.asks ?? [])]),
  ]) {
    if (key !== undefined && !keys.has(key)) throw new Error(`record kind ${definition.id}: no field ${key}`);
  }
  for (const m of moves) for (const s of [...m.from, m.to]) if (!statuses.includes(s)) throw new Error(`record kind ${definition.id}: no status ${s}`);
  if (definition.supersedes && !definition.closedStatuses?.length) throw new Error(`record kind ${definition.id}: supersedes needs a closed status`);
  return { ...definition, statuses, moves, closedStatuses: definition.closedStatuses ?? [], schema: objectSchema(definition.fields) };
}

/** The moves open to this role from the record's status and fields. */
export function movesFor(kind: RecordKind, status: string, fields: RecordFields, role: Role): RecordMove[] {
  return kind.moves.filter((m) => m.from.includes(status) && m.roles.includes(role) && (m.when?.(fields) ?? true));
}
