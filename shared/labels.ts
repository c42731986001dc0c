import type { BoxScanResult, DeskWorkKind, ImportField, ImportIssueCode, RegisterField } from './api';
import type {
  AccountStatus,
  ApprovalKind,
  ApprovalStatus,
  Classification,
  CompanyNature,
  Confidentiality,
  CustomerKind,
  BorrowerStatus,
  FileReviewState,
  FileStatus,
  InspectionFindingKind,
  IntakeWaitReason,
  LoanKind,
  LoanStatusName,
  LoanTerm,
  Locale,
  ReturnCondition,
  TransferStatus,
  RetentionEvent,
  RetentionPeriod,
  Role,
  ValueGrade,
} from './domain';
import type { DutyId, DutyPeriod } from './duties';
import type { FollowUpId, VisitorRole } from './follow-ups';
import type { ErrorCode } from './errors';
import type { FormId } from './forms';
import type { ReportId, ReportSectionId } from './reports';
import { recordLabels, recordStatusLabel } from './record-labels';

type Labels<K extends string> = Record<Locale, Record<K, string>>;

export const errorMessages: Labels<ErrorCode> = {
  'zh-CN': {
    VALIDATION_FAILED: '输入有误，请检查标出的字段。',
    UNKNOWN_METHOD: '未知的操作。',
    NOT_SIGNED_IN: '请先登录。',
    FORBIDDEN: '您的角色无权执行此操作，需由{allowedRoles}办理。',
    ARCHIVE_NOT_FOUND: '尚未创建档案库。',
    ARCHIVE_EXISTS: '此处已有档案库，不能重复创建。',
    ARCHIVE_LOCKED: '档案库已锁定，请登录。',
    ALREADY_UNLOCKED: '档案库已解锁，请先锁定再登录其他账户。',
    SIGN_IN_UNDER_WAY: '正在登录，请等这次登录完成。',
    ARCHIVE_BUSY: '档案库正在写入导入的客户，这次保存没有进行；请在导入完成后再保存。',
    WRONG_CREDENTIALS: '用户名或密码错误。',
    ACCOUNT_DISABLED: '该账户已停用，请联系管理员。',
    WRONG_RECOVERY_KEY: '恢复密钥不正确。',
    ACCOUNT_NOT_FOUND: '没有这个用户名的账户。',
    KEY_FILE_MISSING: '找不到密钥文件（{file}）。请从备份中恢复该文件后重试；档案库本身未被改动。',
    KEY_FILE_DAMAGED: '密钥文件（{file}）已损坏，无法读取。请从备份中恢复该文件；档案库本身未被改动。',
    KEY_FILE_MISMATCH: '密钥文件与档案库不匹配（可能来自另一个档案库）。档案库本身未被改动。',
    NOT_AN_ARCHIVE: '该文件不是客户档案台的档案库（{file}）。未做任何改动。',
    ARCHIVE_DAMAGED: '档案库文件已损坏（{file}），无法打开。请从备份恢复；未做任何改动。',
    ARCHIVE_TOO_NEW: '该档案库由更新版本的客户档案台创建，请升级软件后再打开。',
    WEAK_PASSWORD: '密码强度不足：至少 {minLength} 位，并包含大写字母、小写字母、数字、符号中的至少三类（12 位以上可为两类），且不能包含用户名。',
    PASSWORDS_DIFFER: '两次输入的密码不一致。',
    UNAUTHORIZED_CLIENT: '访问令牌无效，请使用启动时打印的完整地址打开。',
    NOT_FOUND: '找不到该记录，可能已被删除或编号有误。',
    DUPLICATE_CUSTOMER: '已有同名且同单元的客户（{name} {unit}）。确认确为另一客户后可继续登记。',
    BLACKLIST_MATCH: '“{value}”与客户黑名单上的“{name}”相同（列入原因：{reason}）。确认后仍可登记。',
    ADMISSION_INCOMPLETE: '销售客户须先完成准入审核，尚未确认：{missing}。',
    CUSTOMER_CLOSED: '该客户已淘汰。',
    CUSTOMER_NOT_CLOSED: '该客户未淘汰，无需恢复。',
    CONTACT_DATE_IN_FUTURE: '首次接触日期不能晚于今天。',
    NOTHING_TO_RESUBMIT: '该客户没有退回补正的档案，无需重新提交审核。',
    DATES_OUT_OF_ORDER: '日期先后有误：退租日期不能早于入住日期。',
    FILE_CLOSED: '该档案已退租关闭，不能再添加文件；如需补充，请由经理重新开启。',
    FILE_NOT_CLOSED: '该档案未关闭，无需重新开启。',
    SCAN_TOO_LARGE: '扫描件“{fileName}”过大（{sizeMb} MB），单个文件上限为 {maxMb} MB。',
    SCAN_TYPE_NOT_ALLOWED: '扫描件“{fileName}”不是 PDF、JPEG 或 PNG 文件。',
    SCAN_NOT_A_SCAN: '“{fileName}”不是扫描件（只收 PDF、JPEG、PNG 或 TIFF 文件），没有收入档案库。',
    SCAN_DAMAGED: '“{fileName}”打不开：文件已损坏、还没写完或设有密码，没有收入档案库。',
    SCAN_FOLDER_IN_ARCHIVE: '扫描文件夹不能设在档案库自己的文件夹（{folder}）里：收入的文件会从扫描文件夹中删除。',
    SCAN_FOLDER_UNUSABLE: '扫描文件夹“{folder}”不存在或无法读取。请在设置中改为扫描仪保存文件的文件夹。',
    REASON_REQUIRED: '原件已归档，修改必须填写更正原因。',
    UNKNOWN_CATEGORY: '未知的文件类别：{category}。',
    UNKNOWN_RECORD_KIND: '没有这种登记表：{kind}。',
    IMPORT_UNREADABLE: '无法读取该 Excel 文件，请确认是 .xlsx 格式且第一行为表头。',
    IMPORT_HAS_ERRORS: '导入文件有 {count} 处错误，未导入任何数据。请修正后重试。',
    SESSION_EXPIRED: '长时间未操作，档案库已自动锁定，请重新登录。',
    USERNAME_TAKEN: '用户名“{username}”已被使用。',
    LAST_ADMINISTRATOR: '不能停用或降级最后一位系统管理员。',
    CANNOT_DISABLE_SELF: '不能停用自己的账户。',
    BACKUP_EXISTS: '同一时刻的备份已存在（{folder}），请稍后再试。',
    BACKUP_FAILED: '备份未完成（{folder}）：{reason}。未留下不完整的备份，档案库未受影响。',
    BACKUP_DAMAGED: '备份（{folder}）校验未通过：文件缺失、被改动或已损坏。未做任何恢复。',
    BACKUP_OTHER_ARCHIVE: '这个备份（{backupBy} 于 {backupCreated} 所做）属于另一个档案库，不是本机的档案库，未做任何恢复。若确要用它替换本机的档案库，请同时输入本机档案库的恢复密钥。',
    RESTORE_NEEDS_RECOVERY_KEY: '本机档案库的密钥文件缺失或损坏，无法确认这个备份属于本机的档案库。请输入档案库的恢复密钥以确认恢复。未做任何恢复。',
    FOLDER_NOT_ALLOWED: '不能使用系统文件夹（{folder}）。请选择自己的文件夹，例如“文档”下的文件夹或 U 盘。',
    FOLDER_NOT_WRITABLE: '无法写入 {folder}：这是一个文件而不是文件夹，或没有写入权限。未写入任何内容。',
    DISK_FULL: '磁盘空间不足：{folder} 所在的磁盘还需要约 {neededMb} MB。未留下写了一半的文件，请腾出空间后重试。',
    DECLASSIFY_NEEDS_APPROVAL: '降低密级须由总经理决定：请提交“降低密级”审批，或请总经理办理。',
    TOO_MANY_ATTEMPTS: '账户 {username} 的密码已连续输错 {failures} 次，已暂停 {minutes} 分钟，请稍后再试。',
    IMPORT_FILE_TOO_LARGE: '文件太大，未导入任何数据：这份表格 {sizeMb} MB，上限为 {maxMb} MB。管理员可在“设置”中调整上限，或把表格分成几份导入。',
    IMPORT_UNPACKS_TOO_LARGE: '这份表格解压后超过 {maxMb} MB，未导入任何数据：它可能已损坏，或藏有大量空白内容。请在 Excel 中另存为新的 .xlsx 再导入，或把表格分成几份。',
    IMPORT_TOO_MANY_ROWS: '行数太多，未导入任何数据：这份表格超过 {maxRows} 行（上限）。管理员可在“设置”中调整上限，或把表格分成几份导入。',
    BUNDLE_NOT_OPENED: '只能读取已在本程序中打开的归档包里、清单上列出的文件。请先打开归档包。',
    CONFIDENTIAL_KEY_MISSING: '本账户还没有保密扫描件的钥匙：请另一位已有钥匙的总经理登录一次，或用恢复密钥找回访问。',
    ROLE_SEPARATION: '不能修改自己账户的角色：角色由另一位管理员调整，并记入审计日志。',
    APPROVAL_REQUIRED: '此操作需要经理批准，请先提交审批申请。',
    APPROVAL_NOT_PENDING: '该审批已处理，不能再次审批。',
    APPROVER_NOT_ALLOWED: '审批人的角色级别不够（需要{requiredRole}）。',
    APPROVER_IS_REQUESTER: '申请人不能审批自己的申请。',
    CONFIDENTIAL_RESTRICTED: '这是机密文件，查阅需要总经理授权（003 §15）。请提交查阅申请。',
    ON_LEGAL_HOLD: '档案“{refNo}”处于法律保全状态，不能销毁。',
    NOT_DUE_FOR_DESTRUCTION: '档案“{refNo}”尚未到保管期限，不能列入销毁清册。',
    REGISTER_NOT_APPROVED: '销毁清册尚未获批准，不能执行销毁。',
    WITNESSES_REQUIRED: '销毁须有执行人和至少两名监销人签字。',
    RECORD_FIELDS_REQUIRED: '请先填写：{recordFields}。',
    RECORD_MOVE_NOT_ALLOWED: '这条记录现在是“{recordStatus}”，不能办理“{recordMove}”。',
    RECORD_FILE_REQUIRED: '这种记录属于客户的档案，请先选择客户（可扫描档案标签）。',
    RECORD_FILE_DESTROYED: '该档案已销毁，不能再登记或修改它的记录。',
    RECORD_EXISTS_FOR_DAY: '您 {day} 的工作日志已经登记（{recordNo}），每人每天一份，请打开它修改。',
    LOCATION_IN_USE: '该位置仍存放着 {count} 份档案，不能撤销；请先把档案移到其他档案盒。',
    LOCATION_RETIRED: '该位置已撤销，不能再存放档案。',
    BOX_FULL: '档案盒 {code} 已满（容量 {capacity} 份）。',
    CODE_TAKEN: '编号“{code}”已被使用。',
    INSPECTION_OPEN: '文件柜已在进行中的检查（第 {id} 号）里，请继续那次检查。',
    INSPECTION_FINISHED: '这次检查已经完成，不能再修改。',
    FILE_OUT: '档案 {refNo} 已借出，尚未归还，不能再借。',
    FILE_NOT_OUT: '档案 {refNo} 没有借出记录，无需归还。',
    FILE_TRANSFERRED: '档案 {refNo} 已移交其他部门。',
    LOAN_NOT_APPROVED: '借阅单未经批准，不能借出。',
    LOAN_WRONG_STATE: '借阅单当前状态不能进行此操作。',
    RENEWAL_TOO_LATE: '续借须在到期日（{dueDate}）之前办理，已逾期不能续借，请先归还。',
    LENT_DATE_IN_FUTURE: '借出日期 {lentOn} 晚于今天（{today}）：补登的是已经借出的档案，请按纸质登记簿填写借出日期。',
    DUE_BEFORE_LENT: '应还日期 {dueDate} 早于借出日期 {lentOn}，请核对纸质登记簿。',
    RENEWAL_LIMIT: '已续借 {count} 次，达到上限。',
    BORROWER_HOLDS_FILES: '{name} 还持有 {count} 份档案，全部归还或移交前不能办理离职。',
    BORROWER_LEFT: '借阅人已离职，不能再借。',
    BORROWER_OWNS_CUSTOMERS: '{name} 还负责 {count} 位客户，请选定接手人，离职时一并移交。',
    OWNER_NOT_ACTIVE: '客户负责人须是在职人员：所选人员已离职或不在人员名单中。',
    HANDOVER_TO_SELF: '移交人和接手人不能是同一人。',
    NOTHING_TO_HAND_OVER: '{name} 名下没有这些客户，没有可移交的。',
    TRANSFER_NOT_APPROVED: '移交未经批准，不能办理。',
    PDF_UNAVAILABLE: '本机找不到可生成 PDF 的 Chromium/Edge 浏览器，请改用“打印”。',
    FOLDER_DIALOG_UNAVAILABLE: '浏览器中不能打开系统的文件夹对话框，请直接输入文件夹路径。',
    FORM_RECORD_REQUIRED: '请先选择要填入表格的记录（{record}）。',
    CANCELLED: '已取消，没有留下未完成的文件。',
    BUNDLE_EXISTS: '该位置已有同名的归档包：{path}。请换一个文件夹，或先移走旧的。',
    BUNDLE_EMPTY: '{year} 年没有退租的租户，无需导出。',
    BUNDLE_DAMAGED: '归档包校验未通过：有文件缺失、多出或被改动。',
    BUNDLE_UNREADABLE: '无法读取该归档包（不是本软件导出的包，或已损坏）。',
    INTERNAL: '发生内部错误，操作未完成，数据未被改动。',
  },
  en: {
    VALIDATION_FAILED: 'Some input is not valid; check the marked fields.',
    UNKNOWN_METHOD: 'Unknown operation.',
    NOT_SIGNED_IN: 'Please sign in first.',
    FORBIDDEN: 'Your role may not do this: it takes {allowedRoles}.',
    ARCHIVE_NOT_FOUND: 'No archive has been created yet.',
    ARCHIVE_EXISTS: 'An archive already exists here; it cannot be created again.',
    ARCHIVE_LOCKED: 'The archive is locked; please sign in.',
    ALREADY_UNLOCKED: 'The archive is already unlocked; lock it before signing in as someone else.',
    SIGN_IN_UNDER_WAY: 'A sign-in is under way; please wait for it to finish.',
    ARCHIVE_BUSY: 'The archive is busy writing imported customers, so nothing was saved; save again once the import is done.',
    WRONG_CREDENTIALS: 'Wrong user name or password.',
    ACCOUNT_DISABLED: 'This account is disabled; ask an administrator.',
    WRONG_RECOVERY_KEY: 'The recovery key is not correct.',
    ACCOUNT_NOT_FOUND: 'There is no account with this user name.',
    KEY_FILE_MISSING: 'The key file ({file}) is missing. Restore it from a backup and try again; the archive itself was not changed.',
    KEY_FILE_DAMAGED: 'The key file ({file}) is damaged and cannot be read. Restore it from a backup; the archive itself was not changed.',
    KEY_FILE_MISMATCH: 'The key file does not belong to this archive (it may come from another archive). The archive was not changed.',
    NOT_AN_ARCHIVE: 'This file is not an Archive Desk archive ({file}). Nothing was changed.',
    ARCHIVE_DAMAGED: 'The archive file is damaged ({file}) and cannot be opened. Restore it from a backup; nothing was changed.',
    ARCHIVE_TOO_NEW: 'This archive was made by a newer version of Archive Desk; please upgrade to open it.',
    WEAK_PASSWORD:
      'The password is too weak: at least {minLength} characters with three of upper case, lower case, digits and symbols (two are enough from 12 characters), and not containing the user name.',
    PASSWORDS_DIFFER: 'The two passwords differ.',
    UNAUTHORIZED_CLIENT: 'The access token is not valid; open the full address printed at start-up.',
    NOT_FOUND: 'That record was not found; it may have been removed, or the number is wrong.',
    DUPLICATE_CUSTOMER: 'A customer with the same name and unit exists ({name} {unit}). Confirm it is a different customer to register anyway.',
    BLACKLIST_MATCH: '“{value}” is the same as “{name}” on the customer blacklist (listed because: {reason}). Confirm to register anyway.',
    ADMISSION_INCOMPLETE: 'A sales customer is taken on only after the admission check; not yet confirmed: {missing}.',
    CUSTOMER_CLOSED: 'This customer has been closed.',
    CONTACT_DATE_IN_FUTURE: 'The date of first contact cannot be after today.',
    NOTHING_TO_RESUBMIT: 'This customer has no file returned for correction: there is nothing to submit again.',
    CUSTOMER_NOT_CLOSED: 'This customer is not closed; there is nothing to reopen.',
    DATES_OUT_OF_ORDER: 'Dates out of order: the move-out date cannot be before the move-in date.',
    FILE_CLOSED: 'This file is closed (moved out); no documents can be added unless a manager reopens it.',
    FILE_NOT_CLOSED: 'This file is not closed; there is nothing to reopen.',
    SCAN_TOO_LARGE: 'The scan "{fileName}" is too large ({sizeMb} MB); the limit is {maxMb} MB per file.',
    SCAN_TYPE_NOT_ALLOWED: 'The scan "{fileName}" is not a PDF, JPEG or PNG file.',
    SCAN_NOT_A_SCAN: '"{fileName}" is not a scan (only PDF, JPEG, PNG or TIFF files are taken in); it was not taken into the archive.',
    SCAN_DAMAGED: '"{fileName}" cannot be opened: it is damaged, not fully written yet or has a password; it was not taken into the archive.',
    SCAN_FOLDER_IN_ARCHIVE: "The scan folder cannot be inside the archive's own folder ({folder}): files taken in are removed from the scan folder.",
    SCAN_FOLDER_UNUSABLE: 'The scan folder "{folder}" does not exist or cannot be read. Set it in Settings to the folder the scanner saves to.',
    REASON_REQUIRED: 'An original on file can only be changed with a reason for the correction.',
    UNKNOWN_CATEGORY: 'Unknown document category: {category}.',
    UNKNOWN_RECORD_KIND: 'No such desk record kind: {kind}.',
    IMPORT_UNREADABLE: 'This Excel file cannot be read; it must be .xlsx with headers in the first row.',
    IMPORT_HAS_ERRORS: 'The import file has {count} errors; nothing was imported. Fix them and try again.',
    SESSION_EXPIRED: 'The archive locked itself after a period without use; please sign in again.',
    USERNAME_TAKEN: 'The user name "{username}" is already taken.',
    LAST_ADMINISTRATOR: 'The last administrator cannot be disabled or given another role.',
    CANNOT_DISABLE_SELF: 'You cannot disable your own account.',
    BACKUP_EXISTS: 'A backup from this very moment exists ({folder}); try again shortly.',
    BACKUP_FAILED: 'The backup did not complete ({folder}): {reason}. No partial backup was left; the archive is unaffected.',
    BACKUP_DAMAGED: 'The backup ({folder}) failed its checks: a file is missing, changed or damaged. Nothing was restored.',
    BACKUP_OTHER_ARCHIVE:
      'This backup (made by {backupBy} on {backupCreated}) is of another archive, not the one on this PC. Nothing was restored. To replace this PC’s archive with it all the same, also enter this archive’s recovery key.',
    RESTORE_NEEDS_RECOVERY_KEY:
      'This PC’s key file is missing or damaged, so it cannot be told whether the backup is of this archive. Enter the archive’s recovery key to confirm the restore. Nothing was restored.',
    FOLDER_NOT_ALLOWED: 'A system folder ({folder}) cannot be used. Choose a folder of your own, for example one under Documents, or a USB drive.',
    FOLDER_NOT_WRITABLE: 'Cannot write to {folder}: it is a file rather than a folder, or it may not be written. Nothing was written.',
    DISK_FULL: 'The disk is full: the disk of {folder} needs about {neededMb} MB more. Nothing half-written was left; free some space and try again.',
    DECLASSIFY_NEEDS_APPROVAL: 'Lowering confidentiality is the general manager’s decision: submit a “lower confidentiality” request, or ask the general manager.',
    TOO_MANY_ATTEMPTS: 'The password of {username} was wrong {failures} times in a row; it is paused for {minutes} minutes. Try again later.',
    IMPORT_FILE_TOO_LARGE: 'The file is too large and nothing was imported: it is {sizeMb} MB, the limit is {maxMb} MB. An administrator can change the limit in Settings, or split the sheet.',
    IMPORT_UNPACKS_TOO_LARGE:
      'Unpacked, this workbook is larger than {maxMb} MB and nothing was imported: it may be damaged or hold a great deal of blank content. Save it as a new .xlsx in Excel and import that, or split the sheet.',
    IMPORT_TOO_MANY_ROWS: 'Too many rows, nothing was imported: the sheet has more than {maxRows} rows (the limit). An administrator can change the limit in Settings, or split the sheet.',
    BUNDLE_NOT_OPENED: 'Only files listed in the manifest of a bundle opened in this program can be read. Open the bundle first.',
    CONFIDENTIAL_KEY_MISSING: 'This account does not hold the key of confidential scans yet: another general manager who holds it must sign in once, or use the recovery key.',
    ROLE_SEPARATION: 'Nobody changes their own account’s role: another administrator does it, and it is recorded in the audit log.',
    APPROVAL_REQUIRED: 'This needs a manager’s approval; submit a request first.',
    APPROVAL_NOT_PENDING: 'This request was already decided.',
    APPROVER_NOT_ALLOWED: 'The approver’s role is not senior enough (needs {requiredRole}).',
    APPROVER_IS_REQUESTER: 'Nobody approves their own request.',
    CONFIDENTIAL_RESTRICTED: 'This document is confidential; viewing it needs the general manager’s authorisation (003 §15). Submit a request.',
    ON_LEGAL_HOLD: 'File {refNo} is on legal hold and cannot be destroyed.',
    NOT_DUE_FOR_DESTRUCTION: 'File {refNo} has not reached the end of its retention period.',
    REGISTER_NOT_APPROVED: 'The destruction register is not approved; nothing can be destroyed yet.',
    WITNESSES_REQUIRED: 'A destruction needs the executor and at least two witnesses.',
    RECORD_FIELDS_REQUIRED: 'Fill in first: {recordFields}.',
    RECORD_MOVE_NOT_ALLOWED: 'This record is “{recordStatus}” now: “{recordMove}” cannot be done.',
    RECORD_FILE_REQUIRED: "This kind of record belongs to a customer's file: pick the customer first (a file label can be scanned).",
    RECORD_FILE_DESTROYED: 'This file was destroyed: its records can no longer be entered or changed.',
    RECORD_EXISTS_FOR_DAY: 'Your work log for {day} is already entered ({recordNo}): one a day each; open it to change it.',
    LOCATION_IN_USE: 'This location still holds {count} files and cannot be retired; move them to another box first.',
    LOCATION_RETIRED: 'This location is retired and holds no more files.',
    BOX_FULL: 'Box {code} is full (capacity {capacity} files).',
    CODE_TAKEN: 'The code "{code}" is already in use.',
    INSPECTION_OPEN: 'A cabinet is already in inspection no. {id}, which is still open; continue that one.',
    INSPECTION_FINISHED: 'This inspection is finished and can no longer be changed.',
    FILE_OUT: 'File {refNo} is out on loan and has not come back; it cannot be lent again.',
    FILE_NOT_OUT: 'File {refNo} is not out on loan.',
    FILE_TRANSFERRED: 'File {refNo} has been transferred to another department.',
    LOAN_NOT_APPROVED: 'The loan has not been approved; nothing can be lent.',
    LOAN_WRONG_STATE: 'The loan is not in a state that allows this.',
    RENEWAL_TOO_LATE: 'A renewal must be made before the due date ({dueDate}); the loan is overdue: return the file first.',
    LENT_DATE_IN_FUTURE: 'The lend date {lentOn} is after today ({today}): entering a loan from paper is for files already out; take the date from the paper register.',
    DUE_BEFORE_LENT: 'The due date {dueDate} is before the lend date {lentOn}; check the paper register.',
    RENEWAL_LIMIT: 'Already renewed {count} times, the most allowed.',
    BORROWER_HOLDS_FILES: '{name} still holds {count} files; they cannot be marked as left until all are returned or handed over.',
    BORROWER_LEFT: 'The borrower has left the company and cannot borrow.',
    BORROWER_OWNS_CUSTOMERS: '{name} is still responsible for {count} customers; choose who takes them over, and they are handed over as {name} leaves.',
    OWNER_NOT_ACTIVE: 'A customer’s responsible person must be current staff: the person chosen has left or is not on the staff list.',
    HANDOVER_TO_SELF: 'The customers cannot be handed over to the same person.',
    NOTHING_TO_HAND_OVER: '{name} is not responsible for these customers; there is nothing to hand over.',
    TRANSFER_NOT_APPROVED: 'The transfer has not been approved.',
    PDF_UNAVAILABLE: 'No Chromium or Edge browser was found on this PC to make PDFs; use Print instead.',
    FOLDER_DIALOG_UNAVAILABLE: 'The browser cannot open the system’s folder dialog: type the folder’s path.',
    FORM_RECORD_REQUIRED: 'Choose the record to fill the form from ({record}) first.',
    CANCELLED: 'Cancelled; nothing half-written was left behind.',
    BUNDLE_EXISTS: 'A bundle of that name is already there: {path}. Choose another folder or move the old one first.',
    BUNDLE_EMPTY: 'No tenant moved out in {year}; there is nothing to export.',
    BUNDLE_DAMAGED: 'The bundle failed verification: files are missing, extra or changed.',
    BUNDLE_UNREADABLE: 'This bundle cannot be read (not exported by this app, or damaged).',
    INTERNAL: 'An internal error stopped the operation; no data was changed.',
  },
};

