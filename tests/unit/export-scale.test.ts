import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setupStorage } from './storage-fixture';

describe('the customer export at scale', () => {
  it('writes every one of 100,000 customers with every register field, none dropped', async () => {
    const { api, vault } = await setupStorage();
    const template = (
      await api.registerCustomer({
        kind: 'tenant',
        name: '模板租户',
        address: '滨江路 88 号',
        building: 'A座',
        floor: '3',
        units: ['T-1'],
        moveInDate: '2020-03-01',
        contacts: [{ name: '陈经理', title: '店长', phone: '13911112222' }],
        emergencyContacts: [{ name: '周太太', phone: '13833334444' }],
      })
    ).customer;
    const db = vault.db();
    const columns = async (table: string) => (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows.map((r) => r.name).filter((n) => n !== 'id');
    const pick = (cols: string[], over: Record<string, string>) => sql.raw(cols.map((c) => over[c] ?? c).join(', '));
    const firstId = template.id + 1;
    const seq = sql.raw('(with recursive s(n) as (select 1 union all select n + 1 from s where n < 99999) select n from s) as seq');
    const customerColumns = await columns('customers');
    await sql`insert into customers (${sql.raw(customerColumns.join(', '))}) select ${pick(customerColumns, { name: "name || '-' || seq.n" })} from customers, ${seq} where customers.id = ${template.id}`.execute(
      db,
    );
    const fileColumns = await columns('files');
    await sql`insert into files (${sql.raw(fileColumns.join(', '))}) select ${pick(fileColumns, { customer_id: `${firstId} + seq.n - 1`, ref_no: "ref_no || '-' || seq.n", unit: "unit || '-' || seq.n", seq: 'seq.n + 1000' })} from files, ${seq} where files.customer_id = ${template.id}`.execute(
      db,
    );
    const contactColumns = await columns('customer_contacts');
    await sql`insert into customer_contacts (${sql.raw(contactColumns.join(', '))}) select ${pick(contactColumns, { customer_id: `${firstId} + seq.n - 1` })} from customer_contacts, ${seq} where customer_contacts.customer_id = ${template.id}`.execute(
      db,
    );
    const started = Date.now();
    const exported = await api.exportCustomers({});
    const ms = Date.now() - started;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 100_000);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const last = sheet.getRow(sheet.rowCount);
    const cell = (h: string) => last.getCell(headers.indexOf(h) + 1).value;
    expect([cell('地址'), cell('入住日期'), cell('联系人'), cell('紧急联系人'), cell('紧急联系电话')]).toEqual(['滨江路 88 号', '2020-03-01', '陈经理', '周太太', '13833334444']);
    console.log(`export of 100,000 customers: ${ms} ms, ${(exported.dataBase64.length / 1.37 / 1048576).toFixed(1)} MB`);
    expect(ms).toBeLessThan(60_000);
  }, 300_000);
});
