import { effectiveConfidentiality } from '../../shared/domain';
import { isConfidential, storedDocumentName } from './confidentiality';
import type { Kysely } from 'kysely';
import { filesOut } from '../../db/queries/loans';
import { filesInBoxes, pathsOf } from '../../db/queries/locations';
import { checkedBoxIds, documentFlags, findingCounts, frozenFindings, inspectedBoxes, inspectedCabinetCodes, inspectionRows, inspectionScans } from '../../db/queries/inspections';
import type { ArchiveDatabase } from '../../db/schema';
import type { CabinetInspectionDue, InspectionBoxState, InspectionDetail, InspectionFinding, InspectionScanResult, InspectionSummary } from '../../shared/api';
import { inspectionFindingKinds, type InspectionFindingKind } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { recordAudit } from './audit';
import { localDate, nowIso, today, type ServiceContext } from './context';
import { describePath, findByCode } from './locations';

type Db = Kysely<ArchiveDatabase>;

// The monthly inspection (档案检查, 003 §6 4.8): is every file there, is anything in the wrong box.
// The clerk scans (or ticks) each file found in each box; the findings are worked out from what
// was found against what should be there, and frozen when the inspection is finished.

async function requireOpen(db: Db, inspectionId: number): Promise<void> {
  const row = await db.selectFrom('inspections').select('status').where('id', '=', inspectionId).executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND');
  if (row.status !== 'open') throw new ArchiveError('INSPECTION_FINISHED');
}

function emptyCounts(): Record<InspectionFindingKind, number> {
  return Object.fromEntries(inspectionFindingKinds.map((k) => [k, 0])) as Record<InspectionFindingKind, number>;
}

/** Works out what an open inspection has found so far. */
async function liveState(db: Db, inspectionId: number): Promise<{ boxes: InspectionBoxState[]; findings: InspectionFinding[] }> {
  const boxes = await inspectedBoxes(db, inspectionId);
  const boxIds = boxes.map((b) => b.boxId);
  const expected = await filesInBoxes(db, boxIds);
  const scans = await inspectionScans(db, inspectionId);
  const checked = await checkedBoxIds(db, inspectionId);
  const out = await filesOut(
    db,
    expected.map((f) => f.fileId),
  );
  const paths = await pathsOf(db, [...boxIds, ...scans.flatMap((s) => (s.homeBoxId ? [s.homeBoxId] : []))]);
  const where = (boxId: number | null) => {
    const p = boxId === null ? undefined : paths.get(boxId);
    return p ? describePath(p) : null;
  };
  const foundFiles = new Set(scans.flatMap((s) => (s.fileId ? [s.fileId] : [])));
  const findings: InspectionFinding[] = [];
  const boxStates: InspectionBoxState[] = boxes.map((b) => ({
    ...b,
    checked: checked.has(b.boxId),
    expected: expected
      .filter((f) => f.boxId === b.boxId)
      .map((f) => ({ fileId: f.fileId, refNo: f.refNo, name: f.name, unit: f.unit, found: foundFiles.has(f.fileId), out: out.get(f.fileId) ?? null, flag: f.flag })),
    scanned: scans
      .filter((s) => s.boxId === b.boxId)
      .map((s) => ({ code: s.code, fileId: s.fileId, refNo: s.refNo, name: s.name, kind: !s.fileId ? 'unknown' : s.homeBoxId === b.boxId ? 'present' : 'misfiled' })),
  }));
  for (const s of scans) {
    const foundBox = where(s.boxId);
    if (!s.fileId) {
      findings.push({ kind: 'unknown', fileId: null, code: s.code, refNo: null, name: null, expectedBox: null, foundBox, detail: null });
    } else {
      const kind = s.homeBoxId === s.boxId ? 'present' : 'misfiled';
      findings.push({ kind, fileId: s.fileId, code: s.code, refNo: s.refNo, name: s.name, expectedBox: where(s.homeBoxId), foundBox, detail: null });
    }
  }
  const flags = await documentFlags(db, inspectionId);
  // A file flagged by this inspection's own missing-document record is that finding, not a second one.
  const flaggedHere = new Set(flags.map((d) => d.fileId));
  for (const f of expected) {
    const base = { fileId: f.fileId, code: null, refNo: f.refNo, name: f.name, expectedBox: where(f.boxId), foundBox: null };
    if (f.flag && !flaggedHere.has(f.fileId)) findings.push({ ...base, kind: 'flagged', detail: f.flag });
    if (foundFiles.has(f.fileId)) continue;
    const loan = out.get(f.fileId);
    if (loan) findings.push({ ...base, kind: 'lent', detail: `${loan.borrower}（${loan.department}）${localDate(loan.since)} → ${loan.dueDate} · ${loan.slipNo}` });
    else findings.push({ ...base, kind: checked.has(f.boxId!) ? 'missing' : 'not_checked', detail: null });
  }
  for (const d of flags) {
    const title = storedDocumentName({ title: d.title, doc_date: d.doc_date }, effectiveConfidentiality(d.docLevel, d.fileLevel) === 'confidential');
    findings.push({
      kind: 'document_missing',
      fileId: d.fileId,
      code: null,
      refNo: d.refNo,
      name: d.name,
      expectedBox: where(d.boxId),
      foundBox: null,
      detail: d.note ? `${title}：${d.note}` : title,
    });
  }
  return { boxes: boxStates, findings };
}

