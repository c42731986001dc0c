import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { contactsOf } from '../../db/queries/customers';
import { customerById, fileById } from '../../db/queries/documents';
import { nextSeq } from '../../db/queries/meta';
import {
  countRecords,
  filesOfPlace,
  insertRecordEvent,
  insertRecordRevision,
  insertRecordRow,
  insertRecordScan,
  openRecordCounts,
  openRecordsOfFile,
  recordById,
  recordEventsOf,
  recordOfAccountOn,
  recordRevisionRows,
  recordRevisionsOf,
  recordRows,
  recordScanById,
  recordScansOf,
  sealedRecordScansOf,
  storeRecordScanBytes,
  storeRevisionBefore,
  updateRecordRow,
  type RecordFilter,
  type RecordListDbRow,
} from '../../db/queries/records';
import type { ArchiveDatabase, DeskRecordDbRow } from '../../db/schema';
import type { ExportedFile, OpenRecordCount, Page, RecordDetail, RecordRow, ScanData, ScanInfo } from '../../shared/api';
import { addDays, localDate, localDayStart } from '../../shared/dates';
import { effectiveConfidentiality, type Confidentiality, type Locale, type ScanMime } from '../../shared/domain';
import { recordLabels } from '../../shared/record-labels';
import { registerCells, registerColumns } from '../../shared/record-text';
import { ArchiveError } from '../../shared/errors';
import { HOME_DUE_DAYS, movesFor, recordKind, SUPERSEDE_MOVE, type RecordFields, type RecordKind, type RecordPrefill } from '../../shared/record-kinds';
import type { ListRecordsInput, SaveRecordInput } from '../../shared/record-schemas';
import type { PrintedRecord, RecordFormData } from '../forms/record-forms';
import { recordAudit } from './audit';
import { openWithConfidentialKey, sealScan } from './confidential-scans';
import { nowIso, today, type ServiceContext } from './context';
import { sniffScanMime } from './documents';
import { matchingRowIds } from './search';
import { openFields, sealFields } from './record-seal';
import { readSettings } from './settings';
import { xlsxFile, xlsxSheet } from './xlsx';

type Db = Kysely<ArchiveDatabase>;

// Desk records (issue 19): one mechanism for every kind declared in shared/record-kinds/. A record
// is numbered per kind and local year, keeps every earlier version, moves through its kind's life
// cycle one audited step at a time, and takes its file's confidentiality: a confidential record's
// fields are sealed, read only by the general manager, and withheld from everyone else.

function kindOf(id: string): RecordKind {
  const kind = recordKind(id);
  if (!kind) throw new ArchiveError('NOT_FOUND');
  return kind;
}

const pad4 = (n: number) => String(n).padStart(4, '0');
/** A revision written by a step of the life cycle keeps the step's id as its reason, after this. */
const MOVE_REASON = 'move:';

/** What a new record's fields start with: the file's customer, the clerk, the clock. */
export async function draftRecord(ctx: ServiceContext, input: { kind: string; fileId?: number }): Promise<RecordFields> {
  const kind = kindOf(input.kind);
  const file = input.fileId !== undefined ? await fileById(ctx.db, input.fileId) : undefined;
  if (input.fileId !== undefined && !file) throw new ArchiveError('NOT_FOUND');
  const customer = file ? await customerById(ctx.db, file.customer_id) : undefined;
  const people = customer ? await contactsOf(ctx.db, customer.id) : [];
  const firstContact = people.find((c) => c.kind === 'contact');
  const rows = (kind: 'contact' | 'emergency') => people.filter((c) => c.kind === kind).map((c) => ({ name: c.name, ...(c.title ? { title: c.title } : {}), ...(c.phone ? { phone: c.phone } : {}) }));
  const values: Record<RecordPrefill, unknown> = {
    customerName: customer?.name,
    unit: file?.unit ?? undefined,
    phone: firstContact?.phone ?? customer?.phone ?? undefined,
    contactName: firstContact?.name ?? customer?.name,
    contactTitle: firstContact?.title ?? undefined,
    address: customer?.address ?? undefined,
    fax: customer?.fax ?? undefined,
    legalRepresentative: customer?.legal_representative ?? undefined,
    businessScope: customer?.business_scope ?? undefined,
    staffCount: customer?.staff_count ?? undefined,
    relationshipStart: customer?.relationship_start ?? undefined,
    paymentTerms: customer?.payment_terms ?? undefined,
    creditGrade: customer?.credit_grade ?? undefined,
    moveInDate: customer?.move_in_date ?? undefined,
    licenceNo: customer?.licence_no ?? undefined,
    contacts: customer ? rows('contact') : undefined,
    emergencyContacts: customer ? rows('emergency') : undefined,
    building: customer?.building ?? undefined,
    floor: customer?.floor ?? undefined,
    now: nowIso(ctx),
    today: today(ctx),
    clerk: ctx.session.displayName,
  };
  const fields: RecordFields = {};
  for (const f of kind.fields) if (f.prefill && values[f.prefill] !== undefined && values[f.prefill] !== null) fields[f.key] = values[f.prefill];
  return fields;
}

