import { describe, expect, it } from 'vitest';
import { travel, asAdmin } from './helpers';
import { setupStorage } from './storage-fixture';

describe('the home screen (工作台)', () => {
  it('counts loans due today and overdue, approvals waiting, labels, departed files in active boxes, cabinets not inspected', async () => {
    const ctx = await setupStorage();
    const { api, byCode, file } = ctx;
    const manager = { username: 'zhaojl', password: 'Manager-2026-pass' };
    await asAdmin(() => api.createAccount({ username: manager.username, displayName: '赵经理', role: 'department_manager', password: manager.password, passwordConfirm: manager.password }));
    const a = await file('张三', 'A-301');
    const b = await file('李四', 'A-302');
    const gone = await file('王五', 'A-303', '2025-01-31');
    await api.moveFile({ fileId: gone, toBoxId: byCode['B-002']!.id, reason: '入盒' });
    const liu = await api.saveBorrower({ name: '刘强', department: '工程部', phone: '13800138000' });
    const read = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '查阅', kind: 'read' });
    const take = await api.requestLoan({ borrowerId: liu.id, fileIds: [b], purpose: '核对', kind: 'take_out' });
    for (const l of [read, take]) await api.decideApproval({ approvalId: l.approval!.id, approve: true, reason: '同意', approver: manager });
    await api.lendFiles({ borrowerId: liu.id, fileIds: [a, b] });
    await api.requestLoan({ borrowerId: liu.id, fileIds: [gone], purpose: '待批', kind: 'read' });
    const customerId = (await api.getFile({ fileId: b })).customer.id;
    await api.updateCustomer({ customerId, kind: 'tenant', name: '李四餐饮', floor: '3', units: ['A-302'], moveInDate: '2020-01-01' });

    let d = await api.getDashboard();
    expect(d.dueToday.map((r) => r.fileId)).toEqual([a]);
    expect(d.overdue).toEqual([]);
    expect(d).toMatchObject({ approvalsWaiting: 1, approvalsMine: true, departedInActiveBoxes: 1 });
    expect(d.labelsOutOfDate.map((l) => [l.name, l.labelName])).toEqual([['李四餐饮', '李四']]);
    expect(d.cabinetsNotInspected.map((c) => c.code)).toEqual(['3F-A']);
    // Classified at registration today: no review due yet.
    expect(d.dueForReviewCount).toBe(0);

    await travel(ctx, new Date('2026-11-27T09:00:00Z'));
    d = await api.getDashboard();
    expect(d.dueToday).toEqual([]);
    expect(d.overdue.map((r) => [r.fileId, r.daysOverdue])).toEqual([
      [a, 4],
      [b, 1],
    ]);
  });

  it('lets a call that arrives while it is being read be answered between its cards', async () => {
    const { api, file } = await setupStorage();
    await file('张三', 'A-301');
    const finished: string[] = [];
    const home = api.getDashboard().then(() => finished.push('home'));
    // As a request from the screen arrives: a macrotask, after the home screen's reading began.
    const list = new Promise<void>((resolve) => setImmediate(() => void api.listCustomers({}).then(() => void finished.push('list')).then(resolve)));
    await Promise.all([home, list]);
    expect(finished).toEqual(['list', 'home']);
  });

  it('schedules follow-up visits: buyers at 3, 30 and 60 days, others at 3 and 15, across month ends', async () => {
    const ctx = await setupStorage();
    const { api } = ctx;
    const buyer = (await api.registerCustomer({ kind: 'sales', name: '购房客户甲', units: ['S-1'] })).customer.files[0]!.id;
    const prospect = (await api.registerCustomer({ kind: 'potential', name: '意向客户乙', units: ['S-2'] })).customer.files[0]!.id;
    const visit = (fileId: number, docDate: string) => api.addDocument({ fileId, category: 'visit', title: '回访记录', docDate, pages: 1, isOriginal: true });
    // Made 2026-11-23: nothing due yet.
    expect((await api.getDashboard()).followUps).toEqual([]);
    await travel(ctx, new Date('2026-11-26T09:00:00Z'));
    expect((await api.getDashboard()).followUps.map((f) => [f.name, f.visit, f.of, f.dueDate])).toEqual([
      ['购房客户甲', 1, 3, '2026-11-26'],
      ['意向客户乙', 1, 2, '2026-11-26'],
    ]);
    await visit(buyer, '2026-11-26');
    await visit(prospect, '2026-11-26');
    expect((await api.getDashboard()).followUps).toEqual([]);
    // The prospect's second visit falls on 2026-12-08, the buyer's on 2026-12-23.
    await travel(ctx, new Date('2026-12-08T09:00:00Z'));
    expect((await api.getDashboard()).followUps.map((f) => [f.name, f.visit, f.dueDate])).toEqual([['意向客户乙', 2, '2026-12-08']]);
    await visit(prospect, '2026-12-08');
    await travel(ctx, new Date('2027-01-22T09:00:00Z'));
    expect((await api.getDashboard()).followUps.map((f) => [f.name, f.visit, f.dueDate])).toEqual([['购房客户甲', 2, '2026-12-23']]);
    await visit(buyer, '2027-01-22');
    // The third visit is due 60 days after the file was made: 2027-01-22, today.
    expect((await api.getDashboard()).followUps.map((f) => [f.name, f.visit, f.dueDate])).toEqual([['购房客户甲', 3, '2027-01-22']]);
  });
});
