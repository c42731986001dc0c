import type {
  ApprovalKind,
  ApprovalStatus,
  ArchiveState,
  Classification,
  Confidentiality,
  ContactKind,
  CustomerKind,
  FileReviewState,
  FileStatus,
  BorrowerStatus,
  InspectionFindingKind,
  IntakeWaitReason,
  LoanKind,
  RegisterSheet,
  LoanStatusName,
  LoanTerm,
  ReturnCondition,
  TransferStatus,
  RetentionEvent,
  RetentionPeriod,
  Role,
  ScanMime,
  ValueGrade,
} from './domain';
import type { ArchiveMethod } from './methods';
import type { FormId, FormRecordKind } from './forms';
import type { ErrorCode } from './errors';
import type { CustomerFields } from './schemas';
import type { DutyId, DutyPeriod, DutyWindow } from './duties';
import type { FollowUpId } from './follow-ups';

/** Something the person signing in must be told about the archive (shown once, in words). */
export interface ArchiveNotice {
  /** WAL_LOST: the archive's write-ahead log was deleted while it was open and the app then ended without closing it. */
  code: 'WAL_LOST';
  details: { since: string; lastEntryAt: string | null };
}

export interface Session {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  organisation: string;
  notices?: ArchiveNotice[];
}

export interface ArchiveStatus {
  state: ArchiveState;
  /** The folder that holds the archive and its key file. */
  archiveDir: string;
  session: Session | null;
  /** The desktop app can show the system's folder dialog; in the browser a folder is typed. */
  folderDialog: boolean;
  /** The methods the signed-in role may call (none while locked): the screens offer only these. */
  mayCall: ArchiveMethod[];
  /** Long work the desk is doing on its own (a page check, a backup), shown while it runs. */
  work: DeskWork[];
}

export type DeskWorkKind = 'page-check' | 'backup' | 'backup-check' | 'import';

export interface DeskWork {
  kind: DeskWorkKind;
  /** How long it has run so far. */
  elapsedMs: number;
}

