import { sql, type Kysely } from 'kysely';

// One approval mechanism for everything that needs a manager's yes; confidentiality levels on
// files; legal hold; and the destruction register (销毁清册) with its items.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('approvals')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('required_role', 'text', (c) => c.notNull().check(sql`required_role in ('department_manager','general_manager')`))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','approved','rejected','withdrawn','used')`),
    )
    .addColumn('decided_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('approvals_status').on('approvals').columns(['status', 'requested_at']).execute();
  await db.schema.createIndex('approvals_target').on('approvals').columns(['kind', 'target_type', 'target_id']).execute();

  await db.schema
    .alterTable('files')
    .addColumn('confidentiality', 'text', (c) => c.notNull().defaultTo('ordinary'))
    .execute();
  await db.schema
    .alterTable('files')
    .addColumn('legal_hold', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('files').addColumn('legal_hold_reason', 'text').execute();
  await db.schema.alterTable('files').addColumn('destroyed_at', 'text').execute();
  await db.schema.alterTable('files').addColumn('destruction_register_id', 'integer').execute();

  await db.schema
    .createTable('destruction_registers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','approved','rejected','destroyed')`),
    )
    .addColumn('approval_id', 'integer', (c) => c.references('approvals.id'))
    .addColumn('executor', 'text')
    .addColumn('witnesses', 'text')
    .addColumn('destroyed_at', 'text')
    .execute();
  await db.schema
    .createTable('destruction_items')
    .addColumn('register_id', 'integer', (c) => c.notNull().references('destruction_registers.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('ref_no', 'text', (c) => c.notNull())
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('kept_years', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('scans', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('destruction_items_pk', ['register_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('destruction_items').execute();
  await db.schema.dropTable('destruction_registers').execute();
  for (const column of ['destruction_register_id', 'destroyed_at', 'legal_hold_reason', 'legal_hold', 'confidentiality']) {
    await db.schema.alterTable('files').dropColumn(column).execute();
  }
  await db.schema.dropTable('approvals').execute();
}
