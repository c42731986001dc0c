import { sql, type Kysely } from 'kysely';

// The text of each scanned page, read by OCR in the background (electron/services/text-reader).
// scans.text_state says where a scan is: null waiting to be read, 'reading' (some pages read: a
// restart reads the rest), 'read', 'withheld' (confidential: its text is not read, since it would
// sit beside the sealed scan in the clear) or 'unreadable' (no page could be drawn). A page's text
// is kept with its lines' boxes (for highlighting and the PDF text layer) and indexed in page_text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scans').addColumn('text_state', 'text').execute();
  // The queue: only the scans still to read are in it.
  await sql`create index scans_text_queue on scans (id) where text_state is null or text_state = 'reading'`.execute(db);
  await db.schema
    .createTable('scan_pages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('scan_id', 'integer', (c) => c.notNull().references('scans.id').onDelete('cascade'))
    .addColumn('page_no', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** JSON: [{ t: text, b: [left, top, right, bottom], c: confidence }] in the page's pixels as read. */
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('turned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skew', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scan_pages_page').on('scan_pages').columns(['scan_id', 'page_no']).unique().execute();
  // Chinese has no spaces: the indexed body is the text's overlapping character pairs (and its
  // Latin words and numbers), so any phrase of two characters or more is a phrase of pairs.
  await sql`create virtual table page_text using fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  // A page removed (its scan deleted or its document destroyed) leaves nothing in the index.
  await sql`create trigger scan_pages_unindex after delete on scan_pages begin delete from page_text where rowid = old.id; end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger scan_pages_unindex`.execute(db);
  await sql`drop table page_text`.execute(db);
  await db.schema.dropTable('scan_pages').execute();
  await sql`drop index scans_text_queue`.execute(db);
  await db.schema.alterTable('scans').dropColumn('text_state').execute();
}
