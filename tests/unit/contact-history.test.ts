import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { customerWorkbook, makeVault, openDesk, settleJob, travel } from './helpers';
import ExcelJS from 'exceljs';

// 002 ch.3 维护 3 (issue 21, item 8): a change to the contacts or emergency contacts is kept, with
// the list before and after, who and when; an edit that leaves them alone is not a change.

describe('contact history (联系人变更记录)', () => {
  it('keeps each change of the contacts and of the emergency contacts, newest first, and none for an edit that leaves them', async () => {
    const ctx = makeVault();
    await openDesk(ctx);
    const { api } = ctx;
    const base = { kind: 'tenant' as const, name: '华腾科技', units: ['A-1201'] };
    const { customer } = await api.registerCustomer({ ...base, contacts: [{ name: '刘经理', title: '行政经理', phone: '13800000001' }] });
    expect(customer.contactChanges).toEqual([]);
    const customerId = customer.id;

    await travel(ctx, 60_000);
    await api.updateCustomer({ customerId, ...base, contacts: [{ name: '刘经理', title: '行政经理', phone: '13800000001' }], notes: '只改备注' });
    expect((await api.getCustomer({ customerId })).contactChanges).toEqual([]);

    await api.updateCustomer({ customerId, ...base, contacts: [{ name: '陈主任', phone: '13900000002' }] });
    await travel(ctx, 60_000);
    await api.updateCustomer({ customerId, ...base, contacts: [{ name: '陈主任', phone: '13900000002' }], emergencyContacts: [{ name: '张保安', phone: '13700000003' }] });
    const changes = (await api.getCustomer({ customerId })).contactChanges;
    expect(changes.map((c) => [c.kind, c.before, c.after, c.accountName])).toEqual([
      ['emergency', [], [{ name: '张保安', phone: '13700000003' }], '王芳'],
      ['contact', [{ name: '刘经理', title: '行政经理', phone: '13800000001' }], [{ name: '陈主任', phone: '13900000002' }], '王芳'],
    ]);
    expect(changes[0]!.at > changes[1]!.at).toBe(true);
  });

  it('keeps a change a sheet import makes, and the archive keeps the rows at rest', async () => {
    const ctx = makeVault();
    await openDesk(ctx);
    const { api, vault } = ctx;
    const { jobId } = await api.startCustomerImport({ fileBase64: await customerWorkbook(3) });
    await settleJob(api, jobId, 'customer-import');
    const [first] = (await api.listCustomers({ pageSize: 3 })).rows;
    const detail = await api.getCustomer({ customerId: first!.customerId });
    // The same customer again, by 档号, now with a contact.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['档号', '客户名称', '客户类型', '单元号', '联系人', '联系人电话']);
    sheet.addRow([detail.files[0]!.refNo, detail.name, '租户', detail.units[0], '周会计', '13600000004']);
    const again = await api.startCustomerImport({ fileBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(await settleJob(api, again.jobId, 'customer-import')).toMatchObject({ state: 'done' });
    const changes = (await api.getCustomer({ customerId: detail.id })).contactChanges;
    expect(changes).toHaveLength(1);
    expect(changes[0]!.after).toEqual([expect.objectContaining({ name: '周会计' })]);
    const rows = await sql<{ n: number }>`select count(*) as n from contact_changes`.execute(vault.db());
    expect(Number(rows.rows[0]!.n)).toBe(1);
  });
});
