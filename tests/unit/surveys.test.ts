import { describe, expect, it } from 'vitest';
import { satisfactionQuestions } from '../../shared/record-kinds';
import { makeVault, openDesk, readAudit, travel, admitted } from './helpers';

// Surveys and relationships as desk records (issue 19 item 6): a survey starts from the customer's
// register, the newest survey of a file is the current one, its re-survey date brings it to
// 工作台 a month ahead, and a visit card counts as the follow-up visit the schedule asks for.

async function setup(start = new Date('2026-11-23T01:00:00Z')) {
  const ctx = makeVault(undefined, start);
  await openDesk(ctx);
  const { customer } = await ctx.api.registerCustomer({
    kind: 'tenant',
    name: '华腾科技有限公司',
    units: ['A-1201'],
    building: 'A座',
    floor: '12',
    phone: '021-5555-0101',
    address: '上海市浦东新区世纪大道100号',
    fax: '021-5555-0102',
    legalRepresentative: '陈建华',
    businessScope: '软件开发、技术咨询',
    staffCount: 85,
    relationshipStart: '2024-03-01',
    paymentTerms: '季度预付',
    creditGrade: 'A',
    contacts: [{ name: '刘经理', title: '行政经理', phone: '13800000001' }],
  });
  return { ...ctx, fileId: customer.files[0]!.id, customerId: customer.id };
}

