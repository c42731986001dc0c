import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import { settingsValue, writeSettingsValue } from '../../db/queries/meta';
import { customerKinds } from '../../shared/domain';
import { defaultDutySettings, recurringDutyIds, type DutySettings } from '../../shared/duties';
import { defaultFollowUpSettings } from '../../shared/follow-ups';
import { recordKindIds } from '../../shared/record-kinds';
import { categoryExists } from '../../db/queries/documents';
import { archiveSettingsSchema, defaultCustomerLists, defaultNewFileSettings, type ArchiveSettings, type UpdateSettingsInput } from '../../shared/schemas';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import { existsSync, statSync, accessSync, constants } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { ArchiveError } from '../../shared/errors';
import { isSystemFolder, realPath } from './local-paths';

/** The scan folder: an existing folder of the desk's own, which the app may empty (never the archive's). */
function checkScanFolder(folder: string, archiveDir: string | undefined): string {
  if (!folder) return '';
  const real = realPath(folder);
  if (isSystemFolder(real)) throw new ArchiveError('FOLDER_NOT_ALLOWED', { folder: real });
  if (archiveDir) {
    const rel = relative(realPath(archiveDir), real);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) throw new ArchiveError('SCAN_FOLDER_IN_ARCHIVE', { folder: real });
  }
  try {
    if (!existsSync(real) || !statSync(real).isDirectory()) throw new Error('no folder');
    accessSync(real, constants.R_OK | constants.W_OK);
  } catch {
    throw new ArchiveError('SCAN_FOLDER_UNUSABLE', { folder: real });
  }
  return real;
}

/** Every category a duty names is one of the archive's, and every record kind one the desk keeps. */
async function checkDuties(db: Kysely<ArchiveDatabase>, duties: DutySettings): Promise<void> {
  const categories = new Set([...Object.values(duties.requiredDocuments).flat(), ...recurringDutyIds.flatMap((id) => duties.recurring[id]?.categories ?? [])]);
  for (const category of categories) if (!(await categoryExists(db, category))) throw new ArchiveError('UNKNOWN_CATEGORY', { category });
  for (const id of recurringDutyIds) for (const kind of duties.recurring[id].recordKinds) if (!recordKindIds.includes(kind)) throw new ArchiveError('UNKNOWN_RECORD_KIND', { kind });
}

/** The settings a new archive starts with; DA/T 22-2015's 档号 structure. */
export const defaultSettings: ArchiveSettings = {
  fondsCode: '0001',
  orgCode: 'KFB',
  refPattern: '{fonds}-{category}·{year}-{retention}-{org}-{seq:5}',
  reviewMonths: 6,
  autoLockMinutes: 10,
  backupKeep: 7,
  maxScanMegabytes: 20,
  maxImportRows: 200_000,
  maxImportMegabytes: 30,
  loanShortDays: 3,
  loanLongDays: 7,
  loanMaxRenewals: 1,
  loanGeneralManagerFrom: 'confidential',
  recordDeadlineDays: {},
  customerLists: defaultCustomerLists,
  scanFolder: '',
  duties: defaultDutySettings,
  followUps: defaultFollowUpSettings,
  newFiles: defaultNewFileSettings,
  retention: {
    tenant: { period: '30', event: 'move_out', categoryCode: 'KH' },
    owner: { period: '30', event: 'move_out', categoryCode: 'KH' },
    sales: { period: '10', event: 'last_document', categoryCode: 'KH' },
    potential: { period: '10', event: 'file_created', categoryCode: 'KH' },
  },
};

const SETTINGS_KEY = 'archive';

export async function readSettings(db: Kysely<ArchiveDatabase>): Promise<ArchiveSettings> {
  const value = await settingsValue(db, SETTINGS_KEY);
  if (value === undefined) return defaultSettings;
  const parsed = archiveSettingsSchema.safeParse({ ...defaultSettings, ...JSON.parse(value) });
  return parsed.success ? parsed.data : defaultSettings;
}

export async function updateSettings(ctx: ServiceContext, input: UpdateSettingsInput): Promise<ArchiveSettings> {
  const before = await readSettings(ctx.db);
  const retention = { ...before.retention, ...(input.retention ?? {}) };
  for (const kind of customerKinds) if (!retention[kind]) retention[kind] = defaultSettings.retention[kind];
  const next = archiveSettingsSchema.parse({ ...before, ...input, retention });
  if (input.scanFolder !== undefined && input.scanFolder !== before.scanFolder) next.scanFolder = checkScanFolder(next.scanFolder, ctx.archiveDir);
  if (input.duties !== undefined) await checkDuties(ctx.db, next.duties);
  await ctx.db.transaction().execute(async (trx) => {
    await writeSettingsValue(trx, SETTINGS_KEY, JSON.stringify(next));
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'settings.updated', { details: { before, after: next } });
  });
  return next;
}
