import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ArchiveError } from '../../../shared/errors';
import { toArchiveError } from '../errors';

export interface ApiData<T> {
  /** The latest answer; `initial` until the first one arrives. */
  data: T;
  /** Why the latest load failed, for the screen's <ErrorAlert> (the one way a failed load is shown). */
  error: ArchiveError | null;
  loading: boolean;
  /** Loads again (after a change the screen made). */
  reload: () => void;
  /** Shows an answer the screen already has (a save that returns the new list). */
  set: (data: T) => void;
  clearError: () => void;
}

/**
 * What a screen shows, loaded from the archive: `load` runs at once and again whenever `deps`
 * change or `reload` is called. Only the latest request's answer is kept: one that arrives after a
 * newer request, or after the screen is gone, is dropped. A failure is kept as `error`, never lost.
 */
export function useApi<T>(load: () => Promise<T>, deps: DependencyList, initial: T): ApiData<T> {
  const [state, setState] = useState<{ data: T; error: ArchiveError | null; loading: boolean }>({ data: initial, error: null, loading: true });
  const latest = useRef(0);
  const loadNow = useRef(load);
  useEffect(() => {
    loadNow.current = load;
  });
  const reload = useCallback(() => {
    const request = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    loadNow.current().then(
      (data) => {
        if (request === latest.current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (request === latest.current) setState((s) => ({ ...s, error: toArchiveError(error), loading: false }));
      },
    );
  }, []);
  // The caller names what the load depends on, as for useEffect.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(reload, deps);
  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );
  const set = useCallback((data: T) => {
    latest.current++;
    setState({ data, error: null, loading: false });
  }, []);
  const clearError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  return { ...state, reload, set, clearError };
}