export interface CreateArchiveResult {
  session: Session;
  /** Shown once, to print and keep in a safe; it is stored nowhere in the clear. */
  recoveryKey: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One row of the customer-file list: a file with its customer. */
export interface FileListRow {
  fileId: number;
  refNo: string;
  customerId: number;
  name: string;
  shortName: string | null;
  kind: CustomerKind;
  unit: string;
  building: string | null;
  floor: string | null;
  phone: string | null;
  classification: Classification;
  valueGrade: ValueGrade | null;
  blacklisted: boolean;
  /** 淘汰: when the customer was closed, else null. */
  closedAt: string | null;
  status: FileStatus;
  labelOutOfDate: boolean;
}

/** One customer on the blacklist (客户黑名单, 004 四.1 d). */
export interface BlacklistRow {
  customerId: number;
  /** The customer's first file, to open it from the list (null: none). */
  fileId: number | null;
  name: string;
  kind: CustomerKind;
  phone: string | null;
  licenceNo: string | null;
  reason: string | null;
  since: string | null;
  closedAt: string | null;
}

/** A sales customer's admission check (准入): who checked which criteria, when. */
export interface CustomerAdmission {
  at: string;
  accountName: string | null;
  checks: string[];
}

export interface FileHit extends FileListRow {
  /** The alias that matched when the file was found by a corrected 档号. */
  matchedAlias?: string;
}

export interface DocumentHit {
  documentId: number;
  fileId: number;
  refNo: string;
  customerName: string;
  title: string;
  docDate: string;
  category: string;
}

export interface SearchResult {
  files: FileHit[];
  documents: DocumentHit[];
  /** Scanned pages whose text holds the words (two characters or more), the newest first. */
  pages: PageHit[];
}

/** A scanned page found by its text: its document, and a stretch of the text around the words. */
export interface PageHit extends DocumentHit {
  scanId: number;
  pageNo: number;
  /** The text around the match, the matched words marked. */
  snippet: { text: string; hit: boolean }[];
}

export interface Contact {
  name: string;
  title?: string;
  phone?: string;
}

export interface FileSummary {
  id: number;
  refNo: string;
  unit: string;
  category: string;
  year: number;
  retention: RetentionPeriod;
  status: FileStatus;
  labelName: string;
  labelPrintedAt: string | null;
  /** The label no longer matches the customer's name: reprint it (003 §9.5). */
  labelOutOfDate: boolean;
  /** Set when the file came back damaged or short, or an inspection found a document missing. */
  flag: { note: string; at: string } | null;
  /** Set once handed to another department (移交). */
  transferredAt: string | null;
  createdAt: string;
  /** The new file's review (003 §3 1): by whom, when, and why it was returned. */
  review: { state: FileReviewState; note: string | null; by: string | null; at: string | null };
  openedBy: string | null;
}

export interface ClassificationChange {
  at: string;
  accountName: string | null;
  field: 'classification' | 'valueGrade' | 'specialTags' | 'blacklist' | 'review';
  from: string | null;
  to: string | null;
  reason: string;
}

export interface CustomerDetail extends Omit<CustomerFields, 'contacts' | 'emergencyContacts'> {
  id: number;
  contacts: Contact[];
  emergencyContacts: Contact[];
  classification: Classification;
  valueGrade: ValueGrade | null;
  specialTags: string[];
  blacklisted: boolean;
  blacklistReason: string | null;
  blacklistedAt: string | null;
  lastReviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
  files: FileSummary[];
  classificationHistory: ClassificationChange[];
  ownerName: string | null;
  handovers: CustomerHandover[];
  admission: CustomerAdmission | null;
  closedAt: string | null;
  closedReason: string | null;
  firstContactOn: string | null;
  /** Changes to the contacts and emergency contacts (002 ch.3 维护 3), newest first. */
  contactChanges: ContactChange[];
}

export interface ContactChange {
  at: string;
  accountName: string | null;
  kind: ContactKind;
  before: Contact[];
  after: Contact[];
}

export interface RegisterCustomerResult {
  customer: CustomerDetail;
}

export interface ScanInfo {
  id: number;
  fileName: string;
  mime: ScanMime;
  size: number;
  sha256: string;
}

export interface ScanData extends ScanInfo {
  dataBase64: string;
}

/** A scan's text as read page by page (pages not read yet are absent). */
export interface ScanText {
  scanId: number;
  /** Null while waiting, then reading, read, withheld (confidential: not read) or unreadable. */
  state: 'waiting' | 'reading' | 'read' | 'withheld' | 'unreadable';
  pages: ScanPageText[];
}

export interface ScanPageText {
  pageNo: number;
  text: string;
  /** Each line's box in the page as read (width × height pixels, after turning): for highlighting. */
  lines: { text: string; box: [number, number, number, number] }[];
  width: number;
  height: number;
  turned: number;
  confidence: number;
}

/** What became of one file taken in by the stack's intake. */
export interface ReceivedScan {
  fileName: string;
  /** `duplicate`: the same file was taken in before (nothing is kept twice). */
  outcome: 'received' | 'duplicate' | 'refused';
  pages?: number;
  /** Why it was refused (a message code and its details, said in words by the screen). */
  error?: { code: ErrorCode; details?: Record<string, unknown> };
}

/** Pages of a stack waiting for the clerk (待归档扫描件). */
export interface WaitingScan {
  id: number;
  fileName: string;
  /** The file the pages came in. */
  sourceName: string;
  pages: number;
  sourcePages: number[];
  reason: IntakeWaitReason;
  receivedAt: string;
  /** The file a label or a cover named (to confirm), and a box label's box. */
  hintFile: { fileId: number; refNo: string; customerName: string } | null;
  hintBoxCode: string | null;
  category: string | null;
  /** From the cover sheet, else suggested by the first page's text. */
  title: string | null;
  docDate: string | null;
  /** The start of the first page's text. */
  excerpt: string;
}

export interface WaitingScanData extends ScanData {
  pages: ScanPageText[];
}

export interface FiledScan {
  documentId: number;
  scanId: number;
  fileId: number;
}

/** The scan intake as the desk shows it: the folder, the file being split, the recent files. */
export interface ScanIntakeStatus {
  folder: string;
  /** The folder is being watched (set, usable, and the one signed in may file scans). */
  watching: boolean;
  folderProblem: boolean;
  /** Files taken in whose pages are still being looked at. */
  filesWaiting: number;
  /** The file being looked at now, and its page. */
  current: { fileName: string; page: number; pages: number } | null;
  /** Parts waiting for the clerk. */
  partsWaiting: number;
  /** Files of the folder refused this session (they stay in the folder), newest first. */
  refused: { fileName: string; at: string; error: { code: ErrorCode; details?: Record<string, unknown> } }[];
  /** The 20 files taken in last, newest first. */
  recent: {
    id: number;
    fileName: string;
    origin: 'folder' | 'desk';
    pages: number | null;
    state: 'waiting' | 'split' | 'unreadable';
    receivedAt: string;
    receivedBy: string;
    summary: { documents: number; scans: number; waiting: number; blank: number; separators: number } | null;
  }[];
}

/** The background reading of scanned pages' text. */
export interface TextReadingStatus {
  /** False where the desk does not read text (a test host). */
  available: boolean;
  reading: boolean;
  /** Scans with pages still to read. */
  waiting: number;
  pagesRead: number;
}

export interface DocumentRow {
  id: number;
  fileId: number;
  category: string;
  title: string;
  docDate: string;
  pages: number;
  isOriginal: boolean;
  confidentiality: Confidentiality;
  remarks: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  scans: ScanInfo[];
  /** Confidential for this viewer: title, remarks and scans are withheld until approved. */
  restricted: boolean;
}

export interface DocumentRevision {
  version: number;
  at: string;
  accountName: string | null;
  reason: string;
  before: Pick<DocumentRow, 'category' | 'title' | 'docDate' | 'pages' | 'isOriginal' | 'confidentiality' | 'remarks'>;
  /** The title and remarks were withheld: the document is (or this version was) confidential. */
  restricted: boolean;
}

/** 卷内目录: every document in date order (the order the paper is filed in), numbered. */
export interface CatalogueRow {
  seq: number;
  documentId: number;
  docDate: string;
  title: string;
  pages: number;
  remarks: string | null;
  /** Confidential and withheld from this viewer: the title and remarks are not given. */
  withheld: boolean;
}

export interface FileDetail extends FileSummary {
  customer: {
    id: number;
    name: string;
    shortName: string | null;
    kind: CustomerKind;
    building: string | null;
    floor: string | null;
    moveOutDate: string | null;
  };
  aliases: { refNo: string; replacedAt: string; reason: string }[];
  retentionEvent: RetentionEvent;
  /** When the retention period ends, once the event it counts from has happened; null for 永久. */
  retentionDueDate: string | null;
  closedAt: string | null;
  confidentiality: Confidentiality;
  legalHold: boolean;
  legalHoldReason: string | null;
  destroyedAt: string | null;
  /** Newest first, filtered by category when asked. */
  documents: DocumentRow[];
  catalogue: CatalogueRow[];
}

export interface DocumentCategory {
  code: string;
  labelZh: string;
  labelEn: string;
  active: boolean;
}

export const importFields = [
  'refNo',
  'kind',
  'name',
  'shortName',
  'companyNature',
  'legalRepresentative',
  'address',
  'phone',
  'fax',
  'businessScope',
  'staffCount',
  'relationshipStart',
  'paymentTerms',
  'creditGrade',
  'industry',
  'region',
  'website',
  'licenceNo',
  'licenceExpiry',
  'deposit',
  'notes',
  'building',
  'floor',
  'units',
  'moveInDate',
  'moveOutDate',
  'classification',
  'valueGrade',
  'contactName',
  'contactTitle',
  'contactPhone',
  'emergencyName',
  'emergencyPhone',
] as const;
export type ImportField = (typeof importFields)[number];

/**
 * Going live from paper: the 卷内目录 (documents of each file) and the box each file sits in, read
 * from the desk's old Excel registers. Each row names its file by 档号.
 */
export const registerFields = {
  documents: ['refNo', 'title', 'category', 'docDate', 'pages', 'isOriginal', 'confidentiality', 'remarks'],
  positions: ['refNo', 'box'],
} as const;
export type RegisterField = (typeof registerFields)[RegisterSheet][number];

export interface RegisterImportIssue {
  row: number;
  field: RegisterField | null;
  code: ImportIssueCode;
  value?: string;
}

export interface RegisterImportPreview {
  register: RegisterSheet;
  headers: string[];
  mapping: Partial<Record<RegisterField, string>>;
  rowCount: number;
  issues: RegisterImportIssue[];
  ready: boolean;
  /** Documents to add, or files to put in a box. */
  adds: number;
  /** Rows the archive already holds (the document is there, the file is in that box). */
  unchanged: number;
}

export interface RegisterImportResult {
  register: RegisterSheet;
  imported: number;
  unchanged: number;
}

export const importIssueCodes = [
  'REQUIRED',
  'INVALID_VALUE',
  'INVALID_PHONE',
  'INVALID_DATE',
  'DATES_OUT_OF_ORDER',
  'TOO_LONG',
  'DUPLICATE_IN_SHEET',
  'DUPLICATE_CUSTOMER',
  'FORMULA_WITHOUT_VALUE',
  'UNKNOWN_REF_NO',
  'CONFLICTING_ROWS',
  'CLASSIFICATION_IN_APP',
  'UNKNOWN_CATEGORY',
  'UNKNOWN_BOX',
  'BOX_RETIRED',
  'BOX_FULL',
  'FILE_TRANSFERRED',
  'FILE_DESTROYED',
  'BLACKLISTED',
] as const;
export type ImportIssueCode = (typeof importIssueCodes)[number];

export interface ImportIssue {
  /** The spreadsheet's own row number, as Excel shows it. */
  row: number;
  field: ImportField | null;
  code: ImportIssueCode;
  value?: string;
}

export interface ImportPreview {
  headers: string[];
  /** Field → header, as guessed or as given. */
  mapping: Partial<Record<ImportField, string>>;
  rowCount: number;
  issues: ImportIssue[];
  /** True when every row is valid and the import can be committed. */
  ready: boolean;
  /** Rows without a 档号 register new customers; rows with one update that file's customer. */
  creates: number;
  /** Customers a row with their 档号 changes, and rows with a 档号 that change nothing. */
  updates: number;
  unchanged: number;
}

export interface ImportResult {
  imported: number;
  /** Customers changed by rows that carried their 档号. */
  updated: number;
  files: number;
}

export interface ExportedFile {
  fileName: string;
  mime: string;
  dataBase64: string;
  /** Customers on the blacklist among what was exported: the screen warns (004 四.1 d). */
  blacklisted?: number;
}

export interface AuditRow {
  id: number;
  at: string;
  accountId: number | null;
  accountName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** JSON text of the entry's details. */
  details: string | null;
  /** The entry as a sentence in the asked language: who did what to which customer or file. */
  summary: string;
}

export type AuditAnchorSource = 'lock' | 'backup' | 'bundle' | 'restore' | 'paper';

/** One copy of the chain's head kept outside the archive, compared with the log. */
export interface AuditAnchorCheck {
  source: AuditAnchorSource;
  where: string;
  at: string;
  id: number;
  hash: string;
  ok: boolean;
  problem: 'entry_missing' | 'hash_differs' | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose link in the hash chain does not hold. */
  firstBroken: { id: number; at: string } | null;
  /** Every anchor found (beside the archive, in backups and bundles, typed from paper). */
  anchors: AuditAnchorCheck[];
  /** The first anchor, oldest first, that the log disagrees with. */
  firstAnchorMismatch: AuditAnchorCheck | null;
}

export interface AccountInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  status: 'active' | 'disabled';
  createdAt: string;
  lastLoginAt: string | null;
  passwordChangedAt: string;
}

