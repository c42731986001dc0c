import type { Kysely } from 'kysely';

// A manager's password typed at someone else's desk is counted: wrong five times and the
// account pauses, kept in the archive so a restart does not reset the count.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('accounts').addColumn('paused_until', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('paused_until').execute();
  await db.schema.alterTable('accounts').dropColumn('failed_attempts').execute();
}
