import { useEffect } from 'react';
import { api } from '../api';
import { useSessionStore } from '../stores/session-store';

/**
 * Locks the archive after the idle minutes in the settings, so an unattended desk does not keep
 * customer files on screen. The archive side enforces the same limit on its next call.
 */
export function useAutoLock(): void {
  const lock = useSessionStore((s) => s.lock);
  const minutes = useSessionStore((s) => s.autoLockMinutes);
  const setMinutes = useSessionStore((s) => s.setAutoLockMinutes);
  useEffect(() => {
    void api
      .getSettings()
      .then((s) => setMinutes(s.autoLockMinutes))
      .catch(() => undefined);
  }, [setMinutes]);
  useEffect(() => {
    // A new time applies at once (the settings screen sets it in the store), not at the next sign-in.
    const idleMs = (minutes ?? 10) * 60_000;
    let last = Date.now();
    const touch = () => (last = Date.now());
    const events = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last > idleMs) void lock();
    }, 15_000);
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touch);
    };
  }, [lock, minutes]);
}
