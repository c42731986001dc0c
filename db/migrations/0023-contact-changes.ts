import { sql, type Kysely } from 'kysely';

// 002 ch.3 维护 3: a customer's contacts and emergency contacts are kept as they change, each
// change with who made it and when, the list before and after (JSON arrays of {name,title,phone}).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('contact','emergency')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_changes_customer').on('contact_changes').columns(['customer_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_changes').execute();
}