export const roleLabels: Labels<Role> = {
  'zh-CN': {
    administrator: '系统管理员',
    clerk: '档案管理员',
    department_manager: '部门经理',
    general_manager: '总经理',
    auditor: '审计员',
  },
  en: {
    administrator: 'Administrator',
    clerk: 'Archive clerk',
    department_manager: 'Department manager',
    general_manager: 'General manager',
    auditor: 'Auditor',
  },
};

export const accountStatusLabels: Labels<AccountStatus> = {
  'zh-CN': { active: '启用', disabled: '停用' },
  en: { active: 'Active', disabled: 'Disabled' },
};

/** Why pages of a stack wait for the clerk (待归档扫描件). */
/** What each file owes (shared/duties.ts), as 工作台 and the file's own page name it. */
export const dutyLabels: Labels<DutyId> = {
  'zh-CN': {
    completeness: '档案资料齐全',
    patrol: '巡查记录',
    restaurant_patrol: '餐饮商户巡查记录',
    exhaust_cleaning: '厨房油烟清洗记录',
    licence_review: '营业执照年审',
    key_update: '重点客户档案更新',
    satisfaction_survey: '年度满意度调查',
  },
  en: {
    completeness: 'Complete file',
    patrol: 'Patrol record',
    restaurant_patrol: 'Restaurant patrol record',
    exhaust_cleaning: 'Kitchen exhaust cleaning',
    licence_review: 'Business licence review',
    key_update: 'Key customer file update',
    satisfaction_survey: 'Yearly satisfaction survey',
  },
};

