import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type z } from 'zod';
import type { ArchiveDatabase, DocumentDbRow } from '../../db/schema';
import {
  addRefAlias,
  categoryExists,
  categoryRows,
  customerById,
  documentById,
  documentLevels,
  documentsOf,
  fileById,
  insertDocumentRow,
  insertScanRows,
  refAliasesOf,
  revisionsOf,
  scanById,
  scansOf,
  updateDocumentRow,
  updateFileRow,
  upsertCategory,
} from '../../db/queries/documents';
import type { CatalogueRow, DocumentCategory, DocumentRevision, DocumentRow, FileDetail, ScanData, ScanInfo, ScanText } from '../../shared/api';
import { approverRank, effectiveConfidentiality, type Confidentiality, type Role, type ScanMime } from '../../shared/domain';
import { useApproval } from './approvals';
import { pagesOfScan } from '../../db/queries/scan-text';
import { ArchiveError } from '../../shared/errors';
import { type addDocumentInput, type saveDocumentCategoryInput, type updateDocumentInput } from '../../shared/schemas';
import { recordAudit } from './audit';
import { isConfidential, lowerDocumentConfidentiality, mayViewConfidential, recordRevision } from './confidentiality';
import { scanBytes, sealPendingScans, sealScan, unsealOrdinaryScans } from './confidential-scans';
import { nowIso, type ServiceContext } from './context';
import { indexCustomer, toFileSummary } from './customers';
import { issueRefNo } from './ref-numbers';
import { documentRowId, writeIndexRow } from './search';
import { retentionDueDate, retentionEventDate } from './retention';
import { readSettings } from './settings';
import { readLines } from './kept-lines';
import { sealRecordsOfFile, unsealRecordsOfFile } from './records';

type Db = Kysely<ArchiveDatabase>;

/** The type of a scan, read from its first bytes: the name and the browser's claim are not trusted. */
export function sniffScanMime(bytes: Buffer): ScanMime | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

interface PreparedScan {
  fileName: string;
  mime: ScanMime;
  data: Buffer;
  sha256: string;
}

/** Decodes and checks every scan before anything is written, so one bad scan changes nothing. */
async function prepareScans(db: Db, scans: { fileName: string; dataBase64: string }[]): Promise<PreparedScan[]> {
  const { maxScanMegabytes } = await readSettings(db);
  return scans.map((scan) => {
    const data = Buffer.from(scan.dataBase64, 'base64');
    if (data.length > maxScanMegabytes * 1024 * 1024) {
      throw new ArchiveError('SCAN_TOO_LARGE', { fileName: scan.fileName, sizeMb: (data.length / 1024 / 1024).toFixed(1), maxMb: maxScanMegabytes });
    }
    const mime = sniffScanMime(data);
    if (!mime) throw new ArchiveError('SCAN_TYPE_NOT_ALLOWED', { fileName: scan.fileName });
    return { fileName: scan.fileName, mime, data, sha256: createHash('sha256').update(data).digest('hex') };
  });
}

async function insertScans(db: Db, ctx: ServiceContext, documentId: number, scans: PreparedScan[]): Promise<void> {
  if (scans.length === 0) return;
  // A confidential document's scans are sealed before they are written: never stored in the clear.
  const publicKey = (await isConfidential(db, documentId)) ? (ctx.keys?.publicKey ?? null) : null;
  await insertScanRows(
    db,
    scans.map((s) => ({
      document_id: documentId,
      file_name: s.fileName,
      mime: s.mime,
      size: s.data.length,
      sha256: s.sha256,
      ...(publicKey ? sealScan(publicKey, s.data, s.sha256) : { data: s.data, sealed_key: null }),
      created_at: nowIso(ctx),
    })),
  );
}

/** After a level was raised: the scans that are now confidential are sealed. */
async function sealRaised(db: Db, ctx: ServiceContext, where: { fileId?: number; documentId?: number }): Promise<void> {
  const publicKey = ctx.keys?.publicKey;
  if (publicKey) await sealPendingScans(db, publicKey, where);
}

async function requireCategory(db: Db, code: string): Promise<void> {
  if (!(await categoryExists(db, code))) throw new ArchiveError('UNKNOWN_CATEGORY', { category: code });
}