export interface BackupInfo {
  folder: string;
  createdAt: string;
  createdBy: string;
  /** Made by the daily backup on start-up, rather than by hand. */
  automatic: boolean;
  sizeBytes: number;
  archiveId: string;
}

export interface ApprovalInfo {
  id: number;
  kind: ApprovalKind;
  targetType: string;
  targetId: number;
  summary: string;
  reason: string;
  requiredRole: 'department_manager' | 'general_manager';
  status: ApprovalStatus;
  requestedAt: string;
  requestedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  /** Customers on the blacklist among a transfer's files (empty for other approvals). */
  blacklisted: string[];
}

/** A file past its retention period, as the appraisal list (鉴定) shows it. */
export interface AppraisalRow {
  fileId: number;
  refNo: string;
  title: string;
  year: number;
  retention: RetentionPeriod;
  eventDate: string;
  dueDate: string;
  keptYears: number;
  pages: number;
  scans: number;
  legalHold: boolean;
}

/** 销毁清册: what is destroyed, approved by whom, carried out by whom before which witnesses. */
export interface DestructionRegister {
  id: number;
  createdAt: string;
  createdBy: string;
  reason: string;
  method: string;
  status: 'pending' | 'approved' | 'rejected' | 'destroyed';
  approvalId: number | null;
  approvedBy: string | null;
  approvedAt: string | null;
  executor: string | null;
  witnesses: string[];
  destroyedAt: string | null;
  items: { seq: number; fileId: number; title: string; year: number; refNo: string; retention: string; keptYears: number; pages: number; scans: number }[];
}

