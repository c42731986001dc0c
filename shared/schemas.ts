import { z } from 'zod';
import { auditGroups } from './audit-labels';
import { formIds } from './forms';
import { reportIds } from './reports';
import { defaultDutySettings, dutyIds, dutySettingsSchema } from './duties';
import { defaultFollowUpSettings, followUpIds, followUpSettingsSchema } from './follow-ups';
import {
  approvalStatuses,
  classifications,
  companyNatures,
  confidentialityLevels,
  loanKinds,
  loanTerms,
  loanListPage,
  returnConditions,
  customerKinds,
  fileStatuses,
  locales,
  roles,
  isValidPhone,
  retentionEvents,
  retentionPeriods,
  registerSheets,
  valueGrades,
} from './domain';

export const noInput = z.object({}).strict();
/** 工作台 refreshing itself takes the last counts at once while they are read again (allowStale). */
export const dashboardInput = z.object({ allowStale: z.boolean().default(false) }).strict();

const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[\p{L}\p{N}._-]+$/u);
const password = z.string().min(1).max(256);

export const createArchiveInput = z
  .object({
    organisation: z.string().trim().min(1).max(100),
    username,
    displayName: z.string().trim().min(1).max(50),
    password,
    passwordConfirm: password,
  })
  .strict();

export const unlockInput = z.object({ username, password }).strict();

export const recoverAccessInput = z
  .object({
    username,
    recoveryKey: z.string().trim().min(16).max(80),
    newPassword: password,
    newPasswordConfirm: password,
  })
  .strict();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, { params: { code: 'INVALID_DATE' } });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const phone = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || isValidPhone(v), { params: { code: 'INVALID_PHONE' } })
  .optional()
  .transform((v) => (v ? v : undefined));
const id = z.number().int().positive();

const contact = z
  .object({
    name: z.string().trim().min(1).max(50),
    title: optionalText(50),
    phone,
  })
  .strict();

export const customerFields = z
  .object({
    kind: z.enum(customerKinds),
    name: z.string().trim().min(1).max(100),
    shortName: optionalText(50),
    companyNature: z.enum(companyNatures).optional(),
    legalRepresentative: optionalText(50),
    address: optionalText(200),
    phone,
    fax: phone,
    businessScope: optionalText(500),
    staffCount: z.number().int().min(0).max(10_000_000).optional(),
    relationshipStart: isoDate.optional(),
    paymentTerms: optionalText(200),
    creditGrade: optionalText(20),
    /** From 设置's lists (customerLists), or as written on an imported sheet. */
    industry: optionalText(50),
    /** 餐饮: patrolled every month, its kitchen exhaust cleaned (003 §6 4.3.2 d); absent: from the industry. */
    restaurant: z.boolean().optional(),
    /** 客户负责人, one of the staff (borrowers); null clears it, absent keeps it (a sheet re-import). */
    ownerId: z.number().int().positive().nullable().optional(),
    region: optionalText(50),
    website: optionalText(200),
    licenceNo: optionalText(50),
    licenceExpiry: isoDate.optional(),
    /** Yuan, to the fen. */
    deposit: z
      .number()
      .finite()
      .min(0)
      .max(1e10)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6)
      .optional(),
    notes: optionalText(2000),
    building: optionalText(50),
    floor: optionalText(20),
    units: z.array(z.string().trim().min(1).max(30)).max(50).default([]),
    moveInDate: isoDate.optional(),
    moveOutDate: isoDate.optional(),
    contacts: z.array(contact).max(20).default([]),
    emergencyContacts: z.array(contact).max(10).default([]),
  })
  .strict();

const admissionChecks = z.array(z.string().trim().min(1).max(50)).max(50);

export const registerCustomerInput = customerFields.extend({
  classification: z.enum(classifications).default('ordinary'),
  valueGrade: z.enum(valueGrades).optional(),
  specialTags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  /** Set after the clerk has seen the duplicate warning and still wants a new customer. */
  allowDuplicate: z.boolean().default(false),
  /** Set after the clerk has seen that the name, phone or licence number is on the blacklist (004 四.1 d). */
  allowBlacklisted: z.boolean().default(false),
  /** 准入: the admission criteria (设置 → 客户登记选项) the clerk has checked for a sales customer. */
  admissionChecks: admissionChecks.optional(),
  /** 首次接触: the day the customer first came to the desk (absent: today); the file is due within 设置's days of it. */
  firstContactOn: isoDate.optional(),
});

