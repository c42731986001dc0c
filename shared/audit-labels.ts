import type { Locale } from './domain';

// Every action the archive writes to its audit log, and how a person reads it. `recordAudit` takes
// only these names, so an action without words cannot be written. `{target}` is replaced by what
// the entry is about (a customer or file by name and 档号, an account by name), `{who}` by who did it.

export const auditActions = [
  'archive.created',
  'archive.wal_lost',
  'archive.wal_restored',
  'login',
  'login.failed',
  'logout',
  'account.recovered',
  'account.created',
  'account.updated',
  'account.disabled',
  'account.password_changed',
  'account.password_reset',
  'password.failed',
  'password.refused_paused',
  'settings.updated',
  'settings.category_saved',
  'customer.registered',
  'customer.updated',
  'customer.viewed',
  'customer.classified',
  'customers.imported',
  'customers.exported',
  'file.viewed',
  'file.moved',
  'file.ref_corrected',
  'file.reopened',
  'file.confidentiality',
  'file.flag_cleared',
  'file.legal_hold',
  'file.legal_hold_lifted',
  'document.added',
  'document.register_imported',
  'file.positions_imported',
  'document.corrected',
  'document.classified',
  'document.declassified',
  'scan.added',
  'scan.viewed',
  'scan.received',
  'scan.split',
  'scan.discarded',
  'borrower.saved',
  'borrower.left',
  'customer.handed_over',
  'customer.closed',
  'customer.reopened',
  'customer.admitted',
  'file.review_resubmitted',
  'loan.lent',
  'loan.renewed',
  'loan.returned',
  'loan.entered_late',
  'loans.exported',
  'approval.requested',
  'approval.approved',
  'approval.rejected',
  'approval.withdrawn',
  'transfer.done',
  'inspection.started',
  'inspection.finished',
  'inspection.document_missing',
  'location.room_saved',
  'location.box_saved',
  'location.cabinet_saved',
  'location.retired',
  'labels.printed',
  'form.printed',
  'form.pdf',
  'report.exported',
  'destruction.registered',
  'destruction.executed',
  'bundle.exported',
  'record.created',
  'record.revised',
  'record.moved',
  'record.superseded',
  'record.viewed',
  'record.classified',
  'record.declassified',
  'record.scan_added',
  'record.scan_viewed',
  'records.exported',
  'backup.created',
  'backup.automatic',
  'backup.restored',
  'audit.exported',
  'audit.verified',
] as const;
export type AuditAction = (typeof auditActions)[number];

type Labels<K extends string> = Record<Locale, Record<K, string>>;