/** When it happened: the kind's date field (a local date counts from its first moment), else now. */
function occurredAt(kind: RecordKind, fields: RecordFields, fallback: string): string {
  const value = kind.occurredField ? fields[kind.occurredField] : undefined;
  if (typeof value !== 'string') return fallback;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? localDayStart(value) : new Date(value).toISOString();
}

/** The local date it is due by: the kind's date field, or its deadline in days from when it happened. */
async function dueDate(db: Db, kind: RecordKind, fields: RecordFields, occurred: string): Promise<string | null> {
  if (kind.dueField) return typeof fields[kind.dueField] === 'string' ? (fields[kind.dueField] as string) : null;
  if (!kind.deadline) return null;
  const choice = String(fields[kind.deadline.field] ?? '');
  const { recordDeadlineDays } = await readSettings(db);
  const days = recordDeadlineDays[`${kind.id}.${choice}`] ?? kind.deadline.days[choice];
  return days === undefined ? null : addDays(localDate(occurred), days);
}

const assignedTo = (kind: RecordKind, fields: RecordFields) => (kind.assignedField && typeof fields[kind.assignedField] === 'string' ? (fields[kind.assignedField] as string) : null);

/** The level that applies: the record's own or its file's, whichever is stricter. */
async function levelOf(db: Db, row: Pick<DeskRecordDbRow, 'confidentiality' | 'file_id'>): Promise<Confidentiality> {
  const file = row.file_id !== null ? await fileById(db, row.file_id) : undefined;
  return effectiveConfidentiality(file?.confidentiality ?? 'ordinary', row.confidentiality);
}

/** The stored columns of a version's fields: JSON, or sealed when the record is confidential. */
function storedFields(ctx: ServiceContext, confidential: boolean, recordNo: string, version: number, fields: RecordFields) {
  if (!confidential) return { fields: JSON.stringify(fields), sealed_fields: null, sealed_key: null };
  const publicKey = ctx.keys?.publicKey;
  if (!publicKey) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
  const { sealed, sealedKey } = sealFields(publicKey, recordNo, version, fields);
  return { fields: '{}', sealed_fields: sealed, sealed_key: sealedKey };
}

/** The fields of a record as this session may read them; null when withheld. */
function readableFields(ctx: ServiceContext, row: Pick<DeskRecordDbRow, 'record_no' | 'version' | 'fields' | 'sealed_fields' | 'sealed_key'>, confidential: boolean): RecordFields | null {
  if (row.sealed_fields && row.sealed_key) {
    if (ctx.session.role !== 'general_manager') return null;
    const opened = openFields(ctx.keys?.confidentialKey, row.record_no, row.version, row.sealed_fields, row.sealed_key);
    if (!opened) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
    return opened;
  }
  if (confidential && ctx.session.role !== 'general_manager') return null;
  return JSON.parse(row.fields) as RecordFields;
}

