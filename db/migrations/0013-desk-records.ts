import { sql, type Kysely } from 'kysely';

// Desk records: the forms a clerk fills in every day (a complaint, a repair call, a key held for a
// unit), kept. A record belongs to a customer's file or, with no file, to the desk. Its fields are
// the kind's JSON; the columns beside them are what registers, deadlines and reports filter on.
// A confidential record's fields (and its revisions') are sealed like a confidential scan.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('desk_records')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('record_no', 'text', (c) => c.notNull().unique())
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('sealed_fields', 'blob')
    .addColumn('sealed_key', 'blob')
    .addColumn('confidentiality', 'text', (c) =>
      c
        .notNull()
        .defaultTo('ordinary')
        .check(sql`confidentiality in ('ordinary','internal','confidential')`),
    )
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('building', 'text')
    .addColumn('floor', 'text')
    .addColumn('unit', 'text')
    .addColumn('assigned_to', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('desk_records_number').on('desk_records').columns(['kind', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('desk_records_due').on('desk_records').columns(['kind', 'status', 'due_date']).execute();
  await db.schema.createIndex('desk_records_file').on('desk_records').columns(['file_id', 'occurred_at']).execute();
  await db.schema.createIndex('desk_records_kind_time').on('desk_records').columns(['kind', 'occurred_at']).execute();
  // What is still open (工作台, overdue lists): only the open rows are in it.
  await db.schema.createIndex('desk_records_open').on('desk_records').columns(['kind', 'due_date']).where(sql.ref('closed_at'), 'is', null).execute();
  await db.schema.createIndex('desk_records_place').on('desk_records').columns(['kind', 'building', 'floor', 'occurred_at']).execute();

  await db.schema
    .createTable('desk_record_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('record_id', 'integer', (c) => c.notNull().references('desk_records.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('sealed_before', 'blob')
    .addColumn('sealed_key', 'blob')
    .execute();
  await db.schema.createIndex('desk_record_revisions_record').on('desk_record_revisions').columns(['record_id', 'version']).execute();

  await db.schema
    .createTable('desk_record_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('record_id', 'integer', (c) => c.notNull().references('desk_records.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('move', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('desk_record_events_record').on('desk_record_events').columns(['record_id', 'at']).execute();

  await db.schema
    .createTable('desk_record_scans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('record_id', 'integer', (c) => c.notNull().references('desk_records.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'blob', (c) => c.notNull())
    .addColumn('sealed_key', 'blob')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('desk_record_scans_record').on('desk_record_scans').column('record_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['desk_record_scans', 'desk_record_events', 'desk_record_revisions', 'desk_records']) await db.schema.dropTable(table).execute();
}