export interface BoxInfo {
  id: number;
  code: string;
  position: number;
  capacity: number;
  purpose: 'active' | 'departed';
  servesBuilding: string | null;
  servesFloor: string | null;
  fileCount: number;
  /** Files of this box out on loan now. */
  outCount: number;
}

export interface StorageRoom {
  id: number;
  name: string;
  description: string | null;
  cabinets: {
    id: number;
    code: string;
    description: string | null;
    shelves: { id: number; position: number; label: string | null; boxes: BoxInfo[] }[];
  }[];
}

/** Room / cabinet / shelf / box, as a clerk reads a location aloud. */
export interface LocationPath {
  boxId: number;
  boxCode: string;
  shelfPosition: number;
  cabinetCode: string;
  roomName: string;
}

export interface FileLocation {
  fileId: number;
  refNo: string;
  name: string;
  home: LocationPath | null;
  /** Set while the file is out on loan: who has it and since when. */
  out: FileOut | null;
  /** Set once the file has been handed to another department (移交). */
  transferred: { at: string; toDepartment: string; transferNo: string } | null;
  moves: { at: string; from: string | null; to: string; by: string | null; reason: string }[];
}

export interface FileOut {
  loanId: number;
  slipNo: string;
  borrower: string;
  department: string;
  phone: string | null;
  since: string;
  dueDate: string;
}