describe('surveys and relationships', () => {
  it('start a customer survey and a credit survey from the customer’s register, the clerk and the day', async () => {
    const { api, fileId } = await setup();
    expect(await api.draftRecord({ kind: 'customer-survey', fileId })).toMatchObject({
      customerName: '华腾科技有限公司',
      address: '上海市浦东新区世纪大道100号',
      phone: '13800000001',
      fax: '021-5555-0102',
      legalRep: '陈建华',
      contact: '刘经理',
      contactTitle: '行政经理',
      businessScope: '软件开发、技术咨询',
      employees: 85,
      paymentWay: '季度预付',
      relationSince: '2024-03-01',
      surveyedOn: '2026-11-23',
      surveyor: '王芳',
    });
    const credit = await api.draftRecord({ kind: 'credit-survey', fileId });
    expect(credit).toMatchObject({ customerName: '华腾科技有限公司', principal: '陈建华', creditGrade: 'A', paymentChoice: '季度预付', tradeSince: '2024-03-01' });
    // Every answer of the sheet is kept: the credit decided, the premises, the trade by goods.
    const saved = await api.saveRecord({
      kind: 'credit-survey',
      fileId,
      fields: {
        ...credit,
        bankCredit: 'good',
        paymentAttitude: 'prompt',
        capital: 5_000_000,
        licenceNo: '91310115MA1K000000',
        creditScore: 86,
        creditLimit: 200_000,
        guaranteed: true,
        guarantee: '母公司担保',
        trades: [{ item: '办公租赁', brand: '—', monthlyAmount: 120000.5, yearlyAmount: 1446006 }],
      },
    });
    expect(saved.recordNo).toBe('XD-2026-0001');
    expect(saved.fields).toMatchObject({ creditScore: 86, creditLimit: 200_000, guaranteed: true, trades: [expect.objectContaining({ item: '办公租赁', monthlyAmount: 120000.5 })] });
    expect(saved.status).toBe('current');
  });

  it('keep the newest survey of a file as the current one: the one before is closed, says which replaced it, and stays readable', async () => {
    const { api, fileId } = await setup();
    const fields = async (extra: Record<string, unknown>) => ({ ...(await api.draftRecord({ kind: 'customer-survey', fileId })), ...extra });
    const first = await api.saveRecord({ kind: 'customer-survey', fileId, fields: await fields({ businessTrend: 'growing', resurveyBy: '2027-05-23' }) });
    const second = await api.saveRecord({ kind: 'customer-survey', fileId, fields: await fields({ businessTrend: 'stable', resurveyBy: '2027-11-23' }) });
    const before = await api.getRecord({ recordId: first.id });
    expect([before.status, before.fields.businessTrend, before.closedAt !== null]).toEqual(['superseded', 'growing', true]);
    expect(before.events).toEqual([expect.objectContaining({ move: 'supersede', fromStatus: 'current', toStatus: 'superseded', note: second.recordNo, accountName: '王芳' })]);
    expect((await api.getRecord({ recordId: second.id })).status).toBe('current');
    // Another customer's survey does not replace this one's.
    const other = (await api.registerCustomer({ kind: 'tenant', name: '蓝海咨询', units: ['B-501'] })).customer.files[0]!.id;
    await api.saveRecord({ kind: 'customer-survey', fileId: other, fields: { ...(await api.draftRecord({ kind: 'customer-survey', fileId: other })) } });
    expect((await api.getRecord({ recordId: second.id })).status).toBe('current');
    const sentences = (await readAudit({ group: 'record' })).rows.map((r) => r.summary);
    expect(sentences).toEqual(expect.arrayContaining([expect.stringMatching(/^王芳登记了新的记录，客户信息调查表 DC-2026-0001（档案 .+）不再是现行记录。新记录：DC-2026-0002/)]));
  });

  it('bring a survey to 工作台 a month before its re-survey date, and late after it', async () => {
    const ctx = await setup();
    const { api, fileId } = ctx;
    const draft = await api.draftRecord({ kind: 'credit-survey', fileId });
    await api.saveRecord({ kind: 'credit-survey', fileId, fields: { ...draft, resurveyBy: '2027-02-01' } });
    const count = async () => (await api.openRecords()).find((c) => c.kind === 'credit-survey');
    // 70 days ahead: on file, not yet on 工作台.
    expect(await count()).toMatchObject({ open: 1, dueSoon: 0, overdue: 0 });
    await travel(ctx, new Date('2027-01-03T01:00:00Z'));
    expect(await count()).toMatchObject({ open: 1, dueSoon: 1, overdue: 0 });
    // 1 February has begun in Shanghai at 00:30 (still 31 January in UTC): due today, not late.
    await travel(ctx, new Date('2027-01-31T16:30:00Z'));
    expect(await count()).toMatchObject({ dueSoon: 1, overdue: 0 });
    await travel(ctx, new Date('2027-02-01T16:30:00Z'));
    expect(await count()).toMatchObject({ dueSoon: 1, overdue: 1 });
    expect((await api.listRecords({ kind: 'credit-survey', overdue: true })).rows.map((r) => r.recordNo)).toEqual(['XD-2026-0001']);
    // Surveyed again: the new one is current and not due; nothing is late.
    const again = await api.draftRecord({ kind: 'credit-survey', fileId });
    await api.saveRecord({ kind: 'credit-survey', fileId, fields: { ...again, resurveyBy: '2028-02-01' } });
    expect(await count()).toMatchObject({ open: 1, dueSoon: 0, overdue: 0 });
  });

  it('count a visit card as the follow-up visit the schedule owes, on the desk’s local day', async () => {
    const ctx = await setup();
    const { api } = ctx;
    const buyer = (await api.registerCustomer({ kind: 'sales', ...admitted, name: '购房客户甲', units: ['S-1'] })).customer.files[0]!.id;
    // Made 2026-11-23: the 3-day visit is listed from 11-25.
    await travel(ctx, new Date('2026-11-25T02:00:00Z'));
    const owed = async () => (await api.getDashboard()).followUps.filter((f) => f.fileId === buyer).map((f) => [f.visit, f.dueDate]);
    expect(await owed()).toEqual([[1, '2026-11-26']]);
    const card = await api.draftRecord({ kind: 'visit', fileId: buyer });
    expect(card).toMatchObject({ visitedOn: '2026-11-25', visitor: '王芳', met: '购房客户甲' });
    await api.saveRecord({ kind: 'visit', fileId: buyer, fields: { ...card, way: 'phone', decisionPower: 'full', needs: '想了解交房时间', promises: '一周内书面答复', nextStep: '寄送交房通知' } });
    expect(await owed()).toEqual([]);
    // The 30-day visit: a card entered at 00:20 on 12-10 in Shanghai (12-09 in UTC) is that day's.
    await travel(ctx, new Date('2026-12-09T16:20:00Z'));
    expect(await owed()).toEqual([[2, '2026-12-23']]);
    await api.saveRecord({ kind: 'visit', fileId: buyer, fields: { ...(await api.draftRecord({ kind: 'visit', fileId: buyer })), way: 'onSite' } });
    expect(await owed()).toEqual([]);
    expect((await api.fileRecords({ fileId: buyer })).map((r) => [r.kind, r.fields.visitedOn])).toEqual([
      ['visit', '2026-12-10'],
      ['visit', '2026-11-25'],
    ]);
  });

  it('count the year’s satisfaction sheets in 报表 question by question and by building, the least satisfied item named', async () => {
    const { api, fileId } = await setup();
    const other = (await api.registerCustomer({ kind: 'tenant', name: '蓝海咨询', units: ['B-501'], building: 'B座', floor: '5' })).customer.files[0]!.id;
    const all = (answer: string) => Object.fromEntries(satisfactionQuestions.map((q) => [q, answer]));
    const sheet = async (file: number, answers: Record<string, string>) =>
      api.saveRecord({ kind: 'satisfaction-survey', fileId: file, fields: { ...(await api.draftRecord({ kind: 'satisfaction-survey', fileId: file })), ...answers } });
    await sheet(fileId, { ...all('verySatisfied'), prices: 'unsatisfied' });
    await sheet(fileId, { ...all('satisfied'), prices: 'fair', overall: 'fair' });
    await sheet(other, { ...all('satisfied'), prices: 'veryUnsatisfied' });
    const report = await api.getReport({ report: 'satisfaction', from: '2026-01-01', to: '2026-12-31' });
    expect(report.figures).toEqual([
      { label: '收回调查表', value: '3' },
      { label: '参与客户', value: '2' },
      { label: '总体满意率', value: '66.7%' },
      { label: '满意率最低的项目', value: '收费价格（0%）' },
    ]);
    const byQuestion = report.sections.find((s) => s.id === 'satisfaction-by-question')!;
    expect(byQuestion.table.rows.find((r) => r.question === '收费价格')).toEqual({
      question: '收费价格',
      verySatisfied: 0,
      satisfied: 0,
      fair: 1,
      unsatisfied: 1,
      veryUnsatisfied: 1,
      answered: 3,
      rate: 0,
    });
    expect(byQuestion.table.rows.find((r) => r.question === '服务质量')).toMatchObject({ verySatisfied: 1, satisfied: 2, answered: 3, rate: 100 });
    const byPlace = report.sections.find((s) => s.id === 'satisfaction-by-place')!;
    expect(byPlace.table.rows).toEqual([
      { place: 'A座 12F', sheets: 2, rate: 50 },
      { place: 'B座 5F', sheets: 1, rate: 100 },
    ]);
  });
});