function toRow(ctx: ServiceContext, r: RecordListDbRow, todayDate: string): RecordRow {
  const confidential = effectiveConfidentiality(r.file_confidentiality ?? 'ordinary', r.confidentiality) === 'confidential';
  const fields = readableFields(ctx, r, confidential);
  return {
    id: r.id,
    kind: r.kind,
    recordNo: r.record_no,
    status: r.status,
    occurredAt: r.occurred_at,
    dueDate: r.due_date,
    overdue: r.closed_at === null && r.due_date !== null && r.due_date < todayDate,
    fileId: r.file_id,
    refNo: r.ref_no,
    customerName: r.customer_name,
    building: r.building,
    floor: r.floor,
    unit: r.unit,
    assignedTo: fields ? r.assigned_to : null,
    confidentiality: r.confidentiality,
    withheld: fields === null,
    fields: fields ?? {},
    createdByName: r.created_by_name,
    closedAt: r.closed_at,
    version: r.version,
  };
}

async function requireWritableFile(db: Db, fileId: number | null) {
  if (fileId === null) return undefined;
  const file = await fileById(db, fileId);
  if (!file) throw new ArchiveError('NOT_FOUND');
  if (file.status === 'destroyed') throw new ArchiveError('RECORD_FILE_DESTROYED');
  return file;
}

/** A new record, or a kept one revised (with a reason: the earlier version stays, 003 §9.8). */
export async function saveRecord(ctx: ServiceContext, input: SaveRecordInput): Promise<RecordDetail> {
  const kind = kindOf(input.kind);
  const fields = input.fields as RecordFields;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx);
    if (input.recordId === undefined) {
      if (kind.scope === 'file' && input.fileId === undefined) throw new ArchiveError('RECORD_FILE_REQUIRED');
      const file = await requireWritableFile(trx, input.fileId ?? null);
      const customer = file ? await customerById(trx, file.customer_id) : undefined;
      const year = ctx.clock.now().getFullYear();
      const seq = await nextSeq(trx, year, `rec:${kind.id}`);
      const recordNo = `${kind.prefix}-${year}-${pad4(seq)}`;
      const level = effectiveConfidentiality(file?.confidentiality ?? 'ordinary', input.confidentiality ?? 'ordinary');
      const occurred = occurredAt(kind, fields, at);
      if (kind.uniquePer === 'clerkDay') {
        const day = localDate(occurred);
        const existing = await recordOfAccountOn(trx, kind.id, ctx.session.accountId, localDayStart(day), localDayStart(addDays(day, 1)));
        if (existing) throw new ArchiveError('RECORD_EXISTS_FOR_DAY', { recordKind: kind.id, recordNo: existing.record_no, recordId: existing.id, day });
      }
      const closed = (kind.moves.length === 0 && !kind.supersedes) || kind.closedStatuses.includes(kind.statuses[0]!);
      const replaced = kind.supersedes && file ? await openRecordsOfFile(trx, kind.id, file.id) : [];
      const row = await insertRecordRow(trx, {
        kind: kind.id,
        year,
        seq,
        record_no: recordNo,
        file_id: file?.id ?? null,
        status: kind.statuses[0]!,
        ...storedFields(ctx, level === 'confidential', recordNo, 1, fields),
        confidentiality: input.confidentiality ?? 'ordinary',
        occurred_at: occurred,
        due_date: await dueDate(trx, kind, fields, occurred),
        building: customer?.building ?? null,
        floor: customer?.floor ?? null,
        unit: file?.unit ?? null,
        assigned_to: assignedTo(kind, fields),
        version: 1,
        created_at: at,
        created_by: ctx.session.accountId,
        updated_at: at,
        closed_at: closed ? at : null,
      });
      await recordAudit(trx, ctx.clock, ctx.session.accountId, 'record.created', {
        targetType: 'record',
        targetId: String(row.id),
        details: { kind: kind.id, recordNo, fileId: file?.id, recordDue: row.due_date ?? undefined },
      });
      // The newest survey is the current one: the one before is kept, closed, and says which replaced it.
      for (const old of replaced) {
        const to = kind.closedStatuses[0]!;
        await updateRecordRow(trx, old.id, { status: to, closed_at: at, updated_at: at });
        await insertRecordEvent(trx, { record_id: old.id, at, account_id: ctx.session.accountId, move: SUPERSEDE_MOVE, from_status: old.status, to_status: to, note: recordNo });
        await recordAudit(trx, ctx.clock, ctx.session.accountId, 'record.superseded', { targetType: 'record', targetId: String(old.id), details: { recordNo: old.record_no, by: recordNo } });
      }
      return row.id;
    }
    const before = await recordById(trx, input.recordId);
    if (!before || before.kind !== kind.id) throw new ArchiveError('NOT_FOUND');
    await requireWritableFile(trx, before.file_id);
    if (!input.reason) throw new ArchiveError('REASON_REQUIRED');
    const level = await levelOf(trx, before);
    if (readableFields(ctx, before, level === 'confidential') === null) throw new ArchiveError('CONFIDENTIAL_RESTRICTED');
    const nextLevel = input.confidentiality ?? before.confidentiality;
    if (before.confidentiality === 'confidential' && nextLevel !== 'confidential' && ctx.session.role !== 'general_manager') throw new ArchiveError('DECLASSIFY_NEEDS_APPROVAL');
    const after = await writeVersion(trx, ctx, kind, before, fields, input.reason, { confidentiality: nextLevel });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'record.revised', { targetType: 'record', targetId: String(before.id), details: { reason: input.reason, version: after.version } });
    if (nextLevel !== before.confidentiality) {
      await recordAudit(trx, ctx.clock, ctx.session.accountId, nextLevel === 'confidential' ? 'record.classified' : 'record.declassified', {
        targetType: 'record',
        targetId: String(before.id),
        details: { from: before.confidentiality, to: nextLevel, reason: input.reason },
      });
    }
    return before.id;
  });
  return getRecord(ctx, id, false);
}

