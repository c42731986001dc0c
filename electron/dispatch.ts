import { z } from 'zod';
import { isCorruptionError } from '../db/open';
import type { ArchiveApi } from '../shared/api';
import { defaultLocale, isLocale, type Locale } from '../shared/domain';
import { ArchiveError, type ArchiveErrorPayload, type Envelope, type ErrorCode } from '../shared/errors';
import { errorMessage } from '../shared/labels';
import { fieldLabel, patternMessage } from '../shared/field-labels';
import { isArchiveMethod } from '../shared/methods';
import { methodInputSchemas } from '../shared/schemas';

export type Dispatch = (method: unknown, input: unknown, locale?: unknown) => Promise<Envelope<unknown>>;

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } satisfies Record<Locale, unknown>;

export function errorPayload(code: ErrorCode, locale: Locale, details?: Record<string, unknown>): ArchiveErrorPayload {
  return { code, message: errorMessage(code, locale, details), ...(details ? { details } : {}) };
}

/**
 * The transport-neutral front of the API: checks the method name, parses the input with the
 * method's schema, calls, and turns every outcome into an envelope with a translated message.
 * Nothing unparsed reaches a service, and no exception crosses the boundary raw.
 */
export function createDispatcher(api: ArchiveApi, log: (error: unknown) => void = console.error): Dispatch {
  return async (method, input, requestedLocale) => {
    const locale: Locale = isLocale(requestedLocale) ? requestedLocale : defaultLocale;
    if (!isArchiveMethod(method)) return { ok: false, error: errorPayload('UNKNOWN_METHOD', locale, { method: String(method) }) };

    const parsed = methodInputSchemas[method].safeParse(input ?? {}, { error: zodLocales[locale].localeError });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => {
        const path = issue.path.map(String).join('.');
        // A pattern is no message for a person (zod would show the regex itself).
        const message = issue.code === 'invalid_format' && (issue as { format?: string }).format === 'regex' ? patternMessage[locale] : issue.message;
        return { path, label: fieldLabel(path, locale), message };
      });
      return { ok: false, error: errorPayload('VALIDATION_FAILED', locale, { issues }) };
    }
    try {
      const call = api[method] as (input: unknown) => Promise<unknown>;
      const value = await call(parsed.data);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof ArchiveError) return { ok: false, error: errorPayload(error.code, locale, error.details) };
      if (isCorruptionError(error)) return { ok: false, error: errorPayload('ARCHIVE_DAMAGED', locale, { file: '' }) };
      log(error);
      return { ok: false, error: errorPayload('INTERNAL', locale) };
    }
  };
}
