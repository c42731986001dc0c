import { sql, type Kysely } from 'kysely';

// Indexes found missing at scale (measured on the large generated archive; see the bench): the
// reports read months of loans by the day they were lent and files by the day they were closed or
// destroyed (range scans instead of a pass over every row), and duplicate checks compare names
// without case.
export async function up(db: Kysely<any>): Promise<void> {
  // Covering: a month of loans by department, days out and overdue, read from the index alone.
  await db.schema.createIndex('loans_lent_at').on('loans').columns(['lent_at', 'borrower_id', 'due_date', 'returned_at']).execute();
  // Files held per box, counted from the index alone (the cabinet map, the home screen).
  await db.schema.createIndex('files_box_status').on('files').columns(['home_box_id', 'status']).execute();
  await db.schema.createIndex('loan_items_file_loan').on('loan_items').columns(['file_id', 'loan_id']).execute();
  // The daily pass that closes the files of customers who moved out reads only those customers.
  await db.schema.createIndex('customers_move_out').on('customers').column('move_out_date').where('move_out_date', 'is not', null).execute();
  await db.schema.createIndex('loan_items_loan_file').on('loan_items').columns(['loan_id', 'state', 'file_id']).execute();
  // Covering: the archive's composition by kind, classification and grade.
  await db.schema.createIndex('customers_composition').on('customers').columns(['kind', 'classification', 'value_grade', 'created_at']).execute();
  await db.schema.createIndex('files_closed_at').on('files').column('closed_at').where('closed_at', 'is not', null).execute();
  await db.schema.createIndex('files_destroyed_at').on('files').column('destroyed_at').where('destroyed_at', 'is not', null).execute();
  // Duplicate checks compare names without case (registration, and every row of an import).
  await sql`create index customers_name_nocase on customers (name collate nocase)`.execute(db);
  await db.schema.createIndex('inspections_finished_at').on('inspections').column('finished_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'files_box_status',
    'loan_items_file_loan',
    'customers_move_out',
    'customers_name_nocase',
    'loans_lent_at',
    'loan_items_loan_file',
    'customers_composition',
    'files_closed_at',
    'files_destroyed_at',
    'inspections_finished_at',
  ])
    await db.schema.dropIndex(name).execute();
}