export interface BoxDetail extends BoxInfo {
  path: LocationPath;
  files: { fileId: number; refNo: string; name: string; unit: string; status: FileStatus; out: FileOut | null }[];
}

export interface InspectionSummary {
  id: number;
  status: 'open' | 'finished';
  startedAt: string;
  startedBy: string | null;
  finishedAt: string | null;
  finishedBy: string | null;
  note: string | null;
  cabinets: string[];
  counts: Record<InspectionFindingKind, number>;
}

export interface InspectionFinding {
  kind: InspectionFindingKind;
  fileId: number | null;
  code: string | null;
  refNo: string | null;
  name: string | null;
  expectedBox: string | null;
  foundBox: string | null;
  detail: string | null;
}

export interface InspectionBoxState {
  boxId: number;
  code: string;
  cabinetCode: string;
  shelfPosition: number;
  checked: boolean;
  /** What should be inside, in 档号 order, and whether it has been found (here or elsewhere). */
  expected: { fileId: number; refNo: string; name: string; unit: string; found: boolean; out: FileOut | null; flag: string | null }[];
  /** Every code scanned or ticked in this box. */
  scanned: { code: string; fileId: number | null; refNo: string | null; name: string | null; kind: 'present' | 'misfiled' | 'unknown' }[];
}

export interface InspectionDetail extends InspectionSummary {
  boxes: InspectionBoxState[];
  findings: InspectionFinding[];
}

export interface InspectionScanResult {
  kind: 'present' | 'misfiled' | 'unknown' | 'repeat';
  refNo: string | null;
  name: string | null;
  /** For a misfiled file: where it belongs. */
  expectedBox: string | null;
  inspection: InspectionDetail;
}

export interface Borrower {
  id: number;
  name: string;
  department: string;
  phone: string | null;
  employeeNo: string | null;
  status: BorrowerStatus;
  leftAt: string | null;
  /** Files this borrower has out now. */
  holding: number;
  /** Customers this staff member is responsible for (客户负责人). */
  owns: number;
}

/** A customer's change of responsible person. */
export interface CustomerHandover {
  at: string;
  fromName: string;
  toName: string;
  accountName: string;
  reason: string;
}