async function summaries(db: Db, where: { id?: number }): Promise<InspectionSummary[]> {
  const rows = await inspectionRows(db, where.id);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const cabinets = await inspectedCabinetCodes(db, ids);
  const counted = await findingCounts(db, ids);
  return rows.map((r) => {
    const counts = emptyCounts();
    for (const c of counted.filter((c) => c.id === r.id)) counts[c.kind] = Number(c.n);
    return { ...r, cabinets: cabinets.filter((c) => c.id === r.id).map((c) => c.code), counts };
  });
}

export async function getInspection(db: Db, inspectionId: number): Promise<InspectionDetail> {
  const [summary] = await summaries(db, { id: inspectionId });
  if (!summary) throw new ArchiveError('NOT_FOUND');
  const live = await liveState(db, inspectionId);
  if (summary.status === 'open') {
    const counts = emptyCounts();
    for (const f of live.findings) counts[f.kind]++;
    return { ...summary, counts, ...live };
  }
  // A finished inspection reports what was frozen; the boxes show what was scanned then.
  const findings = await frozenFindings(db, inspectionId);
  return { ...summary, boxes: live.boxes, findings };
}

export async function listInspections(db: Db): Promise<InspectionSummary[]> {
  const list = await summaries(db, {});
  // Open inspections show their running counts.
  return Promise.all(list.map(async (s) => (s.status === 'open' ? getInspection(db, s.id).then(({ boxes: _b, findings: _f, ...rest }) => rest) : s)));
}

