import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ScanInfo } from '../../shared/api';
import type { ScanMime } from '../../shared/domain';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

export function fileById(db: Db, fileId: number) {
  return db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
}

export function customerById(db: Db, customerId: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirstOrThrow();
}

/** The 档号 a file had before a correction, oldest first (each still finds it). */
export function refAliasesOf(db: Db, fileId: number) {
  return db.selectFrom('file_ref_aliases').selectAll().where('file_id', '=', fileId).orderBy('replaced_at').execute();
}

/** A file's documents, newest first (by date, then by when they were filed). */
export function documentsOf(db: Db, fileId: number) {
  return db.selectFrom('documents').selectAll().where('file_id', '=', fileId).orderBy('doc_date', 'desc').orderBy('id', 'desc').execute();
}

export function documentById(db: Db, documentId: number) {
  return db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
}

/** Each document's scans (what a list shows of them, never their bytes), in the order they were added. */
export async function scansOf(db: Db, documentIds: number[]): Promise<Map<number, ScanInfo[]>> {
  const map = new Map<number, ScanInfo[]>();
  if (documentIds.length === 0) return map;
  const rows = await db.selectFrom('scans').select(['id', 'document_id', 'file_name', 'mime', 'size', 'sha256']).where('document_id', 'in', documentIds).orderBy('id').execute();
  for (const r of rows) {
    const list = map.get(r.document_id) ?? [];
    list.push({ id: r.id, fileName: r.file_name, mime: r.mime as ScanMime, size: r.size, sha256: r.sha256 });
    map.set(r.document_id, list);
  }
  return map;
}

export function scanById(db: Db, scanId: number) {
  return db.selectFrom('scans').selectAll().where('id', '=', scanId).executeTakeFirst();
}

/** A document's own confidentiality and its file's (the stricter one applies). */
export function documentLevels(db: Db, documentId: number) {
  return db
    .selectFrom('documents')
    .innerJoin('files', 'files.id', 'documents.file_id')
    .select(['documents.confidentiality as doc', 'files.confidentiality as file'])
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
}

/** A document's earlier versions, newest first, with who changed it. */
export function revisionsOf(db: Db, documentId: number) {
  return db
    .selectFrom('document_revisions')
    .leftJoin('accounts', 'accounts.id', 'document_revisions.account_id')
    .select(['document_revisions.version', 'document_revisions.at', 'document_revisions.reason', 'document_revisions.before', 'accounts.display_name'])
    .where('document_id', '=', documentId)
    .orderBy('document_revisions.version', 'desc')
    .execute();
}

export async function categoryExists(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('document_categories').select('code').where('code', '=', code).executeTakeFirst());
}

export function categoryRows(db: Db) {
  return db.selectFrom('document_categories').selectAll().orderBy('seq').execute();
}

/** A category saved by its code: a new one goes last, an existing one keeps its place. */
export async function upsertCategory(db: Db, c: { code: string; label_zh: string; label_en: string; active: number }): Promise<void> {
  const max = await db
    .selectFrom('document_categories')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  await db
    .insertInto('document_categories')
    .values({ ...c, seq: Number(max?.seq ?? 0) + 1 })
    .onConflict((oc) => oc.column('code').doUpdateSet({ label_zh: c.label_zh, label_en: c.label_en, active: c.active }))
    .execute();
}

export async function insertScanRows(db: Db, rows: Insertable<ArchiveDatabase['scans']>[]): Promise<void> {
  await db.insertInto('scans').values(rows).execute();
}

export async function insertScanRow(db: Db, row: Insertable<ArchiveDatabase['scans']>): Promise<number> {
  const { id } = await db.insertInto('scans').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function insertDocumentRow(db: Db, row: Insertable<ArchiveDatabase['documents']>) {
  return db.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateDocumentRow(db: Db, documentId: number, changes: Updateable<ArchiveDatabase['documents']>) {
  return db.updateTable('documents').set(changes).where('id', '=', documentId).returningAll().executeTakeFirstOrThrow();
}

export async function updateFileRow(db: Db, fileId: number, changes: Updateable<ArchiveDatabase['files']>): Promise<void> {
  await db.updateTable('files').set(changes).where('id', '=', fileId).execute();
}

/** The file's old 档号 stays as an alias that still finds it. */
export async function addRefAlias(db: Db, alias: { ref_no: string; file_id: number; replaced_at: string; reason: string }): Promise<void> {
  await db.insertInto('file_ref_aliases').values(alias).execute();
}

export async function insertRevision(db: Db, row: Insertable<ArchiveDatabase['document_revisions']>): Promise<void> {
  await db.insertInto('document_revisions').values(row).execute();
}

/** The documents these files hold, by what makes a row of an old register the same document. */
export function documentKeysOf(db: Db, fileIds: number[]) {
  return db.selectFrom('documents').select(['file_id', 'category', 'title', 'doc_date']).where('file_id', 'in', fileIds).execute();
}

/** A file by its 档号 (any of its spellings), with what an old register's import checks. */
export function fileForRegister(db: Db, refNos: string[]) {
  return db.selectFrom('files').select(['id', 'status', 'transferred_at', 'home_box_id']).where('ref_no', 'in', refNos).executeTakeFirst();
}

/** Every category with its labels. */
export function categoryLabels(db: Db) {
  return db.selectFrom('document_categories').select(['code', 'label_zh', 'label_en']).execute();
}
