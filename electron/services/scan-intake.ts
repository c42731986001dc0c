import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { degrees, PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { ArchiveDatabase, IntakePageKind } from '../../db/schema';
import { categoryExists, documentById, documentLevels, fileById, insertScanRow } from '../../db/queries/documents';
import { deletePart, finishIntake, insertIntakeFile, insertIntakePart, intakeBySha, intakeFileById, intakePagesOf, partById, waitingParts } from '../../db/queries/scan-intake';
import { insertPageText } from '../../db/queries/scan-text';
import { fileIdByRefNo } from '../../db/queries/locations';
import type { FiledScan, ReceivedScan, WaitingScan, WaitingScanData } from '../../shared/api';
import { effectiveConfidentiality, type IntakeWaitReason, type ScanMime } from '../../shared/domain';
import { ArchiveError, type ErrorCode } from '../../shared/errors';
import { requirePermission } from '../../shared/permissions';
import { refNoVariants } from '../../shared/ref-numbers';
import { recordAudit } from './audit';
import { sealScan } from './confidential-scans';
import { isConfidential } from './confidentiality';
import { nowIso, today, type ServiceContext } from './context';
import { insertDocument, sniffScanMime } from './documents';
import { findByCode } from './locations';
import { BLANK_COVER_CODE, parseCoverCode, type CoverFields } from './scan-cover';
import { suggestFromPage } from './scan-suggest';
import { readLines } from './kept-lines';
import { pageTextBody } from './search';
import { listDocumentCategories } from './documents';

type Db = Kysely<ArchiveDatabase>;

// A stack of paper scanned in one go: each file taken in (from the scan folder, dropped or picked)
// is checked by its bytes and kept whole in the archive at once; its pages are then looked at in
// the background (the text reader's worker: codes, blank pages, text) and, when all are, split in
// one transaction at the cover sheets and labels into documents of their files, or into the
// pages waiting for the clerk (待归档扫描件).

export type IntakeMime = ScanMime | 'image/tiff';

/** The largest file taken in: a batch of a hundred pages or more scanned at 200 dpi. */
export const MAX_INTAKE_MEGABYTES = 200;

export function sniffIntakeMime(bytes: Buffer): IntakeMime | null {
  const head = bytes.subarray(0, 4).toString('latin1');
  if (head === 'II*\0' || head === 'MM\0*') return 'image/tiff';
  return sniffScanMime(bytes);
}

/** A file made what the archive keeps, or refused (ArchiveError): a TIFF becomes a PDF of its pages. */
export async function prepareIntake(fileName: string, bytes: Buffer): Promise<{ mime: ScanMime; data: Buffer; pages: number }> {
  const mime = sniffIntakeMime(bytes);
  if (!mime) throw new ArchiveError('SCAN_NOT_A_SCAN', { fileName });
  if (bytes.length > MAX_INTAKE_MEGABYTES * 1024 * 1024) throw new ArchiveError('SCAN_TOO_LARGE', { fileName, sizeMb: (bytes.length / 1024 / 1024).toFixed(1), maxMb: MAX_INTAKE_MEGABYTES });
  try {
    if (mime === 'application/pdf') {
      const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
      if (pages === 0) throw new Error('no pages');
      return { mime, data: bytes, pages };
    }
    if (mime === 'image/tiff') return { mime: 'application/pdf', ...(await tiffToPdf(bytes)) };
    // Decoded whole: a file the scanner has not finished writing is refused, not kept half.
    await sharp(bytes, { failOn: 'truncated' }).raw().toBuffer();
    return { mime, data: bytes, pages: 1 };
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('SCAN_DAMAGED', { fileName });
  }
}

/** Each page of a TIFF as a page of a PDF of its size (lossless for black-and-white and grey scans). */
async function tiffToPdf(bytes: Buffer): Promise<{ data: Buffer; pages: number }> {
  const meta = await sharp(bytes, { failOn: 'truncated' }).metadata();
  const count = meta.pages ?? 1;
  const pdf = await PDFDocument.create();
  for (let i = 0; i < count; i++) {
    const page = sharp(bytes, { page: i, failOn: 'truncated' });
    const info = await page.metadata();
    const dpi = info.density && info.density > 50 ? info.density : 200;
    const colour = (info.channels ?? 1) >= 3 && info.space !== 'b-w';
    const image = colour ? await pdf.embedJpg(await page.jpeg({ quality: 88 }).toBuffer()) : await pdf.embedPng(await page.png().toBuffer());
    const w = (image.width / dpi) * 72;
    const h = (image.height / dpi) * 72;
    pdf.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  }
  return { data: Buffer.from(await pdf.save()), pages: count };
}

/**
 * Takes one file in: kept in the archive, or known already (the same bytes were taken in before:
 * a crash came between the commit and the removal from the folder), or refused with the reason.
 * The caller removes a folder's file only after `received` or `duplicate`.
 */
export async function receiveScanFile(ctx: ServiceContext, file: { fileName: string; bytes: Buffer; origin: 'folder' | 'desk' }): Promise<ReceivedScan> {
  requirePermission(ctx.session.role, 'customers.write');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  if (await intakeBySha(ctx.db, sha256)) return { fileName: file.fileName, outcome: 'duplicate' };
  let prepared: Awaited<ReturnType<typeof prepareIntake>>;
  try {
    prepared = await prepareIntake(file.fileName, file.bytes);
  } catch (error) {
    if (error instanceof ArchiveError) return { fileName: file.fileName, outcome: 'refused', error: { code: error.code, details: error.details } };
    throw error;
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (await intakeBySha(trx, sha256)) return { fileName: file.fileName, outcome: 'duplicate' as const };
    const id = await insertIntakeFile(trx, {
      sha256,
      source_name: file.fileName,
      origin: file.origin,
      mime: prepared.mime,
      size: prepared.data.length,
      data: prepared.data,
      page_count: prepared.pages,
      state: 'waiting',
      received_at: nowIso(ctx),
      received_by: ctx.session.accountId,
    });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'scan.received', {
      targetType: 'intake',
      targetId: String(id),
      details: { fileName: file.fileName, pages: prepared.pages, origin: file.origin, sha256 },
    });
    return { fileName: file.fileName, outcome: 'received' as const, pages: prepared.pages };
  });
}

