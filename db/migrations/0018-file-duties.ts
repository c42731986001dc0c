import { sql, type Kysely } from 'kysely';

// What each file owes (shared/duties.ts): restaurants (餐饮) are patrolled every month and their
// kitchen exhaust cleaned, so a tenant carries the flag, first set from its industry; the signed
// 客户紧急联络表 a tenant file must hold is a document category of its own.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('customers')
    .addColumn('restaurant', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update customers set restaurant = 1 where industry = '餐饮'`.execute(db);
  const seq = await sql<{ n: number }>`select coalesce(max(seq), 0) + 1 as n from document_categories`.execute(db);
  await sql`insert into document_categories (code, label_zh, label_en, seq, active)
    select 'emergency_contacts', '客户紧急联络表', 'Emergency contact sheet', ${seq.rows[0]!.n}, 1
    where not exists (select 1 from document_categories where code = 'emergency_contacts')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from document_categories where code = 'emergency_contacts' and not exists (select 1 from documents where category = 'emergency_contacts')`.execute(db);
  await db.schema.alterTable('customers').dropColumn('restaurant').execute();
}
