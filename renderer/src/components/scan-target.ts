import { useEffect, useRef } from 'react';

// While a form that wants a file is open (a record started from 登记簿), a scanned label picks
// the file in that form instead of opening it on the customer screen behind it.

let target: ((code: string) => void) | null = null;

/** The code a scan reads goes to the open form that asked for it, if any; true if one took it. */
export function deliverScan(code: string): boolean {
  if (!target) return false;
  target(code);
  return true;
}

/** Takes the scans while mounted and active (the latest form to ask wins). */
export function useScanTarget(handler: (code: string) => void, active = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!active) return;
    const mine = (code: string) => latest.current(code);
    const before = target;
    target = mine;
    return () => {
      if (target === mine) target = before;
    };
  }, [active]);
}
