import type { Kysely } from 'kysely';
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
