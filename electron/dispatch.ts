import { isCorruptionError } from '../db/open';
import type { ArchiveApi } from '../shared/api';
import { defaultLocale, isLocale, type Locale } from '../shared/domain';
import { ArchiveError, type ArchiveErrorPayload, type Envelope, type ErrorCode } from '../shared/errors';
import { errorMessage } from '../shared/labels';
import { isArchiveMethod } from './features';

export type Dispatch = (method: unknown, input: unknown, locale?: unknown) => Promise<Envelope<unknown>>;

export function errorPayload(code: ErrorCode, locale: Locale, details?: Record<string, unknown>): ArchiveErrorPayload {
  return { code, message: errorMessage(code, locale, details), ...(details ? { details } : {}) };
}

/**
 * The transport-neutral front of the API: checks the method name, calls it (the composition
 * root parses the input with the method's schema and checks its permission), and turns every
 * outcome into an envelope with a translated message. No exception crosses the boundary raw.
 */
export function createDispatcher(api: ArchiveApi, log: (error: unknown) => void = console.error): Dispatch {
  return async (method, input, requestedLocale) => {
    const locale: Locale = isLocale(requestedLocale) ? requestedLocale : defaultLocale;
    if (!isArchiveMethod(method)) return { ok: false, error: errorPayload('UNKNOWN_METHOD', locale, { method: String(method) }) };
    try {
      const call = api[method] as (input: unknown, locale: Locale) => Promise<unknown>;
      const value = await call(input, locale);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof ArchiveError) return { ok: false, error: errorPayload(error.code, locale, error.details) };
      if (isCorruptionError(error)) return { ok: false, error: errorPayload('ARCHIVE_DAMAGED', locale, { file: '' }) };
      log(error);
      return { ok: false, error: errorPayload('INTERNAL', locale) };
    }
  };
}
