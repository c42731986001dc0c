import { fileNames, filesOwingVisits } from '../../db/queries/home';
import type { FollowUpDue, FollowUpSummary, Page } from '../../shared/api';
import { followUpIds, followUpInForce, followUpKinds, visitorRoles, visitsOwed, type FollowUpSettings, type VisitOwed, type VisitorRole } from '../../shared/follow-ups';
import type { ListFollowUpsInput } from '../../shared/schemas';
import { localDate, today, type ServiceContext } from './context';

// 回访: the visits each file owes under the schedules of 设置 (shared/follow-ups.ts), read over every
// file of the kinds they cover; 工作台 counts them, lists the first, and pages through the rest.

/** A visit owed by one file, before its name and place are read. */
export type VisitDue = VisitOwed & { fileId: number; made: string };

const roles = new Set<string>(visitorRoles);

/**
 * Every visit owed today, earliest due first. Every active file of a current customer is read (no
 * cut-off: a file made long ago with a visit missing is late, not gone). A visit document counts
 * on its date, a 客户拜访记录卡 on its local day with the visitor it names.
 */
export async function followUpsDue(ctx: ServiceContext, settings: FollowUpSettings): Promise<VisitDue[]> {
  const on = today(ctx);
  const rows = await filesOwingVisits(ctx.db, followUpKinds(settings));
  const due: VisitDue[] = [];
  for (const r of rows) {
    const made = localDate(r.createdAt);
    const visits = [
      ...r.visits.map((date) => ({ date, visitor: null })),
      ...r.visitRecords.map((v) => ({ date: localDate(v.at), visitor: v.visitor && roles.has(v.visitor) ? (v.visitor as VisitorRole) : null })),
    ];
    for (const owed of visitsOwed(settings, { kind: r.kind, classification: r.classification, valueGrade: r.valueGrade, made, visits }, on)) due.push({ ...owed, fileId: r.fileId, made });
  }
  due.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.made.localeCompare(b.made) || a.fileId - b.fileId || followUpIds.indexOf(a.followUp) - followUpIds.indexOf(b.followUp));
  return due;
}

/** Late and due counts of each schedule that owes anything or is in force. */
export function summariseFollowUps(settings: FollowUpSettings, due: VisitDue[]): FollowUpSummary[] {
  const counts = new Map<string, FollowUpSummary>();
  for (const d of due) {
    const c = counts.get(d.followUp) ?? { followUp: d.followUp, late: 0, due: 0 };
    c[d.late ? 'late' : 'due'] += 1;
    counts.set(d.followUp, c);
  }
  return followUpIds.filter((id) => followUpInForce(settings, id) || counts.has(id)).map((id) => counts.get(id) ?? { followUp: id, late: 0, due: 0 });
}

/** The given visits with each file's 档号, customer and place. */
export async function describeVisits(ctx: ServiceContext, visits: VisitDue[]): Promise<FollowUpDue[]> {
  const names = new Map(
    (
      await fileNames(
        ctx.db,
        visits.map((d) => d.fileId),
      )
    ).map((n) => [n.fileId, n]),
  );
  return visits.map(({ made: _made, ...d }) => {
    const n = names.get(d.fileId);
    return { ...d, refNo: n?.refNo ?? '', name: n?.name ?? '', building: n?.building ?? null, floor: n?.floor ?? null, unit: n?.unit ?? '', kind: n?.kind ?? 'sales' };
  });
}

/** One page of the visits owed, all or one schedule's, late, due or both. */
export async function pageFollowUps(ctx: ServiceContext, due: VisitDue[], input: ListFollowUpsInput): Promise<Page<FollowUpDue>> {
  const chosen = due.filter((d) => (!input.followUp || d.followUp === input.followUp) && (input.state === 'owing' || d.late === (input.state === 'late')));
  const offset = (input.page - 1) * input.pageSize;
  return { total: chosen.length, page: input.page, pageSize: input.pageSize, rows: await describeVisits(ctx, chosen.slice(offset, offset + input.pageSize)) };
}
