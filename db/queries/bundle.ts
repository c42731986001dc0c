import { sql, type Insertable, type Kysely } from 'kysely';
import { comparePlaces } from '../../shared/places';
import type { ArchiveDatabase } from '../schema';

/** The files of a year's yearly bundle: tenants who moved out that year, files not destroyed. */
export function departedFilesOfYear(db: Kysely<ArchiveDatabase>, year: number) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .where('customers.move_out_date', '>=', `${year}-01-01`)
    .where('customers.move_out_date', '<=', `${year}-12-31`)
    .where('files.status', '!=', 'destroyed');
}

export interface BundleTenantRow {
  fileId: number;
  customerId: number;
  refNo: string;
  name: string;
  building: string | null;
  floor: string;
  unit: string;
  moveInDate: string | null;
  moveOutDate: string | null;
  box: string | null;
  documents: number;
  pages: number;
}

/**
 * The one selection of a year's departed tenants (optionally of one building), used by the bundle
 * and by its catalogue alike, in building → floor → unit order.
 */
export async function bundleTenants(db: Kysely<ArchiveDatabase>, year: number, building?: string | null): Promise<BundleTenantRow[]> {
  let q = departedFilesOfYear(db, year)
    .leftJoin('boxes', 'boxes.id', 'files.home_box_id')
    .select((eb) => [
      'files.id as fileId',
      'customers.id as customerId',
      'files.ref_no as refNo',
      'customers.name',
      'customers.building',
      'customers.floor',
      'files.unit',
      'customers.move_in_date as moveInDate',
      'customers.move_out_date as moveOutDate',
      'boxes.code as box',
      eb
        .selectFrom('documents')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('documents.file_id', '=', 'files.id')
        .as('documents'),
      eb
        .selectFrom('documents')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('pages'), e.lit(0)).as('p'))
        .whereRef('documents.file_id', '=', 'files.id')
        .as('pages'),
    ]);
  if (building) q = q.where('customers.building', '=', building);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, floor: r.floor ?? '', documents: Number(r.documents ?? 0), pages: Number(r.pages ?? 0) })).sort((a, b) => comparePlaces(a, b) || a.refNo.localeCompare(b.refNo));
}

/** What the check before an export looks at for each file: its label, home box and flag. */
export function filesToCheck(db: Kysely<ArchiveDatabase>, fileIds: number[]) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['files.id', 'files.label_name', 'customers.name', 'files.home_box_id', 'files.flag_note'])
    .where('files.id', 'in', fileIds)
    .execute();
}

/** The ids of these files that hold a document. */
export async function filesWithDocuments(db: Kysely<ArchiveDatabase>, fileIds: number[]): Promise<Set<number>> {
  return new Set((await db.selectFrom('documents').select('file_id').where('file_id', 'in', fileIds).execute()).map((d) => d.file_id));
}

/** Each document's level and its file's, for these files. */
export function documentLevelsIn(db: Kysely<ArchiveDatabase>, fileIds: number[]) {
  return db
    .selectFrom('documents')
    .innerJoin('files', 'files.id', 'documents.file_id')
    .select(['documents.confidentiality as doc', 'files.confidentiality as file'])
    .where('documents.file_id', 'in', fileIds)
    .execute();
}

/** One scan's stored bytes (one at a time: a bundle never holds its scans in memory together). */
export function scanStored(db: Kysely<ArchiveDatabase>, scanId: number) {
  return db.selectFrom('scans').select(['id', 'sha256', 'data', 'sealed_key']).where('id', '=', scanId).executeTakeFirstOrThrow();
}

/** The files went into the year's bundle; the export is recorded. */
export async function recordBundleExport(db: Kysely<ArchiveDatabase>, fileIds: number[], row: Insertable<ArchiveDatabase['bundle_exports']>): Promise<void> {
  await db.updateTable('files').set({ archived_year: row.year }).where('id', 'in', fileIds).execute();
  await db.insertInto('bundle_exports').values(row).execute();
}

/** SQLite's page cache for this connection (KiB when negative), and giving its memory back. */
export async function pageCacheSize(db: Kysely<ArchiveDatabase>): Promise<number> {
  return Number((await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size ?? -2000);
}

export async function setPageCacheSize(db: Kysely<ArchiveDatabase>, size: number): Promise<void> {
  await sql.raw(`pragma cache_size = ${Math.trunc(size)}`).execute(db);
}

export async function shrinkMemory(db: Kysely<ArchiveDatabase>): Promise<void> {
  await sql`pragma shrink_memory`.execute(db);
}
