import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { failureCode, makeVault, openDesk, readAudit, tempDir } from './helpers';

// The blacklist takes effect (004 四.1 d): a name, phone or licence number met again is registered
// only once the clerk has seen whose it is; a sales customer is taken on after the admission
// criteria are checked; a closed customer (淘汰) says why, and goes on the blacklist when asked.

async function desk() {
  const ctx = makeVault(tempDir());
  await openDesk(ctx);
  const { api } = ctx;
  const { customer: bad } = await api.registerCustomer({ kind: 'tenant', name: '鑫达贸易有限公司', units: ['B-201'], phone: '0755-8888 1234', licenceNo: '91440300MA5F' });
  await api.changeClassification({
    customerId: bad.id,
    classification: 'ordinary',
    valueGrade: null,
    specialTags: [],
    blacklisted: true,
    blacklistReason: '拖欠租金两年并恶意退租',
    reason: '经理办公会决定',
  });
  return { ...ctx, bad };
}

const sheet = async (rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['客户名称', '客户类型', '楼栋', '楼层', '单元号', '电话']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
};

describe('the blacklist', () => {
  it('stops a blacklisted name, phone or licence number at registration until confirmed, in words, and logs the confirmed one', async () => {
    const { api, dispatch } = await desk();
    const byPhone = await dispatch('registerCustomer', { kind: 'tenant', name: '鑫达商贸', units: ['C-101'], phone: '075588881234' });
    expect(byPhone).toMatchObject({ ok: false, error: { code: 'BLACKLIST_MATCH' } });
    expect(byPhone.ok === false && byPhone.error.message).toBe('“075588881234”与客户黑名单上的“鑫达贸易有限公司”相同（列入原因：拖欠租金两年并恶意退租）。确认后仍可登记。');
    expect(await failureCode(api.registerCustomer({ kind: 'tenant', name: '鑫达贸易有限公司', units: ['C-102'] }))).toBe('BLACKLIST_MATCH');
    expect(await failureCode(api.registerCustomer({ kind: 'tenant', name: '新名字', units: ['C-103'], licenceNo: '91440300ma5f' }))).toBe('BLACKLIST_MATCH');
    expect((await api.listCustomers({})).total).toBe(1);

    const { customer } = await api.registerCustomer({ kind: 'tenant', name: '鑫达商贸', units: ['C-101'], phone: '075588881234', allowBlacklisted: true });
    const registered = (await readAudit({ action: 'customer.registered' })).rows.find((r) => r.targetId === String(customer.id))!;
    expect(registered.summary).toContain('与黑名单客户相同：鑫达贸易有限公司');
    // Editing it again without touching name, phone or licence asks nothing more; changing the phone to another listed one does.
    await api.updateCustomer({ customerId: customer.id, kind: 'tenant', name: '鑫达商贸', units: ['C-101'], phone: '075588881234', notes: '押金已退' });
    const other = (await api.registerCustomer({ kind: 'tenant', name: '华联便利店', units: ['C-105'] })).customer;
    expect(await failureCode(api.updateCustomer({ customerId: other.id, kind: 'tenant', name: '华联便利店', units: ['C-105'], phone: '0755 8888-1234' }))).toBe('BLACKLIST_MATCH');
  });

  it('names a blacklisted row of a sheet as an issue and imports nothing', async () => {
    const { api } = await desk();
    const preview = await api.previewCustomerImport({
      fileBase64: await sheet([
        ['王五', '租户', 'A座', '3', 'A-301', ''],
        ['鑫达贸易有限公司', '租户', 'A座', '3', 'A-302', ''],
      ]),
    });
    expect(preview.issues).toEqual([expect.objectContaining({ row: 3, code: 'BLACKLISTED', value: '鑫达贸易有限公司（鑫达贸易有限公司）' })]);
    expect(preview.ready).toBe(false);
  });

  it('warns when a transfer or an export includes a blacklisted customer', async () => {
    const { api, bad } = await desk();
    const plain = (await api.registerCustomer({ kind: 'tenant', name: '王五', units: ['A-301'] })).customer;
    const exported = await api.exportCustomers({});
    expect(exported.blacklisted).toBe(1);
    expect((await api.exportCustomers({ query: '王五' })).blacklisted).toBe(0);
    expect((await readAudit({ action: 'customers.exported' })).rows.at(-1)!.summary).toContain('其中黑名单客户：1');
    const transfer = await api.requestTransfer({
      fileIds: [bad.files[0]!.id, plain.files[0]!.id],
      fromDepartment: '客服部',
      toDepartment: '法务部',
      fromHandler: '王芳',
      toHandler: '李律师',
      reason: '诉讼',
    });
    expect(transfer.files.map((f) => [f.name, f.blacklisted])).toEqual([
      ['鑫达贸易有限公司', true],
      ['王五', false],
    ]);
    // The approver sees it too.
    const approvals = await api.listApprovals({ status: 'pending' });
    expect(approvals.find((x) => x.id === transfer.approvalId)?.blacklisted).toEqual(['鑫达贸易有限公司']);
  });

  it('lists the blacklist a page at a time with the reason, whatever its length', async () => {
    const { api, vault } = await desk();
    // 1,200 more listed, as a desk going live from a paper blacklist would have them.
    const at = new Date().toISOString();
    await vault
      .db()
      .insertInto('customers')
      .values(
        Array.from({ length: 1200 }, (_, i) => ({
          kind: 'sales' as const,
          name: `黑名单客户${i}`,
          name_pinyin: '',
          classification: 'ordinary' as const,
          special_tags: '[]',
          blacklisted: 1,
          blacklist_reason: '虚假资质',
          blacklisted_at: at,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    const first = await api.listBlacklist({ pageSize: 500 });
    expect(first.total).toBe(1201);
    const pages = [first, await api.listBlacklist({ page: 2, pageSize: 500 }), await api.listBlacklist({ page: 3, pageSize: 500 })];
    expect(new Set(pages.flatMap((p) => p.rows.map((r) => r.customerId))).size).toBe(1201);
    expect((await api.listBlacklist({ query: '恶意' })).rows).toEqual([expect.objectContaining({ name: '鑫达贸易有限公司', reason: '拖欠租金两年并恶意退租', phone: '0755-8888 1234' })]);
  });
});

describe('admission and closing', () => {
  it('takes a sales customer on only with every admission criterion checked, and records who checked what', async () => {
    const { api } = await desk();
    const criteria = (await api.getSettings()).customerLists.admission;
    expect(criteria.length).toBeGreaterThan(2);
    const lacking = await failureCode(api.registerCustomer({ kind: 'sales', name: '康复器械经销商', admissionChecks: criteria.slice(1) }));
    expect(lacking).toBe('ADMISSION_INCOMPLETE');
    const { customer } = await api.registerCustomer({ kind: 'sales', name: '康复器械经销商', admissionChecks: criteria });
    expect(customer.admission).toMatchObject({ accountName: '王芳', checks: criteria });
    // A potential customer needs none until it becomes a sales customer.
    const { customer: lead } = await api.registerCustomer({ kind: 'potential', name: '意向客户' });
    expect(lead.admission).toBeNull();
    expect(await failureCode(api.updateCustomer({ customerId: lead.id, kind: 'sales', name: '意向客户' }))).toBe('ADMISSION_INCOMPLETE');
    expect((await api.updateCustomer({ customerId: lead.id, kind: 'sales', name: '意向客户', admissionChecks: criteria })).admission?.checks).toEqual(criteria);
    expect((await readAudit({ action: 'customer.admitted' })).rows.map((r) => r.summary)[0]).toMatch(/^王芳完成了客户“?意向客户.*的准入审核。已确认：/);
    // A property customer is not asked.
    expect((await api.registerCustomer({ kind: 'tenant', name: '租户甲', units: ['A-1'] })).customer.admission).toBeNull();
  });

  it('closes a customer with its reason, onto the blacklist when asked, and reopens it; refused twice in words', async () => {
    const { api } = await desk();
    const { customer } = await api.registerCustomer({ kind: 'sales', name: '假资质经销商', phone: '13912345678', admissionChecks: (await api.getSettings()).customerLists.admission });
    const closed = await api.closeCustomer({ customerId: customer.id, reason: '提供虚假资质', blacklist: true });
    expect(closed).toMatchObject({ closedReason: '提供虚假资质', blacklisted: true, blacklistReason: '提供虚假资质' });
    expect(closed.classificationHistory.map((h) => h.field)).toContain('blacklist');
    expect(await failureCode(api.closeCustomer({ customerId: customer.id, reason: '再次' }))).toBe('CUSTOMER_CLOSED');
    expect((await api.listCustomers({ closed: true })).rows.map((r) => r.name)).toEqual(['假资质经销商']);
    expect((await api.listCustomers({ closed: false })).rows.map((r) => r.name)).toEqual(['鑫达贸易有限公司']);
    // Met again by its phone.
    expect(await failureCode(api.registerCustomer({ kind: 'potential', name: '另一家', phone: '139 1234 5678' }))).toBe('BLACKLIST_MATCH');

    const reopened = await api.reopenCustomer({ customerId: customer.id, reason: '资质已补正' });
    expect(reopened).toMatchObject({ closedAt: null, closedReason: null, blacklisted: true });
    expect(await failureCode(api.reopenCustomer({ customerId: customer.id, reason: '再次' }))).toBe('CUSTOMER_NOT_CLOSED');
    const log = (await readAudit({ text: '假资质经销商' })).rows.map((r) => r.summary);
    expect(log.some((s) => s.includes('列为淘汰客户') && s.includes('原因：提供虚假资质'))).toBe(true);
    expect(log.some((s) => s.includes('恢复了已淘汰的') && s.includes('原因：资质已补正'))).toBe(true);
  });
});
