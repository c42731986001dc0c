import type { AccountStatus, Locale, Role } from './domain';
import type { ErrorCode } from './errors';

type Labels<K extends string> = Record<Locale, Record<K, string>>;

export const errorMessages: Labels<ErrorCode> = {
  'zh-CN': {
    VALIDATION_FAILED: '输入有误，请检查标出的字段。',
    UNKNOWN_METHOD: '未知的操作。',
    NOT_SIGNED_IN: '请先登录。',
    FORBIDDEN: '您的角色无权执行此操作。',
    ARCHIVE_NOT_FOUND: '尚未创建档案库。',
    ARCHIVE_EXISTS: '此处已有档案库，不能重复创建。',
    ARCHIVE_LOCKED: '档案库已锁定，请登录。',
    ALREADY_UNLOCKED: '档案库已解锁，请先锁定再登录其他账户。',
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
    INTERNAL: '发生内部错误，操作未完成，数据未被改动。',
  },
  en: {
    VALIDATION_FAILED: 'Some input is not valid; check the marked fields.',
    UNKNOWN_METHOD: 'Unknown operation.',
    NOT_SIGNED_IN: 'Please sign in first.',
    FORBIDDEN: 'Your role may not do this.',
    ARCHIVE_NOT_FOUND: 'No archive has been created yet.',
    ARCHIVE_EXISTS: 'An archive already exists here; it cannot be created again.',
    ARCHIVE_LOCKED: 'The archive is locked; please sign in.',
    ALREADY_UNLOCKED: 'The archive is already unlocked; lock it before signing in as someone else.',
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
    WEAK_PASSWORD: 'The password is too weak: at least {minLength} characters with three of upper case, lower case, digits and symbols (two are enough from 12 characters), and not containing the user name.',
    PASSWORDS_DIFFER: 'The two passwords differ.',
    UNAUTHORIZED_CLIENT: 'The access token is not valid; open the full address printed at start-up.',
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

/** Fills `{name}` placeholders from details; unknown placeholders are left visible. */
export function formatMessage(template: string, details?: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    details && details[name] !== undefined ? String(details[name]) : whole,
  );
}

export function errorMessage(code: ErrorCode, locale: Locale, details?: Record<string, unknown>): string {
  return formatMessage(errorMessages[locale][code], details);
}
