import { describe, expect, it } from 'vitest';
import { defaultFollowUpSettings, nextRecurringVisit, type FollowUpSettings } from '../../shared/follow-ups';
import { admitted, asAdmin, failureCode, makeVault, openDesk, travel } from './helpers';

// 回访 as schedules of 设置 (issue 21, item 4): per customer kind and class, the 顾服主管医生's own
// visits, and recurring visits by value grade, each shown from its window's start and late after.

async function setup() {
  const ctx = makeVault();
  await openDesk(ctx);
  const { api } = ctx;
  const schedules = async (change: (s: FollowUpSettings) => void) => {
    const next = structuredClone((await api.getSettings()).followUps);
    change(next);
    await asAdmin(() => api.updateSettings({ followUps: next }));
  };
  const owed = async (fileId?: number) => (await api.getDashboard()).followUps.filter((f) => fileId === undefined || f.fileId === fileId).map((f) => [f.followUp, f.visit, f.dueDate, f.late] as const);
  const visitDocument = (fileId: number, docDate: string) => api.addDocument({ fileId, category: 'visit', title: '回访记录', docDate, pages: 1, isOriginal: true });
  const visitCard = async (fileId: number, visitorRole?: string) =>
    api.saveRecord({ kind: 'visit', fileId, fields: { ...(await api.draftRecord({ kind: 'visit', fileId })), way: 'phone', ...(visitorRole ? { visitorRole } : {}) } });
  return { ...ctx, schedules, owed, visitDocument, visitCard };
}

