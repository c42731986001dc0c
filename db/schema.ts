import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  AccountStatus,
  Classification,
  Confidentiality,
  ContactKind,
  CustomerKind,
  FileReviewState,
  FileStatus,
  InspectionFindingKind,
  LoanKind,
  LoanTerm,
  ReturnCondition,
  RetentionPeriod,
  Role,
  ValueGrade,
} from '../shared/domain';

/** Timestamps are ISO-8601 strings in UTC, written by the services' clock. */
type Timestamp = string;

export interface ArchiveMetaTable {
  key: string;
  value: string;
}

export interface AccountsTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
  password_changed_at: Timestamp;
  last_login_at: Timestamp | null;
  failed_attempts: ColumnType<number, number | undefined, number>;
  paused_until: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  account_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CustomersTable {
  id: Generated<number>;
  kind: CustomerKind;
  name: string;
  short_name: string | null;
  company_nature: string | null;
  legal_representative: string | null;
  address: string | null;
  phone: string | null;
  fax: string | null;
  business_scope: string | null;
  staff_count: number | null;
  relationship_start: string | null;
  payment_terms: string | null;
  credit_grade: string | null;
  industry: string | null;
  region: string | null;
  website: string | null;
  licence_no: string | null;
  /** Local date the business licence runs out. */
  licence_expiry: string | null;
  /** The deposit held, in fen. */
  deposit_fen: number | null;
  notes: string | null;
  building: string | null;
  floor: string | null;
  move_in_date: string | null;
  move_out_date: string | null;
  /** A restaurant (餐饮): patrolled every month, its kitchen exhaust cleaned (0 or 1). */
  restaurant: Generated<number>;
  /** 客户负责人: one of the staff (borrowers). */
  owner_id: number | null;
  classification: Classification;
  value_grade: ValueGrade | null;
  /** JSON array of strings. */
  special_tags: string;
  blacklisted: number;
  blacklist_reason: string | null;
  blacklisted_at: string | null;
  /** 准入: JSON {at, accountId, checks} of a sales customer's admission check; null when none is recorded. */
  admission: string | null;
  /** 淘汰: when the customer was closed and why; null while the customer is current. */
  closed_at: Timestamp | null;
  closed_reason: string | null;
  /** 首次接触: local day the customer first came to the desk; null for customers from before it was asked. */
  first_contact_on: string | null;
  last_reviewed_at: string | null;
  /** Full pinyin of the name, for sorting and search. */
  name_pinyin: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomerContactsTable {
  id: Generated<number>;
  customer_id: number;
  kind: ContactKind;
  seq: number;
  name: string;
  title: string | null;
  phone: string | null;
}

/** A change to a customer's contacts or emergency contacts (002 ch.3 维护 3): the lists before and after, as JSON. */
export interface ContactChangesTable {
  id: Generated<number>;
  customer_id: number;
  kind: ContactKind;
  at: Timestamp;
  account_id: number | null;
  before: string;
  after: string;
}

export interface ClassificationChangesTable {
  id: Generated<number>;
  customer_id: number;
  at: Timestamp;
  account_id: number | null;
  field: string;
  from_value: string | null;
  to_value: string | null;
  reason: string;
}

export interface FilesTable {
  id: Generated<number>;
  customer_id: number;
  unit: string;
  ref_no: string;
  category: string;
  year: number;
  seq: number;
  retention: RetentionPeriod;
  status: FileStatus;
  label_name: string;
  label_printed_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** Set when a manager reopens a departed file; such a file is not closed again by its move-out date. */
  reopened_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  legal_hold: ColumnType<number, number | undefined, number>;
  legal_hold_reason: string | null;
  destroyed_at: Timestamp | null;
  destruction_register_id: number | null;
  home_box_id: number | null;
  transferred_at: Timestamp | null;
  flag_note: string | null;
  flagged_at: Timestamp | null;
  archived_year: number | null;
  /** The account that opened the file (建档人). */
  opened_by: number | null;
  review_state: ColumnType<FileReviewState, FileReviewState | undefined, FileReviewState>;
  /** Why the reviewer returned it (退回补正). */
  review_note: string | null;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
}

export interface RoomsTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  retired_at: Timestamp | null;
}

export interface CabinetsTable {
  id: Generated<number>;
  room_id: number;
  code: string;
  description: string | null;
  retired_at: Timestamp | null;
}