/** What a code on a page stands for, when it is one of ours: a cover sheet, a file label or a box label. */
export type Separator =
  | { kind: 'cover'; cover: CoverFields; fileId: number | null; confidential: boolean }
  | { kind: 'blank-cover'; confidential: false }
  | { kind: 'file-label'; fileId: number; confidential: boolean }
  | { kind: 'box-label'; boxId: number; confidential: false };

export async function separatorOf(db: Db, code: string): Promise<Separator | null> {
  if (code === BLANK_COVER_CODE) return { kind: 'blank-cover', confidential: false };
  const cover = parseCoverCode(code);
  if (cover) {
    const fileId = (await fileIdByRefNo(db, refNoVariants(cover.refNo))) ?? null;
    let confidential = fileId !== null && (await fileById(db, fileId))?.confidentiality === 'confidential';
    if (cover.documentId && !confidential) {
      const level = await documentLevels(db, cover.documentId);
      confidential = !!level && effectiveConfidentiality(level.doc, level.file) === 'confidential';
    }
    return { kind: 'cover', cover, fileId, confidential };
  }
  const target = await findByCode(db, code).catch((error: unknown) => {
    if (error instanceof ArchiveError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (target?.kind === 'file') return { kind: 'file-label', fileId: target.fileId, confidential: (await fileById(db, target.fileId))?.confidentiality === 'confidential' };
  if (target?.kind === 'box') return { kind: 'box-label', boxId: target.boxId, confidential: false };
  return null;
}

/** The first separator among a page's codes. */
export async function firstSeparator(db: Db, codes: string[]): Promise<{ code: string; separator: Separator } | null> {
  for (const code of codes) {
    const separator = await separatorOf(db, code);
    if (separator) return { code, separator };
  }
  return null;
}

/** A page's text as kept in intake_pages and intake_parts: the fields of scan_pages. */
export interface KeptPageText {
  text: string;
  lines: string;
  confidence: number;
  width: number;
  height: number;
  skew: number;
  readAt: string;
}

export interface IntakeSummary {
  documents: number;
  scans: number;
  waiting: number;
  blank: number;
  separators: number;
}

interface PagePart {
  separator: Separator | null;
  pages: { pageNo: number; turned: number; text: KeptPageText | null }[];
}

/** Where a part's pages go, or why they wait. */
type Placement =
  | { file: { documentId: number } | { fileId: number; category: string; title: string; docDate: string; isOriginal: boolean } }
  | { wait: IntakeWaitReason; fileId?: number | null; boxId?: number; category?: string; title?: string; docDate?: string };

/**
 * Splits a file whose pages have all been looked at, in one transaction: each run of pages after
 * a cover sheet becomes a document of the file it names (or a scan of its document); pages after
 * a label, or before any sheet, wait for the clerk; blank pages and the separators are dropped.
 */
export async function splitIntake(ctx: ServiceContext, intakeId: number): Promise<IntakeSummary | null> {
  const intake = await intakeFileById(ctx.db, intakeId);
  if (!intake || intake.state !== 'waiting' || !intake.data) return null;
  const rows = await intakePagesOf(ctx.db, intakeId);
  const parts: PagePart[] = [];
  let current: PagePart = { separator: null, pages: [] };
  const summary: IntakeSummary = { documents: 0, scans: 0, waiting: 0, blank: 0, separators: 0 };
  for (const row of rows) {
    if (isSeparatorKind(row.kind)) {
      summary.separators++;
      if (current.pages.length) parts.push(current);
      current = { separator: row.code ? await separatorOf(ctx.db, row.code) : null, pages: [] };
    } else if (row.kind === 'blank') {
      summary.blank++;
    } else {
      current.pages.push({ pageNo: row.page_no, turned: row.turned, text: row.text ? (JSON.parse(row.text) as KeptPageText) : null });
    }
  }
  if (current.pages.length) parts.push(current);
  const source = intake.mime === 'application/pdf' ? await PDFDocument.load(intake.data, { updateMetadata: false }) : null;
  const categories = new Map((await listDocumentCategories(ctx.db)).map((c) => [c.code, c.labelZh]));
  const built: { part: PagePart; mime: ScanMime; data: Buffer }[] = [];
  for (const part of parts) built.push({ part, ...(await partBytes(source, intake, part)) });
  await ctx.db.transaction().execute(async (trx) => {
    for (const { part, mime, data } of built) {
      const fileName = partName(intake.source_name, part, intake.page_count ?? part.pages.length, mime);
      const placement = await placementOf(trx, ctx, part, categories);
      const sha256 = createHash('sha256').update(data).digest('hex');
      const texts = part.pages.map((p) => p.text);
      if ('file' in placement) {
        const filed = await fileScanPart(trx, ctx, placement.file, { fileName, mime, data, sha256, texts }, intakeId);
        if (filed.newDocument) summary.documents++;
        else summary.scans++;
      } else {
        summary.waiting++;
        await insertIntakePart(trx, {
          intake_id: intakeId,
          file_name: fileName,
          mime,
          size: data.length,
          sha256,
          data,
          page_count: part.pages.length,
          source_pages: JSON.stringify(part.pages.map((p) => p.pageNo)),
          texts: JSON.stringify(texts),
          reason: placement.wait,
          hint_file_id: placement.fileId ?? null,
          hint_box_id: placement.boxId ?? null,
          hint_category: placement.category ?? null,
          hint_title: placement.title ?? null,
          hint_date: placement.docDate ?? null,
          received_at: intake.received_at,
        });
      }
    }
    await finishIntake(trx, intakeId, { state: 'split', split_at: nowIso(ctx), summary: JSON.stringify(summary) });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'scan.split', { targetType: 'intake', targetId: String(intakeId), details: { ...summary } });
  });
  return summary;
}

/** A file none of whose pages could be drawn: kept out of the queue of work, said so on the screen. */
export async function markIntakeUnreadable(db: Db, ctx: ServiceContext, intakeId: number, reason: string): Promise<void> {
  await finishIntake(db, intakeId, { state: 'unreadable', split_at: nowIso(ctx), summary: JSON.stringify({ unreadable: reason.slice(0, 200) }) });
}

const isSeparatorKind = (kind: IntakePageKind) => kind === 'cover' || kind === 'blank-cover' || kind === 'file-label' || kind === 'box-label';

async function placementOf(db: Db, ctx: ServiceContext, part: PagePart, categories: Map<string, string>): Promise<Placement> {
  const sep = part.separator;
  if (!sep || sep.kind === 'blank-cover') return { wait: 'no-cover' };
  if (sep.kind === 'file-label') return { wait: 'file-label', fileId: sep.fileId };
  if (sep.kind === 'box-label') return { wait: 'box-label', boxId: sep.boxId };
  const { cover, fileId } = sep;
  const hints = { fileId, category: cover.category, title: cover.title, docDate: cover.docDate };
  if (fileId === null) return { wait: 'unknown-file', ...hints };
  const file = await fileById(db, fileId);
  if (!file || file.status !== 'active') return { wait: 'file-closed', ...hints };
  if (cover.documentId) {
    const doc = await documentById(db, cover.documentId);
    if (!doc || doc.file_id !== fileId) return { wait: 'document-gone', ...hints };
    return { file: { documentId: doc.id } };
  }
  if (!categories.has(cover.category) || !(await categoryExists(db, cover.category))) return { wait: 'unknown-category', ...hints };
  const suggested = suggestFromPage(part.pages[0]?.text ?? null);
  return {
    file: {
      fileId,
      category: cover.category,
      title: cover.title ?? suggested.title ?? categories.get(cover.category)!,
      docDate: cover.docDate ?? suggested.docDate ?? today(ctx),
      isOriginal: cover.isOriginal,
    },
  };
}

/** A part's pages as a file of their own: a PDF's pages copied (an upside-down one turned), or the one image. */
async function partBytes(source: PDFDocument | null, intake: { mime: string; data: Buffer | null }, part: PagePart): Promise<{ mime: ScanMime; data: Buffer }> {
  if (!source) {
    const data = intake.data!;
    if (!part.pages[0]?.turned) return { mime: intake.mime as ScanMime, data };
    const turned = sharp(data).rotate(180);
    return { mime: intake.mime as ScanMime, data: await (intake.mime === 'image/png' ? turned.png() : turned.jpeg({ quality: 90 })).toBuffer() };
  }
  const out = await PDFDocument.create();
  const copied = await out.copyPages(
    source,
    part.pages.map((p) => p.pageNo - 1),
  );
  copied.forEach((page, i) => {
    if (part.pages[i]!.turned) page.setRotation(degrees((page.getRotation().angle + 180) % 360));
    out.addPage(page);
  });
  return { mime: 'application/pdf', data: Buffer.from(await out.save()) };
}

function partName(source: string, part: PagePart, sourcePages: number, mime: ScanMime): string {
  const base = source.replace(/\.[a-z0-9]{2,4}$/i, '');
  const ext = mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg';
  const first = part.pages[0]!.pageNo;
  const last = part.pages.at(-1)!.pageNo;
  if (part.pages.length === sourcePages) return `${base}.${ext}`.slice(0, 200);
  return `${base} 第${first === last ? first : `${first}-${last}`}页.${ext}`.slice(0, 200);
}

interface PartToFile {
  fileName: string;
  mime: ScanMime;
  data: Buffer;
  sha256: string;
  texts: (KeptPageText | null)[];
}

/**
 * Files a part as a scan of a document (a new one, or one a cover was printed for), with its
 * pages' text; a confidential document's scan is sealed and its text not kept.
 */
async function fileScanPart(
  trx: Db,
  ctx: ServiceContext,
  target: { documentId: number } | { fileId: number; category: string; title: string; docDate: string; isOriginal: boolean },
  part: PartToFile,
  intakeId: number | null,
): Promise<{ documentId: number; scanId: number; newDocument: boolean }> {
  let documentId: number;
  let fileId: number;
  const newDocument = !('documentId' in target);
  if ('documentId' in target) {
    const doc = await documentById(trx, target.documentId);
    if (!doc) throw new ArchiveError('NOT_FOUND');
    documentId = doc.id;
    fileId = doc.file_id;
  } else {
    fileId = target.fileId;
    if (!(await categoryExists(trx, target.category))) throw new ArchiveError('UNKNOWN_CATEGORY', { category: target.category });
  }
  const file = await fileById(trx, fileId);
  if (!file) throw new ArchiveError('NOT_FOUND');
  if (file.status !== 'active') throw new ArchiveError('FILE_CLOSED');
  if (!('documentId' in target)) {
    const doc = await insertDocument(trx, ctx, fileId, { ...target, pages: part.texts.length, confidentiality: 'ordinary' });
    documentId = doc.id;
  }
  const confidential = await isConfidential(trx, documentId!);
  const publicKey = confidential ? (ctx.keys?.publicKey ?? null) : null;
  const read = part.texts.filter(Boolean).length;
  const scanId = await insertScanRow(trx, {
    document_id: documentId!,
    file_name: part.fileName,
    mime: part.mime,
    size: part.data.length,
    sha256: part.sha256,
    ...(publicKey ? sealScan(publicKey, part.data, part.sha256) : { data: part.data, sealed_key: null }),
    created_at: nowIso(ctx),
    text_state: confidential ? 'withheld' : read === part.texts.length ? 'read' : read > 0 ? 'reading' : null,
  });
  if (!confidential) {
    for (const [i, page] of part.texts.entries()) {
      if (!page) continue;
      // The page is stored upright (turned when it was split): its lines are where they show.
      await insertPageText(trx, { scanId, pageNo: i + 1, turned: 0, ...page }, pageTextBody(page.text));
    }
  }
  const details = { fileId, scans: [part.sha256], fromIntake: intakeId };
  if (newDocument) await recordAudit(trx, ctx.clock, ctx.session.accountId, 'document.added', { targetType: 'document', targetId: String(documentId!), details });
  else await recordAudit(trx, ctx.clock, ctx.session.accountId, 'scan.added', { targetType: 'document', targetId: String(documentId!), details: { sha256: part.sha256, fromIntake: intakeId } });
  return { documentId: documentId!, scanId, newDocument };
}

/** 待归档扫描件: every part waiting for the clerk, with what its first page suggests. */
export async function listWaitingScans(ctx: ServiceContext): Promise<WaitingScan[]> {
  const rows = await waitingParts(ctx.db);
  return rows.map((r) => {
    const texts = JSON.parse(r.texts) as (KeptPageText | null)[];
    const first = texts.find(Boolean) ?? null;
    const suggested = suggestFromPage(first);
    return {
      id: r.id,
      fileName: r.file_name,
      sourceName: r.source_name,
      pages: r.page_count,
      sourcePages: JSON.parse(r.source_pages) as number[],
      reason: r.reason as IntakeWaitReason,
      receivedAt: r.received_at,
      hintFile: r.hint_file_id && r.hint_ref_no ? { fileId: r.hint_file_id, refNo: r.hint_ref_no, customerName: r.hint_customer ?? '' } : null,
      hintBoxCode: r.hint_box_code,
      category: r.hint_category,
      title: r.hint_title ?? suggested.title,
      docDate: r.hint_date ?? suggested.docDate,
      excerpt: first ? first.text.replace(/\s+/g, ' ').slice(0, 160) : '',
    };
  });
}

export async function getWaitingScan(ctx: ServiceContext, partId: number): Promise<WaitingScanData> {
  const part = await partById(ctx.db, partId);
  if (!part) throw new ArchiveError('NOT_FOUND');
  const texts = JSON.parse(part.texts) as (KeptPageText | null)[];
  return {
    id: part.id,
    fileName: part.file_name,
    mime: part.mime as ScanMime,
    size: part.size,
    sha256: part.sha256,
    dataBase64: part.data.toString('base64'),
    pages: texts.map((t, i) => ({
      pageNo: i + 1,
      text: t?.text ?? '',
      lines: t ? readLines(t.lines) : [],
      width: t?.width ?? 0,
      height: t?.height ?? 0,
      turned: 0,
      confidence: t?.confidence ?? 0,
    })),
  };
}

/** The clerk files a waiting part: as a new document of a file, or as a new scan of a document. */
export async function fileWaitingScan(
  ctx: ServiceContext,
  input: { partId: number; documentId?: number; fileId?: number; category?: string; title?: string; docDate?: string; isOriginal?: boolean },
): Promise<FiledScan> {
  requirePermission(ctx.session.role, 'customers.write');
  return ctx.db.transaction().execute(async (trx) => {
    const part = await partById(trx, input.partId);
    if (!part) throw new ArchiveError('NOT_FOUND');
    const target = input.documentId
      ? { documentId: input.documentId }
      : { fileId: input.fileId!, category: input.category!, title: input.title!, docDate: input.docDate!, isOriginal: input.isOriginal ?? true };
    const filed = await fileScanPart(
      trx,
      ctx,
      target,
      { fileName: part.file_name, mime: part.mime as ScanMime, data: part.data, sha256: part.sha256, texts: JSON.parse(part.texts) as (KeptPageText | null)[] },
      part.intake_id,
    );
    await deletePart(trx, part.id);
    const doc = (await documentById(trx, filed.documentId))!;
    return { documentId: filed.documentId, scanId: filed.scanId, fileId: doc.file_id };
  });
}

/** A waiting part the clerk says is no scan of the archive (a page scanned by mistake): removed, and recorded. */
export async function discardWaitingScan(ctx: ServiceContext, input: { partId: number; reason: string }): Promise<void> {
  requirePermission(ctx.session.role, 'customers.write');
  await ctx.db.transaction().execute(async (trx) => {
    const part = await partById(trx, input.partId);
    if (!part) throw new ArchiveError('NOT_FOUND');
    await deletePart(trx, part.id);
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'scan.discarded', {
      targetType: 'intake',
      targetId: String(part.intake_id),
      details: { fileName: part.file_name, pages: part.page_count, sha256: part.sha256, reason: input.reason },
    });
  });
}

export function refusal(error: unknown): { code: ErrorCode; details?: Record<string, unknown> } | null {
  return error instanceof ArchiveError ? { code: error.code, details: error.details } : null;
}