/**
 * Keeps the version a record had and writes the next: its fields, and the columns a register reads
 * from them. The earlier version keeps its sealed bytes as they were (sealed with its own version).
 */
async function writeVersion(
  trx: Db,
  ctx: ServiceContext,
  kind: RecordKind,
  before: DeskRecordDbRow,
  fields: RecordFields,
  reason: string,
  extra: { confidentiality?: Confidentiality; status?: string; closed_at?: string | null } = {},
): Promise<DeskRecordDbRow> {
  const at = nowIso(ctx);
  await insertRecordRevision(trx, {
    record_id: before.id,
    version: before.version,
    at,
    account_id: ctx.session.accountId,
    reason,
    before: before.fields,
    sealed_before: before.sealed_fields,
    sealed_key: before.sealed_key,
  });
  const version = before.version + 1;
  const fileLevel = before.file_id !== null ? ((await fileById(trx, before.file_id))?.confidentiality ?? 'ordinary') : 'ordinary';
  const level = effectiveConfidentiality(fileLevel, extra.confidentiality ?? before.confidentiality);
  const occurred = occurredAt(kind, fields, before.occurred_at);
  return updateRecordRow(trx, before.id, {
    ...storedFields(ctx, level === 'confidential', before.record_no, version, fields),
    ...extra,
    occurred_at: occurred,
    due_date: await dueDate(trx, kind, fields, occurred),
    assigned_to: assignedTo(kind, fields),
    version,
    updated_at: at,
  });
}

