import type { Kysely } from 'kysely';

// The search names the old 档号 that matched beside each file it lists, read per file listed:
// an index on the file, instead of a pass over every correction ever made.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('file_ref_aliases_file').on('file_ref_aliases').column('file_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('file_ref_aliases_file').execute();
}