export interface ShelvesTable {
  id: Generated<number>;
  cabinet_id: number;
  position: number;
  label: string | null;
  retired_at: Timestamp | null;
}

export interface BoxesTable {
  id: Generated<number>;
  shelf_id: number;
  code: string;
  position: number;
  capacity: number;
  purpose: ColumnType<'active' | 'departed', 'active' | 'departed' | undefined, 'active' | 'departed'>;
  serves_building: string | null;
  serves_floor: string | null;
  retired_at: Timestamp | null;
}

export interface FileMovesTable {
  id: Generated<number>;
  file_id: number;
  from_box_id: number | null;
  to_box_id: number;
  at: Timestamp;
  account_id: number | null;
  reason: string;
}

export interface FileRefAliasesTable {
  ref_no: string;
  file_id: number;
  replaced_at: Timestamp;
  reason: string;
}

export interface RefCountersTable {
  year: number;
  category: string;
  last_seq: number;
}

export interface DocumentCategoriesTable {
  code: string;
  label_zh: string;
  label_en: string;
  seq: number;
  active: number;
}

export interface DocumentsTable {
  id: Generated<number>;
  file_id: number;
  category: string;
  title: string;
  doc_date: string;
  pages: number;
  is_original: number;
  confidentiality: Confidentiality;
  remarks: string | null;
  version: number;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
}

export interface DocumentRevisionsTable {
  id: Generated<number>;
  document_id: number;
  version: number;
  at: Timestamp;
  account_id: number | null;
  reason: string;
  before: string;
}

export interface ScansTable {
  id: Generated<number>;
  document_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: Timestamp;
  /** For a confidential scan: its own key, sealed to the confidential key pair; data is then encrypted. */
  sealed_key: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  /** Where reading its text stands (migration 0016): null waiting, then reading, read, withheld or unreadable. */
  text_state: ColumnType<ScanTextState | null, ScanTextState | null | undefined, ScanTextState | null>;
}

export type ScanTextState = 'reading' | 'read' | 'withheld' | 'unreadable';

/** One scanned page's text, as OCR read it. */
export interface ScanPagesTable {
  id: Generated<number>;
  scan_id: number;
  page_no: number;
  text: string;
  /** JSON: [{ t, b: [left, top, right, bottom], c }] in the page's pixels as read. */
  lines: string;
  confidence: number;
  width: number;
  height: number;
  turned: number;
  skew: number;
  read_at: Timestamp;
}

export type IntakeState = 'waiting' | 'split' | 'unreadable';
export type IntakePageKind = 'cover' | 'blank-cover' | 'file-label' | 'box-label' | 'blank' | 'page';

/** A file taken in by the stack (migration 0017): whole until its pages are split, then its hash. */
export interface IntakeFilesTable {
  id: Generated<number>;
  sha256: string;
  source_name: string;
  origin: 'folder' | 'desk';
  mime: string;
  size: number;
  data: Buffer | null;
  page_count: number | null;
  state: IntakeState;
  received_at: Timestamp;
  received_by: number;
  split_at: Timestamp | null;
  /** JSON: what the split made of it (documents filed, parts waiting, pages dropped). */
  summary: string | null;
}

export interface IntakePagesTable {
  intake_id: number;
  page_no: number;
  kind: IntakePageKind;
  code: string | null;
  text: string | null;
  turned: number;
}

/** Pages of a stack no cover sheet placed: 待归档扫描件, waiting for the clerk. */
export interface IntakePartsTable {
  id: Generated<number>;
  intake_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  page_count: number;
  source_pages: string;
  texts: string;
  reason: string;
  hint_file_id: number | null;
  hint_box_id: number | null;
  hint_category: string | null;
  hint_title: string | null;
  hint_date: string | null;
  received_at: Timestamp;
}