/** The sentence of each action; `{who}` did it, `{target}` is what it was done to. */
export const auditSentenceLabels: Labels<AuditAction> = {
  'zh-CN': {
    'archive.created': '{who}创建了本档案库',
    'archive.wal_lost': '打开档案库时发现上次未写完的记录已丢失（{who}登录时）',
    'archive.wal_restored': '{who}恢复了上次未写完的记录',
    login: '{who}登录',
    'login.failed': '登录失败',
    logout: '{who}退出登录',
    'account.recovered': '{who}用恢复密钥登录并重设了密码',
    'account.created': '{who}创建了{target}',
    'account.updated': '{who}修改了{target}',
    'account.disabled': '{who}停用了{target}',
    'account.password_changed': '{who}修改了自己的密码',
    'account.password_reset': '{who}重设了{target}的密码',
    'password.failed': '{who}输入的密码错误',
    'password.refused_paused': '密码输错次数过多，{target}暂停登录',
    'settings.updated': '{who}修改了设置',
    'settings.category_saved': '{who}保存了文件类别',
    'customer.registered': '{who}登记了{target}',
    'customer.updated': '{who}修改了{target}的登记信息',
    'customer.viewed': '{who}查看了{target}',
    'customer.classified': '{who}调整了{target}的分类',
    'customers.imported': '{who}从 Excel 导入了客户',
    'customers.exported': '{who}导出了客户清单',
    'file.viewed': '{who}查看了{target}',
    'file.moved': '{who}移动了{target}',
    'file.ref_corrected': '{who}更正了{target}的档号',
    'file.reopened': '{who}重新开启了{target}',
    'file.confidentiality': '{who}调整了{target}的密级',
    'file.flag_cleared': '{who}解除了{target}的待查标记',
    'file.legal_hold': '{who}冻结了{target}（不得销毁）',
    'file.legal_hold_lifted': '{who}解除了{target}的冻结',
    'document.added': '{who}向{target}添加了文件',
    'document.register_imported': '{who}从 Excel 导入了卷内目录',
    'file.positions_imported': '{who}从 Excel 导入了档案存放位置',
    'document.corrected': '{who}更正了{target}',
    'document.classified': '{who}调整了{target}的密级',
    'document.declassified': '{who}降低了{target}的密级',
    'scan.added': '{who}为{target}添加了扫描件',
    'scan.viewed': '{who}查看了{target}',
    'scan.received': '{who}收入了{target}',
    'scan.split': '{target}已按扫描封面分好',
    'scan.discarded': '{who}删除了{target}中的一份待归档扫描件',
    'borrower.saved': '{who}保存了{target}',
    'borrower.left': '{who}登记{target}已离职',
    'customer.handed_over': '{who}移交了{target}负责的客户',
    'customer.closed': '{who}将{target}列为淘汰客户',
    'customer.reopened': '{who}恢复了已淘汰的{target}',
    'customer.admitted': '{who}完成了{target}的准入审核',
    'file.review_resubmitted': '{who}将{target}补正后的档案重新提交审核',
    'loan.lent': '{who}借出了{target}',
    'loan.renewed': '{who}为{target}办理了续借',
    'loan.returned': '{who}收回了{target}',
    'loan.entered_late': '{who}补登了纸质登记簿上已借出的{target}',
    'loans.exported': '{who}导出了借阅登记',
    'approval.requested': '{who}提交了{target}',
    'approval.approved': '{who}批准了{target}',
    'approval.rejected': '{who}驳回了{target}',
    'approval.withdrawn': '{who}撤回了{target}',
    'transfer.done': '{who}办理了{target}',
    'inspection.started': '{who}开始了{target}',
    'inspection.finished': '{who}完成了{target}',
    'inspection.document_missing': '{who}在检查中登记了缺失文件：{target}',
    'location.room_saved': '{who}保存了{target}',
    'location.box_saved': '{who}保存了{target}',
    'location.cabinet_saved': '{who}保存了档案柜',
    'location.retired': '{who}停用了{target}',
    'labels.printed': '{who}打印了标签',
    'form.printed': '{who}打印了{target}',
    'form.pdf': '{who}另存了{target}的 PDF',
    'report.exported': '{who}导出了{target}',
    'destruction.registered': '{who}登记了{target}',
    'destruction.executed': '{who}执行了{target}',
    'bundle.exported': '{who}导出了年度退租档案包',
    'record.created': '{who}登记了{target}',
    'record.revised': '{who}修改了{target}',
    'record.moved': '{who}办理了{target}',
    'record.superseded': '{who}登记了新的记录，{target}不再是现行记录',
    'record.viewed': '{who}查看了{target}',
    'record.classified': '{who}调整了{target}的密级',
    'record.declassified': '{who}降低了{target}的密级',
    'record.scan_added': '{who}为{target}添加了签字扫描件',
    'record.scan_viewed': '{who}查看了{target}的签字扫描件',
    'records.exported': '{who}导出了登记簿',
    'backup.created': '{who}备份了档案库',
    'backup.automatic': '每日自动备份档案库',
    'backup.restored': '{who}从备份恢复了档案库',
    'audit.exported': '{who}导出了审计日志',
    'audit.verified': '{who}校验了审计日志',
  },
  en: {
    'archive.created': '{who} created this archive',
    'archive.wal_lost': 'Entries not finished last time were found lost when the archive opened (at the sign-in of {who})',
    'archive.wal_restored': '{who} restored the entries not finished last time',
    login: '{who} signed in',
    'login.failed': 'A sign-in failed',
    logout: '{who} signed out',
    'account.recovered': '{who} signed in with the recovery key and set a new password',
    'account.created': '{who} created {target}',
    'account.updated': '{who} changed {target}',
    'account.disabled': '{who} disabled {target}',
    'account.password_changed': '{who} changed their own password',
    'account.password_reset': '{who} reset the password of {target}',
    'password.failed': '{who} typed a wrong password',
    'password.refused_paused': 'Too many wrong passwords: sign-in paused for {target}',
    'settings.updated': '{who} changed the settings',
    'settings.category_saved': '{who} saved a document category',
    'customer.registered': '{who} registered {target}',
    'customer.updated': '{who} changed the register entry of {target}',
    'customer.viewed': '{who} viewed {target}',
    'customer.classified': '{who} reclassified {target}',
    'customers.imported': '{who} imported customers from Excel',
    'customers.exported': '{who} exported the customer list',
    'file.viewed': '{who} viewed {target}',
    'file.moved': '{who} moved {target}',
    'file.ref_corrected': '{who} corrected the file number of {target}',
    'file.reopened': '{who} reopened {target}',
    'file.confidentiality': '{who} changed the confidentiality of {target}',
    'file.flag_cleared': '{who} cleared the check flag of {target}',
    'file.legal_hold': '{who} put {target} on hold (not to be destroyed)',
    'file.legal_hold_lifted': '{who} lifted the hold on {target}',
    'document.added': '{who} added a document to {target}',
    'document.register_imported': '{who} imported file catalogues (卷内目录) from Excel',
    'file.positions_imported': '{who} imported box positions from Excel',
    'document.corrected': '{who} corrected {target}',
    'document.classified': '{who} changed the confidentiality of {target}',
    'document.declassified': '{who} lowered the confidentiality of {target}',
    'scan.added': '{who} added a scan to {target}',
    'scan.viewed': '{who} viewed {target}',
    'scan.received': '{who} took in {target}',
    'scan.split': '{target} was split at its cover sheets',
    'scan.discarded': '{who} removed pages waiting to be filed from {target}',
    'borrower.saved': '{who} saved {target}',
    'borrower.left': '{who} recorded that {target} has left',
    'customer.handed_over': '{who} handed over the customers {target} was responsible for',
    'customer.closed': '{who} closed {target}',
    'customer.reopened': '{who} reopened {target}, which had been closed',
    'customer.admitted': '{who} completed the admission check of {target}',
    'file.review_resubmitted': '{who} corrected the files of {target} and submitted them for review again',
    'loan.lent': '{who} lent {target}',
    'loan.renewed': '{who} renewed {target}',
    'loan.returned': '{who} took back {target}',
    'loan.entered_late': '{who} entered {target}, already out on the paper register',
    'loans.exported': '{who} exported the loan register',
    'approval.requested': '{who} asked for {target}',
    'approval.approved': '{who} approved {target}',
    'approval.rejected': '{who} rejected {target}',
    'approval.withdrawn': '{who} withdrew {target}',
    'transfer.done': '{who} carried out {target}',
    'inspection.started': '{who} started {target}',
    'inspection.finished': '{who} finished {target}',
    'inspection.document_missing': '{who} recorded a missing document in an inspection: {target}',
    'location.room_saved': '{who} saved {target}',
    'location.box_saved': '{who} saved {target}',
    'location.cabinet_saved': '{who} saved cabinets',
    'location.retired': '{who} retired {target}',
    'labels.printed': '{who} printed labels',
    'form.printed': '{who} printed {target}',
    'form.pdf': '{who} saved {target} as PDF',
    'report.exported': '{who} exported {target}',
    'destruction.registered': '{who} registered {target}',
    'destruction.executed': '{who} carried out {target}',
    'bundle.exported': '{who} exported the yearly bundle of departed tenants',
    'record.created': '{who} entered {target}',
    'record.revised': '{who} changed {target}',
    'record.moved': '{who} took a step on {target}',
    'record.superseded': '{who} entered a newer record: {target} is no longer the current one',
    'record.viewed': '{who} viewed {target}',
    'record.classified': '{who} changed the confidentiality of {target}',
    'record.declassified': '{who} lowered the confidentiality of {target}',
    'record.scan_added': '{who} attached a signed scan to {target}',
    'record.scan_viewed': '{who} viewed the signed scan of {target}',
    'records.exported': '{who} exported a register',
    'backup.created': '{who} backed up the archive',
    'backup.automatic': 'The daily automatic backup of the archive',
    'backup.restored': '{who} restored the archive from a backup',
    'audit.exported': '{who} exported the audit log',
    'audit.verified': '{who} verified the audit log',
  },
};