/** One step of the record's life cycle, with what its dialog asked for; the fields it changes are a new version. */
export async function moveRecord(ctx: ServiceContext, input: { recordId: number; move: string; fields: Record<string, unknown>; note?: string }): Promise<RecordDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await recordById(trx, input.recordId);
    if (!before) throw new ArchiveError('NOT_FOUND');
    const kind = kindOf(before.kind);
    await requireWritableFile(trx, before.file_id);
    const level = await levelOf(trx, before);
    const current = readableFields(ctx, before, level === 'confidential');
    if (current === null) throw new ArchiveError('CONFIDENTIAL_RESTRICTED');
    const move = kind.moves.find((m) => m.id === input.move);
    if (!move) throw new ArchiveError('NOT_FOUND');
    // Only the fields the step asks for may change with it; the rest is a revision, with a reason.
    const asked = new Set(move.asks ?? []);
    const stray = Object.keys(input.fields).filter((k) => !asked.has(k));
    if (stray.length) throw new ArchiveError('RECORD_MOVE_NOT_ALLOWED', { recordKind: kind.id, recordStatus: before.status, recordMove: move.id });
    const merged: RecordFields = { ...current, ...input.fields };
    for (const k of Object.keys(merged)) if (merged[k] === '' || merged[k] === null) delete merged[k];
    const parsed = kind.schema.safeParse(merged);
    if (!parsed.success) throw new ArchiveError('RECORD_FIELDS_REQUIRED', { recordKind: kind.id, recordFields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] });
    const fields = parsed.data;
    if (!move.from.includes(before.status) || !(move.when?.(fields) ?? true))
      throw new ArchiveError('RECORD_MOVE_NOT_ALLOWED', { recordKind: kind.id, recordStatus: before.status, recordMove: move.id });
    if (!move.roles.includes(ctx.session.role)) throw new ArchiveError('FORBIDDEN', { allowedRoles: [...move.roles] });
    const missing = (move.requires ?? []).filter((k) => fields[k] === undefined);
    if (missing.length) throw new ArchiveError('RECORD_FIELDS_REQUIRED', { recordKind: kind.id, recordFields: missing });
    const closing = kind.closedStatuses.includes(move.to);
    const changed = JSON.stringify(fields) !== JSON.stringify(current);
    const status = { status: move.to, closed_at: closing ? nowIso(ctx) : null };
    const after = changed ? await writeVersion(trx, ctx, kind, before, fields, `${MOVE_REASON}${move.id}`, status) : await updateRecordRow(trx, before.id, { ...status, updated_at: nowIso(ctx) });
    await insertRecordEvent(trx, { record_id: before.id, at: nowIso(ctx), account_id: ctx.session.accountId, move: move.id, from_status: before.status, to_status: move.to, note: input.note ?? null });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'record.moved', {
      targetType: 'record',
      targetId: String(before.id),
      details: { move: move.id, from: before.status, to: move.to, note: input.note, recordDue: after.due_date ?? undefined },
    });
  });
  return getRecord(ctx, input.recordId, false);
}

/** One record with its life cycle, its earlier versions and its scans; a view is audited (003 §15). */
export async function getRecord(ctx: ServiceContext, recordId: number, audited = true): Promise<RecordDetail> {
  const [base] = await recordRows(ctx.db, { id: recordId }, null);
  if (!base) throw new ArchiveError('NOT_FOUND');
  const detail = toRow(ctx, base, today(ctx));
  const kind = kindOf(detail.kind);
  const confidential = effectiveConfidentiality(base.file_confidentiality ?? 'ordinary', base.confidentiality) === 'confidential';
  const revisions = (await recordRevisionsOf(ctx.db, recordId)).map((r) => {
    const before = detail.withheld
      ? null
      : readableFields(ctx, { record_no: detail.recordNo, version: r.version, fields: r.before, sealed_fields: r.sealed_before, sealed_key: r.sealed_key }, confidential);
    // A step's own change is named by the step (the screen says it in words), not by a typed reason.
    const move = r.reason.startsWith(MOVE_REASON) ? r.reason.slice(MOVE_REASON.length) : null;
    return { version: r.version, at: r.at, reason: move ? '' : r.reason, move, accountName: r.display_name, before: before ?? {}, withheld: before === null };
  });
  const events = (await recordEventsOf(ctx.db, recordId)).map((e) => ({ at: e.at, move: e.move, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, accountName: e.display_name }));
  const scans: ScanInfo[] = (await recordScansOf(ctx.db, recordId)).map((s) => ({ id: s.id, fileName: s.file_name, mime: s.mime as ScanMime, size: s.size, sha256: s.sha256 }));
  if (audited) await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'record.viewed', { targetType: 'record', targetId: String(recordId) });
  return { ...detail, events, revisions, scans, moves: detail.withheld ? [] : movesFor(kind, detail.status, detail.fields, ctx.session.role).map((m) => m.id) };
}

