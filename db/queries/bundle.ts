import type { Kysely } from 'kysely';
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
