import { sql, type Kysely } from 'kysely';

// Each customer has a responsible person (客户负责人, 003 §14 一7-8, 004), one of the company's
// staff (the borrowers' list); a leaver's customers are handed over in one step, kept as a record
// of who took over which customers (003 §14 12).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('customers')
    .addColumn('owner_id', 'integer', (c) => c.references('borrowers.id'))
    .execute();
  await db.schema.createIndex('customers_owner').on('customers').column('owner_id').where(sql.ref('owner_id'), 'is not', null).execute();
  await db.schema
    .createTable('customer_handovers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('from_borrower_id', 'integer', (c) => c.notNull().references('borrowers.id'))
    .addColumn('to_borrower_id', 'integer', (c) => c.notNull().references('borrowers.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('customers', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('customer_handover_items')
    .addColumn('handover_id', 'integer', (c) => c.notNull().references('customer_handovers.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addPrimaryKeyConstraint('customer_handover_items_pk', ['handover_id', 'customer_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('customer_handover_items').execute();
  await db.schema.dropTable('customer_handovers').execute();
  await db.schema.dropIndex('customers_owner').execute();
  await db.schema.alterTable('customers').dropColumn('owner_id').execute();
}
