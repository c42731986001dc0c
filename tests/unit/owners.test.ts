import { describe, expect, it } from 'vitest';
import { customerWorkbook, failureCode, makeVault, openDesk, readAudit, settleJob, tempDir } from './helpers';

// 客户负责人 (003 §14 一7-8, 004): each customer's responsible person is one of the staff; a
// leaver's customers are handed over in one step, recorded customer by customer, and nobody
// leaves still responsible for customers (003 §14 12).

async function desk() {
  const ctx = makeVault(tempDir());
  await openDesk(ctx);
  const { api } = ctx;
  const chen = await api.saveBorrower({ name: '陈静', department: '客服部' });
  const zhou = await api.saveBorrower({ name: '周磊', department: '客服部' });
  const gone = await api.saveBorrower({ name: '吴涛', department: '工程部' });
  await api.markBorrowerLeft({ borrowerId: gone.id });
  return { ...ctx, chen, zhou, gone };
}

describe('responsible person', () => {
  it('is current staff, kept by a sheet re-import, cleared only when asked', async () => {
    const { api, chen, gone } = await desk();
    expect(await failureCode(api.registerCustomer({ kind: 'tenant', name: '华联便利店', units: ['A-101'], ownerId: gone.id }))).toBe('OWNER_NOT_ACTIVE');
    expect(await failureCode(api.registerCustomer({ kind: 'tenant', name: '华联便利店', units: ['A-101'], ownerId: 99_999 }))).toBe('OWNER_NOT_ACTIVE');
    expect((await api.listCustomers({})).total).toBe(0);

    const { customer } = await api.registerCustomer({ kind: 'tenant', name: '华联便利店', units: ['A-101'], ownerId: chen.id });
    expect(customer).toMatchObject({ ownerId: chen.id, ownerName: '陈静', handovers: [] });
    // An update that does not name the owner (a sheet without the column) keeps it.
    const kept = await api.updateCustomer({ customerId: customer.id, kind: 'tenant', name: '华联便利店', units: ['A-101'], phone: '0755-8888 1234' });
    expect(kept.ownerName).toBe('陈静');
    expect(await failureCode(api.updateCustomer({ customerId: customer.id, kind: 'tenant', name: '华联便利店', units: ['A-101'], ownerId: gone.id }))).toBe('OWNER_NOT_ACTIVE');
    const cleared = await api.updateCustomer({ customerId: customer.id, kind: 'tenant', name: '华联便利店', units: ['A-101'], ownerId: null });
    expect(cleared).toMatchObject({ ownerId: null, ownerName: null });
    expect((await api.listBorrowers({})).find((b) => b.id === chen.id)?.owns).toBe(0);
  });

  it('hands every customer of a leaver over in one step, far beyond a page, audited; a refused leave changes nothing', async () => {
    const { api, vault, chen, zhou, gone } = await desk();
    const { jobId } = await api.startCustomerImport({ fileBase64: await customerWorkbook(1200) });
    expect(await settleJob(api, jobId, 'customer-import')).toMatchObject({ state: 'done', result: { imported: 1200 } });
    const ids = (await vault.db().selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
    // As a desk going live sets them: every imported customer is 陈静's.
    await vault.db().updateTable('customers').set({ owner_id: chen.id }).execute();
    const owns = async (id: number) => (await api.listBorrowers({ includeLeft: true })).find((b) => b.id === id)!;
    expect((await owns(chen.id)).owns).toBe(1200);
    expect((await api.listCustomers({ ownerId: chen.id, pageSize: 50 })).total).toBe(1200);

    // Leaving without saying who takes them over, or to someone who cannot, is refused and writes nothing.
    expect(await failureCode(api.markBorrowerLeft({ borrowerId: chen.id }))).toBe('BORROWER_OWNS_CUSTOMERS');
    expect(await failureCode(api.markBorrowerLeft({ borrowerId: chen.id, customersTo: gone.id }))).toBe('OWNER_NOT_ACTIVE');
    expect(await failureCode(api.markBorrowerLeft({ borrowerId: chen.id, customersTo: chen.id }))).toBe('HANDOVER_TO_SELF');
    expect(await failureCode(api.handOverCustomers({ fromBorrowerId: chen.id, toBorrowerId: zhou.id, reason: '调岗', customerIds: [ids[0]!, 99_999] }))).toBe('NOTHING_TO_HAND_OVER');
    expect(await owns(chen.id)).toMatchObject({ owns: 1200, status: 'active' });
    expect(await vault.db().selectFrom('customer_handovers').select('id').execute()).toEqual([]);
    expect(await vault.db().selectFrom('customer_handover_items').select('customer_id').execute()).toEqual([]);
    expect((await readAudit({ action: 'customer.handed_over' })).rows).toEqual([]);
    expect((await readAudit({ action: 'borrower.left' })).rows).toHaveLength(1);

    // A few go by hand first, then the rest as she leaves.
    expect(await api.handOverCustomers({ fromBorrowerId: chen.id, toBorrowerId: zhou.id, reason: '调整片区', customerIds: ids.slice(0, 2) })).toEqual({ customers: 2 });
    const left = await api.markBorrowerLeft({ borrowerId: chen.id, customersTo: zhou.id });
    expect(left).toMatchObject({ status: 'left', owns: 0 });
    expect((await owns(zhou.id)).owns).toBe(1200);
    expect((await api.listCustomers({ ownerId: chen.id })).total).toBe(0);
    expect(await vault.db().selectFrom('customers').select('id').where('owner_id', 'is', null).execute()).toEqual([]);

    // Each customer keeps its changes of responsible person, newest first.
    const first = await api.getCustomer({ customerId: ids[0]! });
    expect(first.handovers.map((h) => [h.fromName, h.toName, h.reason])).toEqual([['陈静', '周磊', '调整片区']]);
    const last = await api.getCustomer({ customerId: ids.at(-1)! });
    expect(last).toMatchObject({ ownerName: '周磊', handovers: [{ fromName: '陈静', toName: '周磊', reason: '', accountName: '王芳' }] });

    const audit = (await readAudit({ action: 'customer.handed_over' })).rows;
    expect(audit.map((r) => r.summary)).toEqual([
      '王芳移交了借阅人 陈静（客服部）负责的客户。接手人：周磊，客户数：1198。',
      '王芳移交了借阅人 陈静（客服部）负责的客户。接手人：周磊，客户数：2，原因：调整片区。',
    ]);
  }, 180_000);

  it('refuses a hand-over of nothing, in words', async () => {
    const { dispatch, chen, zhou } = await desk();
    const hostile = await dispatch('handOverCustomers', { fromBorrowerId: chen.id, toBorrowerId: zhou.id, reason: '', customerIds: [] });
    expect(hostile).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // Each field is named in words beside the path the form marks.
    expect(hostile.ok === false && hostile.error.details?.issues).toEqual([expect.objectContaining({ label: '原因' }), expect.objectContaining({ label: '客户' })]);
  });
});