export const followUpLabels: Labels<FollowUpId> = {
  'zh-CN': {
    buyer: '购买顾客回访',
    non_buyer: '未购买顾客回访',
    doctor: '顾服主管医生回访',
    grade_high: '高价值客户定期拜访',
    grade_medium: '中价值客户定期回访',
    grade_low: '低价值客户定期联系',
  },
  en: {
    buyer: 'Buyer follow-up',
    non_buyer: 'Non-buyer follow-up',
    doctor: "Service doctor's follow-up",
    grade_high: 'High-value customers: regular visit',
    grade_medium: 'Medium-value customers: regular call',
    grade_low: 'Low-value customers: keeping in touch',
  },
};

export const fileReviewStateLabels: Labels<FileReviewState> = {
  'zh-CN': { pending: '待审核', approved: '已审核', returned: '退回补正' },
  en: { pending: 'Awaiting review', approved: 'Reviewed', returned: 'Returned for correction' },
};

export const visitorRoleLabels: Labels<VisitorRole> = {
  'zh-CN': { representative: '满意代表', doctor: '顾服主管医生', sales: '销售人员', other: '其他' },
  en: { representative: 'Service representative', doctor: 'Customer-service doctor', sales: 'Sales staff', other: 'Other' },
};

export const dutyPeriodLabels: Labels<DutyPeriod> = {
  'zh-CN': { month: '每月', quarter: '每季度', year: '每年' },
  en: { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' },
};

export const intakeWaitReasonLabels: Labels<IntakeWaitReason> = {
  'zh-CN': {
    'no-cover': '前面没有扫描封面',
    'file-label': '前面是档案标签：请确认类别和题名',
    'box-label': '前面是档案盒标签：请确定归入哪份档案',
    'unknown-file': '封面上的档号在档案库中找不到',
    'file-closed': '封面上的档案已退租关闭或已销毁',
    'document-gone': '封面所指的文件已不在这份档案中',
    'unknown-category': '封面上的文件类别已不存在',
  },
  en: {
    'no-cover': 'No cover sheet before these pages',
    'file-label': 'After a file label: confirm the category and title',
    'box-label': 'After a box label: choose the file',
    'unknown-file': 'The cover sheet names a file number the archive does not have',
    'file-closed': 'The file on the cover sheet is closed or destroyed',
    'document-gone': 'The document on the cover sheet is no longer in that file',
    'unknown-category': 'The category on the cover sheet no longer exists',
  },
};

export const customerKindLabels: Labels<CustomerKind> = {
  'zh-CN': { tenant: '租户', owner: '业主', sales: '销售客户', potential: '潜在客户' },
  en: { tenant: 'Tenant', owner: 'Owner', sales: 'Sales customer', potential: 'Potential customer' },
};

export const classificationLabels: Labels<Classification> = {
  'zh-CN': { key: '重点客户', ordinary: '一般客户', potential: '潜在客户' },
  en: { key: 'Key', ordinary: 'Ordinary', potential: 'Potential' },
};

export const valueGradeLabels: Labels<ValueGrade> = {
  'zh-CN': { high: '高价值', medium: '中价值', low: '低价值' },
  en: { high: 'High value', medium: 'Medium value', low: 'Low value' },
};

export const companyNatureLabels: Labels<CompanyNature> = {
  'zh-CN': { state_owned: '国有', joint_stock: '股份', partnership: '合伙', joint_venture: '合资', other: '其他' },
  en: { state_owned: 'State-owned', joint_stock: 'Joint-stock', partnership: 'Partnership', joint_venture: 'Joint venture', other: 'Other' },
};

export const fileStatusLabels: Labels<FileStatus> = {
  'zh-CN': { active: '在用', departed: '已退租', destroyed: '已销毁' },
  en: { active: 'Active', departed: 'Departed', destroyed: 'Destroyed' },
};

export const retentionLabels: Labels<RetentionPeriod> = {
  'zh-CN': { permanent: '永久', '30': '30 年', '10': '10 年' },
  en: { permanent: 'Permanent', '30': '30 years', '10': '10 years' },
};

export const retentionEventLabels: Labels<RetentionEvent> = {
  'zh-CN': { move_out: '自退租之日起', last_document: '自最后一份文件日期起', file_created: '自建档之日起' },
  en: { move_out: 'from the move-out date', last_document: 'from the last document date', file_created: 'from the file’s creation' },
};

export const confidentialityLabels: Labels<Confidentiality> = {
  'zh-CN': { ordinary: '普通', internal: '内部', confidential: '机密' },
  en: { ordinary: 'Ordinary', internal: 'Internal', confidential: 'Confidential' },
};

/** Field names, as the forms, the Excel headers and the import errors show them. */
export const customerFieldLabels: Labels<ImportField> = {
  'zh-CN': {
    refNo: '档号',
    kind: '客户类型',
    name: '客户名称',
    shortName: '简称',
    companyNature: '公司性质',
    legalRepresentative: '法定代表人',
    address: '地址',
    phone: '电话',
    fax: '传真',
    businessScope: '经营范围',
    staffCount: '员工人数',
    relationshipStart: '开始往来日期',
    paymentTerms: '付款方式',
    creditGrade: '信用等级',
    industry: '所属行业',
    region: '所属区域',
    website: '网址',
    licenceNo: '营业执照号码',
    licenceExpiry: '营业执照有效期至',
    deposit: '押金（元）',
    notes: '备注',
    building: '楼栋',
    floor: '楼层',
    units: '单元号',
    moveInDate: '入住日期',
    moveOutDate: '退租日期',
    classification: '客户分类',
    valueGrade: '价值等级',
    contactName: '联系人',
    contactTitle: '联系人职务',
    contactPhone: '联系人电话',
    emergencyName: '紧急联系人',
    emergencyPhone: '紧急联系电话',
  },
  en: {
    refNo: 'Reference no.',
    kind: 'Customer kind',
    name: 'Name',
    shortName: 'Short name',
    companyNature: 'Company nature',
    legalRepresentative: 'Legal representative',
    address: 'Address',
    phone: 'Phone',
    fax: 'Fax',
    businessScope: 'Business scope',
    staffCount: 'Staff count',
    relationshipStart: 'Relationship since',
    paymentTerms: 'Payment terms',
    creditGrade: 'Credit grade',
    industry: 'Industry',
    region: 'Region',
    website: 'Website',
    licenceNo: 'Business licence no.',
    licenceExpiry: 'Licence valid until',
    deposit: 'Deposit (yuan)',
    notes: 'Notes',
    building: 'Building',
    floor: 'Floor',
    units: 'Unit numbers',
    moveInDate: 'Move-in date',
    moveOutDate: 'Move-out date',
    classification: 'Classification',
    valueGrade: 'Value grade',
    contactName: 'Contact',
    contactTitle: 'Contact title',
    contactPhone: 'Contact phone',
    emergencyName: 'Emergency contact',
    emergencyPhone: 'Emergency phone',
  },
};

/** Reasons the archive writes into a file's location history when the move is not typed by hand. */
export const systemMoveReasons = { scanIntoBox: '扫码入盒', registerImport: '按纸质台账导入存放位置', departed: '退租档案归位', newFile: '新建档案入盒' } as const;

export const boxScanResultLabels: Labels<BoxScanResult> = {
  'zh-CN': { filed: '已放入本盒', already: '已在本盒', unknown: '无法识别的编码', box_code: '这是档案盒标签，请扫描档案标签', full: '本盒已满，未放入', destroyed: '档案已销毁，不能入盒' },
  en: {
    filed: 'Filed in this box',
    already: 'Already in this box',
    unknown: 'Code not recognised',
    box_code: 'That is a box label: scan a file label',
    full: 'The box is full; not filed',
    destroyed: 'The file was destroyed; it cannot be filed',
  },
};

export const registerFieldLabels: Labels<RegisterField> = {
  'zh-CN': { refNo: '档号', title: '文件题名', category: '文件类别', docDate: '文件日期', pages: '页数', isOriginal: '原件/复印件', confidentiality: '密级', remarks: '备注', box: '档案盒编号' },
  en: {
    refNo: 'Reference no.',
    title: 'Title',
    category: 'Category',
    docDate: 'Document date',
    pages: 'Pages',
    isOriginal: 'Original or copy',
    confidentiality: 'Confidentiality',
    remarks: 'Remarks',
    box: 'Box code',
  },
};

export const importIssueLabels: Labels<ImportIssueCode> = {
  'zh-CN': {
    REQUIRED: '必填项为空',
    INVALID_VALUE: '取值无效',
    INVALID_PHONE: '电话号码格式不正确',
    INVALID_DATE: '日期格式不正确（应为 YYYY-MM-DD）',
    DATES_OUT_OF_ORDER: '退租日期早于入住日期',
    TOO_LONG: '内容过长',
    DUPLICATE_IN_SHEET: '与表中另一行重复（同名同单元）',
    DUPLICATE_CUSTOMER: '档案库中已有同名同单元的客户',
    FORMULA_WITHOUT_VALUE: '单元格是公式，但文件中没有保存计算结果：请在 Excel/WPS 中打开并保存一次，或改为填写数值',
    UNKNOWN_REF_NO: '档案库中没有这个档号：新客户请清空档号一栏',
    CONFLICTING_ROWS: '与同一客户的另一行改成了不同的内容，请只保留一种',
    CLASSIFICATION_IN_APP: '客户分类和价值等级不能通过导入修改，请在档案中调整（须填写原因）',
    UNKNOWN_CATEGORY: '没有这个文件类别（请用设置 → 文件类别中的名称）',
    UNKNOWN_BOX: '没有这个档案盒编号',
    BOX_RETIRED: '档案盒已撤销，不能再放入档案',
    BOX_FULL: '档案盒放不下：超出容量',
    FILE_TRANSFERRED: '档案已移交其他部门，不在本室保管',
    FILE_DESTROYED: '档案已销毁',
    BLACKLISTED: '与客户黑名单上的客户相同，请逐个登记并确认',
  },
  en: {
    REQUIRED: 'Required but empty',
    INVALID_VALUE: 'Not a valid value',
    INVALID_PHONE: 'Not a valid phone number',
    INVALID_DATE: 'Not a valid date (YYYY-MM-DD)',
    DATES_OUT_OF_ORDER: 'Move-out date before move-in date',
    TOO_LONG: 'Too long',
    DUPLICATE_IN_SHEET: 'Same name and unit as another row',
    DUPLICATE_CUSTOMER: 'A customer with this name and unit is already in the archive',
    FORMULA_WITHOUT_VALUE: 'The cell is a formula whose result the file does not hold: open and save it once in Excel/WPS, or type the value',
    UNKNOWN_REF_NO: 'No file in the archive has this reference number: leave it empty for a new customer',
    CONFLICTING_ROWS: 'Another row of the same customer changes this to something else; keep one',
    CLASSIFICATION_IN_APP: 'Classification and value grade cannot be changed by import; change them in the file (a reason is required)',
    UNKNOWN_CATEGORY: 'No such document category (use a name from Settings → Document categories)',
    UNKNOWN_BOX: 'No box with this code',
    BOX_RETIRED: 'The box is retired; nothing more can go in',
    BOX_FULL: 'The box cannot hold it: over capacity',
    FILE_TRANSFERRED: 'The file was transferred to another department and is not kept here',
    FILE_DESTROYED: 'The file has been destroyed',
    BLACKLISTED: 'The same as a customer on the blacklist; register it by hand and confirm',
  },
};

export const approvalKindLabels: Labels<ApprovalKind> = {
  'zh-CN': {
    borrow: '借阅',
    renew: '续借',
    transfer: '移交',
    edit_original: '修改原件',
    view_confidential: '查阅机密文件',
    destroy: '销毁',
    export_confidential: '导出机密文件',
    declassify: '降低密级',
    file_review: '新建档案审核',
  },
  en: {
    borrow: 'Borrowing',
    renew: 'Renewal',
    transfer: 'Transfer',
    edit_original: 'Edit an original',
    view_confidential: 'View a confidential document',
    destroy: 'Destruction',
    export_confidential: 'Export confidential files',
    declassify: 'Lower confidentiality',
    file_review: 'New file review',
  },
};

export const approvalStatusLabels: Labels<ApprovalStatus> = {
  'zh-CN': { pending: '待审批', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回', used: '已使用' },
  en: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn', used: 'Used' },
};

export const loanKindLabels: Labels<LoanKind> = {
  'zh-CN': { read: '阅览（在办公室内）', take_out: '借出', copy: '复印/摘抄' },
  en: { read: 'Read in the office', take_out: 'Take out', copy: 'Copy or extract' },
};

export const loanTermLabels: Labels<LoanTerm> = {
  'zh-CN': { short: '短期', long: '长期' },
  en: { short: 'Short-term', long: 'Long-term' },
};

export const loanStatusLabels: Labels<LoanStatusName> = {
  'zh-CN': { requested: '待审批', approved: '已批准待借出', rejected: '已驳回', withdrawn: '已撤回', lent: '借出中', returned: '已归还' },
  en: { requested: 'Awaiting approval', approved: 'Approved, not yet lent', rejected: 'Rejected', withdrawn: 'Withdrawn', lent: 'Out', returned: 'Returned' },
};

export const returnConditionLabels: Labels<ReturnCondition> = {
  'zh-CN': { complete: '完好齐全', damaged: '有损坏', documents_missing: '缺少文件' },
  en: { complete: 'Complete', damaged: 'Damaged', documents_missing: 'Documents missing' },
};

export const borrowerStatusLabels: Labels<BorrowerStatus> = {
  'zh-CN': { active: '在职', left: '已离职' },
  en: { active: 'Active', left: 'Left' },
};

/** What the desk is doing on its own, as the status line says it while it runs. */
export const deskWorkLabels: Labels<DeskWorkKind> = {
  'zh-CN': { 'page-check': '正在逐页检查档案库（当天第一次登录时进行）', backup: '正在备份档案库', 'backup-check': '正在逐页检查备份', import: '正在导入客户' },
  en: {
    'page-check': 'Checking every page of the archive (done at the first sign-in of the day)',
    backup: 'Backing up the archive',
    'backup-check': 'Checking every page of the backup',
    import: 'Importing customers',
  },
};

export const transferStatusLabels: Labels<TransferStatus> = {
  'zh-CN': { requested: '待审批', approved: '已批准待移交', rejected: '已驳回', withdrawn: '已撤回', done: '已移交' },
  en: { requested: 'Awaiting approval', approved: 'Approved, not yet handed over', rejected: 'Rejected', withdrawn: 'Withdrawn', done: 'Handed over' },
};

export const inspectionFindingLabels: Labels<InspectionFindingKind> = {
  'zh-CN': {
    present: '在盒且位置正确',
    misfiled: '存放错误',
    missing: '缺失（未借出）',
    lent: '借出中（应不在盒）',
    unknown: '无法识别的编码',
    not_checked: '未检查',
    flagged: '已标记待查（此前归还或检查时）',
    document_missing: '卷内文件缺失',
  },
  en: {
    present: 'Present, right box',
    misfiled: 'Misfiled (wrong box)',
    missing: 'Missing, not lent',
    lent: 'Out on loan (expected absent)',
    unknown: 'Unknown code',
    not_checked: 'Not checked',
    flagged: 'Flagged earlier (at a return or an inspection)',
    document_missing: 'Document missing from file',
  },
};

export const formTitleLabels: Labels<FormId> = {
  'zh-CN': {
    'file-registration': '客户档案登记表',
    'customer-info-survey': '客户信息调查表',
    'customer-credit-survey': '客户信用调查表',
    'emergency-contacts': '客户紧急联络表',
    'dangerous-customers': '危险客户统计表',
    'file-catalogue': '卷内目录',
    'loan-register': '借用/借阅记录表',
    'loan-slip': '档案借阅单',
    'overdue-reminder': '档案逾期催还单',
    'transfer-receipt': '档案移交签收表',
    'inspection-record': '档案检查记录',
    'destruction-list': '档案销毁清单',
    'departed-catalogue': '年度退租档案目录',
    'file-labels': '档案标签',
    'box-labels': '档案盒脊标签',
    'scan-cover': '扫描封面',
    'recovery-key': '恢复密钥保管单',
    'report-composition': '档案构成报表',
    'report-borrowing': '借阅统计报表',
    'report-storage': '库房与检查报表',
    'report-movement': '档案变动报表',
    'report-complaints': '客户投诉统计报表',
    'report-satisfaction': '顾客满意度调查统计表',
    'desk-record': '登记簿记录',
  },
  en: {
    'file-registration': 'Customer file registration',
    'customer-info-survey': 'Customer information survey',
    'customer-credit-survey': 'Customer credit survey',
    'emergency-contacts': 'Customer emergency contacts',
    'dangerous-customers': 'Blacklisted customers',
    'file-catalogue': 'File catalogue',
    'loan-register': 'Borrowing register',
    'loan-slip': 'Loan slip',
    'overdue-reminder': 'Overdue reminder',
    'transfer-receipt': 'Transfer receipt',
    'inspection-record': 'Inspection record',
    'destruction-list': 'Destruction list',
    'departed-catalogue': 'Yearly departed-tenant catalogue',
    'file-labels': 'File labels',
    'box-labels': 'Box spine labels',
    'scan-cover': 'Scan cover sheet',
    'recovery-key': 'Recovery key sheet',
    'report-composition': 'Archive composition report',
    'report-borrowing': 'Borrowing report',
    'report-storage': 'Storage and inspection report',
    'report-movement': 'Archive movement report',
    'report-complaints': 'Customer complaints report',
    'report-satisfaction': 'Customer satisfaction survey results',
    'desk-record': 'Desk record',
  },
};

/** The satisfaction report's own words (003 §15 6 c: the returned sheets summed up, sorted and analysed). */
export const satisfactionReportLabels: Labels<'question' | 'surveys' | 'customers' | 'overallRate' | 'worst' | 'rate' | 'answered' | 'noPlace' | 'note' | 'total'> = {
  'zh-CN': {
    question: '调查项目',
    surveys: '收回调查表',
    customers: '参与客户',
    overallRate: '总体满意率',
    worst: '满意率最低的项目',
    rate: '满意率（%）',
    answered: '回答数',
    noPlace: '（未登记楼栋）',
    note: '满意率 = 选“非常满意”或“满意”的份数 ÷ 回答该项的份数。',
    total: '合计',
  },
  en: {
    question: 'Question',
    surveys: 'Sheets returned',
    customers: 'Customers',
    overallRate: 'Overall satisfied',
    worst: 'Least satisfied with',
    rate: 'Satisfied (%)',
    answered: 'Answers',
    noPlace: '(no building)',
    note: 'Satisfied = the sheets answering "very satisfied" or "satisfied", of those answering the question.',
    total: 'Total',
  },
};

/** The complaints report's own words (000 §7 3: complaints counted and analysed for their causes). */
export const complaintReportLabels: Labels<
  'category' | 'count' | 'share' | 'previous' | 'change' | 'closed' | 'open' | 'overdue' | 'total' | 'received' | 'closedRate' | 'satisfied' | 'uncategorised' | 'noPlace' | 'note' | 'causes'
> = {
  'zh-CN': {
    category: '投诉类别',
    count: '投诉数',
    share: '占比',
    previous: '上期',
    change: '较上期',
    closed: '已结案',
    open: '未结案',
    overdue: '其中超期',
    total: '合计',
    received: '本期投诉',
    closedRate: '结案率',
    satisfied: '回访满意率',
    uncategorised: '机密（类别不显示）',
    noPlace: '（未登记楼栋）',
    causes: '主要原因（次数）',
    note: '上期为本期之前同样长的一段时间；满意率按已回访的投诉计（满意与基本满意）。',
  },
  en: {
    category: 'Category',
    count: 'Complaints',
    share: 'Share',
    previous: 'Previous period',
    change: 'Change',
    closed: 'Closed',
    open: 'Open',
    overdue: 'Of them late',
    total: 'Total',
    received: 'Complaints in the period',
    closedRate: 'Closed',
    satisfied: 'Satisfied at follow-up',
    uncategorised: 'Confidential (category withheld)',
    noPlace: '(no building)',
    causes: 'Main causes (times)',
    note: 'The previous period is as long as this one and ends where it starts; satisfaction counts the complaints followed up (satisfied or fairly satisfied).',
  },
};

export const reportTitleLabels: Labels<ReportId> = {
  'zh-CN': { composition: '档案构成', borrowing: '借阅统计', storage: '库房与检查', movement: '档案变动', complaints: '客户投诉', satisfaction: '顾客满意度' },
  en: { composition: 'Archive composition', borrowing: 'Borrowing', storage: 'Storage and inspections', movement: 'Movement', complaints: 'Complaints', satisfaction: 'Satisfaction' },
};

export const reportSectionLabels: Labels<ReportSectionId> = {
  'zh-CN': {
    'customers-by-kind': '客户按类型',
    'customers-by-classification': '客户按分类',
    'customers-by-grade': '客户按价值等级',
    'files-by-status': '档案按状态',
    'files-by-place': '在用档案按楼栋/楼层',
    'classification-table': '客户分类表',
    'grade-table': '客户分级表',
    'key-customers': '重点客户统计表',
    'loans-by-department': '每月借阅次数（按部门）',
    'days-out': '平均借出天数',
    'overdue-rate': '逾期率',
    'most-borrowed': '借阅最多的档案',
    'box-fill': '档案盒装填率（按档案柜）',
    'files-out': '当前借出档案（按部门）',
    'findings-by-month': '每月检查发现',
    'movement-by-month': '每月新建、退租与销毁',
    'new-files-by-month': '新建档案按期与审核（按月、按楼栋）',
    'complaints-by-category': '投诉类别与原因分析',
    'complaints-by-month': '每月投诉（按类别）',
    'complaints-by-place': '投诉（按楼栋、楼层）',
    'satisfaction-by-question': '各项满意度',
    'satisfaction-by-place': '总体满意度（按楼栋、楼层）',
  },
  en: {
    'customers-by-kind': 'Customers by kind',
    'customers-by-classification': 'Customers by classification',
    'customers-by-grade': 'Customers by value grade',
    'files-by-status': 'Files by status',
    'files-by-place': 'Active files by building/floor',
    'classification-table': 'Customer classification table',
    'grade-table': 'Customer grading table',
    'key-customers': 'Key customer list',
    'loans-by-department': 'Loans per month by department',
    'days-out': 'Average days out',
    'overdue-rate': 'Overdue rate',
    'most-borrowed': 'Most borrowed files',
    'box-fill': 'Box fill by cabinet',
    'files-out': 'Files out now by department',
    'findings-by-month': 'Inspection findings per month',
    'movement-by-month': 'New files, departures and destructions per month',
    'new-files-by-month': 'New files in time and reviewed, by month and building',
    'complaints-by-category': 'Complaints by category, with the causes',
    'complaints-by-month': 'Complaints per month, by category',
    'complaints-by-place': 'Complaints by building and floor',
    'satisfaction-by-question': 'Satisfaction, question by question',
    'satisfaction-by-place': 'Overall satisfaction by building and floor',
  },
};

/** Column, series and figure names of the reports. */
export const reportTextLabels: Labels<
  | 'month'
  | 'openedInTime'
  | 'openedLate'
  | 'openedInTimePercent'
  | 'openedInTimeRate'
  | 'reviewed'
  | 'returnedForCorrection'
  | 'awaitingReview'
  | 'noBuilding'
  | 'newFilesNote'
  | 'count'
  | 'share'
  | 'total'
  | 'kind'
  | 'classification'
  | 'grade'
  | 'ungraded'
  | 'status'
  | 'place'
  | 'building'
  | 'floor'
  | 'name'
  | 'unit'
  | 'refNo'
  | 'tags'
  | 'reviewedAt'
  | 'department'
  | 'loans'
  | 'avgDays'
  | 'returned'
  | 'overdue'
  | 'overdueRate'
  | 'timesBorrowed'
  | 'cabinet'
  | 'room'
  | 'boxes'
  | 'capacity'
  | 'held'
  | 'fill'
  | 'filesOut'
  | 'overdueNow'
  | 'newFiles'
  | 'departures'
  | 'destructions'
  | 'customers'
  | 'activeFiles'
  | 'loansInRange'
  | 'inspections'
  | 'checked'
  | 'period'
  | 'allTime'
  | 'allBuildings'
  | 'generatedAt'
  | 'filters'
  | 'noteDaysOut'
  | 'noteOverdue'
  | 'noteBoxFill'
  | 'noteFindings'
  | 'noteComposition'
> = {
  'zh-CN': {
    month: '月份',
    count: '数量',
    share: '占比',
    total: '合计',
    kind: '客户类型',
    classification: '客户分类',
    grade: '价值等级',
    ungraded: '未评级',
    status: '状态',
    place: '位置',
    building: '楼栋',
    floor: '楼层',
    name: '客户名称',
    unit: '单元',
    refNo: '档号',
    tags: '特殊标签',
    reviewedAt: '最近复核',
    department: '部门',
    loans: '借阅次数',
    avgDays: '平均天数',
    returned: '已归还',
    overdue: '逾期',
    overdueRate: '逾期率',
    timesBorrowed: '被借次数',
    cabinet: '档案柜',
    room: '档案室',
    boxes: '盒数',
    capacity: '容量',
    held: '在盒档案',
    fill: '装填率',
    filesOut: '借出档案',
    overdueNow: '其中逾期',
    newFiles: '新建档案',
    openedInTime: '按期建档',
    openedLate: '超期建档',
    openedInTimePercent: '按期率 %',
    openedInTimeRate: '新建档案按期率',
    reviewed: '已审核',
    returnedForCorrection: '退回补正',
    awaitingReview: '待审核',
    noBuilding: '（未填楼栋）',
    newFilesNote: '按建档月份与楼栋统计：首次接触后 {days} 天内建档为按期（未记首次接触日期的老客户计为按期）；审核状态为当前状态。',
    departures: '退租',
    destructions: '销毁',
    customers: '客户',
    activeFiles: '在用档案',
    loansInRange: '借阅单',
    inspections: '检查次数',
    checked: '已查档案',
    period: '统计期间',
    allTime: '全部',
    allBuildings: '全部楼栋',
    generatedAt: '生成时间',
    filters: '筛选',
    noteDaysOut: '按借出月份统计已归还的借阅：借出到归还的平均天数。',
    noteOverdue: '按借出月份：归还晚于应还日期、或至今未还且已过应还日期的借阅所占比例。',
    noteBoxFill: '在盒档案（含借出未还）占档案盒容量的比例。',
    noteFindings: '按检查完成月份统计（不含“在盒”）。',
    noteComposition: '统计期间内建档的客户与档案；未选期间时为全部档案。',
  },
  en: {
    month: 'Month',
    count: 'Count',
    share: 'Share',
    total: 'Total',
    kind: 'Kind',
    classification: 'Classification',
    grade: 'Value grade',
    ungraded: 'Not graded',
    status: 'Status',
    place: 'Place',
    building: 'Building',
    floor: 'Floor',
    name: 'Customer',
    unit: 'Unit',
    refNo: 'Ref. no.',
    tags: 'Special tags',
    reviewedAt: 'Last reviewed',
    department: 'Department',
    loans: 'Loans',
    avgDays: 'Average days',
    returned: 'Returned',
    overdue: 'Overdue',
    overdueRate: 'Overdue rate',
    timesBorrowed: 'Times borrowed',
    cabinet: 'Cabinet',
    room: 'Room',
    boxes: 'Boxes',
    capacity: 'Capacity',
    held: 'Files held',
    fill: 'Fill',
    filesOut: 'Files out',
    overdueNow: 'Of which overdue',
    newFiles: 'New files',
    openedInTime: 'Opened in time',
    openedLate: 'Opened late',
    openedInTimePercent: 'In time %',
    openedInTimeRate: 'New files opened in time',
    reviewed: 'Reviewed',
    returnedForCorrection: 'Returned for correction',
    awaitingReview: 'Awaiting review',
    noBuilding: '(no building)',
    newFilesNote: 'By month opened and building: opened within {days} days of first contact is in time (older customers with no contact date count as in time); the review state is as of today.',
    departures: 'Departures',
    destructions: 'Destructions',
    customers: 'Customers',
    activeFiles: 'Active files',
    loansInRange: 'Loan slips',
    inspections: 'Inspections',
    checked: 'Files checked',
    period: 'Period',
    allTime: 'All time',
    allBuildings: 'All buildings',
    generatedAt: 'Generated',
    filters: 'Filters',
    noteDaysOut: 'Returned loans by month lent: average days from lending to return.',
    noteOverdue: 'By month lent: the share of loans returned after their due date, or still out past it.',
    noteBoxFill: 'Files held (including those lent out) against box capacity.',
    noteFindings: 'By the month the inspection was finished ("present" not counted).',
    noteComposition: 'Customers and files made within the period; with no period, the whole archive.',
  },
};

/** What stands for a confidential document's title where it was withheld, and by which rule. */
export const withheldTitleLabels: Record<Locale, { title: string; why: string }> = {
  'zh-CN': { title: '（机密文件，题名未显示）', why: '机密文件未经总经理批准不得查阅或导出（003 §15）' },
  en: { title: '(confidential document, title withheld)', why: 'Confidential documents are read or exported only with the general manager’s approval (003 §15)' },
};

/** Fills `{name}` placeholders from details; unknown placeholders are left visible. */
export function formatMessage(template: string, details?: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (details && details[name] !== undefined ? String(details[name]) : whole));
}

/** A detail that names roles reads as their names in the message's language (部门经理或总经理). */
function inWords(value: unknown, locale: Locale): unknown {
  const isRole = (v: unknown): v is Role => typeof v === 'string' && v in roleLabels[locale];
  if (isRole(value)) return roleLabels[locale][value];
  if (Array.isArray(value) && value.length > 0 && value.every(isRole)) {
    const names = value.map((r) => roleLabels[locale][r]);
    return locale === 'zh-CN' ? names.join('或') : names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  }
  return value;
}

export function errorMessage(code: ErrorCode, locale: Locale, details?: Record<string, unknown>): string {
  const words = details ? Object.fromEntries(Object.entries(details).map(([k, v]) => [k, inWords(v, locale)])) : details;
  // A record's fields, status and move are named by its kind's words.
  if (words && typeof details?.recordKind === 'string') {
    const kind = details.recordKind;
    const names = recordLabels(kind, locale);
    if (Array.isArray(details.recordFields)) words.recordFields = details.recordFields.map((f) => names.fields[String(f)] ?? String(f)).join(locale === 'zh-CN' ? '、' : ', ');
    if (typeof details.recordStatus === 'string') words.recordStatus = recordStatusLabel(kind, details.recordStatus, locale);
    if (typeof details.recordMove === 'string') words.recordMove = names.moves?.[details.recordMove] ?? details.recordMove;
  }
  return formatMessage(errorMessages[locale][code], words);
}

/** The exported loan register's column headers, sheet and file name. */
export const loanExportLabels: Labels<
  | 'slipNo'
  | 'requested'
  | 'borrower'
  | 'department'
  | 'phone'
  | 'refNo'
  | 'customerName'
  | 'purpose'
  | 'kind'
  | 'term'
  | 'status'
  | 'lent'
  | 'dueDate'
  | 'returned'
  | 'condition'
  | 'daysOverdue'
  | 'sheet'
  | 'file'
> = {
  'zh-CN': {
    slipNo: '借阅单号',
    requested: '申请日期',
    borrower: '借阅人',
    department: '部门',
    phone: '电话',
    refNo: '档号',
    customerName: '客户名称',
    purpose: '用途',
    kind: '方式',
    term: '期限',
    status: '状态',
    lent: '借出日期',
    dueDate: '应还日期',
    returned: '归还日期',
    condition: '归还情况',
    daysOverdue: '逾期天数',
    sheet: '借用借阅记录',
    file: '借阅登记',
  },
  en: {
    slipNo: 'Slip no.',
    requested: 'Requested',
    borrower: 'Borrower',
    department: 'Department',
    phone: 'Phone',
    refNo: 'Reference no.',
    customerName: 'Customer',
    purpose: 'Purpose',
    kind: 'Kind',
    term: 'Term',
    status: 'Status',
    lent: 'Lent',
    dueDate: 'Due',
    returned: 'Returned',
    condition: 'Condition',
    daysOverdue: 'Days overdue',
    sheet: 'Loans',
    file: 'loans',
  },
};

/** The exported audit log's column headers ({zone}: the desk's UTC offset), sheet and file name. */
export const auditExportLabels: Labels<'id' | 'time' | 'accountName' | 'summary' | 'raw' | 'hash' | 'sheet' | 'file'> = {
  'zh-CN': { id: '序号', time: '时间（{zone}）', accountName: '操作人', summary: '记录', raw: '原始记录', hash: '链式哈希', sheet: '审计日志', file: '审计日志' },
  en: { id: 'No.', time: 'Time ({zone})', accountName: 'By', summary: 'Entry', raw: 'Raw entry', hash: 'Chain hash', sheet: 'Audit log', file: 'audit-log' },
};
