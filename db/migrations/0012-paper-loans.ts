import type { Kysely } from 'kysely';

// Going live from paper: a loan already out on the paper register is entered with its real
// dates. It keeps when it was entered and what the paper slip said (its number, who approved).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loans').addColumn('entered_late_at', 'text').execute();
  await db.schema.alterTable('loans').addColumn('paper_slip_no', 'text').execute();
  await db.schema.alterTable('loans').addColumn('paper_approved_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loans').dropColumn('paper_approved_by').execute();
  await db.schema.alterTable('loans').dropColumn('paper_slip_no').execute();
  await db.schema.alterTable('loans').dropColumn('entered_late_at').execute();
}