export async function startInspection(ctx: ServiceContext, cabinetIds: number[]): Promise<InspectionDetail> {
  const ids = [...new Set(cabinetIds)];
  const id = await ctx.db.transaction().execute(async (trx) => {
    const cabinets = await trx.selectFrom('cabinets').select(['id', 'retired_at']).where('id', 'in', ids).execute();
    if (cabinets.length !== ids.length) throw new ArchiveError('NOT_FOUND');
    if (cabinets.some((c) => c.retired_at)) throw new ArchiveError('LOCATION_RETIRED');
    const open = await trx
      .selectFrom('inspection_cabinets')
      .innerJoin('inspections', 'inspections.id', 'inspection_cabinets.inspection_id')
      .select('inspections.id')
      .where('inspections.status', '=', 'open')
      .where('inspection_cabinets.cabinet_id', 'in', ids)
      .executeTakeFirst();
    if (open) throw new ArchiveError('INSPECTION_OPEN', { id: open.id });
    const row = await trx
      .insertInto('inspections')
      .values({ started_at: nowIso(ctx), started_by: ctx.session.accountId, status: 'open' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('inspection_cabinets')
      .values(ids.map((cabinet_id) => ({ inspection_id: row.id, cabinet_id })))
      .execute();
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'inspection.started', { targetType: 'inspection', targetId: String(row.id), details: { cabinetIds: ids } });
    return row.id;
  });
  return getInspection(ctx.db, id);
}

async function requireInspectedBox(db: Db, inspectionId: number, boxId: number) {
  const box = (await inspectedBoxes(db, inspectionId)).find((b) => b.boxId === boxId);
  if (!box) throw new ArchiveError('NOT_FOUND');
  return box;
}

/** A code scanned (or a file ticked) in a box: says at once whether it belongs there. */
export async function recordInspectionScan(ctx: ServiceContext, input: { inspectionId: number; boxId: number; code: string }): Promise<InspectionScanResult> {
  await requireOpen(ctx.db, input.inspectionId);
  await requireInspectedBox(ctx.db, input.inspectionId, input.boxId);
  const target = await findByCode(ctx.db, input.code).catch((e: unknown) => {
    if (e instanceof ArchiveError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  const fileId = target?.kind === 'file' ? target.fileId : null;
  const file = fileId
    ? await ctx.db
        .selectFrom('files')
        .innerJoin('customers', 'customers.id', 'files.customer_id')
        .select(['files.ref_no', 'customers.name', 'files.home_box_id'])
        .where('files.id', '=', fileId)
        .executeTakeFirst()
    : undefined;
  let repeat = false;
  await ctx.db.transaction().execute(async (trx) => {
    // A second scan of the same file in the same box changes nothing (the scanner beeps twice).
    let dup = trx.selectFrom('inspection_scans').select('id').where('inspection_id', '=', input.inspectionId).where('box_id', '=', input.boxId);
    dup = fileId ? dup.where('file_id', '=', fileId) : dup.where('code', '=', input.code);
    if (await dup.executeTakeFirst()) {
      repeat = true;
      return;
    }
    await trx
      .insertInto('inspection_scans')
      .values({ inspection_id: input.inspectionId, box_id: input.boxId, code: file?.ref_no ?? input.code, file_id: fileId, at: nowIso(ctx), account_id: ctx.session.accountId })
      .execute();
  });
  const inspection = await getInspection(ctx.db, input.inspectionId);
  const home = file?.home_box_id ? (await pathsOf(ctx.db, [file.home_box_id])).get(file.home_box_id) : undefined;
  const kind = repeat ? 'repeat' : !file ? 'unknown' : file.home_box_id === input.boxId ? 'present' : 'misfiled';
  return { kind, refNo: file?.ref_no ?? null, name: file?.name ?? null, expectedBox: home ? describePath(home) : null, inspection };
}

/** Takes back a scan or tick made by mistake. */
export async function removeInspectionScan(ctx: ServiceContext, input: { inspectionId: number; boxId: number; code: string }): Promise<InspectionDetail> {
  await requireOpen(ctx.db, input.inspectionId);
  await ctx.db.deleteFrom('inspection_scans').where('inspection_id', '=', input.inspectionId).where('box_id', '=', input.boxId).where('code', '=', input.code).execute();
  return getInspection(ctx.db, input.inspectionId);
}

/** A box is checked when the clerk says so: only then are its unfound files "missing". */
export async function setInspectionBoxChecked(ctx: ServiceContext, input: { inspectionId: number; boxId: number; checked: boolean }): Promise<InspectionDetail> {
  await requireOpen(ctx.db, input.inspectionId);
  await requireInspectedBox(ctx.db, input.inspectionId, input.boxId);
  if (input.checked) {
    await ctx.db
      .insertInto('inspection_boxes')
      .values({ inspection_id: input.inspectionId, box_id: input.boxId, checked_at: nowIso(ctx), checked_by: ctx.session.accountId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await ctx.db.deleteFrom('inspection_boxes').where('inspection_id', '=', input.inspectionId).where('box_id', '=', input.boxId).execute();
  }
  return getInspection(ctx.db, input.inspectionId);
}

/** A document listed in the file's catalogue but not in the folder: recorded, and the file is flagged. */
export async function flagMissingDocument(ctx: ServiceContext, input: { inspectionId: number; documentId: number; note?: string }): Promise<InspectionDetail> {
  await requireOpen(ctx.db, input.inspectionId);
  await ctx.db.transaction().execute(async (trx) => {
    const doc = await trx.selectFrom('documents').select(['id', 'file_id', 'title', 'doc_date']).where('id', '=', input.documentId).executeTakeFirst();
    if (!doc) throw new ArchiveError('NOT_FOUND');
    const name = storedDocumentName(doc, await isConfidential(trx, doc.id));
    const at = nowIso(ctx);
    await trx
      .insertInto('inspection_document_flags')
      .values({ inspection_id: input.inspectionId, document_id: doc.id, note: input.note ?? null, at, account_id: ctx.session.accountId })
      .execute();
    await trx
      .updateTable('files')
      .set({ flag_note: `缺失：${name}${input.note ? `（${input.note}）` : ''}`, flagged_at: at })
      .where('id', '=', doc.file_id)
      .execute();
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'inspection.document_missing', {
      targetType: 'document',
      targetId: String(doc.id),
      details: { inspectionId: input.inspectionId, note: input.note },
    });
  });
  return getInspection(ctx.db, input.inspectionId);
}

/** Freezes the findings with who finished it; the record can then be printed. */
export async function finishInspection(ctx: ServiceContext, input: { inspectionId: number; note?: string }): Promise<InspectionDetail> {
  await requireOpen(ctx.db, input.inspectionId);
  const { findings } = await liveState(ctx.db, input.inspectionId);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('inspections')
      .set({ status: 'finished', finished_at: nowIso(ctx), finished_by: ctx.session.accountId, note: input.note ?? null })
      .where('id', '=', input.inspectionId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw new ArchiveError('INSPECTION_FINISHED');
    if (findings.length) {
      await trx
        .insertInto('inspection_findings')
        .values(
          findings.map((f) => ({
            inspection_id: input.inspectionId,
            kind: f.kind,
            file_id: f.fileId,
            code: f.code,
            ref_no: f.refNo,
            name: f.name,
            expected_box: f.expectedBox,
            found_box: f.foundBox,
            detail: f.detail,
          })),
        )
        .execute();
    }
    const counts = emptyCounts();
    for (const f of findings) counts[f.kind]++;
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'inspection.finished', { targetType: 'inspection', targetId: String(input.inspectionId), details: { counts } });
  });
  return getInspection(ctx.db, input.inspectionId);
}

/** Cabinets with no finished inspection this calendar month (the check is monthly, 003 §6 4.8.2). */
export async function listCabinetsDueInspection(ctx: { db: Db; clock: ServiceContext['clock'] }): Promise<CabinetInspectionDue[]> {
  const monthStart = `${today(ctx).slice(0, 7)}-01`;
  const rows = await ctx.db
    .selectFrom('cabinets')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('inspection_cabinets')
          .innerJoin('inspections', 'inspections.id', 'inspection_cabinets.inspection_id')
          .select(['inspection_cabinets.cabinet_id', (e) => e.fn.max('inspections.finished_at').as('last')])
          .where('inspections.status', '=', 'finished')
          .groupBy('inspection_cabinets.cabinet_id')
          .as('done'),
      (join) => join.onRef('done.cabinet_id', '=', 'cabinets.id'),
    )
    .select(['cabinets.id as cabinetId', 'cabinets.code', 'cabinets.description', 'done.last as lastInspectedAt'])
    .where('cabinets.retired_at', 'is', null)
    .orderBy('cabinets.code')
    .execute();
  // finished_at is UTC; compare on the desk's local date of the finish.
  return rows.filter((r) => !r.lastInspectedAt || localDate(new Date(r.lastInspectedAt)) < monthStart).map((r) => ({ ...r, lastInspectedAt: r.lastInspectedAt ?? null }));
}
