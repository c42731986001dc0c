import type { Role } from './domain';
import type { ArchiveMethod } from './methods';

/**
 * What a method needs. `public` methods run with the archive locked (they are how one
 * unlocks it); `signed-in` needs any account; a permission names a capability that roles hold.
 */
export const permissions = ['accounts.manage', 'settings.manage', 'audit.read'] as const;
export type Permission = (typeof permissions)[number];
export type MethodAccess = 'public' | 'signed-in' | Permission;

export const methodAccess: Record<ArchiveMethod, MethodAccess> = {
  getArchiveStatus: 'public',
  createArchive: 'public',
  unlock: 'public',
  recoverAccess: 'public',
  lock: 'signed-in',
};

/** The one table of who may do what; the UI hides, the services enforce. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  administrator: ['accounts.manage', 'settings.manage', 'audit.read'],
  clerk: [],
  department_manager: [],
  general_manager: [],
  auditor: ['audit.read'],
};

export function roleMay(role: Role, access: MethodAccess): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return rolePermissions[role].includes(access);
}
