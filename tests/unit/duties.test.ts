import { describe, expect, it } from 'vitest';
import { defaultDutySettings, periodOf, previousPeriod, type DutyId } from '../../shared/duties';
import { asAdmin, failureCode, makeVault, openDesk, travel } from './helpers';

// What each file owes (003 §6 4.3.2, §8 b5 c2, §3 2, §15 6), on the desk's clock in China time:
// every boundary is crossed at 00:30 local, when the UTC date is still the day before.

/** A local moment as the UTC instant the test clock takes. */
const local = (at: string) => new Date(`${at}+08:00`);

async function desk(start: string) {
  const ctx = makeVault(undefined, local(start));
  await openDesk(ctx);
  const { api } = ctx;
  const register = async (name: string, extra: Record<string, unknown> = {}) => {
    const { customer } = await api.registerCustomer({ kind: 'tenant', name, floor: '3', units: [`U-${name}`], moveInDate: '2020-01-01', ...extra });
    return customer.files[0]!.id;
  };
  const document = (fileId: number, category: string, docDate: string) => api.addDocument({ fileId, category, title: `${category} ${docDate}`, docDate, pages: 1, isOriginal: true });
  const counts = async () => Object.fromEntries((await api.countDuties()).map((d) => [d.duty, { late: d.late, due: d.due }])) as Record<DutyId, { late: number; due: number }>;
  const files = async (duty: DutyId, state: 'late' | 'due' | 'owing' = 'owing') => (await api.listDutyFiles({ duty, state, pageSize: 500 })).rows.map((r) => r.fileId);
  const stateOf = async (fileId: number, duty: DutyId) => (await api.getFileDuties({ fileId })).find((d) => d.duty === duty);
  return { ...ctx, register, document, counts, files, stateOf };
}

