import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FILE } from '../../db/archive-files';
import { countDueForReview, indexCustomer, listDueForReview } from '../../electron/services/customers';
import { formatRefNo } from '../../electron/services/ref-numbers';
import { pinyinKeys } from '../../electron/services/search';
import type { RegisterCustomerInput } from '../../shared/schemas';
import type { ArchiveApi } from '../../shared/api';
import { DESK_START, adminInput, failureCode, makeVault, settleJob, travel, readAudit, verifyAudit, openDesk, asAdmin, signedInAs, admitted } from './helpers';

async function signedIn(start?: Date) {
  const ctx = makeVault(undefined, start);
  await openDesk(ctx);
  return ctx;
}

const tenant: RegisterCustomerInput = {
  kind: 'tenant',
  name: '张三',
  shortName: '张三餐饮',
  building: 'A座',
  floor: '12',
  units: ['A-1203'],
  phone: '138-0013-8000',
  moveInDate: '2024-03-01',
  contacts: [
    { name: '李四', title: '店长', phone: '13900139000' },
    { name: '王五', title: '财务', phone: '021-66778899' },
  ],
  emergencyContacts: [{ name: '赵六', phone: '13700137000' }],
};

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('scan-marker-张三-extra')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

describe('reference numbers (档号)', () => {
  it('follow the DA/T 22-2015 pattern, with building and floor tokens allowed', () => {
    const tokens = { fonds: '0001', category: 'KH', year: 2026, retention: '30' as const, org: 'KFB', seq: 17 };
    expect(formatRefNo('{fonds}-{category}·{year}-{retention}-{org}-{seq:5}', tokens)).toBe('0001-KH·2026-D30-KFB-00017');
    expect(formatRefNo('{category}{year}-{building}-{floor}-{seq:4}', { ...tokens, building: 'A座', floor: '12' })).toBe('KH2026-A座-12-0017');
    expect(formatRefNo('{category}{year}-{building}-{floor}-{seq:4}', { ...tokens, building: null, floor: '' })).toBe('KH2026-0017');
    expect(formatRefNo('{fonds}-{retention}-{seq}', { ...tokens, retention: 'permanent', seq: 3 })).toBe('0001-Y-3');
  });

  it('are gap-free per year and never reused; a correction keeps the old number as an alias', async () => {
    const ctx = await signedIn();
    const { api } = ctx;
    const a = (await api.registerCustomer({ ...tenant })).customer;
    const b = (await api.registerCustomer({ ...tenant, name: '李雷', units: ['A-1204', 'A-1205'] })).customer;
    const refs = [...a.files, ...b.files].map((f) => f.refNo);
    expect(refs).toEqual(['0001-KH·2026-D30-KFB-00001', '0001-KH·2026-D30-KFB-00002', '0001-KH·2026-D30-KFB-00003']);
    const corrected = await api.correctFileRef({ fileId: a.files[0]!.id, reason: '标签打印错误' });
    expect(corrected.refNo).toBe('0001-KH·2026-D30-KFB-00004');
    expect(corrected.aliases).toEqual([expect.objectContaining({ refNo: '0001-KH·2026-D30-KFB-00001', reason: '标签打印错误' })]);
    const found = await api.search({ query: '0001-KH·2026-D30-KFB-00001' });
    expect(found.files.map((f) => f.fileId)).toEqual([a.files[0]!.id]);
    expect(found.files[0]!.matchedAlias).toBe('0001-KH·2026-D30-KFB-00001');
    // A new year starts again at 1.
    await travel(ctx, new Date('2027-01-05T09:00:00Z'));
    const c = (await api.registerCustomer({ ...tenant, name: '韩梅梅', units: ['B-0101'] })).customer;
    expect(c.files[0]!.refNo).toBe('0001-KH·2027-D30-KFB-00001');
  });
});

