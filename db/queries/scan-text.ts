import { sql, type Kysely } from 'kysely';
import type { ArchiveDatabase, ScanTextState } from '../schema';

type Db = Kysely<ArchiveDatabase>;

// The scanned pages' text and the queue of scans still to read (migration 0016).

/** The newest scan still to read (a scan just taken in is wanted in search first). */
export function nextScanToRead(db: Db, after?: number) {
  let q = db
    .selectFrom('scans')
    .select(['id', 'mime', 'data', 'sealed_key', 'sha256', 'text_state'])
    .where((eb) => eb.or([eb('text_state', 'is', null), eb('text_state', '=', 'reading')]));
  // A scan that failed this run is passed over until the next run.
  if (after !== undefined) q = q.where('id', '<', after);
  return q.orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function scansWaitingToBeRead(db: Db): Promise<number> {
  const row = await db
    .selectFrom('scans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('text_state', 'is', null), eb('text_state', '=', 'reading')]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function pagesReadOf(db: Db, scanId: number): Promise<number[]> {
  return (await db.selectFrom('scan_pages').select('page_no').where('scan_id', '=', scanId).execute()).map((r) => r.page_no);
}

export async function setScanTextState(db: Db, scanId: number, state: ScanTextState | null): Promise<void> {
  await db.updateTable('scans').set({ text_state: state }).where('id', '=', scanId).execute();
}

export interface PageTextRow {
  scanId: number;
  pageNo: number;
  text: string;
  lines: string;
  confidence: number;
  width: number;
  height: number;
  turned: number;
  skew: number;
  readAt: string;
}

/** A page's text written and indexed, inside the caller's transaction. */
export async function insertPageText(trx: Db, page: PageTextRow, body: string): Promise<void> {
  const row = await trx
    .insertInto('scan_pages')
    .values({
      scan_id: page.scanId,
      page_no: page.pageNo,
      text: page.text,
      lines: page.lines,
      confidence: page.confidence,
      width: page.width,
      height: page.height,
      turned: page.turned,
      skew: page.skew,
      read_at: page.readAt,
    })
    .onConflict((oc) => oc.columns(['scan_id', 'page_no']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row && body) await sql`insert into page_text (rowid, body) values (${row.id}, ${body})`.execute(trx);
}

/** A page's text kept and indexed, in one transaction (a page is read whole or not at all). */
export async function savePageText(db: Db, page: PageTextRow, body: string, last: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const scan = await trx.selectFrom('scans').select(['id', 'text_state']).where('id', '=', page.scanId).executeTakeFirst();
    // Deleted, or made confidential, while it was being read: its text is not kept.
    if (!scan || scan.text_state === 'withheld') return;
    await insertPageText(trx, page, body);
    await trx
      .updateTable('scans')
      .set({ text_state: last ? 'read' : 'reading' })
      .where('id', '=', page.scanId)
      .execute();
  });
}

/** A scan's text forgotten (it became confidential): the trigger takes its pages out of the index. */
export async function forgetScanText(db: Db, scanId: number, state: ScanTextState | null): Promise<void> {
  await db.deleteFrom('scan_pages').where('scan_id', '=', scanId).execute();
  await setScanTextState(db, scanId, state);
}

export function pagesOfScan(db: Db, scanId: number) {
  return db.selectFrom('scan_pages').select(['page_no', 'text', 'lines', 'confidence', 'width', 'height', 'turned', 'skew']).where('scan_id', '=', scanId).orderBy('page_no').execute();
}

export interface PageMatchRow {
  pageId: number;
  scanId: number;
  pageNo: number;
  text: string;
  documentId: number;
  fileId: number;
  refNo: string;
  customerName: string;
  title: string;
  docDate: string;
  category: string;
}

/**
 * Pages whose text holds the phrase, the newest first, with their document and file. Confidential
 * documents and files are left out unless the reader may see them (their text is not kept
 * anyway: this also hides a page read before the level was raised and not yet forgotten).
 * Newest first, not by rank: FTS5 walks the index in rowid order and stops at the limit, where a
 * ranking would score every page holding a common phrase (86 ms against 0.6 ms over 100,000 pages).
 */
export async function pagesMatching(db: Db, phrase: string, includeConfidential: boolean, limit: number): Promise<PageMatchRow[]> {
  const out: PageMatchRow[] = [];
  const window = limit * 4;
  let before = Number.MAX_SAFE_INTEGER;
  // A window of hits at a time, until enough are left once the pages one may not read are taken out.
  for (let round = 0; round < 10 && out.length < limit; round++) {
    const { rows } = await sql<PageMatchRow & { hitId: number }>`
      select hits.id as hitId, scan_pages.id as pageId, scan_pages.scan_id as scanId, scan_pages.page_no as pageNo, scan_pages.text as text,
        documents.id as documentId, documents.file_id as fileId, files.ref_no as refNo, customers.name as customerName,
        documents.title as title, documents.doc_date as docDate, documents.category as category,
        files.status as fileStatus, documents.confidentiality as docLevel, files.confidentiality as fileLevel
      from (select rowid as id from page_text where page_text match ${phrase} and rowid < ${before} order by rowid desc limit ${window}) hits
      left join scan_pages on scan_pages.id = hits.id
      left join scans on scans.id = scan_pages.scan_id
      left join documents on documents.id = scans.document_id
      left join files on files.id = documents.file_id
      left join customers on customers.id = files.customer_id
      order by hits.id desc`.execute(db);
    for (const r of rows as (PageMatchRow & { hitId: number; fileStatus: string | null; docLevel: string | null; fileLevel: string | null })[]) {
      if (out.length >= limit) break;
      if (!r.pageId || r.fileStatus === 'destroyed') continue;
      if (!includeConfidential && (r.docLevel === 'confidential' || r.fileLevel === 'confidential')) continue;
      const { hitId: _hit, fileStatus: _s, docLevel: _d, fileLevel: _f, ...row } = r;
      out.push(row);
    }
    if (rows.length < window) break;
    before = rows.at(-1)!.hitId;
  }
  return out;
}
