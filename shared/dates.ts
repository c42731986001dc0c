// Dates have one rule in the whole app: the archive stores moments as UTC ISO strings, and every
// date or time a person reads (screen, form, PDF, xlsx, CSV, bundle, file name) is in the desk's
// local time zone, the time zone of the PC the archive runs on. Calendar dates that are already
// local (a due date, a document's date, a move-out date) are kept as YYYY-MM-DD and never shifted.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A moment (or a stored ISO string) as the desk's local date, YYYY-MM-DD; a bare date stays as it is. */
export function localDate(value: Date | string): string {
  if (typeof value === 'string' && DAY.test(value)) return value;
  const d = asDate(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A moment as the desk's local date and time to the minute, "YYYY-MM-DD HH:mm". */
export function localDateTime(value: Date | string): string {
  if (typeof value === 'string' && DAY.test(value)) return value;
  const d = asDate(value);
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** With seconds, for the audit log, where the order of entries within a minute matters. */
export function localDateTimeSeconds(value: Date | string): string {
  const d = asDate(value);
  return `${localDateTime(d)}:${pad(d.getSeconds())}`;
}

/** The local month, YYYY-MM. */
export function localMonth(value: Date | string): string {
  return localDate(value).slice(0, 7);
}

/** For file names: 20261202-022000 in local time (sorts by time, no characters a file system refuses). */
export function localStamp(value: Date | string): string {
  const d = asDate(value);
  return `${localDate(d).replace(/-/g, '')}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

/** Optional value, empty when absent: for printed cells. */
export const dayOrEmpty = (value: Date | string | null | undefined): string => (value ? localDate(value) : '');
export const timeOrEmpty = (value: Date | string | null | undefined): string => (value ? localDateTime(value) : '');

/** The first moment of a local date, as the stored UTC ISO string, so ranges use the columns as stored. */
export function localDayStart(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A month (YYYY-MM) moved by whole months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The desk's offset from UTC on a date, as "UTC+08:00", for exports that name their time zone. */
export function utcOffsetLabel(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  return `UTC${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}
