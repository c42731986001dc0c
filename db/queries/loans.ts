import type { Kysely } from 'kysely';
import type { FileOut } from '../../shared/api';
import type { ArchiveDatabase } from '../schema';

/** Who holds each of these files now (every file out when `fileIds` is omitted). */
export async function filesOut(db: Kysely<ArchiveDatabase>, fileIds?: number[]): Promise<Map<number, FileOut>> {
  if (fileIds && fileIds.length === 0) return new Map();
  let q = db
    .selectFrom('loan_items')
    .innerJoin('loans', 'loans.id', 'loan_items.loan_id')
    .innerJoin('borrowers', 'borrowers.id', 'loans.borrower_id')
    .select([
      'loan_items.file_id as fileId',
      'loans.id as loanId',
      'loans.slip_no as slipNo',
      'borrowers.name as borrower',
      'borrowers.department as department',
      'borrowers.phone as phone',
      'loans.lent_at as since',
      'loans.due_date as dueDate',
    ])
    .where('loan_items.state', '=', 'out');
  if (fileIds) q = q.where('loan_items.file_id', 'in', fileIds);
  const rows = await q.execute();
  return new Map(rows.map(({ fileId, ...out }) => [fileId, { ...out, since: out.since ?? '', dueDate: out.dueDate ?? '' }]));
}