describe('periods', () => {
  it('runs months, quarters and years on local dates, leap day included', () => {
    expect(periodOf('2028-02-29', 'month')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('2027-02-10', 'month')).toEqual({ start: '2027-02-01', end: '2027-02-28' });
    expect(periodOf('2026-12-31', 'quarter')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(previousPeriod('2027-01-01', 'quarter')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(previousPeriod('2028-03-01', 'month')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('2028-07-04', 'year')).toEqual({ start: '2028-01-01', end: '2028-12-31' });
  });
});

describe('recurring records', () => {
  it('asks a patrol every quarter, a restaurant every month, and its exhaust cleaning every quarter, late after the period ends', async () => {
    const d = await desk('2026-09-30T10:00:00');
    const shop = await d.register('华联便利店', { industry: '零售' });
    const noodles = await d.register('兰州拉面馆', { industry: '餐饮' });
    // The flag follows the industry unless set by hand.
    const customerOf = async (fileId: number) => d.api.getCustomer({ customerId: (await d.api.getFile({ fileId })).customer.id });
    expect((await customerOf(noodles)).restaurant).toBe(true);
    expect((await customerOf(shop)).restaurant).toBe(false);
    expect(await d.files('patrol')).toEqual([shop]);
    expect(await d.files('restaurant_patrol')).toEqual([noodles]);
    expect(await d.files('patrol', 'late')).toEqual([]);
    expect((await d.stateOf(shop, 'patrol'))?.state).toBe('due');
    expect(await d.stateOf(shop, 'restaurant_patrol')).toBeUndefined();

    // Patrolled on the last day of the quarter: done for Q3.
    await d.document(shop, 'inspection', '2026-09-30');
    expect(await d.files('patrol')).toEqual([]);
    expect((await d.stateOf(shop, 'patrol'))?.state).toBe('done');

    // 1 October, 00:30 in China (still 30 September in UTC): a new quarter and a new month.
    await travel(d, local('2026-10-01T00:30:00'));
    expect(await d.files('patrol', 'due')).toEqual([shop]);
    expect(await d.files('patrol', 'late')).toEqual([]);
    // The restaurant's September patrol and Q3 cleaning were missed: late.
    expect(await d.files('restaurant_patrol', 'late')).toEqual([noodles]);
    expect(await d.files('exhaust_cleaning', 'late')).toEqual([noodles]);
    const late = (await d.api.listDutyFiles({ duty: 'restaurant_patrol', state: 'late' })).rows[0]!;
    expect(late).toMatchObject({ fileId: noodles, name: '兰州拉面馆', late: true });
    expect(late.lastDone).toBeUndefined();
    expect(await d.counts()).toMatchObject({ patrol: { late: 0, due: 1 }, restaurant_patrol: { late: 1, due: 0 } });

    await d.document(noodles, 'inspection', '2026-10-01');
    expect(await d.files('restaurant_patrol')).toEqual([]);
    expect((await d.stateOf(noodles, 'restaurant_patrol'))?.lastDone).toBe('2026-10-01');
    // A patrol dated in the month before does not count for this one.
    await travel(d, local('2026-11-01T00:30:00'));
    expect(await d.files('restaurant_patrol', 'due')).toEqual([noodles]);
    expect((await d.api.listDutyFiles({ duty: 'restaurant_patrol' })).rows[0]!.lastDone).toBe('2026-10-01');
  });

  it('wants the business licence reviewed every year and calls a licence past its date late (leap day)', async () => {
    const d = await desk('2027-12-31T10:00:00');
    const firm = await d.register('广州华联贸易有限公司', { licenceNo: '91440101MA59XXXX1', licenceExpiry: '2028-02-29' });
    const person = await d.register('张三');
    expect(await d.files('licence_review')).toEqual([firm]);
    await d.document(firm, 'identity', '2027-12-31');
    expect(await d.files('licence_review')).toEqual([]);

    // A new year: reviewed last year, so due, not late.
    await travel(d, local('2028-01-01T00:30:00'));
    expect(await d.files('licence_review', 'due')).toEqual([firm]);
    await d.document(firm, 'identity', '2028-01-02');
    expect(await d.files('licence_review')).toEqual([]);
    // Its last day is leap day; from 1 March it has expired, reviewed or not.
    await travel(d, local('2028-02-29T23:30:00'));
    expect(await d.files('licence_review')).toEqual([]);
    await travel(d, local('2028-03-01T00:30:00'));
    expect(await d.files('licence_review', 'late')).toEqual([firm]);
    expect(await d.stateOf(firm, 'licence_review')).toMatchObject({ state: 'late', licenceExpiry: '2028-02-29' });
    expect(await d.stateOf(person, 'licence_review')).toBeUndefined();
  });

  it('counts a desk record of the right kind for its period: a key customer updated by a visit record', async () => {
    const d = await desk('2026-12-31T10:00:00');
    const key = await d.register('重点客户甲');
    const customerId = (await d.api.getFile({ fileId: key })).customer.id;
    await d.api.changeClassification({ customerId, classification: 'key', valueGrade: 'high', specialTags: [], blacklisted: false, reason: '年租金百万以上' });
    expect(await d.files('key_update')).toEqual([key]);
    await travel(d, local('2027-01-01T00:30:00'));
    expect(await d.files('key_update', 'late')).toEqual([key]);
    await d.api.saveRecord({ kind: 'visit', fileId: key, fields: { ...(await d.api.draftRecord({ kind: 'visit', fileId: key })), way: 'onSite' } });
    expect(await d.files('key_update')).toEqual([]);
    expect((await d.stateOf(key, 'key_update'))?.state).toBe('done');
  });
});

describe('completeness', () => {
  it('lists what a file lacks, takes a document or a signed sheet of the category, and is late the day after its time runs out', async () => {
    const d = await desk('2026-11-23T10:00:00');
    const fileId = await d.register('华联咖啡');
    const lacking = async () => (await d.api.listDutyFiles({ duty: 'completeness' })).rows.find((r) => r.fileId === fileId)?.lacking;
    expect(await lacking()).toEqual(defaultDutySettings.requiredDocuments.tenant);
    await d.document(fileId, 'identity', '2026-11-23');
    await d.document(fileId, 'fire_safety', '2026-11-23');
    expect(await lacking()).toEqual(['basic_record', 'fit_out', 'emergency_contacts']);
    // The 客户紧急联络表 kept as a desk record stands for the document.
    await d.api.saveRecord({ kind: 'emergency-contacts', fileId, fields: await d.api.draftRecord({ kind: 'emergency-contacts', fileId }) });
    expect(await lacking()).toEqual(['basic_record', 'fit_out']);

    // Made on 23 November with 30 days: due on 23 December, late from the 24th.
    await travel(d, local('2026-12-23T23:30:00'));
    expect(await d.files('completeness', 'due')).toEqual([fileId]);
    await travel(d, local('2026-12-24T00:30:00'));
    expect(await d.files('completeness', 'late')).toEqual([fileId]);
    expect(await d.stateOf(fileId, 'completeness')).toMatchObject({ state: 'late', dueDate: '2026-12-23', lacking: ['basic_record', 'fit_out'] });

    await d.document(fileId, 'basic_record', '2026-12-24');
    await d.document(fileId, 'fit_out', '2026-12-24');
    expect(await d.files('completeness')).toEqual([]);
    expect(await d.counts()).toMatchObject({ completeness: { late: 0, due: 0 } });
    expect((await d.stateOf(fileId, 'completeness'))?.state).toBe('done');
  });

  it('follows the rules set in 设置, and refuses a rule naming a category or record kind the archive has not', async () => {
    const d = await desk('2026-11-23T10:00:00');
    const fileId = await d.register('华联咖啡');
    const settings = await d.api.getSettings();
    expect(settings.duties).toEqual(defaultDutySettings);
    const duties = structuredClone(settings.duties);
    duties.requiredDocuments.tenant = ['identity'];
    duties.recurring.patrol.enabled = false;
    await asAdmin(() => d.api.updateSettings({ duties }));
    expect((await d.api.countDuties()).map((c) => c.duty)).not.toContain('patrol');
    expect((await d.api.getFileDuties({ fileId })).find((x) => x.duty === 'completeness')?.lacking).toEqual(['identity']);
    expect(await failureCode(d.api.listDutyFiles({ duty: 'patrol' }))).toBe('NOT_FOUND');

    const unknownCategory = structuredClone(duties);
    unknownCategory.requiredDocuments.owner = ['no_such_category'];
    expect(await asAdmin(() => failureCode(d.api.updateSettings({ duties: unknownCategory })))).toBe('UNKNOWN_CATEGORY');
    const unknownKind = structuredClone(duties);
    unknownKind.recurring.satisfaction_survey.recordKinds = ['no-such-record'];
    expect(await asAdmin(() => failureCode(d.api.updateSettings({ duties: unknownKind })))).toBe('UNKNOWN_RECORD_KIND');
    expect(await failureCode(d.api.listDutyFiles({ duty: 'nonsense' as DutyId }))).toBe('VALIDATION_FAILED');
    // Nothing of the refused rules was kept.
    expect((await d.api.getSettings()).duties).toEqual(duties);
  });
});
