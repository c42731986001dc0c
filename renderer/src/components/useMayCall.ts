import type { ArchiveMethod } from '../../../shared/methods';
import { useSessionStore } from '../stores/session-store';

/**
 * Whether the signed-in role may make these calls, as the archive says (the permission each
 * method declares): a screen shows an action only to whom it will not be refused after the form is filled.
 */
export function useMayCall(...methods: ArchiveMethod[]): boolean {
  const mayCall = useSessionStore((s) => s.status?.mayCall);
  return !!mayCall && methods.every((m) => mayCall.includes(m));
}