/** A register's filters as the query takes them: local dates become the UTC bounds of those days. */
function filterOf(ctx: ServiceContext, input: Omit<ListRecordsInput, 'page' | 'pageSize'>): RecordFilter | null {
  const f: RecordFilter = {
    kind: input.kind,
    statuses: input.status,
    fileId: input.fileId,
    from: input.from ? localDayStart(input.from) : undefined,
    to: input.to ? localDayStart(addDays(input.to, 1)) : undefined,
    building: input.building || undefined,
    floor: input.floor || undefined,
    open: input.open,
    overdueBefore: input.overdue ? today(ctx) : undefined,
  };
  const q = input.query?.trim();
  if (q) {
    f.recordNo = q.toUpperCase();
    f.customerMatch = matchingRowIds(q) ?? undefined;
  }
  return f;
}

/** A register: every record matching, a page at a time, with the total (never a silent limit). */
export async function listRecords(ctx: ServiceContext, input: ListRecordsInput): Promise<Page<RecordRow>> {
  const f = filterOf(ctx, input)!;
  const total = await countRecords(ctx.db, f);
  const rows = await recordRows(ctx.db, f, { size: input.pageSize, number: input.page });
  const t = today(ctx);
  return { rows: rows.map((r) => toRow(ctx, r, t)), total, page: input.page, pageSize: input.pageSize };
}

/** Every record matching a register's filters, for its export or a print job. */
export async function allRecords(ctx: ServiceContext, input: Omit<ListRecordsInput, 'page' | 'pageSize'>): Promise<RecordRow[]> {
  const f = filterOf(ctx, input)!;
  const t = today(ctx);
  return (await recordRows(ctx.db, f, null)).map((r) => toRow(ctx, r, t));
}

/** A file's records, newest first, for the 记录 tab. */
export async function fileRecords(ctx: ServiceContext, fileId: number): Promise<RecordRow[]> {
  if (!(await fileById(ctx.db, fileId))) throw new ArchiveError('NOT_FOUND');
  const t = today(ctx);
  return (await recordRows(ctx.db, { fileId }, null)).map((r) => toRow(ctx, r, t));
}

/** Open records per kind, with those past their date, for 工作台. */
export async function openRecords(ctx: ServiceContext): Promise<OpenRecordCount[]> {
  const on = today(ctx);
  const rows = await openRecordCounts(ctx.db, on, addDays(on, HOME_DUE_DAYS));
  return rows.map((r) => ({ kind: r.kind, open: Number(r.open), overdue: Number(r.overdue ?? 0), dueSoon: Number(r.dueSoon ?? 0) }));
}

/** A signed copy (PDF, JPEG or PNG) attached to a record; sealed when the record is confidential. */
export async function attachRecordScan(ctx: ServiceContext, recordId: number, scan: { fileName: string; dataBase64: string }): Promise<RecordDetail> {
  const data = Buffer.from(scan.dataBase64, 'base64');
  const { maxScanMegabytes } = await readSettings(ctx.db);
  if (data.length > maxScanMegabytes * 1024 * 1024) throw new ArchiveError('SCAN_TOO_LARGE', { fileName: scan.fileName, sizeMb: (data.length / 1024 / 1024).toFixed(1), maxMb: maxScanMegabytes });
  const mime = sniffScanMime(data);
  if (!mime) throw new ArchiveError('SCAN_TYPE_NOT_ALLOWED', { fileName: scan.fileName });
  const sha256 = createHash('sha256').update(data).digest('hex');
  await ctx.db.transaction().execute(async (trx) => {
    const record = await recordById(trx, recordId);
    if (!record) throw new ArchiveError('NOT_FOUND');
    await requireWritableFile(trx, record.file_id);
    const confidential = (await levelOf(trx, record)) === 'confidential';
    if (readableFields(ctx, record, confidential) === null) throw new ArchiveError('CONFIDENTIAL_RESTRICTED');
    let stored: { data: Buffer; sealed_key: Buffer | null } = { data, sealed_key: null };
    if (confidential) {
      const publicKey = ctx.keys?.publicKey;
      if (!publicKey) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
      stored = sealScan(publicKey, data, sha256);
    }
    const scanId = await insertRecordScan(trx, { record_id: recordId, file_name: scan.fileName, mime, size: data.length, sha256, ...stored, created_at: nowIso(ctx) });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'record.scan_added', { targetType: 'record', targetId: String(recordId), details: { scanId, sha256 } });
  });
  return getRecord(ctx, recordId, false);
}

