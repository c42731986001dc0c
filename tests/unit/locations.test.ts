import { describe, expect, it } from 'vitest';
import { failureCode } from './helpers';
import { boxes, setupStorage as setup } from './storage-fixture';

describe('the storage model', () => {
  it('builds rooms, cabinets with shelves, and boxes in order, with unique codes', async () => {
    const { api, byCode, shelf1 } = await setup();
    expect(Object.keys(byCode)).toEqual(['B-001', 'B-002', 'D-3F']);
    expect(byCode['B-002']).toMatchObject({ position: 2, capacity: 10, purpose: 'active', servesFloor: '3', fileCount: 0 });
    expect(await failureCode(api.saveBox({ shelfId: shelf1.id, code: 'b-001', capacity: 5 }))).toBe('CODE_TAKEN');
    const storage = await api.addShelf({ cabinetId: (await api.getStorage())[0]!.cabinets[0]!.id });
    expect(storage[0]!.cabinets[0]!.shelves.map((s) => s.position)).toEqual([1, 2, 3]);
  });

  it('files a box up to its capacity and records every move', async () => {
    const { api, byCode, file } = await setup();
    const a = await file('张三', 'A-301');
    const b = await file('李四', 'A-302');
    const c = await file('王五', 'A-303');
    await api.moveFile({ fileId: a, toBoxId: byCode['B-001']!.id, reason: '建档入盒' });
    await api.moveFile({ fileId: b, toBoxId: byCode['B-001']!.id, reason: '建档入盒' });
    expect(await failureCode(api.moveFile({ fileId: c, toBoxId: byCode['B-001']!.id, reason: '建档入盒' }))).toBe('BOX_FULL');
    const moved = await api.moveFile({ fileId: a, toBoxId: byCode['B-002']!.id, reason: '调整盒位' });
    expect(moved.home).toMatchObject({ roomName: '客务部档案室', cabinetCode: '3F-A', shelfPosition: 1, boxCode: 'B-002' });
    expect(moved.moves.map((m) => [m.from, m.to, m.reason, m.by])).toEqual([
      ['客务部档案室 / 3F-A / 1 / B-001', '客务部档案室 / 3F-A / 1 / B-002', '调整盒位', '王芳'],
      [null, '客务部档案室 / 3F-A / 1 / B-001', '建档入盒', '王芳'],
    ]);
    const box = await api.getBox({ boxId: byCode['B-001']!.id });
    expect(box.files.map((f) => f.name)).toEqual(['李四']);
    expect(box.path.cabinetCode).toBe('3F-A');
  });

  it('扫码入盒: with a box open, each scanned file label files that file; a scan that cannot file says why and changes nothing', async () => {
    const { api, byCode, file } = await setup();
    const a = await file('张三', 'A-301');
    const b = await file('李四', 'A-302');
    const c = await file('王五', 'A-303');
    const ref = async (fileId: number) => (await api.getFile({ fileId })).refNo;
    await api.moveFile({ fileId: b, toBoxId: byCode['B-002']!.id, reason: '入盒' });
    const box = byCode['B-001']!.id;
    const scan = (code: string) => api.scanIntoBox({ boxId: box, code });
    // A scanner types "." for the 档号's "·".
    expect(await scan((await ref(a)).replace('·', '.'))).toMatchObject({ result: 'filed', fileId: a, name: '张三', fromBox: null, fileCount: 1, capacity: 2 });
    expect(await scan(await ref(a))).toMatchObject({ result: 'already', fileId: a, fileCount: 1 });
    expect(await scan('B-002')).toMatchObject({ result: 'box_code', fileId: null });
    expect(await scan('NO-SUCH-CODE')).toMatchObject({ result: 'unknown', fileId: null });
    expect(await scan(await ref(b))).toMatchObject({ result: 'filed', fileId: b, fromBox: 'B-002', fileCount: 2 });
    expect(await scan(await ref(c))).toMatchObject({ result: 'full', fileId: c, fileCount: 2 });
    expect((await api.whereIsFile({ fileId: c })).home).toBeNull();
    const moves = (await api.whereIsFile({ fileId: b })).moves;
    expect(moves[0]).toMatchObject({ reason: '扫码入盒', by: '王芳', to: '客务部档案室 / 3F-A / 1 / B-001' });
    expect((await api.getBox({ boxId: box })).files.map((f) => f.name).sort()).toEqual(['张三', '李四'].sort());
    // A retired box cannot be opened for filing.
    await api.retireLocation({ kind: 'box', id: byCode['D-3F']!.id });
    expect(await failureCode(api.scanIntoBox({ boxId: byCode['D-3F']!.id, code: await ref(c) }))).toBe('LOCATION_RETIRED');
  });

  it('refuses to retire a location that still holds files, and retires an empty one', async () => {
    const { api, byCode, file, roomId } = await setup();
    const a = await file('张三', 'A-301');
    await api.moveFile({ fileId: a, toBoxId: byCode['B-001']!.id, reason: '入盒' });
    for (const [kind, id] of [
      ['box', byCode['B-001']!.id],
      ['room', roomId],
    ] as const) {
      const result = await api.retireLocation({ kind, id }).catch((e) => e);
      expect(result.code).toBe('LOCATION_IN_USE');
      expect(result.details).toEqual({ count: 1 });
    }
    const after = await api.retireLocation({ kind: 'box', id: byCode['B-002']!.id });
    expect(boxes(after).map((b) => b.code)).toEqual(['B-001', 'D-3F']);
    expect(await failureCode(api.moveFile({ fileId: a, toBoxId: byCode['B-002']!.id, reason: 'x' }))).toBe('LOCATION_RETIRED');
  });

  it('proposes the departed box for the floor of each departed file still in an active box', async () => {
    const { api, byCode, file } = await setup();
    const gone = await file('张三', 'A-301', '2025-01-31');
    const staying = await file('李四', 'A-302');
    await api.moveFile({ fileId: gone, toBoxId: byCode['B-002']!.id, reason: '入盒' });
    await api.moveFile({ fileId: staying, toBoxId: byCode['B-002']!.id, reason: '入盒' });
    const proposals = await api.proposeDepartedMoves();
    expect(proposals).toEqual([expect.objectContaining({ fileId: gone, fromBox: 'B-002', toBox: 'D-3F', floor: '3' })]);
    await api.moveFile({ fileId: gone, toBoxId: proposals[0]!.toBoxId!, reason: '退租归档' });
    expect(await api.proposeDepartedMoves()).toEqual([]);
  });

  it('退租档案归位 files every departed file into its floor’s departed box in one call; one with no box for its floor stays', async () => {
    const { api, byCode, file } = await setup();
    const gone = await file('张三', 'A-301', '2025-01-31');
    const alsoGone = await file('李四', 'A-302', '2025-03-31');
    const fifth = (await api.registerCustomer({ kind: 'tenant', name: '五楼商户', floor: '5', units: ['E-501'], moveInDate: '2020-01-01', moveOutDate: '2025-02-28' })).customer.files[0]!.id;
    for (const id of [gone, alsoGone, fifth]) await api.moveFile({ fileId: id, toBoxId: byCode['B-002']!.id, reason: '入盒' });
    expect(await api.moveDepartedFiles()).toEqual({ moved: 2, left: 1 });
    for (const id of [gone, alsoGone]) {
      const where = await api.whereIsFile({ fileId: id });
      expect(where.home?.boxCode).toBe('D-3F');
      expect(where.moves[0]!.reason).toBe('退租档案归位');
    }
    expect((await api.whereIsFile({ fileId: fifth })).home?.boxCode).toBe('B-002');
    expect((await api.proposeDepartedMoves()).map((p) => [p.fileId, p.toBoxId])).toEqual([[fifth, null]]);
    // Nothing left to move: a second call moves nothing.
    expect(await api.moveDepartedFiles()).toEqual({ moved: 0, left: 1 });
  });

  it('finds a file by its 档号 (also as a barcode reads it, with "." for "·"), an old 档号, or a box by its code', async () => {
    const { api, byCode, file } = await setup();
    const a = await file('张三', 'A-301');
    const ref = (await api.getFile({ fileId: a })).refNo;
    expect(await api.findByCode({ code: ref })).toEqual({ kind: 'file', fileId: a });
    expect(await api.findByCode({ code: ref.replace('·', '.') })).toEqual({ kind: 'file', fileId: a });
    await api.correctFileRef({ fileId: a, reason: '更正' });
    expect(await api.findByCode({ code: ref })).toEqual({ kind: 'file', fileId: a });
    expect(await api.findByCode({ code: 'b-002' })).toEqual({ kind: 'box', boxId: byCode['B-002']!.id });
    expect(await failureCode(api.findByCode({ code: 'NO-SUCH-CODE' }))).toBe('NOT_FOUND');
  });

  it('printing a file label clears "label out of date"', async () => {
    const { api, byCode, file } = await setup();
    const a = await file('张三', 'A-301');
    await api.moveFile({ fileId: a, toBoxId: byCode['B-001']!.id, reason: '入盒' });
    const customerId = (await api.getFile({ fileId: a })).customer.id;
    await api.updateCustomer({ customerId, kind: 'tenant', name: '张三餐饮有限公司', floor: '3', units: ['A-301'], moveInDate: '2020-01-01' });
    expect((await api.getFile({ fileId: a })).labelOutOfDate).toBe(true);
    const [label] = await api.getFileLabels({ fileIds: [a] });
    expect(label).toMatchObject({ name: '张三餐饮有限公司', unit: 'A-301', location: '客务部档案室 / 3F-A / 1 / B-001' });
    await api.markLabelsPrinted({ fileIds: [a] });
    const after = await api.getFile({ fileId: a });
    expect(after).toMatchObject({ labelOutOfDate: false, labelName: '张三餐饮有限公司' });
    expect(after.labelPrintedAt).not.toBeNull();
  });
});
