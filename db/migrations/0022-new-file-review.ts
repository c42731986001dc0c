import type { Kysely } from 'kysely';

// A new file (003 §3 1, §15 4.2 c): the day of first contact, who opened it, and its review by
// the direct superior (待审核 / 已审核 / 退回补正 with the reason). Files opened before this kept
// on paper are taken as reviewed. An index on the review state lets 工作台 count the files under review
// without reading every file (the active files in no box have files_box_status already).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('first_contact_on', 'text').execute();
  await db.schema.alterTable('files').addColumn('opened_by', 'integer').execute();
  await db.schema
    .alterTable('files')
    .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('approved'))
    .execute();
  await db.schema.alterTable('files').addColumn('review_note', 'text').execute();
  await db.schema.alterTable('files').addColumn('reviewed_by', 'integer').execute();
  await db.schema.alterTable('files').addColumn('reviewed_at', 'text').execute();
  await db.schema.createIndex('files_under_review').on('files').columns(['review_state', 'customer_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('files_under_review').execute();
  for (const column of ['reviewed_at', 'reviewed_by', 'review_note', 'review_state', 'opened_by']) await db.schema.alterTable('files').dropColumn(column).execute();
  await db.schema.alterTable('customers').dropColumn('first_contact_on').execute();
}
