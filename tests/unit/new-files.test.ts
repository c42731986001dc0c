import { describe, expect, it } from 'vitest';
import { asAdmin, customerWorkbook, failureCode, makeVault, openDesk, readAudit, settleJob } from './helpers';

// A new file (issue 21, item 1; 003 §3 1, §15 4.2 c, §9.2): the day of first contact and who opened
// it, the direct superior's review (待审核 / 已审核 / 退回补正 with the reason), and the files in no
// box with the box that serves their building and floor.

const manager = { username: 'zhaojl', password: 'Manager-2026-pass' };

async function setup() {
  const ctx = makeVault();
  await openDesk(ctx);
  await asAdmin(() => ctx.api.createAccount({ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: manager.password, passwordConfirm: manager.password }));
  const reviewOf = async (customerId: number) => (await ctx.api.listApprovals({ status: 'pending' })).find((a) => a.kind === 'file_review' && a.targetId === customerId);
  return { ...ctx, reviewOf };
}

describe('new files (新建档案)', () => {
  it('records the first contact and who opened the file; a file opened past the week after contact is counted late; a contact in the future is refused', async () => {
    const { api } = await setup();
    // The desk's clock: 2026-11-23 02:20 in Shanghai, still the 22nd in UTC.
    const onTime = (await api.registerCustomer({ kind: 'tenant', name: '准时商户', units: ['A-101'], firstContactOn: '2026-11-16' })).customer;
    expect(onTime.firstContactOn).toBe('2026-11-16');
    expect(onTime.files[0]).toMatchObject({ openedBy: '王芳', review: { state: 'pending', note: null, by: null } });
    const late = (await api.registerCustomer({ kind: 'tenant', name: '迟建商户', units: ['A-102'], firstContactOn: '2026-11-15' })).customer;
    const today = (await api.registerCustomer({ kind: 'tenant', name: '当日商户', units: ['A-103'] })).customer;
    expect(today.firstContactOn).toBe('2026-11-23');

    const pending = await api.listNewFiles({ state: 'pending' });
    expect(pending.total).toBe(3);
    const row = (name: string) => pending.rows.find((r) => r.name === name)!;
    expect(row('准时商户')).toMatchObject({ openedOn: '2026-11-23', openedLateDays: 0, openedBy: '王芳', reviewState: 'pending' });
    expect(row('迟建商户').openedLateDays).toBe(1);
    expect(row('当日商户').openedLateDays).toBe(0);
    const registered = (await readAudit({ action: 'customer.registered', pageSize: 10 })).rows.find((r) => r.targetId === String(late.id))!;
    expect(registered.summary).toContain('首次接触：2026-11-15');
    expect(registered.summary).toContain('建档超出期限（天）：1');

    const before = (await api.listCustomers({ pageSize: 500 })).total;
    expect(await failureCode(api.registerCustomer({ kind: 'tenant', name: '未来商户', units: ['A-104'], firstContactOn: '2026-11-24' }))).toBe('CONTACT_DATE_IN_FUTURE');
    expect((await api.listCustomers({ pageSize: 500 })).total).toBe(before);
  });

  it('asks the department manager to review; approved it is 已审核, returned it says why, corrected it goes back for review', async () => {
    const { api, reviewOf } = await setup();
    const a = (await api.registerCustomer({ kind: 'tenant', name: '审核商户', units: ['B-201', 'B-202'] })).customer;
    const review = (await reviewOf(a.id))!;
    expect(review).toMatchObject({ status: 'pending', requiredRole: 'department_manager', requestedBy: '王芳' });
    expect(review.summary).toContain(a.files[0]!.refNo);
    expect(review.summary).toContain(a.files[1]!.refNo);
    expect((await api.getDashboard()).newFiles).toMatchObject({ pending: 2, returned: 0 });

    // The clerk cannot approve her own file.
    expect(await failureCode(api.decideApproval({ approvalId: review.id, approve: true, reason: '自批' }))).toBe('APPROVER_IS_REQUESTER');
    await api.decideApproval({ approvalId: review.id, approve: false, reason: '缺少营业执照复印件', approver: manager });
    let files = (await api.getCustomer({ customerId: a.id })).files;
    expect(files.map((f) => f.review)).toEqual([0, 1].map(() => ({ state: 'returned', note: '缺少营业执照复印件', by: '赵经理', at: expect.any(String) })));
    const returned = await api.listNewFiles({ state: 'returned' });
    expect(returned.total).toBe(2);
    expect(returned.rows[0]).toMatchObject({ reviewNote: '缺少营业执照复印件', reviewedBy: '赵经理' });
    expect((await api.getDashboard()).newFiles).toMatchObject({ pending: 0, returned: 2 });

    // Corrected, the files go to the manager again, as a new request.
    await api.resubmitFileReview({ customerId: a.id, note: '已补营业执照复印件' });
    expect(await failureCode(api.resubmitFileReview({ customerId: a.id, note: '' }))).toBe('NOTHING_TO_RESUBMIT');
    const again = (await reviewOf(a.id))!;
    expect(again.id).not.toBe(review.id);
    expect(again.reason).toBe('已补营业执照复印件');
    await api.decideApproval({ approvalId: again.id, approve: true, reason: '资料齐全', approver: manager });
    files = (await api.getCustomer({ customerId: a.id })).files;
    expect(files.every((f) => f.review.state === 'approved' && f.review.by === '赵经理' && f.review.note === null)).toBe(true);
    expect((await api.getDashboard()).newFiles).toMatchObject({ pending: 0, returned: 0 });
    const audit = (await readAudit({ action: 'file.review_resubmitted' })).rows;
    expect(audit[0]!.summary).toMatch(/^王芳将.*审核商户.*补正后的档案重新提交审核。.*已补营业执照复印件/);

    // A unit added later opens a new file that waits for its own review; a withdrawn request goes back to the clerk.
    await api.updateCustomer({ customerId: a.id, kind: 'tenant', name: '审核商户', units: ['B-201', 'B-202', 'B-203'] });
    const third = (await reviewOf(a.id))!;
    const added = (await api.getCustomer({ customerId: a.id })).files[2]!;
    expect(added.review.state).toBe('pending');
    expect(third.summary).toContain(added.refNo);
    expect(third.summary).not.toContain(files[0]!.refNo);
    await api.withdrawApproval({ approvalId: third.id });
    expect((await api.getCustomer({ customerId: a.id })).files.map((f) => f.review.state)).toEqual(['approved', 'approved', 'returned']);
  });

  it('takes files from a sheet (going live from paper) as reviewed, and asks for no review when 设置 turns it off', async () => {
    const { api, reviewOf } = await setup();
    const { jobId } = await api.startCustomerImport({ fileBase64: await customerWorkbook(30) });
    expect(await settleJob(api, jobId, 'customer-import')).toMatchObject({ state: 'done', result: { imported: 30 } });
    expect((await api.getDashboard()).newFiles.pending).toBe(0);
    expect((await api.listApprovals({ status: 'pending' })).filter((a) => a.kind === 'file_review')).toEqual([]);

    await asAdmin(() => api.updateSettings({ newFiles: { openWithinDays: 7, review: false } }));
    const c = (await api.registerCustomer({ kind: 'tenant', name: '免审商户', units: ['C-301'] })).customer;
    expect(c.files[0]!.review.state).toBe('approved');
    expect(await reviewOf(c.id)).toBeUndefined();
    expect(await failureCode(asAdmin(() => api.updateSettings({ newFiles: { openWithinDays: 0, review: true } })))).toBe('VALIDATION_FAILED');
  });

  it('lists active files in no box with the box serving their building and floor, and no more files for a box than it has room for', async () => {
    const { api } = await setup();
    const roomId = (await api.saveRoom({ name: '档案室' }))[0]!.id;
    const shelf = (await api.saveCabinet({ roomId, code: 'G1', shelves: 1 }))[0]!.cabinets[0]!.shelves[0]!;
    await api.saveBox({ shelfId: shelf.id, code: 'A-3F', capacity: 1, servesBuilding: 'A座', servesFloor: '3' });
    const storage = await api.saveBox({ shelfId: shelf.id, code: 'A-GEN', capacity: 10, servesBuilding: 'A座' });
    const [floor3, anyA] = storage[0]!.cabinets[0]!.shelves[0]!.boxes;
    const first = (await api.registerCustomer({ kind: 'tenant', name: '三楼甲', building: 'A座', floor: '3', units: ['A-301'] })).customer.files[0]!.id;
    const second = (await api.registerCustomer({ kind: 'tenant', name: '三楼乙', building: 'A座', floor: '3', units: ['A-302'] })).customer.files[0]!.id;
    const other = (await api.registerCustomer({ kind: 'tenant', name: '乙座商户', building: 'B座', floor: '5', units: ['B-501'] })).customer.files[0]!.id;
    const unboxed = await api.listNewFiles({ state: 'unboxed' });
    expect(unboxed.total).toBe(3);
    const boxOf = (fileId: number) => unboxed.rows.find((r) => r.fileId === fileId)!.suggestedBox;
    // Newest first: 乙座 (no box serves B座), then 三楼乙 takes A-3F's one place, 三楼甲 the building's box.
    expect(boxOf(other)).toBeNull();
    expect(boxOf(second)).toEqual({ id: floor3!.id, code: 'A-3F' });
    expect(boxOf(first)).toEqual({ id: anyA!.id, code: 'A-GEN' });

    await api.moveFile({ fileId: second, toBoxId: floor3!.id, reason: '新建档案入盒' });
    const after = await api.listNewFiles({ state: 'unboxed' });
    expect(after.total).toBe(2);
    expect(after.rows.find((r) => r.fileId === first)!.suggestedBox).toEqual({ id: anyA!.id, code: 'A-GEN' });
    expect((await api.getDashboard()).newFiles.unboxed).toBe(2);
  });

  it('counts in 报表 (档案变动) per month and building: opened in time, late, reviewed, returned and waiting', async () => {
    const { api, reviewOf } = await setup();
    // 2026-11-23 local: in time within 7 days of first contact, late after.
    await api.registerCustomer({ kind: 'tenant', name: '甲', building: 'A座', units: ['A-1'], firstContactOn: '2026-11-16' });
    const late = (await api.registerCustomer({ kind: 'tenant', name: '乙', building: 'A座', units: ['A-2'], firstContactOn: '2026-11-01' })).customer;
    await api.registerCustomer({ kind: 'tenant', name: '丙', building: 'B座', units: ['B-1'] });
    await api.decideApproval({ approvalId: (await reviewOf(late.id))!.id, approve: false, reason: '补资料', approver: manager });
    const report = await api.getReport({ report: 'movement', from: '2026-11-01', to: '2026-11-30' });
    const section = report.sections.find((s) => s.id === 'new-files-by-month')!;
    expect(section.table.rows).toEqual([
      { month: '2026-11', building: 'A座', n: 2, inTime: 1, rate: 50, reviewed: 0, returned: 1, pending: 1 },
      { month: '2026-11', building: 'B座', n: 1, inTime: 1, rate: 100, reviewed: 0, returned: 0, pending: 1 },
    ]);
    expect(section.table.total).toMatchObject({ n: 3, inTime: 2, rate: 66.7 });
    expect(section.chart!.series.map((s) => s.data)).toEqual([[2], [1]]);
    expect(report.figures).toContainEqual({ label: '新建档案按期率', value: '66.7%' });
    // One building: its own files only.
    const a = await api.getReport({ report: 'movement', from: '2026-11-01', to: '2026-11-30', building: 'B座' });
    expect(a.sections.find((s) => s.id === 'new-files-by-month')!.table.rows.map((r) => r.building)).toEqual(['B座']);
  });
});
