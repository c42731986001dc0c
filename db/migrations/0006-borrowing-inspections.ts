import { sql, type Kysely } from 'kysely';

// Borrowing (借阅, 003 §6 4.4, 4.6), transfers (移交, 4.7) and the monthly inspection (档案检查, 4.8).
export async function up(db: Kysely<any>): Promise<void> {
  // Borrowers are company staff, not necessarily users of the app; the badge carries the employee number.
  await db.schema
    .createTable('borrowers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('employee_no', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active','left')`),
    )
    .addColumn('left_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index borrowers_employee_no on borrowers (employee_no collate nocase) where employee_no is not null`.execute(db);

  // One loan slip (借阅单) may hold several files.
  await db.schema
    .createTable('loans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('slip_no', 'text', (c) => c.notNull().unique())
    .addColumn('borrower_id', 'integer', (c) => c.notNull().references('borrowers.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('read','take_out','copy')`))
    .addColumn('term', 'text', (c) => c.notNull().check(sql`term in ('short','long')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested','approved','rejected','withdrawn','lent','returned')`))
    .addColumn('approval_id', 'integer', (c) => c.references('approvals.id'))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('lent_at', 'text')
    .addColumn('lent_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('due_date', 'text')
    .addColumn('renewals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lend_signature', 'blob')
    .addColumn('return_signature', 'blob')
    .addColumn('returned_at', 'text')
    .addColumn('handed_over_from', 'integer', (c) => c.references('loans.id'))
    .execute();
  await db.schema.createIndex('loans_status_due').on('loans').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('loans_borrower').on('loans').columns(['borrower_id', 'status']).execute();
  await db.schema.createIndex('loans_requested_at').on('loans').columns(['requested_at']).execute();

  await db.schema
    .createTable('loan_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('loan_id', 'integer', (c) => c.notNull().references('loans.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending','out','returned','handed_over','cancelled')`))
    .addColumn('returned_at', 'text')
    .addColumn('returned_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('condition', 'text', (c) => c.check(sql`condition in ('complete','damaged','documents_missing')`))
    .addColumn('condition_note', 'text')
    .execute();
  // A file that is out cannot be lent again: the archive itself refuses a second 'out' row.
  await sql`create unique index loan_items_out on loan_items (file_id) where state = 'out'`.execute(db);
  await db.schema.createIndex('loan_items_loan').on('loan_items').columns(['loan_id']).execute();
  await db.schema.createIndex('loan_items_file').on('loan_items').columns(['file_id', 'state']).execute();

  await db.schema
    .createTable('loan_renewals')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('loan_id', 'integer', (c) => c.notNull().references('loans.id'))
    .addColumn('approval_id', 'integer', (c) => c.notNull().references('approvals.id'))
    .addColumn('old_due', 'text', (c) => c.notNull())
    .addColumn('new_due', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('renewed_at', 'text')
    .execute();

  await db.schema
    .createTable('transfers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('transfer_no', 'text', (c) => c.notNull().unique())
    .addColumn('from_department', 'text', (c) => c.notNull())
    .addColumn('to_department', 'text', (c) => c.notNull())
    .addColumn('from_handler', 'text', (c) => c.notNull())
    .addColumn('to_handler', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested','approved','rejected','withdrawn','done')`))
    .addColumn('approval_id', 'integer', (c) => c.references('approvals.id'))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'integer', (c) => c.references('accounts.id'))
    .execute();
  await db.schema
    .createTable('transfer_items')
    .addColumn('transfer_id', 'integer', (c) => c.notNull().references('transfers.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('from_box_id', 'integer', (c) => c.references('boxes.id'))
    .addPrimaryKeyConstraint('transfer_items_pk', ['transfer_id', 'file_id'])
    .execute();
  await db.schema.createIndex('transfer_items_file').on('transfer_items').columns(['file_id']).execute();
  // A transferred file has left the desk's custody: it is in no box and cannot be lent.
  await db.schema.alterTable('files').addColumn('transferred_at', 'text').execute();
  // Set when a file comes back damaged or short of documents; shown until an inspection clears it.
  await db.schema.alterTable('files').addColumn('flag_note', 'text').execute();
  await db.schema.alterTable('files').addColumn('flagged_at', 'text').execute();

  await db.schema
    .createTable('inspections')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('started_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','finished')`))
    .addColumn('finished_at', 'text')
    .addColumn('finished_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createTable('inspection_cabinets')
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('cabinet_id', 'integer', (c) => c.notNull().references('cabinets.id'))
    .addPrimaryKeyConstraint('inspection_cabinets_pk', ['inspection_id', 'cabinet_id'])
    .execute();
  await db.schema.createIndex('inspection_cabinets_cabinet').on('inspection_cabinets').columns(['cabinet_id']).execute();
  // What the clerk found in each box: a scanned or ticked code; file_id is null for unknown codes.
  await db.schema
    .createTable('inspection_scans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('box_id', 'integer', (c) => c.notNull().references('boxes.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .execute();
  await db.schema.createIndex('inspection_scans_box').on('inspection_scans').columns(['inspection_id', 'box_id']).execute();
  await db.schema
    .createTable('inspection_boxes')
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('box_id', 'integer', (c) => c.notNull().references('boxes.id'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addPrimaryKeyConstraint('inspection_boxes_pk', ['inspection_id', 'box_id'])
    .execute();
  await db.schema
    .createTable('inspection_document_flags')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .execute();
  // The result as it stood when the inspection was finished: later moves don't rewrite the record.
  await db.schema
    .createTable('inspection_findings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('code', 'text')
    .addColumn('ref_no', 'text')
    .addColumn('name', 'text')
    .addColumn('expected_box', 'text')
    .addColumn('found_box', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('inspection_findings_inspection').on('inspection_findings').columns(['inspection_id', 'kind']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['inspection_findings', 'inspection_document_flags', 'inspection_boxes', 'inspection_scans', 'inspection_cabinets', 'inspections']) {
    await db.schema.dropTable(t).execute();
  }
  for (const c of ['flagged_at', 'flag_note', 'transferred_at']) await db.schema.alterTable('files').dropColumn(c).execute();
  for (const t of ['transfer_items', 'transfers', 'loan_renewals', 'loan_items', 'loans', 'borrowers']) await db.schema.dropTable(t).execute();
}