/** The groups the audit screen filters by: the action's first word, as a person names it. */
export const auditGroups = [
  'archive',
  'login',
  'account',
  'settings',
  'customer',
  'file',
  'document',
  'scan',
  'loan',
  'approval',
  'transfer',
  'inspection',
  'location',
  'form',
  'record',
  'report',
  'destruction',
  'bundle',
  'backup',
  'audit',
] as const;
export type AuditGroup = (typeof auditGroups)[number];

export const auditGroupLabels: Labels<AuditGroup> = {
  'zh-CN': {
    archive: '档案库',
    login: '登录',
    account: '账户',
    settings: '设置',
    customer: '客户',
    file: '档案',
    document: '文件',
    scan: '扫描件',
    loan: '借阅',
    approval: '审批',
    transfer: '移交',
    inspection: '检查',
    location: '库房位置',
    form: '表单打印',
    record: '登记簿',
    report: '报表',
    destruction: '销毁',
    bundle: '年度档案包',
    backup: '备份',
    audit: '审计',
  },
  en: {
    archive: 'Archive',
    login: 'Sign-in',
    account: 'Accounts',
    settings: 'Settings',
    customer: 'Customers',
    file: 'Files',
    document: 'Documents',
    scan: 'Scans',
    loan: 'Loans',
    approval: 'Approvals',
    transfer: 'Transfers',
    inspection: 'Inspections',
    location: 'Storage',
    form: 'Forms',
    record: 'Registers',
    report: 'Reports',
    destruction: 'Destruction',
    bundle: 'Yearly bundle',
    backup: 'Backups',
    audit: 'Audit',
  },
};