async function indexDocument(db: Db, doc: DocumentDbRow): Promise<void> {
  await writeIndexRow(db, documentRowId(doc.id), { names: [doc.title], other: [] });
}

/** The columns a document's editable fields map to. */
function documentColumns(input: { category: string; title: string; docDate: string; pages: number; isOriginal: boolean; confidentiality: Confidentiality; remarks?: string }) {
  return {
    category: input.category,
    title: input.title,
    doc_date: input.docDate,
    pages: input.pages,
    is_original: input.isOriginal ? 1 : 0,
    confidentiality: input.confidentiality,
    remarks: input.remarks ?? null,
  };
}

function toDocumentRow(d: DocumentDbRow, scans: ScanInfo[], restricted = false): DocumentRow {
  if (restricted) {
    // The viewer sees that a confidential document is there, not what it says.
    return { ...toDocumentRow(d, []), title: '', remarks: null, restricted: true };
  }
  return {
    restricted: false,
    id: d.id,
    fileId: d.file_id,
    category: d.category,
    title: d.title,
    docDate: d.doc_date,
    pages: d.pages,
    isOriginal: d.is_original === 1,
    confidentiality: d.confidentiality,
    remarks: d.remarks,
    version: d.version,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    scans,
  };
}

async function loadDocument(db: Db, id: number): Promise<DocumentRow> {
  const doc = await documentById(db, id);
  if (!doc) throw new ArchiveError('NOT_FOUND');
  return toDocumentRow(doc, (await scansOf(db, [id])).get(id) ?? []);
}

export interface Viewer {
  accountId: number;
  role: Role;
  now: Date;
}

/** Which of these documents the viewer may not see in full (confidential, no role or approval). */
async function restrictedFor(db: Db, viewer: Viewer | undefined, fileLevel: Confidentiality, docs: DocumentDbRow[]): Promise<Set<number>> {
  const restricted = new Set<number>();
  if (!viewer) return restricted;
  for (const d of docs) {
    if (effectiveConfidentiality(fileLevel, d.confidentiality) === 'confidential' && !(await mayViewConfidential(db, viewer, d.id, viewer.now))) restricted.add(d.id);
  }
  return restricted;
}

/** A file as the desk shows it to the one signed in (what their role may read of it); every view is recorded (003 §15). */
export async function viewFile(ctx: ServiceContext, fileId: number, category?: string): Promise<FileDetail> {
  const file = await loadFile(ctx.db, fileId, category, { accountId: ctx.session.accountId, role: ctx.session.role, now: ctx.clock.now() });
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'file.viewed', { targetType: 'file', targetId: String(fileId) });
  return file;
}

export async function loadFile(db: Db, fileId: number, category?: string, viewer?: Viewer): Promise<FileDetail> {
  const file = await fileById(db, fileId);
  if (!file) throw new ArchiveError('NOT_FOUND');
  const customer = await customerById(db, file.customer_id);
  const aliases = await refAliasesOf(db, fileId);
  const allDocs = await documentsOf(db, fileId);
  const shown = category ? allDocs.filter((d) => d.category === category) : allDocs;
  const scans = await scansOf(
    db,
    shown.map((d) => d.id),
  );
  const settings = await readSettings(db);
  const rule = settings.retention[customer.kind];
  const lastDocumentDate = allDocs[0]?.doc_date ?? null;
  const eventDate = retentionEventDate(rule.event, { moveOutDate: customer.move_out_date, lastDocumentDate, fileCreatedAt: file.created_at });
  const restricted = await restrictedFor(db, viewer, file.confidentiality, allDocs);
  const catalogue: CatalogueRow[] = [...allDocs].reverse().map((d, i) => ({
    seq: i + 1,
    documentId: d.id,
    docDate: d.doc_date,
    title: restricted.has(d.id) ? '' : d.title,
    pages: d.pages,
    remarks: restricted.has(d.id) ? null : d.remarks,
    withheld: restricted.has(d.id),
  }));
  return {
    ...toFileSummary(file, customer.name),
    customer: {
      id: customer.id,
      name: customer.name,
      shortName: customer.short_name,
      kind: customer.kind,
      building: customer.building,
      floor: customer.floor,
      moveOutDate: customer.move_out_date,
    },
    aliases: aliases.map((a) => ({ refNo: a.ref_no, replacedAt: a.replaced_at, reason: a.reason })),
    retentionEvent: rule.event,
    retentionDueDate: retentionDueDate(file.retention, eventDate),
    closedAt: file.closed_at,
    confidentiality: file.confidentiality,
    legalHold: file.legal_hold === 1,
    legalHoldReason: file.legal_hold_reason,
    destroyedAt: file.destroyed_at,
    documents: shown.map((d) => toDocumentRow(d, scans.get(d.id) ?? [], restricted.has(d.id))),
    catalogue,
  };
}

