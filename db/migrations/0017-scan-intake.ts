import { sql, type Kysely } from 'kysely';

// Scans taken in by the stack: from the scan folder, dropped on the window or picked many at once
// (electron/services/scan-intake). A file taken in is kept whole in intake_files (its sha256 is
// how a file seen twice, after a crash between commit and removal, is known) until its pages have
// been looked at; intake_pages keeps what each page turned out to be, page by page, so a restart
// goes on where it stopped. Then, in one transaction, the pages are split at the cover sheets
// (扫描封面) and labels into documents of their files, or into intake_parts, the pages waiting
// for the clerk (待归档扫描件); the file's bytes are dropped and its row stays for the hash.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('intake_files')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('source_name', 'text', (c) => c.notNull())
    /** 'folder' (the scan folder) or 'desk' (dropped or picked). */
    .addColumn('origin', 'text', (c) => c.notNull())
    /** As kept: a TIFF is kept as the PDF made of its pages. */
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', 'blob')
    .addColumn('page_count', 'integer')
    /** 'waiting' (pages being looked at), 'split' or 'unreadable'. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('split_at', 'text')
    .addColumn('summary', 'text')
    .execute();
  await sql`create index intake_files_waiting on intake_files (id) where state = 'waiting'`.execute(db);
  await db.schema
    .createTable('intake_pages')
    .addColumn('intake_id', 'integer', (c) => c.notNull().references('intake_files.id').onDelete('cascade'))
    .addColumn('page_no', 'integer', (c) => c.notNull())
    /** 'cover', 'blank-cover', 'file-label', 'box-label', 'blank' or 'page'. */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** A separator's code, as its QR or barcode carries it. */
    .addColumn('code', 'text')
    /** A page's text as read (JSON, the fields of scan_pages), or null when not read. */
    .addColumn('text', 'text')
    .addColumn('turned', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('intake_pages_pk', ['intake_id', 'page_no'])
    .execute();
  await db.schema
    .createTable('intake_parts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('intake_id', 'integer', (c) => c.notNull().references('intake_files.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'blob', (c) => c.notNull())
    .addColumn('page_count', 'integer', (c) => c.notNull())
    /** The source's page numbers, as a list (JSON). */
    .addColumn('source_pages', 'text', (c) => c.notNull())
    /** Each page's text as read (JSON, null for a page not read). */
    .addColumn('texts', 'text', (c) => c.notNull())
    /** Why it waits: 'no-cover', 'file-label', 'box-label', or a refused cover's reason. */
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('hint_file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('hint_box_id', 'integer', (c) => c.references('boxes.id'))
    .addColumn('hint_category', 'text')
    .addColumn('hint_title', 'text')
    .addColumn('hint_date', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('intake_parts').execute();
  await db.schema.dropTable('intake_pages').execute();
  await sql`drop index intake_files_waiting`.execute(db);
  await db.schema.dropTable('intake_files').execute();
}
