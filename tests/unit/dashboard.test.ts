import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { followUpsDue } from '../../electron/services/follow-ups';
import { readSettings } from '../../electron/services/settings';
import { nextFollowUp } from '../../shared/follow-ups';
import { travel, asAdmin, admitted } from './helpers';
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
    // Waiting: the loan and the three new files' reviews.
    expect(d.newFiles).toEqual({ pending: 3, returned: 0, unboxed: 2 });
    expect(d).toMatchObject({ approvalsWaiting: 4, approvalsMine: true, departedInActiveBoxes: 1 });
    expect(d.labelsOutOfDate.map((l) => [l.name, l.labelName])).toEqual([['李四餐饮', '李四']]);
    expect(d.cabinetsNotInspected.map((c) => c.code)).toEqual(['3F-A']);
    // Classified at registration today: no review due yet.
    expect(d.dueForReviewCount).toBe(0);
    expect(d.dueTomorrow).toEqual([]);

    // The day before the take-out loan is due (26 November), at 01:00 in China, 24 November in UTC.
    await travel(ctx, new Date('2026-11-24T17:00:00Z'));
    d = await api.getDashboard();
    expect(d.dueTomorrow.map((r) => [r.fileId, r.dueDate])).toEqual([[b, '2026-11-26']]);
    expect(d.dueToday).toEqual([]);

    await travel(ctx, new Date('2026-11-27T09:00:00Z'));
    d = await api.getDashboard();
    expect(d.dueToday).toEqual([]);
    expect(d.overdue.map((r) => [r.fileId, r.daysOverdue])).toEqual([
      [a, 4],
      [b, 1],
    ]);
  });

  it('counts every out-of-date label and every borrower, past any page of them (a renamed landlord, a large company)', async () => {
    const ctx = await setupStorage();
    const { api, vault } = ctx;
    const sqlite = vault.sqlite();
    // 260 files whose customers were renamed since their labels were printed.
    for (let i = 0; i < 260; i++) await api.registerCustomer({ kind: 'tenant', name: `改名前${i}号`, units: [`R-${i}`] });
    sqlite.prepare("update files set label_name = '旧名称'").run();
    const d = await api.getDashboard();
    expect(d.labelsOutOfDateCount).toBe(260);
    expect(d.labelsOutOfDate.length).toBeGreaterThan(0);
    // 600 borrowers: every one can be picked and listed.
    const add = sqlite.prepare("insert into borrowers (name, department, status, created_at, updated_at) values (?, '工程部', 'active', ?, ?)");
    const at = new Date().toISOString();
    for (let i = 0; i < 600; i++) add.run(`借阅人${i}`, at, at);
    expect(await api.listBorrowers({})).toHaveLength(600);
    // 600 approvals decided over the years: 全部 lists every one.
    const ask = sqlite.prepare(
      "insert into approvals (kind, target_type, target_id, summary, reason, required_role, requested_by, requested_at, status) values ('edit_original', 'document', 1, '更正', '核对', 'department_manager', ?, ?, 'rejected')",
    );
    for (let i = 0; i < 600; i++) ask.run(vault.session!.accountId, at);
    // With the 260 new files' reviews.
    expect(await api.listApprovals({})).toHaveLength(860);
  });

  it('answers 工作台 refreshing itself at once: the counts over every file are read behind the answer and again after any change', async () => {
    const { api, file } = await setupStorage();
    const fileId = await file('张三', 'A-301');
    const settle = async () => {
      for (let i = 0; i < 200; i++) {
        const d = await api.getDashboard({ allowStale: true });
        if (d.countsFresh) return d;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('the counts never settled');
    };
    // Nothing counted yet this session: the answer says so instead of showing zeros.
    const first = await api.getDashboard({ allowStale: true });
    expect(first).toMatchObject({ countsReady: false, countsFresh: false, duties: [] });
    const counted = await settle();
    expect(counted.countsReady).toBe(true);
    const lacking = (d: typeof counted) => d.duties.find((x) => x.duty === 'completeness')!.due;
    expect(lacking(counted)).toBe(1);
    // Nothing changed: the same counts, fresh.
    expect(await api.getDashboard({ allowStale: true })).toMatchObject({ countsFresh: true });
    // The file completed: the next answer still has the counts before, and says they are being read again…
    for (const category of ['basic_record', 'fire_safety', 'fit_out', 'identity', 'emergency_contacts'])
      await api.addDocument({ fileId, category, title: category, docDate: '2026-11-23', pages: 1, isOriginal: true });
    const stale = await api.getDashboard({ allowStale: true });
    expect(stale.countsFresh).toBe(false);
    expect(lacking(stale)).toBe(1);
    // …and soon has the new ones; a call that does not allow stale counts always waits for them.
    expect(lacking(await settle())).toBe(0);
    await api.addDocument({ fileId, category: 'visit', title: '回访', docDate: '2026-11-23', pages: 1, isOriginal: true });
    await api.registerCustomer({ kind: 'tenant', name: '李四', floor: '3', units: ['A-302'] });
    const waited = await api.getDashboard();
    expect(waited).toMatchObject({ countsReady: true, countsFresh: true });
    expect(lacking(waited)).toBe(1);
  });

  it('lets a call that arrives while it is being read be answered between its cards', async () => {
    const { api, file } = await setupStorage();
    await file('张三', 'A-301');
    const finished: string[] = [];
    const home = api.getDashboard().then(() => finished.push('home'));
    // As a request from the screen arrives: a macrotask, after the home screen's reading began.
    const list = new Promise<void>((resolve) =>
      setImmediate(
        () =>
          void api
            .listCustomers({})
            .then(() => void finished.push('list'))
            .then(resolve),
      ),
    );
    await Promise.all([home, list]);
    expect(finished).toEqual(['list', 'home']);
  });

  it('schedules follow-up visits: buyers at 3, 30 and 60 days, others at 3 and 15, across month ends', async () => {
    const ctx = await setupStorage();
    const { api } = ctx;
    const buyer = (await api.registerCustomer({ kind: 'sales', ...admitted, name: '购房客户甲', units: ['S-1'] })).customer.files[0]!.id;
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

describe('follow-up visits, matched to their windows', () => {
  it('matches each visit record to its window: two early records are not the 30-day visit; a visit shows from its window and is late after', async () => {
    const ctx = await setupStorage();
    const { api } = ctx;
    const buyer = (await api.registerCustomer({ kind: 'sales', ...admitted, name: '购房客户丙', units: ['S-9'] })).customer.files[0]!.id;
    const visit = (docDate: string) => api.addDocument({ fileId: buyer, category: 'visit', title: '回访记录', docDate, pages: 1, isOriginal: true });
    // Made 2026-11-23 (local): the 3-day visit is listed from 11-25, due 11-26.
    await travel(ctx, new Date('2026-11-24T09:00:00Z'));
    expect((await api.getDashboard()).followUps).toEqual([]);
    await travel(ctx, new Date('2026-11-25T09:00:00Z'));
    expect((await api.getDashboard()).followUps).toEqual([expect.objectContaining({ fileId: buyer, visit: 1, opens: '2026-11-25', dueDate: '2026-11-26', late: false })]);
    await visit('2026-11-25');
    await visit('2026-11-26');
    // Two records in the first days: the 30-day visit is still owed, listed from day 17 (12-10).
    await travel(ctx, new Date('2026-12-09T09:00:00Z'));
    expect((await api.getDashboard()).followUps).toEqual([]);
    await travel(ctx, new Date('2026-12-10T09:00:00Z'));
    const d = await api.getDashboard();
    expect(d.followUps).toEqual([expect.objectContaining({ visit: 2, opens: '2026-12-10', dueDate: '2026-12-23', late: false })]);
    expect(d.followUpsCount).toBe(1);
    await travel(ctx, new Date('2026-12-24T09:00:00Z'));
    expect((await api.getDashboard()).followUps).toEqual([expect.objectContaining({ visit: 2, late: true })]);
  });

  it('finds a new customer’s 3-day visit in an archive of 100,000 customers, thousands of them older sales files', async () => {
    const ctx = await setupStorage();
    const { api, vault } = ctx;
    const template = (await api.registerCustomer({ kind: 'sales', ...admitted, name: '模板客户', units: ['T-1'] })).customer;
    const fileId = template.files[0]!.id;
    // 99,999 more customers, written straight into the archive (registering them one by one takes
    // minutes): a quarter sales files made a year ago with every visit made, and 2,500 sales files
    // made a year ago that never had a visit (late, and listed as such).
    const db = vault.db();
    const columns = async (table: string) => (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows.map((r) => r.name).filter((n) => n !== 'id');
    const customerColumns = await columns('customers');
    const fileColumns = await columns('files');
    const firstId = Number((await sql<{ m: number }>`select max(id) as m from customers`.execute(db)).rows[0]!.m) + 1;
    const pick = (cols: string[], over: Record<string, string>) => sql.raw(cols.map((c) => over[c] ?? c).join(', '));
    const yearAgo = "'2025-11-01T02:00:00.000Z'";
    await sql`with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 99999)
      insert into customers (${sql.raw(customerColumns.join(', '))})
      select ${pick(customerColumns, { name: "name || '-' || n", kind: "case when n % 4 = 0 or n <= 2500 then 'sales' else 'tenant' end", created_at: yearAgo })}
      from customers, seq where customers.id = ${template.id}`.execute(db);
    await sql`insert into files (${sql.raw(fileColumns.join(', '))})
      select ${pick(fileColumns, { customer_id: `${firstId} + seq.n - 1`, ref_no: "ref_no || '-' || seq.n", created_at: yearAgo, unit: "unit || '-' || seq.n", seq: 'seq.n + 1000', year: '2025' })}
      from files, (with recursive s(n) as (select 1 union all select n + 1 from s where n < 99999) select n from s) as seq where files.id = ${fileId}`.execute(db);
    // Every visit made for the quarter of sales files past the first 2,500.
    for (const day of ['2025-11-04', '2025-12-01', '2025-12-31']) {
      await sql`insert into documents (file_id, category, title, doc_date, pages, is_original, confidentiality, version, created_at, updated_at)
        select f.id, 'visit', '回访记录', ${day}, 1, 1, 'ordinary', 1, f.created_at, f.created_at from files f join customers c on c.id = f.customer_id
        where c.kind = 'sales' and f.created_at = ${'2025-11-01T02:00:00.000Z'} and c.id >= ${firstId + 2500}`.execute(db);
    }
    expect(Number((await sql<{ n: number }>`select count(*) as n from customers`.execute(db)).rows[0]!.n)).toBeGreaterThanOrEqual(100_000);
    await travel(ctx, new Date('2026-11-25T09:00:00Z'));
    const fresh = (await api.registerCustomer({ kind: 'potential', name: '新意向客户', units: ['N-1'] })).customer.files[0]!.id;
    await travel(ctx, new Date('2026-11-27T09:00:00Z'));
    const started = Date.now();
    const d = await api.getDashboard();
    const ms = Date.now() - started;
    // The 2,500 never-visited files are late, the template's visits too; the new customer is there.
    expect(d.followUpsCount).toBe(2500 + 1 + 1);
    expect(d.followUps.length).toBe(50);
    expect(d.followUps.every((f) => f.late)).toBe(true);
    const all = await followUpsDue({ db: vault.db(), clock: ctx.clock, session: vault.session! }, (await readSettings(vault.db())).followUps);
    // Every one is there to page through, and the schedule's list behind the card pages them all.
    expect(all.length).toBe(d.followUpsCount);
    const pages = [];
    for (let page = 1; page <= 6; page++) pages.push(...(await api.listFollowUps({ followUp: 'buyer', state: 'late', page, pageSize: 500 })).rows);
    expect(pages.length).toBe(2500 + 1);
    expect(new Set(pages.map((p) => p.fileId)).size).toBe(2501);
    expect(nextFollowUp('2026-11-25', [3, 15], [], '2026-11-27')).toMatchObject({ visit: 1, opens: '2026-11-27', late: false });
    expect(fresh).toBeGreaterThan(0);
    expect(ms).toBeLessThan(10_000);
  }, 120_000);
});