export async function getRecordScan(ctx: ServiceContext, scanId: number): Promise<ScanData> {
  const scan = await recordScanById(ctx.db, scanId);
  if (!scan) throw new ArchiveError('NOT_FOUND');
  const record = await recordById(ctx.db, scan.record_id);
  if (!record) throw new ArchiveError('NOT_FOUND');
  const confidential = (await levelOf(ctx.db, record)) === 'confidential';
  let bytes: Buffer | null = Buffer.from(scan.data);
  if (scan.sealed_key || confidential) {
    if (ctx.session.role !== 'general_manager') throw new ArchiveError('CONFIDENTIAL_RESTRICTED');
    if (scan.sealed_key) bytes = ctx.keys?.confidentialKey ? openWithConfidentialKey(ctx.keys.confidentialKey, { ...scan, sealed_key: scan.sealed_key }) : null;
    if (!bytes) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
  }
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'record.scan_viewed', { targetType: 'record', targetId: String(record.id), details: { scanId } });
  return { id: scan.id, fileName: scan.file_name, mime: scan.mime as ScanMime, size: scan.size, sha256: scan.sha256, dataBase64: bytes.toString('base64') };
}

/**
 * After a file was raised to confidential: its records' fields, earlier versions and scans are
 * sealed. Needs the public key, which every signed-in session holds.
 */
export async function sealRecordsOfFile(db: Db, ctx: ServiceContext, fileId: number): Promise<void> {
  const publicKey = ctx.keys?.publicKey;
  if (!publicKey) return;
  for (const r of await recordRows(db, { fileId }, null)) {
    if (!r.sealed_key) await updateRecordRow(db, r.id, storedFields(ctx, true, r.record_no, r.version, JSON.parse(r.fields) as RecordFields));
    for (const rev of await recordRevisionRows(db, r.id)) {
      if (rev.sealed_key) continue;
      const { sealed, sealedKey } = sealFields(publicKey, r.record_no, rev.version, JSON.parse(rev.before) as RecordFields);
      await storeRevisionBefore(db, rev.id, { before: '{}', sealed_before: sealed, sealed_key: sealedKey });
    }
    for (const s of await sealedRecordScansOf(db, r.id)) if (!s.sealed_key) await storeRecordScanBytes(db, s.id, sealScan(publicKey, Buffer.from(s.data), s.sha256));
  }
}

/** After the general manager lowered a file: its records that are not confidential of their own are kept in the clear again. */
export async function unsealRecordsOfFile(db: Db, ctx: ServiceContext, fileId: number): Promise<void> {
  const key = ctx.keys?.confidentialKey;
  for (const r of await recordRows(db, { fileId }, null)) {
    if (r.confidentiality === 'confidential' || !r.sealed_key) continue;
    if (!key) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
    const fields = openFields(key, r.record_no, r.version, r.sealed_fields!, r.sealed_key);
    if (!fields) throw new ArchiveError('CONFIDENTIAL_KEY_MISSING');
    await updateRecordRow(db, r.id, { fields: JSON.stringify(fields), sealed_fields: null, sealed_key: null });
    for (const rev of await recordRevisionRows(db, r.id)) {
      if (!rev.sealed_key || !rev.sealed_before) continue;
      const before = openFields(key, r.record_no, rev.version, rev.sealed_before, rev.sealed_key);
      if (before) await storeRevisionBefore(db, rev.id, { before: JSON.stringify(before), sealed_before: null, sealed_key: null });
    }
    for (const s of await sealedRecordScansOf(db, r.id)) {
      if (!s.sealed_key) continue;
      const plain = openWithConfidentialKey(key, { ...s, sealed_key: s.sealed_key });
      if (plain) await storeRecordScanBytes(db, s.id, { data: plain, sealed_key: null });
    }
  }
}

