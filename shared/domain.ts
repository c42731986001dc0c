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
