import type { Role } from './domain';
import { ArchiveError } from './errors';

/**
 * What a method needs (each declares its own in electron/features/). `public` methods run with
 * the archive locked (they are how one unlocks it); `signed-in` needs any account; a permission
 * names a capability that roles hold.
 */
export const permissions = [
  'accounts.manage',
  'settings.manage',
  'audit.read',
  'customers.read',
  'customers.write',
  'files.manage',
  'customers.import',
  'customers.export',
  'backup.create',
  'locations.manage',
  'loans.manage',
] as const;
export type Permission = (typeof permissions)[number];
export type MethodAccess = 'public' | 'signed-in' | Permission;

/**
 * The one table of who may do what; the UI hides, the services enforce. 三员分立: the
 * administrator manages accounts, settings and backups and handles no file; the auditor reads the
 * log (and may look at files, never change them); file work is the clerks' and the managers'.
 */
const fileWork: Permission[] = ['customers.read', 'customers.write', 'customers.import', 'customers.export', 'backup.create', 'locations.manage', 'loans.manage'];
export const rolePermissions: Record<Role, readonly Permission[]> = {
  administrator: ['accounts.manage', 'settings.manage', 'backup.create'],
  clerk: fileWork,
  department_manager: [...fileWork, 'files.manage'],
  general_manager: ['customers.read', 'customers.export', 'files.manage'],
  auditor: ['audit.read', 'customers.read'],
};

/** The roles that may do what an access names: who a refusal sends the clerk to. */
export function rolesAllowed(access: MethodAccess): Role[] {
  return (Object.keys(rolePermissions) as Role[]).filter((r) => roleMay(r, access));
}

export function roleMay(role: Role, access: MethodAccess): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return rolePermissions[role].includes(access);
}

/**
 * For an effect that more than one method can cause (a printed label clears 标牌需重印): the
 * service checks the effect's own permission, whichever door it was reached through.
 */
export function requirePermission(role: Role, permission: Permission): void {
  if (!roleMay(role, permission)) throw new ArchiveError('FORBIDDEN', { permission });
}