export interface DeskRecordsTable {
  id: Generated<number>;
  kind: string;
  year: number;
  seq: number;
  /** Printed on the form and in its register: prefix-year-seq (TS-2026-0001). */
  record_no: string;
  /** Null for the desk's own records (the work log, a notice to every tenant). */
  file_id: number | null;
  status: string;
  /** The kind's fields as JSON; '{}' while they are sealed. */
  fields: string;
  /** A confidential record's fields, encrypted under their own key, that key sealed to the confidential key pair. */
  sealed_fields: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  sealed_key: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  confidentiality: Confidentiality;
  /** When it happened (UTC): what periods and the register's order count by. */
  occurred_at: Timestamp;
  /** A local date (YYYY-MM-DD) by which it is due, where the kind has a deadline. */
  due_date: string | null;
  building: string | null;
  floor: string | null;
  unit: string | null;
  assigned_to: string | null;
  version: number;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface DeskRecordRevisionsTable {
  id: Generated<number>;
  record_id: number;
  version: number;
  at: Timestamp;
  account_id: number | null;
  reason: string;
  /** The fields before the change as JSON; '{}' while sealed. */
  before: string;
  sealed_before: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  sealed_key: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
}

export interface DeskRecordEventsTable {
  id: Generated<number>;
  record_id: number;
  at: Timestamp;
  account_id: number | null;
  move: string;
  from_status: string;
  to_status: string;
  note: string | null;
}

export interface DeskRecordScansTable {
  id: Generated<number>;
  record_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  sealed_key: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  created_at: Timestamp;
}

export interface ScanGrantsTable {
  id: Generated<number>;
  scan_id: number;
  account_id: number;
  sealed_key: Buffer;
  expires_at: Timestamp;
  approval_id: number | null;
}

export interface SearchTable {
  rowid: number;
  body: string;
}

export interface ApprovalsTable {
  id: Generated<number>;
  kind: string;
  target_type: string;
  target_id: number;
  summary: string;
  reason: string;
  required_role: 'department_manager' | 'general_manager';
  requested_by: number;
  requested_at: Timestamp;
  status: ColumnType<'pending' | 'approved' | 'rejected' | 'withdrawn' | 'used', 'pending' | undefined, 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'used'>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  used_at: Timestamp | null;
}

export interface DestructionRegistersTable {
  id: Generated<number>;
  created_at: Timestamp;
  created_by: number;
  reason: string;
  method: string;
  status: ColumnType<'pending' | 'approved' | 'rejected' | 'destroyed', 'pending' | undefined, 'pending' | 'approved' | 'rejected' | 'destroyed'>;
  approval_id: number | null;
  executor: string | null;
  /** JSON array of names. */
  witnesses: string | null;
  destroyed_at: Timestamp | null;
}

export interface DestructionItemsTable {
  register_id: number;
  seq: number;
  file_id: number;
  title: string;
  year: number;
  ref_no: string;
  retention: string;
  kept_years: number;
  pages: number;
  scans: number;
}

export interface BorrowersTable {
  id: Generated<number>;
  name: string;
  department: string;
  phone: string | null;
  employee_no: string | null;
  status: ColumnType<'active' | 'left', 'active' | 'left' | undefined, 'active' | 'left'>;
  left_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomerHandoversTable {
  id: Generated<number>;
  at: Timestamp;
  account_id: number;
  from_borrower_id: number;
  to_borrower_id: number;
  reason: string;
  customers: number;
}

export interface CustomerHandoverItemsTable {
  handover_id: number;
  customer_id: number;
}

export type LoanStatus = 'requested' | 'approved' | 'rejected' | 'withdrawn' | 'lent' | 'returned';

export interface LoansTable {
  id: Generated<number>;
  slip_no: string;
  borrower_id: number;
  purpose: string;
  kind: LoanKind;
  term: LoanTerm;
  status: LoanStatus;
  approval_id: number | null;
  requested_by: number;
  requested_at: Timestamp;
  lent_at: Timestamp | null;
  lent_by: number | null;
  /** YYYY-MM-DD, the last day the file may be out. */
  due_date: string | null;
  renewals: ColumnType<number, number | undefined, number>;
  lend_signature: Uint8Array | null;
  return_signature: Uint8Array | null;
  returned_at: Timestamp | null;
  handed_over_from: number | null;
  /** Set on a loan entered from the paper register after it went out (going live). */
  entered_late_at: Timestamp | null;
  paper_slip_no: string | null;
  paper_approved_by: string | null;
}

export interface LoanItemsTable {
  id: Generated<number>;
  loan_id: number;
  file_id: number;
  state: 'pending' | 'out' | 'returned' | 'handed_over' | 'cancelled';
  returned_at: Timestamp | null;
  returned_by: number | null;
  condition: ReturnCondition | null;
  condition_note: string | null;
}

export interface LoanRenewalsTable {
  id: Generated<number>;
  loan_id: number;
  approval_id: number;
  old_due: string;
  new_due: string | null;
  requested_at: Timestamp;
  renewed_at: Timestamp | null;
}

export interface TransfersTable {
  id: Generated<number>;
  transfer_no: string;
  from_department: string;
  to_department: string;
  from_handler: string;
  to_handler: string;
  reason: string;
  status: 'requested' | 'approved' | 'rejected' | 'withdrawn' | 'done';
  approval_id: number | null;
  requested_by: number;
  requested_at: Timestamp;
  done_at: Timestamp | null;
  done_by: number | null;
}

export interface TransferItemsTable {
  transfer_id: number;
  file_id: number;
  from_box_id: number | null;
}

export interface InspectionsTable {
  id: Generated<number>;
  started_at: Timestamp;
  started_by: number;
  status: 'open' | 'finished';
  finished_at: Timestamp | null;
  finished_by: number | null;
  note: string | null;
}

export interface InspectionCabinetsTable {
  inspection_id: number;
  cabinet_id: number;
}

export interface InspectionScansTable {
  id: Generated<number>;
  inspection_id: number;
  box_id: number;
  code: string;
  file_id: number | null;
  at: Timestamp;
  account_id: number;
}

export interface InspectionBoxesTable {
  inspection_id: number;
  box_id: number;
  checked_at: Timestamp;
  checked_by: number;
}

export interface InspectionDocumentFlagsTable {
  id: Generated<number>;
  inspection_id: number;
  document_id: number;
  note: string | null;
  at: Timestamp;
  account_id: number;
}

export interface InspectionFindingsTable {
  id: Generated<number>;
  inspection_id: number;
  kind: InspectionFindingKind;
  file_id: number | null;
  code: string | null;
  ref_no: string | null;
  name: string | null;
  expected_box: string | null;
  found_box: string | null;
  detail: string | null;
}

export interface BundleExportsTable {
  id: Generated<number>;
  year: number;
  building: string | null;
  path: string;
  confidential: 'include' | 'exclude' | 'encrypt';
  tenants: number;
  documents: number;
  scans: number;
  bytes: number;
  problems: number;
  exported_at: Timestamp;
  exported_by: number;
}

export interface ArchiveDatabase {
  customer_handovers: CustomerHandoversTable;
  customer_handover_items: CustomerHandoverItemsTable;
  rooms: RoomsTable;
  cabinets: CabinetsTable;
  shelves: ShelvesTable;
  boxes: BoxesTable;
  file_moves: FileMovesTable;
  borrowers: BorrowersTable;
  loans: LoansTable;
  loan_items: LoanItemsTable;
  loan_renewals: LoanRenewalsTable;
  transfers: TransfersTable;
  transfer_items: TransferItemsTable;
  inspections: InspectionsTable;
  inspection_cabinets: InspectionCabinetsTable;
  inspection_scans: InspectionScansTable;
  inspection_boxes: InspectionBoxesTable;
  inspection_document_flags: InspectionDocumentFlagsTable;
  inspection_findings: InspectionFindingsTable;
  bundle_exports: BundleExportsTable;
  approvals: ApprovalsTable;
  destruction_registers: DestructionRegistersTable;
  destruction_items: DestructionItemsTable;
  archive_meta: ArchiveMetaTable;
  accounts: AccountsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
  contact_changes: ContactChangesTable;
  classification_changes: ClassificationChangesTable;
  files: FilesTable;
  file_ref_aliases: FileRefAliasesTable;
  ref_counters: RefCountersTable;
  document_categories: DocumentCategoriesTable;
  documents: DocumentsTable;
  document_revisions: DocumentRevisionsTable;
  scans: ScansTable;
  scan_pages: ScanPagesTable;
  intake_files: IntakeFilesTable;
  intake_pages: IntakePagesTable;
  intake_parts: IntakePartsTable;
  scan_grants: ScanGrantsTable;
  desk_records: DeskRecordsTable;
  desk_record_revisions: DeskRecordRevisionsTable;
  desk_record_events: DeskRecordEventsTable;
  desk_record_scans: DeskRecordScansTable;
  search_trigram: SearchTable;
  search_short: SearchTable;
  /** The pages' text (contentless: only matched on, never read back). */
  page_text: SearchTable;
}

export type CustomerRow = Selectable<CustomersTable>;
export type FileRow = Selectable<FilesTable>;
export type DocumentDbRow = Selectable<DocumentsTable>;
export type DeskRecordDbRow = Selectable<DeskRecordsTable>;

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