/** Which actions a group covers (login covers logout and failed passwords too). */
export function actionsOfGroup(group: AuditGroup): AuditAction[] {
  const extra: Partial<Record<AuditGroup, string[]>> = { login: ['logout', 'password'], account: [], customer: ['customers'], loan: ['loans', 'borrower'], form: ['labels'], record: ['records'] };
  const heads = [group, ...(extra[group] ?? [])];
  return auditActions.filter((a) => heads.includes(a.split('.')[0]!));
}

/** The entry as stored (time, action code, target, details), for whoever checks a sentence against it. */
export function rawAuditEntry(r: { at: string; action: string; targetType: string | null; targetId: string | null; details: string | null }): string {
  return [r.at, r.action, [r.targetType, r.targetId].filter(Boolean).join(' '), r.details ?? ''].filter(Boolean).join(' · ');
}

/** Words for what detail keys say, used in the entry's sentence after the action. */
export const auditDetailLabels: Labels<
  | 'reason'
  | 'username'
  | 'dueDate'
  | 'rows'
  | 'files'
  | 'toDepartment'
  | 'confidentiality'
  | 'refNo'
  | 'box'
  | 'renewedTo'
  | 'tenants'
  | 'folder'
  | 'checked'
  | 'result'
  | 'ok'
  | 'broken'
  | 'role'
  | 'name'
  | 'note'
  | 'approvalKind'
  | 'failures'
  | 'paused'
  | 'blank'
  | 'condition'
  | 'lentOn'
  | 'paperSlip'
  | 'step'
  | 'recordDue'
  | 'replacedBy'
  | 'handedTo'
  | 'blacklistMatch'
  | 'firstContact'
  | 'openedLate'
  | 'blacklistedCount'
  | 'checks'
  | 'customers'
