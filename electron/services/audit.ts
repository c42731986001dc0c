import type { Kysely } from 'kysely';
import { type z } from 'zod';
import { appendAudit, verifyAuditChain } from '../../db/queries/audit';
import type { ArchiveDatabase } from '../../db/schema';
import type { AuditRow, AuditVerification, ExportedFile, Page } from '../../shared/api';
import { type auditSearchInput, type exportAuditInput, type verifyAuditLogInput } from '../../shared/schemas';
import { checkAnchors, readAnchorFile, type AuditAnchor } from './audit-anchors';
import type { Clock } from './clock';
import { today, type ServiceContext } from './context';
import { xlsxFile, xlsxSheet } from './xlsx';
import { actionsNamed, describeAuditEntries } from './audit-text';
import { targetNamed } from '../../db/queries/audit-targets';
import { actionsOfGroup, rawAuditEntry, type AuditAction } from '../../shared/audit-labels';
import { auditExportLabels } from '../../shared/labels';
import { localDateTimeSeconds, utcOffsetLabel } from '../../shared/dates';

/** Records who did what and when, as the next link of the audit chain. */
export async function recordAudit(
  db: Kysely<ArchiveDatabase>,
  clock: Clock,
  accountId: number | null,
  action: AuditAction,
  target: { targetType?: string; targetId?: string; details?: Record<string, unknown> } = {},
): Promise<void> {
  await appendAudit(db, { at: clock.now().toISOString(), accountId, action, ...target });
}

type Filters = Omit<z.output<typeof auditSearchInput>, 'page' | 'pageSize' | 'locale'>;

function filtered(db: Kysely<ArchiveDatabase>, f: Filters) {
  let q = db.selectFrom('audit_log').leftJoin('accounts', 'accounts.id', 'audit_log.account_id');
  if (f.from) q = q.where('audit_log.at', '>=', f.from);
  if (f.to) q = q.where('audit_log.at', '<', f.to);
  if (f.accountId) q = q.where('audit_log.account_id', '=', f.accountId);
  if (f.action) q = q.where('audit_log.action', 'like', `${f.action}%`);
  if (f.group) q = q.where('audit_log.action', 'in', actionsOfGroup(f.group));
  if (f.text) {
    const like = `%${f.text}%`;
    const actions = actionsNamed(f.text);
    q = q.where((eb) =>
      eb.or([
        eb('audit_log.details', 'like', like),
        eb('audit_log.target_id', '=', f.text!),
        eb('accounts.display_name', 'like', like),
        ...(actions.length ? [eb('audit_log.action', 'in', actions)] : []),
        targetNamed(f.text!),
      ]),
    );
  }
  return q;
}

const columns = [
  'audit_log.id as id',
  'audit_log.at as at',
  'audit_log.account_id as accountId',
  'accounts.display_name as accountName',
  'audit_log.action as action',
  'audit_log.target_type as targetType',
  'audit_log.target_id as targetId',
  'audit_log.details as details',
] as const;

export async function searchAuditLog(ctx: ServiceContext, input: z.output<typeof auditSearchInput>): Promise<Page<AuditRow>> {
  const { page, pageSize, locale, ...filters } = input;
  const [{ total }] = (await filtered(ctx.db, filters)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute()) as [{ total: number }];
  const rows = await filtered(ctx.db, filters)
    .select([...columns])
    .orderBy('audit_log.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const sentences = await describeAuditEntries(ctx.db, rows, locale);
  return { rows: rows.map((r, i) => ({ ...r, summary: sentences[i]! })) as AuditRow[], total: Number(total), page, pageSize };
}

export async function exportAuditLog(ctx: ServiceContext, input: z.output<typeof exportAuditInput>): Promise<ExportedFile> {
  const { locale, ...filters } = input;
  const rows = await filtered(ctx.db, filters)
    .select([...columns, 'audit_log.hash as hash'])
    .orderBy('audit_log.id')
    .execute();
  const h = auditExportLabels[locale];
  const zone = utcOffsetLabel(ctx.clock.now());
  const widths = { id: 8, time: 20, accountName: 12, summary: 80, raw: 60, hash: 66 };
  const sheetColumns = Object.entries(widths).map(([key, width]) => ({ header: h[key as keyof typeof widths].replace('{zone}', zone), key, width }));
  // Sentences are resolved a page at a time, so a long log never holds every target at once.
  const sheetRows: Record<string, unknown>[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    const part = rows.slice(start, start + 500);
    const sentences = await describeAuditEntries(ctx.db, part, locale);
    part.forEach((r, i) => sheetRows.push({ id: r.id, time: localDateTimeSeconds(r.at), accountName: r.accountName ?? '', summary: sentences[i], raw: rawAuditEntry(r), hash: r.hash }));
  }
  const buffer = await xlsxSheet(h.sheet, sheetColumns, sheetRows);
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'audit.exported', { details: { rows: rows.length, filters } });
  return xlsxFile(`${h.file}-${today(ctx)}.xlsx`, buffer);
}

export async function verifyAuditLog(ctx: ServiceContext, input: z.output<typeof verifyAuditLogInput>, found: AuditAnchor[] = []): Promise<AuditVerification> {
  const result = await verifyAuditChain(ctx.db);
  const paper: AuditAnchor[] = input.paperAnchors.map((a) => ({ source: 'paper', where: a.where, at: ctx.clock.now().toISOString(), id: a.id, hash: a.hash }));
  const beside = ctx.archiveDir ? readAnchorFile(ctx.archiveDir) : [];
  const anchors = await checkAnchors(
    ctx.db,
    [...beside, ...found, ...paper].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id),
  );
  const firstAnchorMismatch = anchors.find((a) => !a.ok) ?? null;
  const ok = result.firstBroken === null && firstAnchorMismatch === null;
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'audit.verified', {
    details: {
      checked: result.checked,
      ok,
      anchors: anchors.length,
      ...(firstAnchorMismatch ? { mismatch: { source: firstAnchorMismatch.source, where: firstAnchorMismatch.where, id: firstAnchorMismatch.id } } : {}),
    },
  });
  return { ok, checked: result.checked, firstBroken: result.firstBroken, anchors, firstAnchorMismatch };
}
