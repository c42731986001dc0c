import { readFileSync } from 'node:fs';

/** Services read the time only through a clock, so tests (and the overdue rules) can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests and the loopback host's --clock option. */
export function manualClock(start: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * The system clock moved on by the number of milliseconds written in a file (0 when the file is
 * missing or unreadable). Only for the browser tests, which start the host with --clock-offset-file
 * to see a loan fall overdue; a desk never passes it.
 */
export function fileOffsetClock(path: string): Clock {
  return {
    now: () => {
      let offset: number;
      try {
        offset = Number(readFileSync(path, 'utf8').trim()) || 0;
      } catch {
        offset = 0;
      }
      return new Date(Date.now() + offset);
    },
  };
}