export async function addDocument(ctx: ServiceContext, input: z.output<typeof addDocumentInput>): Promise<DocumentRow> {
  const prepared = await prepareScans(ctx.db, input.scans);
  return ctx.db.transaction().execute(async (trx) => {
    const file = await fileById(trx, input.fileId);
    if (!file) throw new ArchiveError('NOT_FOUND');
    if (file.status !== 'active') throw new ArchiveError('FILE_CLOSED');
    await requireCategory(trx, input.category);
    const doc = await insertDocument(trx, ctx, input.fileId, input);
    await insertScans(trx, ctx, doc.id, prepared);
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'document.added', {
      targetType: 'document',
      targetId: String(doc.id),
      details: { fileId: input.fileId, scans: prepared.map((s) => s.sha256) },
    });
    return loadDocument(trx, doc.id);
  });
}

/** A new document row of a file, searchable by its title (the caller checks the file and category). */
export async function insertDocument(trx: Db, ctx: ServiceContext, fileId: number, fields: Parameters<typeof documentColumns>[0]): Promise<DocumentDbRow> {
  const at = nowIso(ctx);
  const doc = await insertDocumentRow(trx, { file_id: fileId, ...documentColumns(fields), version: 1, created_at: at, created_by: ctx.session.accountId, updated_at: at });
  await indexDocument(trx, doc);
  return doc;
}

/**
 * Edits a document. An original on file is corrected, not overwritten: a reason is required and
 * the previous version stays visible in its revisions (003 §9.8).
 */
export async function updateDocument(ctx: ServiceContext, input: z.output<typeof updateDocumentInput>): Promise<DocumentRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await documentById(trx, input.documentId);
    if (!before) throw new ArchiveError('NOT_FOUND');
    const file = await fileById(trx, before.file_id);
    if (!file) throw new ArchiveError('NOT_FOUND');
    if (file.status !== 'active') throw new ArchiveError('FILE_CLOSED');
    // Who may not read a confidential document may not edit it either (an edit answers with the whole document).
    if (effectiveConfidentiality(file.confidentiality, before.confidentiality) === 'confidential' && !(await mayViewConfidential(trx, ctx.session, before.id, ctx.clock.now()))) {
      throw new ArchiveError('CONFIDENTIAL_RESTRICTED');
    }
    if (before.confidentiality === 'confidential' && input.confidentiality !== 'confidential') throw new ArchiveError('DECLASSIFY_NEEDS_APPROVAL');
    if (before.is_original === 1) {
      if (!input.reason) throw new ArchiveError('REASON_REQUIRED');
      // An original is changed only with a manager's yes (003 §9.8): a manager's own, or an approval.
      if (approverRank[ctx.session.role] === 0) await useApproval(trx, ctx, input.approvalId, 'edit_original', before.id);
    }
    await requireCategory(trx, input.category);
    const at = nowIso(ctx);
    await recordRevision(trx, before, ctx.session.accountId, input.reason ?? '', at);
    const doc = await updateDocumentRow(trx, before.id, { ...documentColumns(input), version: before.version + 1, updated_at: at });
    await indexDocument(trx, doc);
    if (doc.confidentiality === 'confidential') await sealRaised(trx, ctx, { documentId: doc.id });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'document.corrected', {
      targetType: 'document',
      targetId: String(doc.id),
      details: { reason: input.reason ?? null, version: doc.version },
    });
    return loadDocument(trx, doc.id);
  });
}

