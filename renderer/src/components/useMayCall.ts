import type { ArchiveMethod } from '../../../shared/methods';
import { methodAccess, roleMay } from '../../../shared/permissions';
import { useSessionStore } from '../stores/session-store';

/**
 * Whether the signed-in role may make these calls, by the permission table the archive enforces:
 * a screen shows an action only to whom it will not be refused after the form is filled.
 */
export function useMayCall(...methods: ArchiveMethod[]): boolean {
  const role = useSessionStore((s) => s.status?.session?.role);
  return !!role && methods.every((m) => roleMay(role, methodAccess[m]));
}
