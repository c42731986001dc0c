import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

// What an audit entry's target is, by name: the audit log keeps ids (they never change and the
// chain hashes them); a person reads the customer's name and the file's 档号.

export interface FileFacts {
  refNo: string;
  customer: string;
}
export interface DocumentFacts extends FileFacts {
  title: string;
  docDate: string;
  /** The document or its file is confidential: its title is not repeated in the log's text. */
  confidential: boolean;
}

const ids = (list: string[]) => [...new Set(list.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))];

export async function filesById(db: Db, list: string[]): Promise<Map<number, FileFacts>> {
  const wanted = ids(list);
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['files.id', 'files.ref_no', 'customers.name'])
    .where('files.id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, { refNo: r.ref_no, customer: r.name }]));
}

export async function customersById(db: Db, list: string[]): Promise<Map<number, FileFacts>> {
  const wanted = ids(list);
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('customers')
    .leftJoin('files', 'files.customer_id', 'customers.id')
    .select(['customers.id', 'customers.name', (eb) => eb.fn.min('files.ref_no').as('ref_no')])
    .where('customers.id', 'in', wanted)
    .groupBy('customers.id')
    .execute();
  return new Map(rows.map((r) => [r.id, { refNo: r.ref_no ?? '', customer: r.name }]));
}

export async function documentsById(db: Db, list: string[]): Promise<Map<number, DocumentFacts>> {
  const wanted = ids(list);
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('documents')
    .innerJoin('files', 'files.id', 'documents.file_id')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['documents.id', 'documents.title', 'documents.doc_date', 'documents.confidentiality', 'files.confidentiality as fileLevel', 'files.ref_no', 'customers.name'])
    .where('documents.id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { title: r.title, docDate: r.doc_date, confidential: r.confidentiality === 'confidential' || r.fileLevel === 'confidential', refNo: r.ref_no, customer: r.name }]),
  );
}

export async function scansById(db: Db, list: string[]): Promise<Map<number, DocumentFacts & { fileName: string }>> {
  const wanted = ids(list);
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('scans')
    .innerJoin('documents', 'documents.id', 'scans.document_id')
    .innerJoin('files', 'files.id', 'documents.file_id')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['scans.id', 'scans.file_name', 'documents.title', 'documents.doc_date', 'documents.confidentiality', 'files.confidentiality as fileLevel', 'files.ref_no', 'customers.name'])
    .where('scans.id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { fileName: r.file_name, title: r.title, docDate: r.doc_date, confidential: r.confidentiality === 'confidential' || r.fileLevel === 'confidential', refNo: r.ref_no, customer: r.name },
    ]),
  );
}

export async function loansById(db: Db, list: string[]): Promise<Map<number, { slipNo: string; borrower: string; files: FileFacts[] }>> {
  const wanted = ids(list);
  if (!wanted.length) return new Map();
  const loans = await db
    .selectFrom('loans')
    .innerJoin('borrowers', 'borrowers.id', 'loans.borrower_id')
    .select(['loans.id', 'loans.slip_no', 'borrowers.name'])
    .where('loans.id', 'in', wanted)
    .execute();
  const items = await db
    .selectFrom('loan_items')
    .innerJoin('files', 'files.id', 'loan_items.file_id')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['loan_items.loan_id', 'files.ref_no', 'customers.name'])
    .where('loan_items.loan_id', 'in', wanted)
    .orderBy('loan_items.id')
    .execute();
  return new Map(loans.map((l) => [l.id, { slipNo: l.slip_no, borrower: l.name, files: items.filter((i) => i.loan_id === l.id).map((i) => ({ refNo: i.ref_no, customer: i.name })) }]));
}

export async function intakesById(db: Db, list: string[]): Promise<Map<number, { source_name: string; received_at: string }>> {
  const wanted = ids(list);
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('intake_files').select(['id', 'source_name', 'received_at']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function namesById(
  db: Db,
  table: 'accounts' | 'borrowers' | 'rooms' | 'boxes' | 'cabinets' | 'transfers' | 'approvals' | 'destruction_registers' | 'inspections',
  list: string[],
): Promise<Map<number, Record<string, string>>> {
  const wanted = ids(list);
  if (!wanted.length) return new Map();
  const rows = (await db.selectFrom(table).selectAll().where('id', 'in', wanted).execute()) as unknown as Record<string, unknown>[];
  return new Map(
    rows.map((r) => [
      Number(r.id),
      Object.fromEntries(
        Object.entries(r)
          .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
          .map(([k, v]) => [k, String(v)]),
      ),
    ]),
  );
}

/**
 * The entries whose target a person would name with these words: a customer's name, a file's
 * 档号, a document's title (not a confidential one's), a loan's slip number or one of its files,
 * an account's or a borrower's name.
 */
export function targetNamed(text: string): Expression<SqlBool> {
  const like = `%${text}%`;
  const fileMatch = sql`select f.id from files f join customers c on c.id = f.customer_id where f.ref_no like ${like} or c.name like ${like} or c.name_pinyin like ${like}`;
  return sql<SqlBool>`(
    (audit_log.target_type = 'file' and audit_log.target_id in (select cast(id as text) from (${fileMatch})))
    or (audit_log.target_type = 'customer' and audit_log.target_id in (select cast(c.id as text) from customers c where c.name like ${like} or c.name_pinyin like ${like} or c.id in (select customer_id from files where ref_no like ${like})))
    or (audit_log.target_type = 'document' and audit_log.target_id in (select cast(d.id as text) from documents d where d.file_id in (${fileMatch}) or (d.confidentiality <> 'confidential' and d.file_id in (select id from files where confidentiality <> 'confidential') and d.title like ${like})))
    or (audit_log.target_type = 'loan' and audit_log.target_id in (select cast(l.id as text) from loans l where l.slip_no like ${like} or l.id in (select li.loan_id from loan_items li where li.file_id in (${fileMatch})) or l.borrower_id in (select b.id from borrowers b where b.name like ${like})))
    or (audit_log.target_type = 'account' and audit_log.target_id in (select cast(a.id as text) from accounts a where a.display_name like ${like} or a.username like ${like}))
    or (audit_log.target_type = 'borrower' and audit_log.target_id in (select cast(b.id as text) from borrowers b where b.name like ${like} or b.department like ${like}))
    or (audit_log.target_type = 'transfer' and audit_log.target_id in (select cast(t.id as text) from transfers t where t.transfer_no like ${like} or t.to_department like ${like}))
    or (audit_log.target_type = 'approval' and audit_log.target_id in (select cast(p.id as text) from approvals p where p.summary like ${like}))
    or (audit_log.target_type = 'box' and audit_log.target_id in (select cast(x.id as text) from boxes x where x.code like ${like}))
  )`;
}

export interface RecordFacts {
  kind: string;
  recordNo: string;
  refNo: string | null;
  customer: string | null;
}

export async function recordsById(db: Db, list: string[]): Promise<Map<number, RecordFacts>> {
  const wanted = ids(list);
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('desk_records')
    .leftJoin('files', 'files.id', 'desk_records.file_id')
    .leftJoin('customers', 'customers.id', 'files.customer_id')
    .select(['desk_records.id', 'desk_records.kind', 'desk_records.record_no', 'files.ref_no', 'customers.name'])
    .where('desk_records.id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, { kind: r.kind, recordNo: r.record_no, refNo: r.ref_no, customer: r.name }]));
}