/** One file on a loan slip, as the register shows it. */
export interface LoanRegisterRow {
  loanId: number;
  slipNo: string;
  itemId: number;
  fileId: number;
  refNo: string;
  customerName: string;
  borrowerId: number;
  borrower: string;
  department: string;
  phone: string | null;
  purpose: string;
  kind: LoanKind;
  term: LoanTerm;
  status: LoanStatusName;
  itemState: 'pending' | 'out' | 'returned' | 'handed_over' | 'cancelled';
  requestedAt: string;
  lentAt: string | null;
  dueDate: string | null;
  returnedAt: string | null;
  condition: ReturnCondition | null;
  conditionNote: string | null;
  /** The clerk who handed the file out (经办人), and the one who took it back. */
  lentBy: string | null;
  receivedBy: string | null;
  renewals: number;
  /** Days past the due date while the file is still out (0 when not overdue). */
  daysOverdue: number;
}

export interface LoanDetail {
  id: number;
  slipNo: string;
  borrower: Borrower;
  purpose: string;
  kind: LoanKind;
  term: LoanTerm;
  status: LoanStatusName;
  requestedAt: string;
  requestedBy: string | null;
  approval: ApprovalInfo | null;
  lentAt: string | null;
  lentBy: string | null;
  dueDate: string | null;
  renewals: number;
  renewalsLeft: number;
  returnedAt: string | null;
  /** PNG data URLs of the signatures given on screen, or null (signed on paper). */
  lendSignature: string | null;
  returnSignature: string | null;
  items: LoanRegisterRow[];
  pendingRenewal: { approvalId: number; status: ApprovalStatus } | null;
  /** A loan entered from the paper register after it went out: when, and what the paper slip said. */
  enteredLate: { at: string; paperSlipNo: string | null; paperApprovedBy: string | null } | null;
}

export interface DeskOutcome {
  fileId: number;
  refNo: string;
  name: string;
  loanId: number;
  slipNo: string;
  dueDate: string | null;
}

export interface TransferInfo {
  id: number;
  transferNo: string;
  fromDepartment: string;
  toDepartment: string;
  fromHandler: string;
  toHandler: string;
  reason: string;
  status: TransferStatus;
  approvalId: number | null;
  requestedAt: string;
  requestedBy: string | null;
  doneAt: string | null;
  doneBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  files: { fileId: number; refNo: string; name: string; unit: string; fromBox: string | null; blacklisted: boolean }[];
}

export interface FormInfo {
  id: FormId;
  title: string;
  formNo: string | null;
  orientation: 'portrait' | 'landscape';
  record: FormRecordKind;
}

export interface RenderedForm {
  html: string;
  title: string;
  orientation: 'portrait' | 'landscape';
  fileName: string;
}

export interface BundleProblem {
  kind: 'out_on_loan' | 'label_out_of_date' | 'no_documents' | 'no_home_box' | 'flagged' | 'confidential_withheld';
  fileId: number;
  refNo: string;
  name: string;
  detail?: string;
}

export interface BundleCheck {
  tenants: number;
  problems: BundleProblem[];
}

export interface BundleResult {
  /** Null when the whole bundle was encrypted: then only the zip exists. */
  folder: string | null;
  zip: string;
  tenants: number;
  documents: number;
  scans: number;
  bytes: number;
  problems: BundleProblem[];
  verified: true;
}

/** What a long job reports as it goes. */
export type JobStep = Pick<JobProgress, 'phase' | 'done' | 'total' | 'detail'>;

