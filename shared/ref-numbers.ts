import type { RetentionPeriod } from './domain';

/** DA/T 22-2015 codes for the retention period (保管期限). */
export const retentionCodes: Record<RetentionPeriod, string> = { permanent: 'Y', '30': 'D30', '10': 'D10' };

export interface RefTokens {
  fonds: string;
  category: string;
  year: number;
  retention: RetentionPeriod;
  org: string;
  seq: number;
  building?: string | null;
  floor?: string | null;
}

/**
 * Fills a 档号 pattern such as `{fonds}-{category}·{year}-{retention}-{org}-{seq:5}`.
 * An empty building or floor token leaves no doubled separator behind.
 */
export function formatRefNo(pattern: string, t: RefTokens): string {
  const filled = pattern
    .replace(/\{seq(?::(\d))?\}/g, (_m, width: string | undefined) => String(t.seq).padStart(Number(width ?? 1), '0'))
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value: Record<string, string> = {
        fonds: t.fonds,
        category: t.category,
        year: String(t.year),
        retention: retentionCodes[t.retention],
        org: t.org,
        building: (t.building ?? '').replace(/[\s-]/g, ''),
        floor: (t.floor ?? '').replace(/[\s-]/g, ''),
      };
      return value[name] ?? whole;
    });
  return filled.replace(/([-·])[-·]+/g, '$1').replace(/^[-·]+|[-·]+$/g, '');
}

/**
 * The 档号 a scanned or typed code may stand for: as printed, and as a barcode carries it ("." for
 * "·", which Code 128 lacks).
 */
export function refNoVariants(code: string): string[] {
  return [...new Set([code, code.replace(/\./g, '·')])];
}