export const updateCustomerInput = customerFields.extend({
  customerId: id,
  allowDuplicate: z.boolean().default(false),
  allowBlacklisted: z.boolean().default(false),
  admissionChecks: admissionChecks.optional(),
});

/** 淘汰 (004 四.1 d): a customer closed with a reason, put on the blacklist too when asked. */
export const closeCustomerInput = z.object({ customerId: id, reason: z.string().trim().min(1).max(200), blacklist: z.boolean().default(false) }).strict();
/** 重新提交审核: the clerk has corrected a file returned by the reviewer. */
export const resubmitFileReviewInput = z.object({ customerId: id, note: z.string().trim().max(200).default('') }).strict();
export const newFileStates = ['pending', 'returned', 'unboxed'] as const;
export const listNewFilesInput = z
  .object({
    state: z.enum(newFileStates),
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ListNewFilesInput = z.output<typeof listNewFilesInput>;
export const reopenCustomerInput = z.object({ customerId: id, reason: z.string().trim().min(1).max(200) }).strict();
export const listBlacklistInput = z
  .object({
    query: z.string().trim().max(100).optional(),
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();

export const changeClassificationInput = z
  .object({
    customerId: id,
    classification: z.enum(classifications),
    valueGrade: z.enum(valueGrades).nullable(),
    specialTags: z.array(z.string().trim().min(1).max(30)).max(20),
    blacklisted: z.boolean(),
    blacklistReason: optionalText(500),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

export const listCustomersInput = z
  .object({
    query: z.string().trim().max(100).optional(),
    kind: z.enum(customerKinds).optional(),
    classification: z.enum(classifications).optional(),
    valueGrade: z.enum(valueGrades).optional(),
    status: z.enum(fileStatuses).optional(),
    building: optionalText(50),
    floor: optionalText(20),
    blacklisted: z.boolean().optional(),
    /** 淘汰: closed customers only (true) or current ones only (false). */
    closed: z.boolean().optional(),
    /** The customers one staff member is responsible for (客户负责人). */
    ownerId: id.optional(),
    sortBy: z.enum(['name', 'refNo', 'unit', 'createdAt', 'kind']).default('refNo'),
    sortOrder: z.enum(['asc', 'desc']).default('asc'),
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();

export const searchInput = z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(100).default(20) }).strict();
export const customerIdInput = z.object({ customerId: id }).strict();
export const fileIdInput = z.object({ fileId: id }).strict();
/** The files behind one of 工作台's duty counts: late, still due this period, or both. */
export const listDutyFilesInput = z
  .object({
    duty: z.enum(dutyIds),
    state: z.enum(['late', 'due', 'owing']).default('owing'),
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ListDutyFilesInput = z.output<typeof listDutyFilesInput>;

/** The visits owed behind 工作台's 回访 card: all of them, or one schedule's, a page at a time. */
export const listFollowUpsInput = z
  .object({
    followUp: z.enum(followUpIds).optional(),
    state: z.enum(['late', 'due', 'owing']).default('owing'),
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ListFollowUpsInput = z.output<typeof listFollowUpsInput>;
export const getFileInput = z.object({ fileId: id, category: z.string().max(40).optional() }).strict();
export const fileReasonInput = z.object({ fileId: id, reason: z.string().trim().min(1).max(500) }).strict();
export const dueForReviewInput = z.object({ months: z.number().int().min(1).max(120).optional() }).strict();

export const scanUpload = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    /** Base64 of the file's bytes; the type is read from the bytes, not trusted from the name. */
    dataBase64: z.string().min(4).max(60_000_000),
  })
  .strict();

const documentFields = {
  category: z.string().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  docDate: isoDate,
  pages: z.number().int().min(1).max(100_000),
  isOriginal: z.boolean(),
  confidentiality: z.enum(confidentialityLevels).default('ordinary'),
  remarks: optionalText(1000),
};

export const addDocumentInput = z.object({ fileId: id, ...documentFields, scans: z.array(scanUpload).max(20).default([]) }).strict();
export const updateDocumentInput = z.object({ documentId: id, ...documentFields, reason: z.string().trim().max(500).optional(), approvalId: id.optional() }).strict();
export const addScanInput = z.object({ documentId: id, scan: scanUpload }).strict();
export const scanIdInput = z.object({ scanId: id }).strict();
export const documentIdInput = z.object({ documentId: id }).strict();

export const saveDocumentCategoryInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,39}$/),
    labelZh: z.string().trim().min(1).max(50),
    labelEn: z.string().trim().min(1).max(80),
    active: z.boolean().default(true),
  })
  .strict();

/** A list to pick from: none empty; an entry written twice is kept once. */
const pickList = z
  .array(z.string().trim().min(1).max(50))
  .max(200)
  .transform((l) => [...new Set(l)]);

/** The lists a new archive starts with (a property desk's usual tenants). */
export const defaultCustomerLists = {
  industries: ['餐饮', '零售', '金融保险', '信息技术', '教育培训', '医疗健康', '商务服务', '贸易', '制造', '房地产', '文化传媒', '其他'],
  regions: ['本市', '华东', '华北', '华南', '华中', '西南', '西北', '东北', '港澳台', '境外'],
  tags: ['重点关注', '装修中', '欠费', '外籍', '24小时营业', '有特殊用电'],
  /** 准入标准 (004 四.1 d): what is checked before a sales customer is taken on. */
  admission: ['营业执照在有效期内', '经营范围与合作内容相符', '资信及付款条件已核实', '已查询公司客户黑名单'],
};

export const defaultNewFileSettings = { openWithinDays: 7, review: true };

export const archiveSettingsSchema = z
  .object({
    fondsCode: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{1,10}$/),
    orgCode: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{1,10}$/),
    /** Tokens: {fonds} {category} {year} {retention} {org} {seq} {seq:N} {building} {floor}. Must hold {year}, {category} and {seq}. */
    refPattern: z
      .string()
      .trim()
      .min(5)
      .max(100)
      .refine((p) => ['{year}', '{category}'].every((t) => p.includes(t)) && /\{seq(:\d)?\}/.test(p), { params: { code: 'INVALID_REF_PATTERN' } }),
    reviewMonths: z.number().int().min(1).max(120),
    /** Back to the sign-in screen after this many idle minutes. */
    autoLockMinutes: z.number().int().min(1).max(240),
    /** Daily backups kept on start-up (0: no daily backup). */
    backupKeep: z.number().int().min(0).max(365),
    maxScanMegabytes: z.number().int().min(1).max(40),
    /** An xlsx import is refused past these (a sheet is read whole into one transaction). */
    maxImportRows: z.number().int().min(100).max(500_000),
    maxImportMegabytes: z.number().int().min(1).max(40),
    /** Loans (003 §6 4.6.4): days for short- and long-term use, renewals allowed, and from which
     *  confidentiality level the general manager must approve (003 §14 11). */
    loanShortDays: z.number().int().min(1).max(30),
    loanLongDays: z.number().int().min(1).max(90),
    loanMaxRenewals: z.number().int().min(0).max(10),
    loanGeneralManagerFrom: z.enum(confidentialityLevels),
    retention: z.record(z.enum(customerKinds), z.object({ period: z.enum(retentionPeriods), event: z.enum(retentionEvents), categoryCode: z.string().regex(/^[A-Z]{1,4}$/) }).strict()),
    /** Days to handle a record, by kind and the value of its deadline field ("complaint.quality"); absent: the kind's own default. */
    recordDeadlineDays: z.record(z.string().regex(/^[a-z][a-zA-Z-]*\.[a-zA-Z]+$/), z.number().int().min(0).max(365)).default({}),
    /** What the customer form offers to pick from (003 §4 第三条, §8 b5), edited in 设置. */
    customerLists: z
      .object({ industries: pickList, regions: pickList, tags: pickList, admission: pickList.default(() => [...defaultCustomerLists.admission]) })
      .strict()
      .default(() => ({ ...defaultCustomerLists })),
    /** Where the desk scanner's "scan to folder" writes: watched while the archive is open (empty: none). */
    scanFolder: z.string().trim().max(500).default(''),
    /** What each file owes (shared/duties.ts), checked on 工作台 every day. */
    duties: dutySettingsSchema.default(() => structuredClone(defaultDutySettings)),
    /** The follow-up visits owed (shared/follow-ups.ts), listed on 工作台 from their window's start. */
    followUps: followUpSettingsSchema.default(() => structuredClone(defaultFollowUpSettings)),
    /** A new file (003 §3 1, §15 4.2 c): opened within these days of first contact, then reviewed by a department manager. */
    newFiles: z
      .object({ openWithinDays: z.number().int().min(1).max(90), review: z.boolean() })
      .strict()
      .default(() => ({ ...defaultNewFileSettings })),
  })
  .strict();
/** Heads copied from paper (the inspection record): an entry number and the hash's first characters. */
export const verifyAuditLogInput = z
  .object({
    paperAnchors: z
      .array(
        z
          .object({
            id: z.number().int().min(1),
            hash: z
              .string()
              .trim()
              .toLowerCase()
              .regex(/^[0-9a-f]{12,64}$/),
            where: z.string().trim().max(200).default(''),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();
export type VerifyAuditLogInput = z.input<typeof verifyAuditLogInput>;
export const updateSettingsInput = archiveSettingsSchema.partial().strict();

export const columnMapping = z.record(z.string(), z.string().max(200));
export const registerImportInput = z.object({ register: z.enum(registerSheets), fileBase64: z.string().min(4).max(60_000_000) }).strict();
export const importInput = z
  .object({
    fileBase64: z.string().min(4).max(60_000_000),
    /** Target field → spreadsheet header. Omitted: guessed from the headers. */
    mapping: columnMapping.optional(),
  })
  .strict();
export const exportCustomersInput = listCustomersInput.omit({ page: true, pageSize: true }).extend({ locale: z.enum(locales).default('zh-CN') });

export const auditSearchInput = z
  .object({
    from: z.string().datetime().optional(),
    to: z.string().datetime().optional(),
    accountId: id.optional(),
    action: z.string().trim().max(60).optional(),
    group: z.enum(auditGroups).optional(),
    text: z.string().trim().max(100).optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
    locale: z.enum(locales).default('zh-CN'),
  })
  .strict();
export const exportAuditInput = auditSearchInput.omit({ page: true, pageSize: true });

export const createAccountInput = z.object({ username, displayName: z.string().trim().min(1).max(50), role: z.enum(roles), password, passwordConfirm: password }).strict();
export const updateAccountInput = z.object({ accountId: id, displayName: z.string().trim().min(1).max(50), role: z.enum(roles) }).strict();
export const accountIdInput = z.object({ accountId: id }).strict();
export const resetAccountPasswordInput = z.object({ accountId: id, newPassword: password, newPasswordConfirm: password }).strict();
export const changeOwnPasswordInput = z.object({ currentPassword: password, newPassword: password, newPasswordConfirm: password }).strict();

const folder = z.string().trim().min(1).max(1000).optional();
export const backupFolderInput = z.object({ folder }).strict();
export const restoreBackupInput = z.object({ backupFolder: z.string().trim().min(1).max(1000), username, password, recoveryKey: z.string().trim().max(200).optional() }).strict();

export const requestApprovalInput = z.object({ kind: z.enum(['edit_original', 'view_confidential', 'declassify']), documentId: id, reason: z.string().trim().min(1).max(500) }).strict();
export const listApprovalsInput = z.object({ status: z.enum(approvalStatuses).optional() }).strict();
export const decideApprovalInput = z
  .object({
    approvalId: id,
    approve: z.boolean(),
    reason: z.string().trim().min(1).max(500),
    /** A manager approving at the clerk's desk types their own user name and password. */
    approver: z.object({ username, password }).strict().optional(),
  })
  .strict();
export const approvalIdInput = z.object({ approvalId: id }).strict();
export const setDocumentConfidentialityInput = z.object({ documentId: id, confidentiality: z.enum(confidentialityLevels), reason: z.string().trim().min(1).max(500) }).strict();
export const setFileConfidentialityInput = z.object({ fileId: id, confidentiality: z.enum(confidentialityLevels), reason: z.string().trim().min(1).max(500) }).strict();
export const setLegalHoldInput = z.object({ fileId: id, hold: z.boolean(), reason: z.string().trim().min(1).max(500) }).strict();

export const createDestructionRegisterInput = z
  .object({ fileIds: z.array(id).min(1).max(1000), reason: z.string().trim().min(1).max(500), method: z.enum(['shred', 'pulp', 'incinerate']).default('shred') })
  .strict();
export const registerIdInput = z.object({ registerId: id }).strict();
export const confirmDestructionInput = z.object({ registerId: id, executor: z.string().trim().min(1).max(50), witnesses: z.array(z.string().trim().min(1).max(50)).max(10) }).strict();

const code = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}._-]+$/u);
export const saveRoomInput = z.object({ id: id.optional(), name: z.string().trim().min(1).max(50), description: optionalText(200) }).strict();
export const saveCabinetInput = z.object({ id: id.optional(), roomId: id, code, description: optionalText(200), shelves: z.number().int().min(1).max(20).default(1) }).strict();
export const addShelfInput = z.object({ cabinetId: id, label: optionalText(30) }).strict();
export const saveBoxInput = z
  .object({
    id: id.optional(),
    shelfId: id,
    code,
    capacity: z.number().int().min(1).max(1000),
    purpose: z.enum(['active', 'departed']).default('active'),
    servesBuilding: optionalText(50),
    servesFloor: optionalText(20),
  })
  .strict();
export const retireLocationInput = z.object({ kind: z.enum(['room', 'cabinet', 'shelf', 'box']), id }).strict();
export const moveFileInput = z.object({ fileId: id, toBoxId: id, reason: z.string().trim().min(1).max(200) }).strict();
export const boxIdInput = z.object({ boxId: id }).strict();
export const scanIntoBoxInput = z.object({ boxId: id, code: z.string().trim().min(1).max(100) }).strict();

export const findByCodeInput = z.object({ code: z.string().trim().min(1).max(100) }).strict();
export const fileIdsInput = z.object({ fileIds: z.array(id).min(1).max(2000) }).strict();

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const signaturePng = z.string().max(2_000_000).optional();
export const saveBorrowerInput = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1).max(50),
    department: z.string().trim().min(1).max(50),
    // One phone rule for customers and borrowers.
    phone,
    employeeNo: z
      .string()
      .trim()
      .max(30)
      .regex(/^[\p{L}\p{N}._-]*$/u)
      .optional()
      .transform((v) => v || undefined),
  })
  .strict();
export const listBorrowersInput = z.object({ query: optionalText(50), includeLeft: z.boolean().default(false) }).strict();
export const borrowerIdInput = z.object({ borrowerId: id }).strict();
/** A leaver's customers go to `customersTo` in the same step (003 §14 12). */
export const markBorrowerLeftInput = z.object({ borrowerId: id, customersTo: id.optional(), reason: optionalText(200) }).strict();
/** The customers one staff member is responsible for go to another: all, or those listed. */
export const handOverCustomersInput = z.object({ fromBorrowerId: id, toBorrowerId: id, reason: z.string().trim().min(1).max(200), customerIds: z.array(id).min(1).max(1000).optional() }).strict();
export const requestLoanInput = z
  .object({
    borrowerId: id,
    fileIds: z.array(id).min(1).max(50),
    purpose: z.string().trim().min(1).max(200),
    kind: z.enum(loanKinds),
    term: z.enum(loanTerms).default('short'),
  })
  .strict();
export const loanIdInput = z.object({ loanId: id }).strict();
export const lendFilesInput = z.object({ borrowerId: id, fileIds: z.array(id).min(1).max(50), signaturePng }).strict();
/** A loan already out on the paper register: the request's fields and what the paper says. */
export const enterPaperLoanInput = requestLoanInput.extend({ lentOn: dateOnly, dueDate: dateOnly, paperSlipNo: optionalText(30), paperApprovedBy: optionalText(50) }).strict();
export const returnFilesInput = z
  .object({
    items: z
      .array(z.object({ fileId: id, condition: z.enum(returnConditions).default('complete'), note: optionalText(200) }).strict())
      .min(1)
      .max(50),
    signaturePng,
  })
  .strict();
export const requestRenewalInput = z.object({ loanId: id, reason: z.string().trim().min(1).max(200) }).strict();
export const renewLoanInput = z.object({ loanId: id, approvalId: id }).strict();
export const listLoansInput = z
  .object({
    from: dateOnly.optional(),
    to: dateOnly.optional(),
    borrowerId: id.optional(),
    department: optionalText(50),
    fileId: id.optional(),
    query: optionalText(50),
    status: z.enum(['requested', 'approved', 'out', 'overdue', 'returned', 'closed']).optional(),
    limit: z.number().int().min(1).max(5000).default(loanListPage),
  })
  .strict();
export const exportLoansInput = listLoansInput.extend({ locale: z.enum(locales).default('zh-CN') });
export const requestTransferInput = z
  .object({
    fileIds: z.array(id).min(1).max(500),
    fromDepartment: z.string().trim().min(1).max(50),
    toDepartment: z.string().trim().min(1).max(50),
    fromHandler: z.string().trim().min(1).max(50),
    toHandler: z.string().trim().min(1).max(50),
    reason: z.string().trim().min(1).max(200),
  })
  .strict();
export const transferIdInput = z.object({ transferId: id }).strict();
export const clearFileFlagInput = z.object({ fileId: id, reason: z.string().trim().min(1).max(200) }).strict();

/** Files dropped on the window or picked many at once, for the stack's intake. */
export const receiveScansInput = z
  .object({
    files: z
      .array(scanUpload.extend({ dataBase64: z.string().min(4).max(280_000_000) }))
      .min(1)
      .max(50),
  })
  .strict();
export const waitingScanIdInput = z.object({ partId: id }).strict();
/** A waiting part filed: as a scan of a document, or as a new document of a file. */
export const fileWaitingScanInput = z.union([
  z.object({ partId: id, documentId: id }).strict(),
  z.object({ partId: id, fileId: id, category: documentFields.category, title: documentFields.title, docDate: documentFields.docDate, isOriginal: z.boolean() }).strict(),
]);
export const discardWaitingScanInput = z.object({ partId: id, reason: z.string().trim().min(1).max(200) }).strict();

export const formParams = z
  .object({
    fileId: id.optional(),
    fileIds: z.array(id).max(2000).optional(),
    loanId: id.optional(),
    borrowerId: id.optional(),
    transferId: id.optional(),
    inspectionId: id.optional(),
    registerId: id.optional(),
    boxId: id.optional(),
    cabinetId: id.optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    building: optionalText(50),
    recoveryKey: z.string().max(100).optional(),
    archiveDir: z.string().max(500).optional(),
    /** Reports: the period and the place. */
    from: dateOnly.optional(),
    to: dateOnly.optional(),
    floor: optionalText(20),
    /** Labels: 2×5 on A4, or one per page for a label printer. */
    labelLayout: z.enum(['sheet', 'single']).optional(),
    /** Desk records: the kind, the kept records to print (else one form per file, or per resident file of a building and floor), one of its sheets. */
    recordKind: z
      .string()
      .regex(/^[a-z][a-z-]{1,30}$/)
      .optional(),
    recordIds: z.array(id).max(2000).optional(),
    sheet: z
      .string()
      .regex(/^[a-z][a-zA-Z]{0,30}$/)
      .optional(),
    /** A cover sheet (扫描封面): the document it is for, or the new document's category, title and date, and whether the paper is the original. */
    documentId: id.optional(),
    category: z.string().min(1).max(40).optional(),
    title: optionalText(200),
    docDate: dateOnly.optional(),
    isOriginal: z.boolean().optional(),
  })
  .strict();
/** A report with its period (local dates, both ends included) and place. */
export const reportInput = z
  .object({
    report: z.enum(reportIds),
    from: dateOnly.optional(),
    to: dateOnly.optional(),
    building: optionalText(50),
    floor: optionalText(20),
    locale: z.enum(locales).default('zh-CN'),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from after to', path: ['to'] });
export type ReportInput = z.input<typeof reportInput>;

export const formInput = z.object({ formId: z.enum(formIds), blank: z.boolean().default(false), params: formParams.prefault({}) }).strict();
export type FormParams = z.input<typeof formParams>;
export type FormInput = z.input<typeof formInput>;

const bundleYear = z.number().int().min(1990).max(2100);
const localPath = z.string().trim().min(1).max(1000);
export const checkBundleInput = z.object({ year: bundleYear, building: optionalText(50) }).strict();
export const requestBundleApprovalInput = z.object({ year: bundleYear, reason: z.string().trim().min(1).max(200) }).strict();
export const startBundleExportInput = z
  .object({
    year: bundleYear,
    building: optionalText(50),
    folder: localPath,
    confidential: z.enum(['include', 'exclude', 'encrypt']).default('exclude'),
    /** For an encrypted bundle: at least 12 characters (it protects the whole year's files). */
    password: z.string().min(12).max(200).optional(),
    approvalId: id.optional(),
  })
  .strict()
  .refine((v) => v.confidential !== 'encrypt' || !!v.password, { path: ['password'], message: 'password' });
export const chooseFolderInput = z.object({ defaultPath: z.string().trim().max(1000).optional() }).strict();
export const jobIdInput = z.object({ jobId: z.string().uuid() }).strict();
export const bundlePathInput = z.object({ path: localPath, password: z.string().max(200).optional() }).strict();
export const readBundleFileInput = z.object({ path: localPath, file: z.string().min(1).max(1000), password: z.string().max(200).optional() }).strict();
export type StartBundleExportInput = z.input<typeof startBundleExportInput>;

export const startInspectionInput = z.object({ cabinetIds: z.array(id).min(1).max(100) }).strict();
export const inspectionIdInput = z.object({ inspectionId: id }).strict();
export const inspectionScanInput = z.object({ inspectionId: id, boxId: id, code: z.string().trim().min(1).max(100) }).strict();
export const inspectionBoxCheckedInput = z.object({ inspectionId: id, boxId: id, checked: z.boolean() }).strict();
export const flagMissingDocumentInput = z.object({ inspectionId: id, documentId: id, note: optionalText(200) }).strict();
export const finishInspectionInput = z.object({ inspectionId: id, note: optionalText(1000) }).strict();

export type CreateArchiveInput = z.input<typeof createArchiveInput>;
export type UnlockInput = z.input<typeof unlockInput>;
export type RecoverAccessInput = z.input<typeof recoverAccessInput>;
export type RegisterCustomerInput = z.input<typeof registerCustomerInput>;
export type UpdateCustomerInput = z.input<typeof updateCustomerInput>;
export type CustomerFields = z.output<typeof customerFields>;
export type ChangeClassificationInput = z.input<typeof changeClassificationInput>;
export type ListCustomersInput = z.input<typeof listCustomersInput>;
export type SearchInput = z.input<typeof searchInput>;
export type GetFileInput = z.input<typeof getFileInput>;
export type FileReasonInput = z.input<typeof fileReasonInput>;
export type AddDocumentInput = z.input<typeof addDocumentInput>;
export type UpdateDocumentInput = z.input<typeof updateDocumentInput>;
export type AddScanInput = z.input<typeof addScanInput>;
export type SaveDocumentCategoryInput = z.input<typeof saveDocumentCategoryInput>;
export type ArchiveSettings = z.output<typeof archiveSettingsSchema>;
export type UpdateSettingsInput = z.input<typeof updateSettingsInput>;
export type ImportInput = z.input<typeof importInput>;
export type RegisterImportInput = z.input<typeof registerImportInput>;
export type ExportCustomersInput = z.input<typeof exportCustomersInput>;
export type AuditSearchInput = z.input<typeof auditSearchInput>;
export type ExportAuditInput = z.input<typeof exportAuditInput>;
export type CreateAccountInput = z.input<typeof createAccountInput>;
export type UpdateAccountInput = z.input<typeof updateAccountInput>;
export type ResetAccountPasswordInput = z.input<typeof resetAccountPasswordInput>;
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordInput>;
export type RestoreBackupInput = z.input<typeof restoreBackupInput>;
export type RequestApprovalInput = z.input<typeof requestApprovalInput>;
export type DecideApprovalInput = z.input<typeof decideApprovalInput>;
export type SetDocumentConfidentialityInput = z.input<typeof setDocumentConfidentialityInput>;
export type SetFileConfidentialityInput = z.input<typeof setFileConfidentialityInput>;
export type SetLegalHoldInput = z.input<typeof setLegalHoldInput>;
export type CreateDestructionRegisterInput = z.input<typeof createDestructionRegisterInput>;
export type ConfirmDestructionInput = z.input<typeof confirmDestructionInput>;
export type SaveRoomInput = z.input<typeof saveRoomInput>;
export type SaveCabinetInput = z.input<typeof saveCabinetInput>;
export type SaveBoxInput = z.input<typeof saveBoxInput>;
export type RetireLocationInput = z.input<typeof retireLocationInput>;
export type MoveFileInput = z.input<typeof moveFileInput>;
export type SaveBorrowerInput = z.input<typeof saveBorrowerInput>;
export type RequestLoanInput = z.input<typeof requestLoanInput>;
export type LendFilesInput = z.input<typeof lendFilesInput>;
export type EnterPaperLoanInput = z.input<typeof enterPaperLoanInput>;
export type ReturnFilesInput = z.input<typeof returnFilesInput>;
export type ListLoansInput = z.input<typeof listLoansInput>;
export type ExportLoansInput = z.input<typeof exportLoansInput>;
export type RequestTransferInput = z.input<typeof requestTransferInput>;
