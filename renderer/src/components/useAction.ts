import { useCallback, useState } from 'react';
import type { ArchiveError } from '../../../shared/errors';
import { toArchiveError } from '../errors';

/**
 * The error shown on a screen and the one way its actions run: clear the old error, run, and show
 * what went wrong as a translated ArchiveError. `run` tells whether the action succeeded; `busy`
 * is true while one runs (for a button's spinner).
 */
export function useAction() {
  const [error, setError] = useState<ArchiveError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    try {
      await action();
      return true;
    } catch (e) {
      setError(toArchiveError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, setError, run, busy };
}
