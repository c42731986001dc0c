import { effectiveConfidentiality } from '../../shared/domain';
import { isConfidential, storedDocumentName } from './confidentiality';
import type { Kysely } from 'kysely';
import { filesOut, setFileFlag } from '../../db/queries/loans';
import { filesInBoxes, pathsOf } from '../../db/queries/locations';
import {
  alreadyScanned,
  cabinetsByIds,
  cabinetsWithLastInspection,
  checkedBoxIds,
  deleteInspectionScan,
  documentFlags,
  documentForFlag,
  findingCounts,
  frozenFindings,
  insertDocumentFlag,
  insertFindings,
  insertInspection,
  insertInspectionScan,
  inspectedBoxes,
  inspectedCabinetCodes,
  inspectionRows,
  inspectionScans,
  inspectionStatus,
  markFinished,
  openInspectionOf,
  scannedFile,
  setBoxChecked,
} from '../../db/queries/inspections';
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
  const status = await inspectionStatus(db, inspectionId);
  if (!status) throw new ArchiveError('NOT_FOUND');
  if (status !== 'open') throw new ArchiveError('INSPECTION_FINISHED');
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
    const cabinets = await cabinetsByIds(trx, ids);
    if (cabinets.length !== ids.length) throw new ArchiveError('NOT_FOUND');
    if (cabinets.some((c) => c.retired_at)) throw new ArchiveError('LOCATION_RETIRED');
    const open = await openInspectionOf(trx, ids);
    if (open !== undefined) throw new ArchiveError('INSPECTION_OPEN', { id: open });
    const inspectionId = await insertInspection(trx, { started_at: nowIso(ctx), started_by: ctx.session.accountId }, ids);
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'inspection.started', { targetType: 'inspection', targetId: String(inspectionId), details: { cabinetIds: ids } });
    return inspectionId;
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
  const file = fileId ? await scannedFile(ctx.db, fileId) : undefined;
  let repeat = false;
  await ctx.db.transaction().execute(async (trx) => {
    // A second scan of the same file in the same box changes nothing (the scanner beeps twice).
    if (await alreadyScanned(trx, input.inspectionId, input.boxId, fileId ? { fileId } : { code: input.code })) {
      repeat = true;
      return;
    }
    await insertInspectionScan(trx, { inspection_id: input.inspectionId, box_id: input.boxId, code: file?.ref_no ?? input.code, file_id: fileId, at: nowIso(ctx), account_id: ctx.session.accountId });
  });
  const inspection = await getInspection(ctx.db, input.inspectionId);
  const home = file?.home_box_id ? (await pathsOf(ctx.db, [file.home_box_id])).get(file.home_box_id) : undefined;
  const kind = repeat ? 'repeat' : !file ? 'unknown' : file.home_box_id === input.boxId ? 'present' : 'misfiled';
  return { kind, refNo: file?.ref_no ?? null, name: file?.name ?? null, expectedBox: home ? describePath(home) : null, inspection };
}

/** Takes back a scan or tick made by mistake. */
export async function removeInspectionScan(ctx: ServiceContext, input: { inspectionId: number; boxId: number; code: string }): Promise<InspectionDetail> {
  await requireOpen(ctx.db, input.inspectionId);
  await deleteInspectionScan(ctx.db, input.inspectionId, input.boxId, input.code);
  return getInspection(ctx.db, input.inspectionId);
}

/** A box is checked when the clerk says so: only then are its unfound files "missing". */
export async function setInspectionBoxChecked(ctx: ServiceContext, input: { inspectionId: number; boxId: number; checked: boolean }): Promise<InspectionDetail> {
  await requireOpen(ctx.db, input.inspectionId);
  await requireInspectedBox(ctx.db, input.inspectionId, input.boxId);
  await setBoxChecked(ctx.db, input.inspectionId, input.boxId, input.checked ? { at: nowIso(ctx), by: ctx.session.accountId } : null);
  return getInspection(ctx.db, input.inspectionId);
}

/** A document listed in the file's catalogue but not in the folder: recorded, and the file is flagged. */
export async function flagMissingDocument(ctx: ServiceContext, input: { inspectionId: number; documentId: number; note?: string }): Promise<InspectionDetail> {
  await requireOpen(ctx.db, input.inspectionId);
  await ctx.db.transaction().execute(async (trx) => {
    const doc = await documentForFlag(trx, input.documentId);
    if (!doc) throw new ArchiveError('NOT_FOUND');
    const name = storedDocumentName(doc, await isConfidential(trx, doc.id));
    const at = nowIso(ctx);
    await insertDocumentFlag(trx, { inspection_id: input.inspectionId, document_id: doc.id, note: input.note ?? null, at, account_id: ctx.session.accountId });
    await setFileFlag(trx, doc.file_id, `缺失：${name}${input.note ? `（${input.note}）` : ''}`, at);
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
    if (!(await markFinished(trx, input.inspectionId, { at: nowIso(ctx), by: ctx.session.accountId, note: input.note ?? null }))) throw new ArchiveError('INSPECTION_FINISHED');
    await insertFindings(
      trx,
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
    );
    const counts = emptyCounts();
    for (const f of findings) counts[f.kind]++;
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'inspection.finished', { targetType: 'inspection', targetId: String(input.inspectionId), details: { counts } });
  });
  return getInspection(ctx.db, input.inspectionId);
}

/** Cabinets with no finished inspection this calendar month (the check is monthly, 003 §6 4.8.2). */
export async function listCabinetsDueInspection(ctx: { db: Db; clock: ServiceContext['clock'] }): Promise<CabinetInspectionDue[]> {
  const monthStart = `${today(ctx).slice(0, 7)}-01`;
  const rows = await cabinetsWithLastInspection(ctx.db);
  // finished_at is UTC; compare on the desk's local date of the finish.
  return rows.filter((r) => !r.lastInspectedAt || localDate(new Date(r.lastInspectedAt)) < monthStart).map((r) => ({ ...r, lastInspectedAt: r.lastInspectedAt ?? null }));
}