interface JobProgressBase {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Bundle export: preparing … verify; customer import: preparing, checking, importing. */
  phase: 'preparing' | 'tenants' | 'catalogue' | 'manifest' | 'zip' | 'verify' | 'checking' | 'importing' | 'done';
  done: number;
  total: number;
  /** 0..1 over the whole job. */
  fraction: number;
  detail?: string;
  startedAt: string;
  etaSeconds: number | null;
  error?: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export type JobKind = 'bundle-export' | 'customer-import' | 'register-import';
/** A job's kind says what its result is. */
export type JobProgress =
  | (JobProgressBase & { kind: 'bundle-export'; result?: BundleResult })
  | (JobProgressBase & { kind: 'customer-import'; result?: ImportResult })
  | (JobProgressBase & { kind: 'register-import'; result?: RegisterImportResult });

export interface BundleTenantIndex {
  folder: string;
  refNo: string;
  name: string;
  floor: string;
  building: string | null;
  unit: string;
  moveOutDate: string | null;
  status: string;
  documents: {
    seq: number;
    title: string;
    docDate: string;
    category: string;
    pages: number;
    isOriginal: boolean;
    confidentiality: Confidentiality;
    remarks: string | null;
    withheld: boolean;
    /** sha256 and size: the scan as the archive keeps it; textLayer: the bag's copy carries its read text as an invisible layer. */
    scans: { path: string | null; fileName: string; mime: string; size: number; sha256: string; textLayer: boolean }[];
  }[];
}

export interface OpenedBundle {
  path: string;
  info: Record<string, string>;
  organisation: string;
  year: number;
  building: string | null;
  exportedAt: string;
  confidential: 'include' | 'exclude' | 'encrypt';
  tenants: BundleTenantIndex[];
  problems: BundleProblem[];
}

export interface BundleVerifyReport {
  ok: boolean;
  files: number;
  bytes: number;
  problems: { kind: 'missing' | 'changed' | 'extra' | 'malformed'; path: string }[];
}

/** A follow-up visit a file owes today (shared/follow-ups.ts): open from `opens`, late after `dueDate`. */
export interface FollowUpDue {
  fileId: number;
  refNo: string;
  name: string;
  building: string | null;
  floor: string | null;
  unit: string;
  kind: CustomerKind;
  /** The schedule (or the value grade's recurring visit) that asks for it. */
  followUp: FollowUpId;
  visit: number;
  of: number;
  dueDate: string;
  /** The visit is listed from this day on. */
  opens: string;
  /** Its day has passed without a visit record. */
  late: boolean;
}

/** One follow-up schedule in force: how many visits are late and how many are due. */
export interface FollowUpSummary {
  followUp: FollowUpId;
  late: number;
  due: number;
}

/** 工作台's 新建档案: files waiting for their review, returned for correction, and active files in no box. */
export interface NewFileCounts {
  pending: number;
  returned: number;
  unboxed: number;
}

/** One file behind a count of 新建档案. */
export interface NewFile {
  fileId: number;
  customerId: number;
  refNo: string;
  name: string;
  kind: CustomerKind;
  building: string | null;
  floor: string | null;
  unit: string;
  firstContactOn: string | null;
  /** Local day the file was made, by whom. */
  openedOn: string;
  openedBy: string | null;
  /** Days past 设置's limit after first contact (0: in time). */
  openedLateDays: number;
  daysSinceOpened: number;
  reviewState: FileReviewState;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** For a file in no box: the box serving its building and floor with room, if any. */
  suggestedBox: { id: number; code: string } | null;
}

export interface Dashboard {
  today: string;
  dueToday: LoanRegisterRow[];
  overdue: LoanRegisterRow[];
  /** Pending approvals: all of them for a manager, their own for anyone else. */
  approvalsWaiting: number;
  approvalsMine: boolean;
  cabinetsNotInspected: CabinetInspectionDue[];
  /** The first files whose label shows an old name; labelsOutOfDateCount counts them all. */
  labelsOutOfDate: { fileId: number; refNo: string; name: string; labelName: string }[];
  labelsOutOfDateCount: number;
  departedInActiveBoxes: number;
  dueForReview: { fileId: number; refNo: string; name: string }[];
  dueForReviewCount: number;
  /** The first visits due (late first); followUpsCount counts them all. */
  followUps: FollowUpDue[];
  followUpsCount: number;
  /** Each follow-up schedule in force with its counts (listFollowUps lists the visits behind them). */
  followUpSummary: FollowUpSummary[];
  newFiles: NewFileCounts;
  /** Loans to come back tomorrow, for the reminder the day before (003 §6 4.6.4). */
  dueTomorrow: LoanRegisterRow[];
  /** Each duty in force (shared/duties.ts) with its counts. */
  duties: DutySummary[];
  /** False while the counts over every file (visits, duties) are first read this session: those cards wait. */
  countsReady: boolean;
  /** False when those counts are from before the latest change and are being read again. */
  countsFresh: boolean;
}

export interface DutySummary {
  duty: DutyId;
  /** The recurring duty's period and the one running today; null for completeness. */
  period: DutyPeriod | null;
  window: DutyWindow | null;
  /** Completeness: days a new file has to hold every required document. */
  withinDays: number | null;
  late: number;
  due: number;
}

/** One file behind a duty's count. */
export interface DutyFile {
  fileId: number;
  refNo: string;
  name: string;
  building: string | null;
  floor: string | null;
  unit: string;
  kind: CustomerKind;
  late: boolean;
  /** Recurring: the last local day the file did the duty, if ever. */
  lastDone?: string;
  /** Completeness: the required categories (codes) it lacks. */
  lacking?: string[];
}

/** A duty as it stands for one file. */
export interface FileDuty {
  duty: DutyId;
  period: DutyPeriod | null;
  window: DutyWindow | null;
  state: 'done' | 'due' | 'late';
  /** The last local day of the period (recurring) or of the time to complete a new file. */
  dueDate: string;
  lastDone?: string;
  lacking?: string[];
  /** A business licence past its date is late whatever was filed. */
  licenceExpiry?: string;
}

export interface CabinetInspectionDue {
  cabinetId: number;
  code: string;
  description: string | null;
  lastInspectedAt: string | null;
}

export interface DepartedMoveProposal {
  fileId: number;
  refNo: string;
  name: string;
  floor: string | null;
  fromBox: string;
  toBoxId: number | null;
  toBox: string | null;
}

/** What one scanned label did at an open box (扫码入盒). */
export const boxScanResults = ['filed', 'already', 'unknown', 'box_code', 'full', 'destroyed'] as const;
export type BoxScanResult = (typeof boxScanResults)[number];
export interface BoxScanOutcome {
  code: string;
  result: BoxScanResult;
  fileId: number | null;
  refNo: string | null;
  name: string | null;
  /** The box the file came out of, when it was filed elsewhere before. */
  fromBox: string | null;
  /** The box after the scan: how many files it holds of how many. */
  fileCount: number;
  capacity: number;
}

export type CodeTarget = { kind: 'file'; fileId: number } | { kind: 'box'; boxId: number };

export interface FileLabel {
  fileId: number;
  refNo: string;
  name: string;
  unit: string;
  location: string | null;
}

/**
 * Every call the renderer can make, as declared in electron/features/ (a type only: nothing of
 * the main process reaches the renderer). Each takes at most one plain-object argument, parsed by
 * its schema before it reaches a service, and resolves or throws ArchiveError.
 */
export type { ArchiveApi } from '../electron/features';

/** One desk record as a register lists it. A withheld one (confidential, not for this reader) has no fields. */
export interface RecordRow {
  id: number;
  kind: string;
  recordNo: string;
  status: string;
  /** When it happened, UTC. */
  occurredAt: string;
  /** A local date, where the kind has a deadline or a return date. */
  dueDate: string | null;
  overdue: boolean;
  fileId: number | null;
  refNo: string | null;
  customerName: string | null;
  building: string | null;
  floor: string | null;
  unit: string | null;
  assignedTo: string | null;
  confidentiality: Confidentiality;
  withheld: boolean;
  fields: Record<string, unknown>;
  createdByName: string | null;
  closedAt: string | null;
  version: number;
}

export interface RecordEvent {
  at: string;
  move: string;
  fromStatus: string;
  toStatus: string;
  note: string | null;
  accountName: string | null;
}

export interface RecordRevision {
  version: number;
  at: string;
  reason: string;
  /** The step of the life cycle that made the change, when a step did. */
  move: string | null;
  accountName: string | null;
  before: Record<string, unknown>;
  withheld: boolean;
}

export interface RecordDetail extends RecordRow {
  events: RecordEvent[];
  revisions: RecordRevision[];
  scans: ScanInfo[];
  /** The moves this reader may make now. */
  moves: string[];
}

/** How many records of a kind are still open, and how many of those are past their date. */
export interface OpenRecordCount {
  kind: string;
  open: number;
  overdue: number;
  /** Due within HOME_DUE_DAYS or past their date (what 工作台 counts of a kind of home 'due'). */
  dueSoon: number;
}