describe('customers', () => {
  it('registers a tenant with two contacts and one file per unit', async () => {
    const { api } = await signedIn();
    const { customer } = await api.registerCustomer({ ...tenant, units: ['A-1203', 'A-1204'] });
    expect(customer.contacts.map((c) => c.name)).toEqual(['李四', '王五']);
    expect(customer.emergencyContacts).toEqual([{ name: '赵六', phone: '13700137000' }]);
    expect(customer.files.map((f) => f.unit)).toEqual(['A-1203', 'A-1204']);
    expect(customer.files.every((f) => f.status === 'active' && !f.labelOutOfDate && f.retention === '30')).toBe(true);
    const sales = (await api.registerCustomer({ kind: 'sales', ...admitted, name: '华润医药', units: ['X'] })).customer;
    expect(sales.files.map((f) => f.unit)).toEqual(['']);
    expect(sales.files[0]!.retention).toBe('10');
  });

  it('refuses bad phones, dates out of order and empty names, and changes nothing', async () => {
    const { api, dispatch, dir } = await signedIn();
    await api.lock();
    await api.unlock({ username: 'wangfang', password: adminInput.password });
    const count = async () => (await api.listCustomers({})).total;
    const bad = await dispatch('registerCustomer', { ...tenant, phone: '12345' }, 'zh-CN');
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(bad)).toContain('phone');
    expect(await dispatch('registerCustomer', { ...tenant, name: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await dispatch('registerCustomer', { ...tenant, moveInDate: '2024-02-30' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const order = await dispatch('registerCustomer', { ...tenant, moveOutDate: '2024-01-01' });
    expect(order).toMatchObject({ ok: false, error: { code: 'DATES_OUT_OF_ORDER', message: '日期先后有误：退租日期不能早于入住日期。' } });
    expect(await count()).toBe(0);
    void dir;
  });

  it('warns of a duplicate name and unit, and registers it only when told to', async () => {
    const { api } = await signedIn();
    await api.registerCustomer({ ...tenant });
    expect(await failureCode(api.registerCustomer({ ...tenant, name: ' 张三 ' }))).toBe('DUPLICATE_CUSTOMER');
    expect((await api.listCustomers({})).total).toBe(1);
    await api.registerCustomer({ ...tenant, allowDuplicate: true });
    expect((await api.listCustomers({})).total).toBe(2);
    // Same name, another unit: not a duplicate.
    await api.registerCustomer({ ...tenant, units: ['C-0808'] });
  });

  it('records classification changes with who, when, from, to and why', async () => {
    const ctx = await signedIn();
    const { api } = ctx;
    const { customer } = await api.registerCustomer({ ...tenant });
    await travel(ctx, 86_400_000);
    const changed = await api.changeClassification({
      customerId: customer.id,
      classification: 'key',
      valueGrade: 'high',
      specialTags: ['餐饮'],
      blacklisted: false,
      reason: '季度评审：采购额上升',
    });
    expect(changed.classification).toBe('key');
    expect(changed.classificationHistory.map((h) => [h.field, h.from, h.to])).toEqual(
      expect.arrayContaining([
        ['classification', 'ordinary', 'key'],
        ['valueGrade', null, 'high'],
        ['specialTags', '[]', '["餐饮"]'],
      ]),
    );
    expect(changed.classificationHistory[0]).toMatchObject({ accountName: '王芳', reason: '季度评审：采购额上升', at: new Date(DESK_START.getTime() + 86_400_000).toISOString() });
    const black = await api.changeClassification({
      customerId: customer.id,
      classification: 'key',
      valueGrade: 'high',
      specialTags: ['餐饮'],
      blacklisted: true,
      blacklistReason: '长期欠费',
      reason: '欠费三个月',
    });
    expect(black).toMatchObject({ blacklisted: true, blacklistReason: '长期欠费', blacklistedAt: new Date(DESK_START.getTime() + 86_400_000).toISOString() });
  });

  it('lists customers due for classification review after N months', async () => {
    const ctx = await signedIn();
    const { api } = ctx;
    const { customer } = await api.registerCustomer({ ...tenant });
    await api.registerCustomer({ ...tenant, name: '李雷', units: ['A-1300'] });
    expect(await api.listDueForReview({})).toEqual([]);
    await travel(ctx, new Date('2027-06-01T09:00:00Z'));
    expect((await api.listDueForReview({})).map((r) => r.name).sort()).toEqual(['张三', '李雷']);
    await api.changeClassification({ customerId: customer.id, classification: 'ordinary', valueGrade: null, specialTags: [], blacklisted: false, reason: '复核无变化' });
    expect((await api.listDueForReview({})).map((r) => r.name)).toEqual(['李雷']);
    expect((await api.listDueForReview({ months: 1 })).map((r) => r.name)).toEqual(['李雷']);

    // A customer never reviewed (no date, as older archives have) comes first; the count is every
    // due file, not just the ones the list shows; a departed customer's file is not due.
    const { customer: never } = await api.registerCustomer({ ...tenant, name: '韩梅梅', units: ['B-1', 'B-2'] });
    ctx.vault.sqlite().prepare('update customers set last_reviewed_at = null where id = ?').run(never.id);
    await api.registerCustomer({ ...tenant, name: '已退租', units: ['B-3'], moveInDate: '2020-01-01', moveOutDate: '2027-05-01' });
    const session = { db: ctx.vault.db(), clock: ctx.clock, session: ctx.vault.session! };
    expect((await listDueForReview(session, 1, 2)).map((r) => [r.name, r.unit])).toEqual([
      ['韩梅梅', 'B-1'],
      ['韩梅梅', 'B-2'],
    ]);
    expect((await listDueForReview(session, 1)).map((r) => r.name)).toEqual(['韩梅梅', '韩梅梅', '李雷']);
    expect(await countDueForReview(session, 1)).toBe(3);
    expect((await api.getDashboard()).dueForReviewCount).toBe(1 + 2);
  });

  it('marks the label out of date when the name changes', async () => {
    const { api } = await signedIn();
    const { customer } = await api.registerCustomer({ ...tenant });
    const updated = await api.updateCustomer({ ...tenant, customerId: customer.id, name: '张三餐饮管理有限公司' });
    expect(updated.files[0]!.labelOutOfDate).toBe(true);
    expect(updated.files[0]!.labelName).toBe('张三');
    const list = await api.listCustomers({});
    expect(list.rows[0]!.labelOutOfDate).toBe(true);
  });

  it('closes the files when the tenant moves out; a manager can reopen', async () => {
    const { api } = await signedIn();
    const { customer } = await api.registerCustomer({ ...tenant });
    const fileId = customer.files[0]!.id;
    await api.updateCustomer({ ...tenant, customerId: customer.id, moveOutDate: '2026-11-20' });
    const file = await api.getFile({ fileId });
    expect(file.status).toBe('departed');
    expect(file.retentionDueDate).toBe('2056-11-20');
    expect(await failureCode(api.addDocument({ fileId, category: 'other', title: '补充', docDate: '2026-11-21', pages: 1, isOriginal: false }))).toBe('FILE_CLOSED');
    // Reopening is a manager's (files.manage).
    await asAdmin(() => api.createAccount({ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }));
    const reopened = await signedInAs('zhaojl', () => api.reopenFile({ fileId, reason: '补交退租结算单' }));
    expect(reopened.status).toBe('active');
    await api.addDocument({ fileId, category: 'payment', title: '退租结算单', docDate: '2026-11-21', pages: 2, isOriginal: true });
    // Reopened stays open, even when the customer is saved again.
    await api.updateCustomer({ ...tenant, customerId: customer.id, moveOutDate: '2026-11-20', notes: '已结算' });
    expect((await api.getFile({ fileId })).status).toBe('active');
  });

  it('closes the files whose move-out date has come at the next sign-in, looking only at dates since the last pass', async () => {
    const ctx = await signedIn();
    const { api } = ctx;
    const leaving = (await api.registerCustomer({ ...tenant, moveOutDate: '2026-12-10' })).customer.files[0]!.id;
    const staying = (await api.registerCustomer({ ...tenant, name: '李雷', units: ['A-1300'], moveOutDate: '2027-03-01' })).customer.files[0]!.id;
    expect((await api.getFile({ fileId: leaving })).status).toBe('active');
    await travel(ctx, new Date('2026-12-15T09:00:00Z'));
    expect((await api.getFile({ fileId: leaving })).status).toBe('departed');
    expect((await api.getFile({ fileId: staying })).status).toBe('active');
    // Reopened after the pass: the next passes (the date is behind them) leave it open.
    await asAdmin(() => api.createAccount({ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }));
    await signedInAs('zhaojl', () => api.reopenFile({ fileId: leaving, reason: '补交退租结算单' }));
    await travel(ctx, new Date('2026-12-16T09:00:00Z'));
    expect((await api.getFile({ fileId: leaving })).status).toBe('active');
    // A date that came while the desk was not used for months is still acted on.
    await travel(ctx, new Date('2027-06-01T09:00:00Z'));
    expect((await api.getFile({ fileId: staying })).status).toBe('departed');
  });
});

describe('documents in a file', () => {
  it('lists documents newest first, filters by category, and builds the catalogue in date order', async () => {
    const { api } = await signedIn();
    const fileId = (await api.registerCustomer({ ...tenant })).customer.files[0]!.id;
    await api.addDocument({ fileId, category: 'basic_record', title: '租户基本情况记录表', docDate: '2024-03-01', pages: 2, isOriginal: true });
    await api.addDocument({ fileId, category: 'fire_safety', title: '消防安全责任书', docDate: '2024-03-05', pages: 3, isOriginal: true, remarks: '已签章' });
    await api.addDocument({
      fileId,
      category: 'fit_out',
      title: '装修申请',
      docDate: '2024-02-20',
      pages: 5,
      isOriginal: false,
      scans: [{ fileName: '装修申请.png', dataBase64: PNG.toString('base64') }],
    });
    const file = await api.getFile({ fileId });
    expect(file.documents.map((d) => d.title)).toEqual(['消防安全责任书', '租户基本情况记录表', '装修申请']);
    expect(file.catalogue.map((c) => [c.seq, c.docDate, c.title, c.pages])).toEqual([
      [1, '2024-02-20', '装修申请', 5],
      [2, '2024-03-01', '租户基本情况记录表', 2],
      [3, '2024-03-05', '消防安全责任书', 3],
    ]);
    expect((await api.getFile({ fileId, category: 'fire_safety' })).documents.map((d) => d.title)).toEqual(['消防安全责任书']);
    const scan = file.documents[2]!.scans[0]!;
    expect(scan).toMatchObject({ fileName: '装修申请.png', mime: 'image/png', size: PNG.length });
    expect(scan.sha256).toMatch(/^[0-9a-f]{64}$/);
    const data = await api.getScan({ scanId: scan.id });
    expect(Buffer.from(data.dataBase64, 'base64').equals(PNG)).toBe(true);
  });

  it('keeps scans encrypted inside the archive', async () => {
    const { api, dir } = await signedIn();
    const fileId = (await api.registerCustomer({ ...tenant })).customer.files[0]!.id;
    await api.addDocument({ fileId, category: 'identity', title: '营业执照', docDate: '2024-03-01', pages: 1, isOriginal: false, scans: [{ fileName: 'x.png', dataBase64: PNG.toString('base64') }] });
    await api.lock();
    const bytes = readFileSync(join(dir, ARCHIVE_FILE));
    expect(bytes.includes(Buffer.from('scan-marker'))).toBe(false);
    expect(bytes.includes(Buffer.from('营业执照'))).toBe(false);
  });

  it('refuses a scan that is too large or not a PDF/JPEG/PNG, and adds nothing', async () => {
    const { api } = await signedIn();
    const fileId = (await api.registerCustomer({ ...tenant })).customer.files[0]!.id;
    await asAdmin(() => api.updateSettings({ maxScanMegabytes: 1 }));
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 1)]);
    const doc = { fileId, category: 'other', title: '大文件', docDate: '2024-03-01', pages: 1, isOriginal: false };
    expect(
      await failureCode(
        api.addDocument({
          ...doc,
          scans: [
            { fileName: 'ok.pdf', dataBase64: PDF.toString('base64') },
            { fileName: 'big.pdf', dataBase64: big.toString('base64') },
          ],
        }),
      ),
    ).toBe('SCAN_TOO_LARGE');
    expect(await failureCode(api.addDocument({ ...doc, scans: [{ fileName: 'evil.pdf', dataBase64: Buffer.from('MZ not a pdf').toString('base64') }] }))).toBe('SCAN_TYPE_NOT_ALLOWED');
    expect(await failureCode(api.addDocument({ ...doc, category: 'no_such' }))).toBe('UNKNOWN_CATEGORY');
    expect((await api.getFile({ fileId })).documents).toEqual([]);
  });

  it('corrects an original only with a reason and a manager’s approval, keeping the previous version; edits a working copy freely', async () => {
    const { api } = await signedIn();
    await asAdmin(() => api.createAccount({ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }));
    const fileId = (await api.registerCustomer({ ...tenant })).customer.files[0]!.id;
    const original = await api.addDocument({ fileId, category: 'correspondence', title: '工作联系函', docDate: '2024-05-01', pages: 1, isOriginal: true });
    const edit = { documentId: original.id, category: 'correspondence', title: '工作联系函（第2号）', docDate: '2024-05-01', pages: 2, isOriginal: true };
    expect(await failureCode(api.updateDocument(edit))).toBe('REASON_REQUIRED');
    expect(await failureCode(api.updateDocument({ ...edit, reason: '页数登记错误' }))).toBe('APPROVAL_REQUIRED');
    expect((await api.getFile({ fileId })).documents[0]!.title).toBe('工作联系函');
    const approval = await api.requestApproval({ kind: 'edit_original', documentId: original.id, reason: '页数登记错误' });
    await api.decideApproval({ approvalId: approval.id, approve: true, reason: '同意更正', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
    const corrected = await api.updateDocument({ ...edit, reason: '页数登记错误', approvalId: approval.id });
    expect(corrected).toMatchObject({ version: 2, pages: 2 });
    // An approval is used once.
    expect(await failureCode(api.updateDocument({ ...edit, pages: 3, reason: '再改', approvalId: approval.id }))).toBe('APPROVAL_REQUIRED');
    const revisions = await api.listDocumentRevisions({ documentId: original.id });
    expect(revisions).toEqual([expect.objectContaining({ version: 1, reason: '页数登记错误', accountName: '王芳', before: expect.objectContaining({ title: '工作联系函', pages: 1 }) })]);
    const copy = await api.addDocument({ fileId, category: 'other', title: '复印件', docDate: '2024-05-02', pages: 1, isOriginal: false });
    expect((await api.updateDocument({ documentId: copy.id, category: 'other', title: '复印件（改）', docDate: '2024-05-02', pages: 1, isOriginal: false })).title).toBe('复印件（改）');
  });
});

describe('search', () => {
  it('computes pinyin for names, surnames read as surnames', () => {
    expect(pinyinKeys('张三')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(pinyinKeys('曾小单')).toEqual({ full: 'zengxiaodan', initials: 'zxd' });
    expect(pinyinKeys('华联A座')).toEqual({ full: 'hualianazuo', initials: 'hlaz' });
  });

  it('writes a new customer’s search row from what it was given, the same row a rebuild from the archive makes', async () => {
    const { api, vault } = await signedIn();
    const { customer } = await api.registerCustomer({
      ...tenant,
      units: ['A-1203', 'A-1204'],
      fax: '0755-1234567',
      legalRepresentative: '张大山',
      emergencyContacts: [{ name: '王芳', phone: '13600000000' }],
    });
    const bodies = () => [
      vault
        .sqlite()
        .prepare('select body from search_trigram where rowid = ?')
        .pluck()
        .get(customer.id * 2),
      vault
        .sqlite()
        .prepare('select body from search_short where rowid = ?')
        .pluck()
        .get(customer.id * 2),
    ];
    const written = bodies();
    expect(written[0]).toContain('a-1204');
    expect(written[0]).toContain('王芳');
    await indexCustomer(vault.db(), customer.id);
    expect(bodies()).toEqual(written);
    expect(vault.sqlite().prepare('select count(*) from search_trigram').pluck().get()).toBe(1);
  });

  it('finds a customer by name, 2-character name, pinyin, unit, 档号, phone fragment and contact; documents by title', async () => {
    const { api } = await signedIn();
    const { customer } = await api.registerCustomer({ ...tenant });
    await api.registerCustomer({ kind: 'tenant', name: '张三丰', units: ['B-0101'], building: 'B座', floor: '1' });
    await api.registerCustomer({ kind: 'sales', ...admitted, name: '国药控股', phone: '0755-88886666' });
    const fileId = customer.files[0]!.id;
    await api.addDocument({ fileId, category: 'fire_safety', title: '消防安全责任书', docDate: '2024-03-05', pages: 3, isOriginal: true });
    const names = async (query: string) => (await api.search({ query })).files.map((f) => f.name).sort();
    expect(await names('张三')).toEqual(['张三', '张三丰']);
    expect((await api.search({ query: '张三' })).files[0]!.name).toBe('张三');
    expect(await names('张')).toEqual(['张三', '张三丰']);
    expect(await names('zs')).toEqual(['张三', '张三丰']);
    expect(await names('zsf')).toEqual(['张三丰']);
    expect(await names('zhangsan')).toEqual(['张三', '张三丰']);
    expect(await names('ZhangSanFeng')).toEqual(['张三丰']);
    expect(await names('A-1203')).toEqual(['张三']);
    expect(await names('1203')).toEqual(['张三']);
    expect(await names('0001-KH·2026')).toEqual(['国药控股', '张三', '张三丰']);
    expect(await names('00138')).toEqual(['张三']);
    expect(await names('8888')).toEqual(['国药控股']);
    expect(await names('李四')).toEqual(['张三']);
    expect(await names('餐饮')).toEqual(['张三']);
    expect(await names('国药')).toEqual(['国药控股']);
    expect(await names('不存在的客户')).toEqual([]);
    expect((await api.search({ query: '消防' })).documents.map((d) => d.title)).toEqual(['消防安全责任书']);
    expect((await api.search({ query: '"*^%' })).files).toEqual([]);
  });

  it('pages and sorts the list on the server, with filters', async () => {
    const { api } = await signedIn();
    for (let i = 0; i < 25; i++)
      await api.registerCustomer({ ...admitted, kind: i % 5 === 0 ? 'sales' : 'tenant', name: `客户${String(i).padStart(2, '0')}`, units: [`U-${i}`], floor: String(i % 3) });
    const page = await api.listCustomers({ page: 2, pageSize: 10, sortBy: 'createdAt', sortOrder: 'desc' });
    expect(page.total).toBe(25);
    expect(page.rows).toHaveLength(10);
    expect(page.rows.map((r) => r.refNo.slice(-5))).toEqual(['00015', '00014', '00013', '00012', '00011', '00010', '00009', '00008', '00007', '00006']);
    expect((await api.listCustomers({ kind: 'sales' })).total).toBe(5);
    expect((await api.listCustomers({ floor: '1', kind: 'tenant' })).rows.every((r) => r.floor === '1' && r.kind === 'tenant')).toBe(true);
    expect((await api.listCustomers({ query: '客户0' })).total).toBe(10);
    const byName = await api.listCustomers({ sortBy: 'name', pageSize: 3 });
    expect(byName.rows.map((r) => r.name)).toEqual(['客户00', '客户01', '客户02']);
  });
});

async function workbook(rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('客户');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Runs the import job to its end. */
async function importSheet(api: ArchiveApi, fileBase64: string) {
  return settleJob(api, (await api.startCustomerImport({ fileBase64 })).jobId, 'customer-import');
}

const manyTenants = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => [`导入租户${from + i}号`, '租户', 'E座', '3', `E-3${String(from + i).padStart(4, '0')}`, `139${String(from + i).padStart(8, '0')}`, '', '', '']);

describe('Excel import and export', () => {
  const header = ['客户名称', '客户类型', '楼栋', '楼层', '单元号', '电话', '入住日期', '联系人', '联系人电话'];

  it('dry-runs an import, lists each bad row with its number and reason, and imports nothing until fixed', async () => {
    const { api } = await signedIn();
    await api.registerCustomer({ ...tenant });
    const bad = await workbook([
      header,
      ['李雷', '租户', 'A座', '12', 'A-1201', '13800000001', '2024-01-01', '韩梅梅', '13900000001'],
      ['', '租户', 'A座', '12', 'A-1202', '', '', '', ''],
      ['王五', '外星人', 'A座', '12', 'A-1206', '12345', '2024-13-01', '', ''],
      ['张三', '租户', 'A座', '12', 'A-1203', '', '', '', ''],
      ['李雷', '租户', 'A座', '12', 'A-1201', '', '', '', ''],
    ]);
    const preview = await api.previewCustomerImport({ fileBase64: bad });
    expect(preview.rowCount).toBe(5);
    expect(preview.ready).toBe(false);
    expect(preview.mapping).toMatchObject({ name: '客户名称', kind: '客户类型', units: '单元号', contactPhone: '联系人电话' });
    expect(preview.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [3, 'name', 'REQUIRED'],
      [4, 'kind', 'INVALID_VALUE'],
      [4, 'moveInDate', 'INVALID_DATE'],
      [5, 'name', 'DUPLICATE_CUSTOMER'],
      [6, 'name', 'DUPLICATE_IN_SHEET'],
    ]);
    expect(await importSheet(api, bad)).toMatchObject({ state: 'failed', error: { code: 'IMPORT_HAS_ERRORS', details: { count: 5 } } });
    expect((await api.listCustomers({})).total).toBe(1);

    const good = await workbook([
      header,
      ['李雷', '租户', 'A座', '12', 'A-1201, A-1202', '13800000001', new Date(Date.UTC(2024, 0, 1)), '韩梅梅', '13900000001'],
      ['国药控股', 'sales', '', '', '', '0755-88886666', '2023/5/6', '', ''],
    ]);
    expect((await api.previewCustomerImport({ fileBase64: good })).ready).toBe(true);
    expect(await importSheet(api, good)).toMatchObject({ state: 'done', fraction: 1, result: { imported: 2, files: 3 } });
    const lilei = (await api.search({ query: '李雷' })).files;
    expect(lilei.map((f) => f.unit).sort()).toEqual(['A-1201', 'A-1202']);
    const detail = await api.getCustomer({ customerId: lilei[0]!.customerId });
    expect(detail).toMatchObject({ moveInDate: '2024-01-01', contacts: [{ name: '韩梅梅', phone: '13900000001' }] });
  });

  it('imports in the background: progress is answered while it runs, and a cancel leaves nothing behind', async () => {
    const { api } = await signedIn();
    const sheet = await workbook([header, ...manyTenants(1500)]);
    expect((await api.previewCustomerImport({ fileBase64: sheet })).ready).toBe(true);

    const { jobId } = await api.startCustomerImport({ fileBase64: sheet });
    const seen: string[] = [];
    for (;;) {
      const p = await api.getJob({ jobId });
      expect(p).toMatchObject({ kind: 'customer-import', state: 'running' });
      seen.push(`${p.phase}:${p.done}`);
      if (p.phase === 'importing' && p.done >= 250) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    // Polls were answered between steps of the check and of the writing.
    expect(seen.some((s) => s.startsWith('checking:'))).toBe(true);
    await api.cancelJob({ jobId });
    expect(await settleJob(api, jobId, 'customer-import')).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect((await api.listCustomers({})).total).toBe(0);
    expect((await api.search({ query: '导入租户' })).files).toEqual([]);
    expect((await readAudit({ action: 'customer.registered' })).total).toBe(0);
    expect((await readAudit({ action: 'customers.imported' })).total).toBe(0);

    const again = await importSheet(api, sheet);
    expect(again).toMatchObject({ state: 'done', result: { imported: 1500, files: 1500 } });
    expect((await api.listCustomers({})).total).toBe(1500);
    expect((await readAudit({ action: 'customer.registered' })).total).toBe(1500);
    expect((await verifyAudit()).ok).toBe(true);
  });

  it('checks the sheet again as it imports: a customer registered since the dry run stops it, and a read meanwhile sees all or nothing', async () => {
    const { api } = await signedIn();
    const sheet = await workbook([header, ...manyTenants(600)]);
    expect((await api.previewCustomerImport({ fileBase64: sheet })).ready).toBe(true);
    // Someone at the desk registers row 400's customer before the import is started.
    await api.registerCustomer({ kind: 'tenant', name: '导入租户398号', building: 'E座', floor: '3', units: ['E-30398'] });
    const failed = await importSheet(api, sheet);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'IMPORT_HAS_ERRORS', details: { count: 1, issues: [{ row: 400, code: 'DUPLICATE_CUSTOMER' }] } } });
    expect((await api.listCustomers({})).total).toBe(1);

    const rest = await workbook([header, ...manyTenants(600, 1000)]);
    const { jobId } = await api.startCustomerImport({ fileBase64: rest });
    const meanwhile = await api.listCustomers({});
    expect([1, 601]).toContain(meanwhile.total);
    expect(await settleJob(api, jobId, 'customer-import')).toMatchObject({ state: 'done', result: { imported: 600 } });
    expect((await api.listCustomers({})).total).toBe(601);
  });

  it('a formula cell with no stored result is a row error, never a customer named "[object Object]"; a stored result is used', async () => {
    const { api } = await signedIn();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['客户名称', '客户类型', '单元号']);
    // As openpyxl writes a formula: no cached value in the file.
    sheet.addRow([{ formula: 'CONCATENATE("华","强")' }, '租户', 'A-1']);
    sheet.addRow([{ formula: 'CONCATENATE("李","雷")', result: '李雷' }, '租户', 'A-2']);
    const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = await api.previewCustomerImport({ fileBase64 });
    expect(preview.ready).toBe(false);
    expect(preview.issues).toEqual([expect.objectContaining({ row: 2, field: 'name', code: 'FORMULA_WITHOUT_VALUE', value: '=CONCATENATE("华","强")' })]);
    expect(JSON.stringify(preview)).not.toContain('[object Object]');
    expect(await importSheet(api, fileBase64)).toMatchObject({ state: 'failed', error: { code: 'IMPORT_HAS_ERRORS' } });
    expect((await api.listCustomers({})).total).toBe(0);
  });

  it('keeps industry, region, website, business licence and deposit; refuses a wrong deposit or date in words; carries them through Excel and back', async () => {
    const { api } = await signedIn();
    const extra = { industry: '餐饮', region: '华东', website: 'https://zhangsan.example.cn', licenceNo: '91310115MA1K4XYZ0B', licenceExpiry: '2028-06-30', deposit: 12345.67 };
    const { customer } = await api.registerCustomer({ ...tenant, ...extra });
    expect(await api.getCustomer({ customerId: customer.id })).toMatchObject(extra);
    // Each refusal names the field in words, and nothing changes.
    for (const [bad, field] of [
      [{ deposit: -1 }, '押金（元）'],
      [{ deposit: 1.234 }, '押金（元）'],
      [{ licenceExpiry: '2028-02-30' }, '营业执照有效期至'],
    ] as const) {
      const error = await api.updateCustomer({ ...tenant, ...extra, ...bad, customerId: customer.id }).catch((e: unknown) => e as { code: string; details: { issues: { label: string }[] } });
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((error as { details: { issues: { label: string }[] } }).details.issues.map((i) => i.label)).toContain(field);
    }
    expect(await api.getCustomer({ customerId: customer.id })).toMatchObject({ deposit: 12345.67, licenceExpiry: '2028-06-30' });
    // Exported under their own headers; edited in the sheet, they import back.
    const exported = await api.exportCustomers({});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (h: string) => headers.indexOf(h) + 1;
    const row = sheet.getRow(2);
    expect(['所属行业', '所属区域', '网址', '营业执照号码', '营业执照有效期至', '押金（元）'].map((h) => row.getCell(col(h)).value)).toEqual([
      '餐饮',
      '华东',
      'https://zhangsan.example.cn',
      '91310115MA1K4XYZ0B',
      '2028-06-30',
      12345.67,
    ]);
    row.getCell(col('押金（元）')).value = '20,000.50';
    row.getCell(col('营业执照有效期至')).value = '2029-06-30';
    const edited = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    expect((await importSheet(api, edited)).result).toMatchObject({ updated: 1 });
    expect(await api.getCustomer({ customerId: customer.id })).toMatchObject({ deposit: 20000.5, licenceExpiry: '2029-06-30', industry: '餐饮' });
  });

  it('offers 设置’s lists of industries, regions and tags, edited there: an entry written twice is kept once', async () => {
    const { api } = await signedIn();
    const { customerLists } = await api.getSettings();
    expect(customerLists.industries).toContain('餐饮');
    expect(customerLists.regions).toContain('华东');
    const saved = await asAdmin(() => api.updateSettings({ customerLists: { ...customerLists, industries: ['餐饮', '物流', ' 物流 '], tags: [] } }));
    expect(saved.customerLists).toEqual({ industries: ['餐饮', '物流'], regions: customerLists.regions, tags: [], admission: admitted.admissionChecks });
    expect((await api.getSettings()).customerLists.industries).toEqual(['餐饮', '物流']);
    expect(await failureCode(asAdmin(() => api.updateSettings({ customerLists: { ...customerLists, industries: [''] } })))).toBe('VALIDATION_FAILED');
    expect((await api.getSettings()).customerLists.industries).toEqual(['餐饮', '物流']);
  });

  it('refuses a file that is not a workbook, and an explicit mapping is honoured', async () => {
    const { api } = await signedIn();
    expect(await failureCode(api.previewCustomerImport({ fileBase64: Buffer.from('not a zip').toString('base64') }))).toBe('IMPORT_UNREADABLE');
    const odd = await workbook([
      ['公司', '类别'],
      ['华为', '销售客户'],
    ]);
    expect((await api.previewCustomerImport({ fileBase64: odd })).issues.map((i) => i.code)).toContain('REQUIRED');
    const mapped = await api.previewCustomerImport({ fileBase64: odd, mapping: { name: '公司', kind: '类别' } });
    expect(mapped).toMatchObject({ ready: true, rowCount: 1 });
  });

  it('exports every field the register holds; the sheet, edited, imports back by 档号 (export → edit → import round-trips)', async () => {
    const { api } = await signedIn();
    const { customer: zhang } = await api.registerCustomer({ ...tenant, address: '滨江路 88 号', moveOutDate: '2027-02-28', businessScope: '中式快餐', companyNature: 'joint_stock', staffCount: 12 });
    const { customer: two } = await api.registerCustomer({ kind: 'tenant', name: '华强电子', building: 'B座', floor: '3', units: ['B-301', 'B-302'], phone: '021-60000001' });
    await api.registerCustomer({ kind: 'sales', ...admitted, name: '国药控股' });
    const exported = await api.exportCustomers({ kind: 'tenant' });
    expect(exported.fileName).toMatch(/^客户档案-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    for (const h of [
      '档号',
      '客户名称',
      '客户类型',
      '地址',
      '公司性质',
      '经营范围',
      '员工人数',
      '楼栋',
      '楼层',
      '单元号',
      '入住日期',
      '退租日期',
      '联系人',
      '联系人职务',
      '联系人电话',
      '紧急联系人',
      '紧急联系电话',
    ])
      expect(headers).toContain(h);
    const col = (h: string) => headers.indexOf(h) + 1;
    expect(sheet.rowCount).toBe(4);
    const rowOf = (unit: string) => [2, 3, 4].map((n) => sheet.getRow(n)).find((r) => r.getCell(col('单元号')).value === unit)!;
    const zhangRow = rowOf('A-1203');
    expect([col('档号'), col('地址'), col('入住日期'), col('退租日期'), col('联系人'), col('联系人电话'), col('紧急联系人'), col('公司性质')].map((c) => zhangRow.getCell(c).value)).toEqual([
      zhang.files[0]!.refNo,
      '滨江路 88 号',
      '2024-03-01',
      '2027-02-28',
      '李四',
      '13900139000',
      '赵六',
      '股份',
    ]);
    const reimport = async () => Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    // As exported, it changes nothing.
    expect(await api.previewCustomerImport({ fileBase64: await reimport() })).toMatchObject({ issues: [], ready: false, creates: 0, updates: 0, unchanged: 3 });

    // Edited: 张三's address, move-out date and first contact's phone; one of 华强's two rows
    // gets a new phone (its other row, as exported, agrees by leaving it); a new customer below.
    zhangRow.getCell(col('地址')).value = '滨江路 99 号';
    zhangRow.getCell(col('退租日期')).value = '2027-03-31';
    zhangRow.getCell(col('联系人电话')).value = '13900139999';
    rowOf('B-301').getCell(col('电话')).value = '021-60000002';
    const added = sheet.addRow([]);
    added.getCell(col('客户名称')).value = '新来租户';
    added.getCell(col('客户类型')).value = '租户';
    added.getCell(col('单元号')).value = 'C-101';
    const edited = await reimport();
    expect(await api.previewCustomerImport({ fileBase64: edited })).toMatchObject({ issues: [], ready: true, creates: 1, updates: 2, unchanged: 1 });
    expect((await importSheet(api, edited)).result).toEqual({ imported: 1, updated: 2, files: 1 });
    const after = await api.getCustomer({ customerId: zhang.id });
    expect(after).toMatchObject({ address: '滨江路 99 号', moveOutDate: '2027-03-31', businessScope: '中式快餐', staffCount: 12, units: ['A-1203'] });
    // The second contact, not in the sheet, is kept.
    expect(after.contacts).toEqual([
      { name: '李四', title: '店长', phone: '13900139999' },
      { name: '王五', title: '财务', phone: '021-66778899' },
    ]);
    expect(after.emergencyContacts).toEqual([{ name: '赵六', phone: '13700137000' }]);
    expect((await api.getCustomer({ customerId: two.id })).phone).toBe('021-60000002');
    expect((await api.listCustomers({ query: '新来租户' })).total).toBe(1);
    expect((await readAudit({ action: 'customer.updated' })).total).toBe(2);

    // Refused, row by row, all or nothing: an unknown 档号, two rows of one customer changing a
    // field differently, a classification changed in a sheet.
    rowOf('B-301').getCell(col('电话')).value = '021-60000003';
    rowOf('B-302').getCell(col('电话')).value = '021-60000004';
    zhangRow.getCell(col('客户分类')).value = '重点客户';
    added.getCell(col('档号')).value = '0001-KH·2026-D30-KFB-99999';
    const bad = await api.previewCustomerImport({ fileBase64: await reimport() });
    expect(bad.ready).toBe(false);
    expect(bad.issues.map((i) => [i.field, i.code])).toEqual(
      expect.arrayContaining([
        ['refNo', 'UNKNOWN_REF_NO'],
        ['phone', 'CONFLICTING_ROWS'],
        ['classification', 'CLASSIFICATION_IN_APP'],
      ]),
    );
    expect(bad.issues).toHaveLength(3);
    expect(await importSheet(api, await reimport())).toMatchObject({ state: 'failed', error: { code: 'IMPORT_HAS_ERRORS' } });
    expect((await api.getCustomer({ customerId: two.id })).phone).toBe('021-60000002');

    // A sheet without a column leaves that field alone (no 地址 column: the address stays).
    const narrow = await workbook([
      ['档号', '客户名称', '客户类型', '电话'],
      [zhang.files[0]!.refNo, '张三', '租户', '138-0013-8001'],
    ]);
    expect((await importSheet(api, narrow)).result).toMatchObject({ imported: 0, updated: 1 });
    expect(await api.getCustomer({ customerId: zhang.id })).toMatchObject({ phone: '138-0013-8001', address: '滨江路 99 号', moveOutDate: '2027-03-31' });
  });
});