> = {
  'zh-CN': {
    reason: '原因',
    username: '用户名',
    dueDate: '应还日期',
    rows: '行数',
    files: '档案',
    toDepartment: '接收部门',
    confidentiality: '密级',
    refNo: '档号',
    box: '档案盒',
    renewedTo: '续借至',
    tenants: '租户数',
    folder: '位置',
    checked: '校验条数',
    result: '结果',
    ok: '完好',
    broken: '不一致',
    role: '角色',
    name: '名称',
    note: '说明',
    approvalKind: '事项',
    failures: '连续错误次数',
    paused: '已暂停登录',
    blank: '空白表',
    condition: '归还情况',
    lentOn: '借出日期',
    paperSlip: '纸质借阅单',
    step: '环节',
    recordDue: '办理期限',
    replacedBy: '新记录',
    handedTo: '接手人',
    blacklistMatch: '与黑名单客户相同',
    firstContact: '首次接触',
    openedLate: '建档超出期限（天）',
    blacklistedCount: '其中黑名单客户',
    checks: '已确认',
    customers: '客户数',
  },
  en: {
    reason: 'reason',
    username: 'user name',
    dueDate: 'due',
    rows: 'rows',
    files: 'files',
    toDepartment: 'to department',
    confidentiality: 'confidentiality',
    refNo: 'file no.',
    box: 'box',
    renewedTo: 'renewed to',
    tenants: 'tenants',
    folder: 'where',
    checked: 'entries checked',
    result: 'result',
    ok: 'intact',
    broken: 'does not match',
    role: 'role',
    name: 'name',
    note: 'note',
    approvalKind: 'for',
    failures: 'wrong in a row',
    paused: 'sign-in paused',
    blank: 'blank form',
    condition: 'condition',
    lentOn: 'lent on',
    paperSlip: 'paper slip',
    step: 'step',
    recordDue: 'due',
    replacedBy: 'newer record',
    handedTo: 'taken over by',
    blacklistMatch: 'same as blacklisted customer',
    firstContact: 'first contact',
    openedLate: 'file opened late (days)',
    blacklistedCount: 'blacklisted customers among them',
    checks: 'confirmed',
    customers: 'customers',
  },
};

/** The target's kind as a word, for a target the archive no longer holds. */
export const auditTargetLabels: Labels<
  | 'account'
  | 'approval'
  | 'archive'
  | 'borrower'
  | 'customer'
  | 'destruction_register'
  | 'document'
  | 'file'
  | 'form'
  | 'inspection'
  | 'loan'
  | 'report'
  | 'scan'
  | 'intake'
  | 'transfer'
  | 'room'
  | 'box'
  | 'cabinet'
  | 'shelf'
  | 'record'
  | 'system'
> = {
  'zh-CN': {
    account: '账户',
    approval: '审批',
    archive: '档案库',
    borrower: '借阅人',
    customer: '客户',
    destruction_register: '销毁清册',
    document: '文件',
    file: '档案',
    form: '表单',
    inspection: '检查',
    loan: '借阅单',
    report: '报表',
    scan: '扫描件',
    intake: '扫描入库的文件',
    transfer: '移交单',
    room: '库房',
    box: '档案盒',
    cabinet: '档案柜',
    shelf: '层',
    record: '记录',
    system: '系统',
  },
  en: {
    account: 'account',
    approval: 'approval',
    archive: 'archive',
    borrower: 'borrower',
    customer: 'customer',
    destruction_register: 'destruction register',
    document: 'document',
    file: 'file',
    form: 'form',
    inspection: 'inspection',
    loan: 'loan slip',
    report: 'report',
    scan: 'scan',
    intake: 'scanned file taken in',
    transfer: 'transfer',
    room: 'store room',
    box: 'box',
    cabinet: 'cabinet',
    shelf: 'shelf',
    record: 'record',
    system: 'the system',
  },
};
