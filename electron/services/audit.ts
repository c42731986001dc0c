import type { Kysely } from 'kysely';
import { type z } from 'zod';
import { appendAudit, auditEntries, auditEntriesWithHashes, countAuditEntries, verifyAuditChain, type AuditFilter } from '../../db/queries/audit';
import type { ArchiveDatabase } from '../../db/schema';
import type { AuditRow, AuditVerification, ExportedFile, Page } from '../../shared/api';
import { type auditSearchInput, type exportAuditInput, type verifyAuditLogInput } from '../../shared/schemas';
import { checkAnchors, readAnchorFile, type AuditAnchor } from './audit-anchors';
import type { Clock } from './clock';
import { today, type ServiceContext } from './context';
import { xlsxFile, xlsxSheet } from './xlsx';
import { actionsNamed, describeAuditEntries } from './audit-text';
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

/** The screen's filters as the log's query takes them: a group and a text name their actions here. */
function auditFilter(f: Filters): AuditFilter {
  return {
    from: f.from,
    to: f.to,
    accountId: f.accountId,
    actionPrefix: f.action,
    actions: f.group ? actionsOfGroup(f.group) : undefined,
    text: f.text ? { text: f.text, actions: actionsNamed(f.text) } : undefined,
  };
}

export async function searchAuditLog(ctx: ServiceContext, input: z.output<typeof auditSearchInput>): Promise<Page<AuditRow>> {
  const { page, pageSize, locale, ...filters } = input;
  const total = await countAuditEntries(ctx.db, auditFilter(filters));
  const rows = await auditEntries(ctx.db, auditFilter(filters), { size: pageSize, number: page });
  const sentences = await describeAuditEntries(ctx.db, rows, locale);
  return { rows: rows.map((r, i) => ({ ...r, summary: sentences[i]! })) as AuditRow[], total, page, pageSize };
}

export async function exportAuditLog(ctx: ServiceContext, input: z.output<typeof exportAuditInput>): Promise<ExportedFile> {
  const { locale, ...filters } = input;
  const rows = await auditEntriesWithHashes(ctx.db, auditFilter(filters));
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
