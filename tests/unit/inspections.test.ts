import { describe, expect, it } from 'vitest';
import { DESK_START, failureCode, travel } from './helpers';
import { setupStorage } from './storage-fixture';

/** Three files in B-001/B-002 of cabinet 3F-A, and an inspection of that cabinet. */
async function inspectionSetup() {
  const ctx = await setupStorage();
  const { api, byCode, file } = ctx;
  const a = await file('张三', 'A-301');
  const b = await file('李四', 'A-302');
  const c = await file('王五', 'A-303');
  await api.moveFile({ fileId: a, toBoxId: byCode['B-001']!.id, reason: '入盒' });
  await api.moveFile({ fileId: b, toBoxId: byCode['B-001']!.id, reason: '入盒' });
  await api.moveFile({ fileId: c, toBoxId: byCode['B-002']!.id, reason: '入盒' });
  const ref = async (id: number) => (await api.getFile({ fileId: id })).refNo;
  const cabinetId = (await api.getStorage())[0]!.cabinets[0]!.id;
  return { ...ctx, a, b, c, ref, cabinetId };
}

describe('the monthly inspection', () => {
  it('classifies present, misfiled, missing, unknown and not-checked files', async () => {
    const { api, byCode, a, b, c, ref, cabinetId } = await inspectionSetup();
    const started = await api.startInspection({ cabinetIds: [cabinetId] });
    expect(started.boxes.map((x) => [x.code, x.expected.length])).toEqual([
      ['B-001', 2],
      ['B-002', 1],
      ['D-3F', 0],
    ]);
    const id = started.id;
    const b1 = byCode['B-001']!.id;
    const b2 = byCode['B-002']!.id;
    // 张三 is in B-001 where it belongs; 王五 (home B-002) turns up in B-001; 李四 is nowhere.
    expect((await api.recordInspectionScan({ inspectionId: id, boxId: b1, code: await ref(a) })).kind).toBe('present');
    // A barcode reads "." for "·".
    const misfiled = await api.recordInspectionScan({ inspectionId: id, boxId: b1, code: (await ref(c)).replace('·', '.') });
    expect(misfiled).toMatchObject({ kind: 'misfiled', name: '王五', expectedBox: '客务部档案室 / 3F-A / 1 / B-002' });
    expect((await api.recordInspectionScan({ inspectionId: id, boxId: b1, code: 'XYZ-404' })).kind).toBe('unknown');
    expect((await api.recordInspectionScan({ inspectionId: id, boxId: b1, code: await ref(a) })).kind).toBe('repeat');

    // Before the box is marked checked, 李四 is "not checked", not "missing".
    let detail = await api.getInspection({ inspectionId: id });
    expect(detail.findings.find((f) => f.fileId === b)?.kind).toBe('not_checked');
    await api.setInspectionBoxChecked({ inspectionId: id, boxId: b1, checked: true });
    detail = await api.setInspectionBoxChecked({ inspectionId: id, boxId: b2, checked: true });
    const kinds = Object.fromEntries(detail.findings.filter((f) => f.kind !== 'unknown').map((f) => [f.name, f.kind]));
    expect(kinds).toEqual({ 张三: 'present', 王五: 'misfiled', 李四: 'missing' });
    expect(detail.findings.find((f) => f.kind === 'unknown')).toMatchObject({ code: 'XYZ-404', foundBox: '客务部档案室 / 3F-A / 1 / B-001' });
    expect(detail.counts).toMatchObject({ present: 1, misfiled: 1, missing: 1, unknown: 1, lent: 0 });
    // 王五 was found (in the wrong box), so its own box does not report it missing.
    expect(detail.boxes.find((x) => x.boxId === b2)!.expected[0]).toMatchObject({ name: '王五', found: true });

    // A scan taken back makes the file missing again.
    detail = await api.removeInspectionScan({ inspectionId: id, boxId: b1, code: await ref(c) });
    expect(detail.findings.find((f) => f.fileId === c)?.kind).toBe('missing');
  });

  it('flags a missing document from the catalogue, and the file shows the flag', async () => {
    const { api, a, cabinetId } = await inspectionSetup();
    const doc = await api.addDocument({ fileId: a, category: 'basic_record', title: '租户基本情况记录表', docDate: '2024-03-01', pages: 2, isOriginal: true });
    const documentId = doc.id;
    const { id } = await api.startInspection({ cabinetIds: [cabinetId] });
    const detail = await api.flagMissingDocument({ inspectionId: id, documentId, note: '原件不在卷内' });
    expect(detail.findings).toContainEqual(expect.objectContaining({ kind: 'document_missing', fileId: a, detail: '租户基本情况记录表：原件不在卷内' }));
    // One missing document is one finding: the flag it raised on the file is not counted again.
    expect(detail.findings.filter((f) => f.fileId === a && (f.kind === 'flagged' || f.kind === 'document_missing'))).toHaveLength(1);
    expect((await api.getFile({ fileId: a })).flag).toMatchObject({ note: '缺失：租户基本情况记录表（原件不在卷内）' });
  });

  it('flags a missing confidential document without copying its title into the flag or the record', async () => {
    const { api, a, cabinetId } = await inspectionSetup();
    const doc = await api.addDocument({ fileId: a, category: 'payment', title: '押金结算明细', docDate: '2024-03-01', pages: 2, isOriginal: true, confidentiality: 'confidential' });
    const { id } = await api.startInspection({ cabinetIds: [cabinetId] });
    const detail = await api.flagMissingDocument({ inspectionId: id, documentId: doc.id, note: '不在卷内' });
    expect(JSON.stringify(detail)).not.toContain('押金');
    expect(detail.findings).toContainEqual(expect.objectContaining({ kind: 'document_missing', detail: '机密文件（2024-03-01）：不在卷内' }));
    expect((await api.getFile({ fileId: a })).flag?.note).toBe('缺失：机密文件（2024-03-01）（不在卷内）');
    const finished = await api.finishInspection({ inspectionId: id });
    expect(JSON.stringify(finished)).not.toContain('押金');
  });

  it('is resumable, refuses a second open inspection of the same cabinet, and is frozen when finished', async () => {
    const { api, byCode, a, b, ref, cabinetId } = await inspectionSetup();
    const { id } = await api.startInspection({ cabinetIds: [cabinetId] });
    const b1 = byCode['B-001']!.id;
    await api.recordInspectionScan({ inspectionId: id, boxId: b1, code: await ref(a) });
    const refused = await api.startInspection({ cabinetIds: [cabinetId] }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'INSPECTION_OPEN', details: { id } });
    // Resuming: the list shows it open with its running counts, and the scans are still there.
    const [listed] = await api.listInspections();
    expect(listed).toMatchObject({ id, status: 'open', startedBy: '王芳', cabinets: ['3F-A'] });
    expect((await api.getInspection({ inspectionId: id })).boxes[0]!.scanned.map((s) => s.fileId)).toEqual([a]);

    await api.setInspectionBoxChecked({ inspectionId: id, boxId: b1, checked: true });
    const finished = await api.finishInspection({ inspectionId: id, note: '月度检查' });
    expect(finished).toMatchObject({ status: 'finished', finishedBy: '王芳', note: '月度检查' });
    expect(finished.findings.find((f) => f.fileId === b)?.kind).toBe('missing');
    expect(await failureCode(api.recordInspectionScan({ inspectionId: id, boxId: b1, code: await ref(b) }))).toBe('INSPECTION_FINISHED');
    // Moving a file afterwards does not rewrite the record.
    await api.moveFile({ fileId: b, toBoxId: byCode['B-002']!.id, reason: '找到，归位' });
    const again = await api.getInspection({ inspectionId: id });
    expect(again.findings.find((f) => f.fileId === b)).toMatchObject({ kind: 'missing', expectedBox: '客务部档案室 / 3F-A / 1 / B-001' });
    expect(again.counts.missing).toBe(1);
  });

  it('reminds when a cabinet has not been inspected this month', async () => {
    const ctx = await inspectionSetup();
    const { api, cabinetId } = ctx;
    expect((await api.listCabinetsDueInspection()).map((c) => c.code)).toEqual(['3F-A']);
    const { id } = await api.startInspection({ cabinetIds: [cabinetId] });
    expect((await api.listCabinetsDueInspection()).length).toBe(1);
    await api.finishInspection({ inspectionId: id });
    expect(await api.listCabinetsDueInspection()).toEqual([]);
    await travel(ctx, new Date('2026-12-02T09:00:00Z'));
    expect(await api.listCabinetsDueInspection()).toEqual([expect.objectContaining({ code: '3F-A', lastInspectedAt: DESK_START.toISOString() })]);
  });

  it('lists every inspection ever made, not the latest 200 (ten years of monthly inspections of two cabinets is 240)', async () => {
    const { api, vault, cabinetId } = await inspectionSetup();
    const sqlite = vault.sqlite();
    const accountId = vault.session!.accountId;
    const add = sqlite.prepare("insert into inspections (started_at, started_by, status, finished_at, finished_by) values (?, ?, 'finished', ?, ?)");
    const cover = sqlite.prepare('insert into inspection_cabinets (inspection_id, cabinet_id) values (?, ?)');
    for (let i = 0; i < 250; i++) {
      const at = new Date(Date.UTC(2016, 0, 1) + i * 14 * 86_400_000).toISOString();
      cover.run(add.run(at, accountId, at, accountId).lastInsertRowid, cabinetId);
    }
    const list = await api.listInspections();
    expect(list).toHaveLength(250);
    expect(list.at(-1)).toMatchObject({ startedAt: '2016-01-01T00:00:00.000Z', cabinets: ['3F-A'] });
  });
});