/** A register as xlsx: the same columns and cells as the screen, every row the filters match. */
export async function exportRecords(ctx: ServiceContext, input: Omit<ListRecordsInput, 'page' | 'pageSize'> & { locale: Locale }): Promise<ExportedFile> {
  const { locale, ...filters } = input;
  const kind = kindOf(filters.kind);
  const rows = await allRecords(ctx, filters);
  const columns = registerColumns(kind, locale).map((c) => ({ header: c.title, key: c.key, width: c.key === 'content' ? 40 : c.key === 'customer' ? 24 : 16 }));
  const bytes = await xlsxSheet(
    recordLabels(kind.id, locale).title.slice(0, 31),
    columns,
    rows.map((r) => registerCells(kind, r, locale)),
    { created: ctx.clock.now(), freezeHeader: true },
  );
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'records.exported', { targetType: 'records', targetId: kind.id, details: { rows: rows.length } });
  return xlsxFile(`${recordLabels(kind.id, locale).title}-${today(ctx)}.xlsx`, bytes);
}

/** What a printed desk record holds: kept records by id, or forms started from each file (a selection, or a whole floor). */
export async function recordsToPrint(
  ctx: ServiceContext,
  params: { recordKind?: string; recordIds?: number[]; fileIds?: number[]; fileId?: number; building?: string; floor?: string; sheet?: string },
): Promise<RecordFormData> {
  if (!params.recordKind) throw new ArchiveError('FORM_RECORD_REQUIRED', { record: 'record' });
  const kind = kindOf(params.recordKind);
  const sheet = params.sheet && kind.sheets?.some((s) => s.id === params.sheet) ? params.sheet : undefined;
  if (params.recordIds?.length) {
    const records: PrintedRecord[] = [];
    for (const id of params.recordIds) {
      const r = await getRecord(ctx, id, false);
      if (r.kind !== kind.id) throw new ArchiveError('NOT_FOUND');
      records.push({ recordNo: r.recordNo, status: r.status, fields: r.fields, events: r.events, customerName: r.customerName, refNo: r.refNo, withheld: r.withheld });
    }
    return { kind, sheet, records };
  }
  // A notice for a floor: one form, its receipts table a row for each unit there to sign.
  if (kind.floorTable && params.building) {
    const rows = (await filesOfPlace(ctx.db, params.building, params.floor)).map((f) => ({ unit: f.unit, recipient: f.name }));
    const fields = { ...(await draftRecord(ctx, { kind: kind.id })), audience: [params.building, params.floor && `${params.floor}层`].filter(Boolean).join(' '), [kind.floorTable]: rows };
    return { kind, sheet, records: [{ recordNo: null, status: null, fields, events: [], customerName: null, refNo: null, withheld: false }] };
  }
  const fileIds = params.fileIds?.length ? params.fileIds : params.fileId ? [params.fileId] : params.building ? (await filesOfPlace(ctx.db, params.building, params.floor)).map((f) => f.id) : [];
  if (fileIds.length === 0) throw new ArchiveError('FORM_RECORD_REQUIRED', { record: 'file' });
  const records: PrintedRecord[] = [];
  for (const fileId of fileIds) {
    const file = await fileById(ctx.db, fileId);
    if (!file) throw new ArchiveError('NOT_FOUND');
    const customer = await customerById(ctx.db, file.customer_id);
    // A form for the desk to fill: no moment is printed as if it had happened.
    const fields = Object.fromEntries(Object.entries(await draftRecord(ctx, { kind: kind.id, fileId })).filter(([key]) => kind.fields.find((f) => f.key === key)?.prefill !== 'now'));
    records.push({ recordNo: null, status: null, fields, events: [], customerName: customer.name, refNo: file.ref_no, withheld: false });
  }
  return { kind, sheet, records };
}
