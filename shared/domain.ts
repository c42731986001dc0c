// Domain enums shared by every layer. Labels live in labels.ts, never here.

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Roles of the people who sign in at the desk (003 §6, §14, §15). */
export const roles = ['administrator', 'clerk', 'department_manager', 'general_manager', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const accountStatuses = ['active', 'disabled'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** Where the app is with its archive: no archive yet, locked (key not in memory), unlocked. */
export const archiveStates = ['none', 'locked', 'unlocked'] as const;
export type ArchiveState = (typeof archiveStates)[number];

// Customers and their files (DOMAIN.md "Customers and their files").
export const customerKinds = ['tenant', 'owner', 'sales', 'potential'] as const;
export type CustomerKind = (typeof customerKinds)[number];
/** Property customers have a building, floor and units; their files are kept per unit. */
export const propertyKinds: readonly CustomerKind[] = ['tenant', 'owner'];

export const classifications = ['key', 'ordinary', 'potential'] as const;
export type Classification = (typeof classifications)[number];

export const valueGrades = ['high', 'medium', 'low'] as const;
export type ValueGrade = (typeof valueGrades)[number];

export const companyNatures = ['state_owned', 'joint_stock', 'partnership', 'joint_venture', 'other'] as const;
export type CompanyNature = (typeof companyNatures)[number];

export const fileStatuses = ['active', 'departed', 'destroyed'] as const;
/** A new file's review by the direct superior (003 §3 1, §15 4.2 c): 待审核, 已审核, 退回补正. */
export const fileReviewStates = ['pending', 'approved', 'returned'] as const;
export type FileReviewState = (typeof fileReviewStates)[number];
export type FileStatus = (typeof fileStatuses)[number];

export const retentionPeriods = ['permanent', '30', '10'] as const;
export type RetentionPeriod = (typeof retentionPeriods)[number];

/** What a retention period is counted from. */
export const retentionEvents = ['move_out', 'last_document', 'file_created'] as const;
export type RetentionEvent = (typeof retentionEvents)[number];

export const confidentialityLevels = ['ordinary', 'internal', 'confidential'] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];

export const contactKinds = ['contact', 'emergency'] as const;
export type ContactKind = (typeof contactKinds)[number];

/** Scans kept inside the archive: the types a scanner or phone produces. */
export const scanMimeTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ScanMime = (typeof scanMimeTypes)[number];

/** Why pages of a stack wait for the clerk (待归档扫描件) rather than being filed by their cover sheet. */
export const intakeWaitReasons = ['no-cover', 'file-label', 'box-label', 'unknown-file', 'file-closed', 'document-gone', 'unknown-category'] as const;
export type IntakeWaitReason = (typeof intakeWaitReasons)[number];

/** Mainland mobile and landline numbers, 400/800 numbers; spaces, dashes and +86 allowed. */
export function isValidPhone(value: string): boolean {
  const compact = value.replace(/[\s()（）]/g, '').replace(/^(\+?86-?)/, '');
  const digits = compact.replace(/-/g, '');
  return /^1[3-9]\d{9}$/.test(digits) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(compact) || /^0\d{9,11}$/.test(digits) || /^[48]00\d{7}$/.test(digits);
}

/** What an approval is for (003 §6 4.4, 4.6-4.9, §9.8, §15). */
export const approvalKinds = ['borrow', 'renew', 'transfer', 'edit_original', 'view_confidential', 'destroy', 'export_confidential', 'declassify', 'file_review'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];
export const approvalStatuses = ['pending', 'approved', 'rejected', 'withdrawn', 'used'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** Who may approve: a department manager, or above them the general manager. */
export const approverRank: Record<Role, number> = { clerk: 0, auditor: 0, administrator: 0, department_manager: 1, general_manager: 2 };

const confidentialityRank: Record<Confidentiality, number> = { ordinary: 0, internal: 1, confidential: 2 };
/** A document is as confidential as the stricter of its own level and its file's. */
export function effectiveConfidentiality(a: Confidentiality, b: Confidentiality): Confidentiality {
  return confidentialityRank[a] >= confidentialityRank[b] ? a : b;
}

/** How a file is used (003 §6 4.6, §9.7): read in the office, taken out, or copied/extracted. */
export const loanKinds = ['read', 'take_out', 'copy'] as const;
export type LoanKind = (typeof loanKinds)[number];
/** Short-term use is at most 3 days, long-term at most 7 (003 §6 4.6.4); the days are settings. */
export const loanTerms = ['short', 'long'] as const;
export type LoanTerm = (typeof loanTerms)[number];
export const loanStatuses = ['requested', 'approved', 'rejected', 'withdrawn', 'lent', 'returned'] as const;
export type LoanStatusName = (typeof loanStatuses)[number];
export const returnConditions = ['complete', 'damaged', 'documents_missing'] as const;
export type ReturnCondition = (typeof returnConditions)[number];
export const borrowerStatuses = ['active', 'left'] as const;
export type BorrowerStatus = (typeof borrowerStatuses)[number];
export const transferStatuses = ['requested', 'approved', 'rejected', 'withdrawn', 'done'] as const;
export type TransferStatus = (typeof transferStatuses)[number];

/** What a monthly inspection (档案检查, 003 §6 4.8) can find. */
export const inspectionFindingKinds = ['present', 'misfiled', 'missing', 'lent', 'unknown', 'not_checked', 'flagged', 'document_missing'] as const;
export type InspectionFindingKind = (typeof inspectionFindingKinds)[number];

/** True when a level is at least as strict as another. */
export function atLeastAsConfidential(level: Confidentiality, threshold: Confidentiality): boolean {
  return confidentialityRank[level] >= confidentialityRank[threshold];
}

/** The old Excel registers a desk going live from paper brings: the 卷内目录, and where each file sits. */
export const registerSheets = ['documents', 'positions'] as const;
export type RegisterSheet = (typeof registerSheets)[number];

/** How many loans the register screen shows at once (newest first); the exported register has them all. */
export const loanListPage = 500;
