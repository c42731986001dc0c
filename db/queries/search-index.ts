import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ArchiveDatabase } from '../schema';

// The search index: two FTS5 tables hold the same text per customer and per document
// (search_trigram answers substrings of 3+ characters, search_short 1–2 character phrases and
// prefixes). Row ids: customer id * 2 for a customer, document id * 2 + 1 for a document.

export const customerRowId = (id: number) => id * 2;
export const documentRowId = (id: number) => id * 2 + 1;

/** Writes one row's text to both tables (null removes it); `fresh`: the row id is new, there is nothing to delete. */
export async function replaceIndexRow(db: Kysely<ArchiveDatabase>, rowid: number, body: { trigram: string; short: string } | null, fresh = false): Promise<void> {
  if (!fresh) {
    await sql`delete from search_trigram where rowid = ${rowid}`.execute(db);
    await sql`delete from search_short where rowid = ${rowid}`.execute(db);
  }
  if (!body) return;
  await sql`insert into search_trigram (rowid, body) values (${rowid}, ${body.trigram})`.execute(db);
  await sql`insert into search_short (rowid, body) values (${rowid}, ${body.short})`.execute(db);
}

/** Row ids whose text holds this substring (3+ characters). */
export const trigramMatch = (text: string): RawBuilder<{ id: number }> => sql<{ id: number }>`select rowid as id from search_trigram where body like ${`%${text}%`}`;

/** Row ids matching an FTS5 expression on the short index. */
export const shortMatch = (expression: string): RawBuilder<{ id: number }> => sql<{ id: number }>`select rowid as id from search_short where search_short match ${expression}`;