describe('the customer’s own sheets (qms-pm-31301, 31302)', () => {
  it('keep the signed registration and the emergency contacts as the customer gave them, the contacts filled in from the register', async () => {
    const { api, fileId, customerId } = await setup();
    const registration = await api.draftRecord({ kind: 'file-registration', fileId });
    expect(registration).toMatchObject({
      customerName: '华腾科技有限公司',
      building: 'A座',
      floor: '12',
      unit: 'A-1201',
      legalRep: '陈建华',
      contacts: [{ name: '刘经理', title: '行政经理', phone: '13800000001' }],
    });
    const kept = await api.saveRecord({ kind: 'file-registration', fileId, fields: { ...registration, papers: '营业执照复印件、租赁合同' } });
    expect(kept.recordNo).toBe('DA-2026-0001');
    // The register changes later; the record keeps what was signed.
    await api.updateCustomer({
      customerId,
      name: '华腾科技（上海）有限公司',
      kind: 'tenant',
      units: ['A-1201'],
      building: 'A座',
      floor: '12',
      emergencyContacts: [{ name: '陈太太', title: '配偶', phone: '13900000009' }],
    });
    expect((await api.getRecord({ recordId: kept.id })).fields.customerName).toBe('华腾科技有限公司');
    const emergency = await api.draftRecord({ kind: 'emergency-contacts', fileId });
    expect(emergency).toMatchObject({ customerName: '华腾科技（上海）有限公司', contacts: [{ name: '陈太太', title: '配偶', phone: '13900000009' }] });
    const first = await api.saveRecord({ kind: 'emergency-contacts', fileId, fields: emergency });
    await api.saveRecord({ kind: 'emergency-contacts', fileId, fields: { ...emergency, contacts: [{ name: '陈太太', title: '配偶', phone: '13900000010' }] } });
    expect((await api.getRecord({ recordId: first.id })).status).toBe('superseded');
  });
});