describe('follow-up schedules (回访计划)', () => {
  it('start with the seeds’ values, and a changed schedule in 设置 is what 工作台 counts at once', async () => {
    const ctx = await setup();
    const { api, schedules, owed } = ctx;
    expect((await api.getSettings()).followUps).toEqual(defaultFollowUpSettings);
    const prospect = (await api.registerCustomer({ kind: 'potential', name: '意向客户乙', units: ['S-2'] })).customer.files[0]!.id;
    // Made 2026-11-23 (local; 22 November in UTC at 02:20 in Shanghai). Day 2: the 3-day visit shows.
    await travel(ctx, new Date('2026-11-24T17:00:00Z'));
    expect(await owed(prospect)).toEqual([['non_buyer', 1, '2026-11-26', false]]);
    // The office visits prospects once, within 7 days: shown from day 4, typed in any order.
    await schedules((s) => (s.schedules.non_buyer.days = [7]));
    expect((await api.getSettings()).followUps.schedules.non_buyer.days).toEqual([7]);
    expect(await owed(prospect)).toEqual([]);
    await travel(ctx, new Date('2026-11-26T17:00:00Z'));
    expect(await owed(prospect)).toEqual([['non_buyer', 1, '2026-11-30', false]]);
    // Month end: 30 November is the last day; 1 December (00:30 in Shanghai, 30 November in UTC) it is late.
    await travel(ctx, new Date('2026-11-30T16:30:00Z'));
    expect(await owed(prospect)).toEqual([['non_buyer', 1, '2026-11-30', true]]);
    await schedules((s) => (s.schedules.non_buyer.enabled = false));
    expect(await owed(prospect)).toEqual([]);
    expect((await api.getDashboard()).followUpSummary.map((s) => s.followUp)).not.toContain('non_buyer');
    // A schedule of no days, or days past two years, is refused in words and changes nothing.
    const before = await api.getSettings();
    for (const days of [[], [3, 800]]) {
      const bad = structuredClone(before.followUps);
      bad.schedules.buyer.days = days;
      expect(await failureCode(asAdmin(() => api.updateSettings({ followUps: bad })))).toBe('VALIDATION_FAILED');
    }
    expect(await api.getSettings()).toEqual(before);
  });

  it('apply by class: a buyer schedule for key customers leaves an ordinary buyer out; a closed customer owes nothing', async () => {
    const ctx = await setup();
    const { api, schedules, owed } = ctx;
    const key = (await api.registerCustomer({ kind: 'sales', ...admitted, classification: 'key', name: '重点客户', units: ['K-1'] })).customer;
    const ordinary = (await api.registerCustomer({ kind: 'sales', ...admitted, name: '一般客户', units: ['O-1'] })).customer;
    await travel(ctx, new Date('2026-11-25T02:00:00Z'));
    expect((await owed()).map((o) => o[0])).toEqual(['buyer', 'buyer']);
    await schedules((s) => (s.schedules.buyer.classes = ['key']));
    expect(await owed(ordinary.files[0]!.id)).toEqual([]);
    expect(await owed(key.files[0]!.id)).toEqual([['buyer', 1, '2026-11-26', false]]);
    await api.closeCustomer({ customerId: key.id, reason: '合作终止' });
    expect(await owed()).toEqual([]);
  });

  it('count the 顾服主管医生’s visits for the doctor’s schedule only when the visit card names the doctor', async () => {
    const ctx = await setup();
    const { api, schedules, owed, visitDocument, visitCard } = ctx;
    await schedules((s) => (s.schedules.doctor.enabled = true));
    const buyer = (await api.registerCustomer({ kind: 'sales', ...admitted, name: '购买顾客', units: ['D-1'] })).customer.files[0]!.id;
    await visitDocument(buyer, '2026-11-25');
    // Day 8 (2026-12-01): the doctor's 15-day visit shows (from day 8), due 12-08; the representative's 3-day visit is done.
    await travel(ctx, new Date('2026-11-30T17:00:00Z'));
    expect(await owed(buyer)).toEqual([['doctor', 1, '2026-12-08', false]]);
    // A representative's card does not stand for the doctor's visit…
    await visitCard(buyer, 'representative');
    expect(await owed(buyer)).toEqual([['doctor', 1, '2026-12-08', false]]);
    // …the doctor's does.
    await visitCard(buyer, 'doctor');
    expect(await owed(buyer)).toEqual([]);
    // Day 23 (12-16): the representative's 30-day visit (open from day 17) and the doctor's (from day 23).
    await travel(ctx, new Date('2026-12-15T17:00:00Z'));
    expect(await owed(buyer)).toEqual([
      ['buyer', 2, '2026-12-23', false],
      ['doctor', 2, '2026-12-23', false],
    ]);
    const list = await api.listFollowUps({ followUp: 'doctor' });
    expect(list.rows.map((r) => [r.name, r.visit, r.of, r.kind])).toEqual([['购买顾客', 2, 3, 'sales']]);
    expect(list.total).toBe(1);
  });

  it('visit customers of a value grade regularly once their schedule ends, counted from the last visit, across leap day', async () => {
    const ctx = await setup();
    const { api, owed, visitDocument } = ctx;
    const low = (await api.registerCustomer({ kind: 'sales', ...admitted, valueGrade: 'low', name: '低价值客户', units: ['L-1'] })).customer.files[0]!.id;
    for (const day of ['2026-11-25', '2026-12-20', '2027-01-20']) await visitDocument(low, day);
    // The 60-day schedule ends 2027-01-22: the low-value visit (every 90 days, shown 15 days before) is due 2027-04-22.
    await travel(ctx, new Date('2027-04-06T02:00:00Z'));
    expect(await owed(low)).toEqual([]);
    await travel(ctx, new Date('2027-04-07T02:00:00Z'));
    expect(await owed(low)).toEqual([['grade_low', 1, '2027-04-22', false]]);
    await travel(ctx, new Date('2027-04-20T02:00:00Z'));
    await visitDocument(low, '2027-04-20');
    expect(await owed(low)).toEqual([]);
    // Visited 2027-12-01: 90 days on is 2028-02-29, a leap day; late from 1 March (00:30 in Shanghai).
    await travel(ctx, new Date('2027-12-01T02:00:00Z'));
    await visitDocument(low, '2027-12-01');
    await travel(ctx, new Date('2028-02-28T16:30:00Z'));
    expect(await owed(low)).toEqual([['grade_low', 1, '2028-02-29', false]]);
    await travel(ctx, new Date('2028-02-29T16:30:00Z'));
    expect(await owed(low)).toEqual([['grade_low', 1, '2028-02-29', true]]);
    const summary = (await api.getDashboard()).followUpSummary;
    expect(summary.find((s) => s.followUp === 'grade_low')).toEqual({ followUp: 'grade_low', late: 1, due: 0 });
    expect((await api.listFollowUps({ state: 'due' })).total).toBe(0);
    expect((await api.listFollowUps({ state: 'late', followUp: 'grade_low' })).rows.map((r) => r.fileId)).toEqual([low]);
  });

  it('pure rules: a recurring visit counts from the later of the schedule’s end and the last visit', () => {
    expect(nextRecurringVisit('2027-01-22', { everyDays: 30, leadDays: 7 }, [], '2027-02-14')).toEqual({ opens: '2027-02-14', dueDate: '2027-02-21', late: false });
    expect(nextRecurringVisit('2027-01-22', { everyDays: 30, leadDays: 7 }, ['2027-02-10'], '2027-02-14')).toBeNull();
    expect(nextRecurringVisit('2027-01-22', { everyDays: 30, leadDays: 0 }, ['2026-12-01'], '2027-02-22')).toEqual({ opens: '2027-02-21', dueDate: '2027-02-21', late: true });
  });

  it('refuse a list of an unknown schedule or a page past any count in words', async () => {
    const { api } = await setup();
    expect(await failureCode(api.listFollowUps({ followUp: 'everyone' } as never))).toBe('VALIDATION_FAILED');
    expect(await failureCode(api.listFollowUps({ pageSize: 100_000 }))).toBe('VALIDATION_FAILED');
    expect(await api.listFollowUps({ page: 9999 })).toMatchObject({ total: 0, rows: [] });
  });
});