export async function listDocumentRevisions(ctx: ServiceContext, documentId: number): Promise<DocumentRevision[]> {
  if (!(await documentById(ctx.db, documentId))) throw new ArchiveError('NOT_FOUND');
  const rows = await revisionsOf(ctx.db, documentId);
  const confidentialNow = await isConfidential(ctx.db, documentId);
  const mayView = await mayViewConfidential(ctx.db, ctx.session, documentId, ctx.clock.now());
  return rows.map((r) => {
    const before = JSON.parse(r.before) as DocumentRevision['before'];
    // A document lowered to ordinary keeps its confidential past versions from those without the right.
    const hide = (confidentialNow || before.confidentiality === 'confidential') && !mayView;
    return { version: r.version, at: r.at, reason: r.reason, accountName: r.display_name, before: hide ? { ...before, title: '', remarks: null } : before, restricted: hide };
  });
}

export async function addScan(ctx: ServiceContext, documentId: number, scan: { fileName: string; dataBase64: string }): Promise<ScanInfo> {
  const [prepared] = await prepareScans(ctx.db, [scan]);
  return ctx.db.transaction().execute(async (trx) => {
    const doc = await documentById(trx, documentId);
    if (!doc) throw new ArchiveError('NOT_FOUND');
    const file = await fileById(trx, doc.file_id);
    if (!file) throw new ArchiveError('NOT_FOUND');
    if (file.status !== 'active') throw new ArchiveError('FILE_CLOSED');
    await insertScans(trx, ctx, documentId, [prepared!]);
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'scan.added', { targetType: 'document', targetId: String(documentId), details: { sha256: prepared!.sha256 } });
    return (await scansOf(trx, [documentId])).get(documentId)!.at(-1)!;
  });
}

/** A scan the one asking may read: a confidential one only with the role or an approval. */
async function readableScan(ctx: ServiceContext, scanId: number) {
  const scan = await scanById(ctx.db, scanId);
  if (!scan) throw new ArchiveError('NOT_FOUND');
  const level = await documentLevels(ctx.db, scan.document_id);
  if (!level) throw new ArchiveError('NOT_FOUND');
  if (effectiveConfidentiality(level.doc, level.file) === 'confidential' && !(await mayViewConfidential(ctx.db, ctx.session, scan.document_id, ctx.clock.now()))) {
    throw new ArchiveError('CONFIDENTIAL_RESTRICTED');
  }
  return scan;
}

export async function getScan(ctx: ServiceContext, scanId: number): Promise<ScanData> {
  const scan = await readableScan(ctx, scanId);
  const bytes = await scanBytes(ctx.db, ctx, scan);
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'scan.viewed', { targetType: 'scan', targetId: String(scanId) });
  return { id: scan.id, fileName: scan.file_name, mime: scan.mime as ScanMime, size: scan.size, sha256: scan.sha256, dataBase64: bytes.toString('base64') };
}

/** A scan's text as read so far, page by page, under the same rule as the scan itself. */
export async function getScanText(ctx: ServiceContext, scanId: number): Promise<ScanText> {
  const scan = await readableScan(ctx, scanId);
  const pages = await pagesOfScan(ctx.db, scanId);
  return {
    scanId,
    state: scan.text_state ?? 'waiting',
    pages: pages.map((p) => ({
      pageNo: p.page_no,
      text: p.text,
      lines: readLines(p.lines),
      width: p.width,
      height: p.height,
      turned: p.turned,
      confidence: p.confidence,
    })),
  };
}

export async function listDocumentCategories(db: Db): Promise<DocumentCategory[]> {
  const rows = await categoryRows(db);
  return rows.map((r) => ({ code: r.code, labelZh: r.label_zh, labelEn: r.label_en, active: r.active === 1 }));
}

export async function saveDocumentCategory(ctx: ServiceContext, input: z.output<typeof saveDocumentCategoryInput>): Promise<DocumentCategory[]> {
  await ctx.db.transaction().execute(async (trx) => {
    await upsertCategory(trx, { code: input.code, label_zh: input.labelZh, label_en: input.labelEn, active: input.active ? 1 : 0 });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'settings.category_saved', { details: input });
  });
  return listDocumentCategories(ctx.db);
}

/**
 * Issues a new 档号 for a file whose number was wrong. The old number is kept as an alias that
 * still finds the file, and is never issued again.
 */
export async function correctFileRef(ctx: ServiceContext, fileId: number, reason: string): Promise<FileDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const file = await fileById(trx, fileId);
    if (!file) throw new ArchiveError('NOT_FOUND');
    const customer = await customerById(trx, file.customer_id);
    const year = ctx.clock.now().getFullYear();
    const { refNo, seq, category, retention } = await issueRefNo(trx, await readSettings(trx), customer, year);
    const at = nowIso(ctx);
    await addRefAlias(trx, { ref_no: file.ref_no, file_id: fileId, replaced_at: at, reason });
    await updateFileRow(trx, fileId, { ref_no: refNo, year, seq, category, retention, label_printed_at: null, updated_at: at });
    await indexCustomer(trx, customer.id);
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'file.ref_corrected', { targetType: 'file', targetId: String(fileId), details: { from: file.ref_no, to: refNo, reason } });
    return loadFile(trx, fileId);
  });
}

/** A manager reopens a departed file so documents can be added again. */
export async function reopenFile(ctx: ServiceContext, fileId: number, reason: string): Promise<FileDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const file = await fileById(trx, fileId);
    if (!file) throw new ArchiveError('NOT_FOUND');
    if (file.status !== 'departed') throw new ArchiveError('FILE_NOT_CLOSED');
    await updateFileRow(trx, fileId, { status: 'active', closed_at: null, reopened_at: nowIso(ctx), updated_at: nowIso(ctx) });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'file.reopened', { targetType: 'file', targetId: String(fileId), details: { reason } });
    return loadFile(trx, fileId);
  });
}

/** The general manager lowers (or anyone who may manage files raises) one document's confidentiality. */
export async function setDocumentConfidentiality(ctx: ServiceContext, input: { documentId: number; confidentiality: Confidentiality; reason: string }): Promise<DocumentRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const doc = await documentById(trx, input.documentId);
    if (!doc) throw new ArchiveError('NOT_FOUND');
    if (input.confidentiality === 'ordinary') {
      if (ctx.session.role !== 'general_manager') throw new ArchiveError('DECLASSIFY_NEEDS_APPROVAL');
      await lowerDocumentConfidentiality(trx, ctx, doc.id, ctx.session.accountId, input.reason);
    } else if (doc.confidentiality !== 'confidential') {
      await updateDocumentRow(trx, doc.id, { confidentiality: 'confidential', updated_at: nowIso(ctx) });
      await sealRaised(trx, ctx, { documentId: doc.id });
      await recordAudit(trx, ctx.clock, ctx.session.accountId, 'document.classified', { targetType: 'document', targetId: String(doc.id), details: { fileId: doc.file_id, reason: input.reason } });
    }
    return loadDocument(trx, doc.id);
  });
}

export async function setFileConfidentiality(ctx: ServiceContext, input: { fileId: number; confidentiality: Confidentiality; reason: string }): Promise<FileDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const file = await fileById(trx, input.fileId);
    if (!file) throw new ArchiveError('NOT_FOUND');
    if (file.confidentiality === 'confidential' && input.confidentiality !== 'confidential' && ctx.session.role !== 'general_manager') throw new ArchiveError('DECLASSIFY_NEEDS_APPROVAL');
    await updateFileRow(trx, input.fileId, { confidentiality: input.confidentiality, updated_at: nowIso(ctx) });
    if (input.confidentiality === 'confidential') {
      await sealRaised(trx, ctx, { fileId: input.fileId });
      await sealRecordsOfFile(trx, ctx, input.fileId);
    } else {
      await unsealOrdinaryScans(trx, ctx, { fileId: input.fileId });
      await unsealRecordsOfFile(trx, ctx, input.fileId);
    }
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'file.confidentiality', {
      targetType: 'file',
      targetId: String(input.fileId),
      details: { from: file.confidentiality, to: input.confidentiality, reason: input.reason },
    });
    return loadFile(trx, input.fileId);
  });
}

/** A manager puts a file on legal hold (it never appears for destruction) or lifts it. */
export async function setLegalHold(ctx: ServiceContext, input: { fileId: number; hold: boolean; reason: string }): Promise<FileDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await fileById(trx, input.fileId))) throw new ArchiveError('NOT_FOUND');
    await updateFileRow(trx, input.fileId, { legal_hold: input.hold ? 1 : 0, legal_hold_reason: input.hold ? input.reason : null, updated_at: nowIso(ctx) });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, input.hold ? 'file.legal_hold' : 'file.legal_hold_lifted', {
      targetType: 'file',
      targetId: String(input.fileId),
      details: { reason: input.reason },
    });
    return loadFile(trx, input.fileId);
  });
}
