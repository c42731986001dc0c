import { describe, expect, it } from 'vitest';
import { adminInput, failureCode, makeVault, travel, readAudit, openDesk, asAdmin, signedInAs } from './helpers';

const PDF = Buffer.from('%PDF-1.4\nconfidential-marker\n%%EOF');

async function setup() {
  const ctx = makeVault();
  await openDesk(ctx);
  const { api } = ctx;
  await asAdmin(async () => {
    await asAdmin(() => api.createAccount({ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }));
    await asAdmin(() => api.createAccount({ username: 'qianzjl', displayName: '钱总', role: 'general_manager', password: 'General-2026-pass', passwordConfirm: 'General-2026-pass' }));
    await asAdmin(() => api.createAccount({ username: 'lixiao', displayName: '李晓', role: 'clerk', password: 'Clerk-2026-pass', passwordConfirm: 'Clerk-2026-pass' }));
  });
  const fileId = (await api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1'] })).customer.files[0]!.id;
  // The new file's own review (新建档案审核) is decided first: the tests below are about the other requests.
  const [review] = await api.listApprovals({ status: 'pending' });
  await api.decideApproval({ approvalId: review!.id, approve: true, reason: '同意', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
  const secret = await api.addDocument({
    fileId,
    category: 'payment',
    title: '押金结算明细',
    docDate: '2024-01-02',
    pages: 2,
    isOriginal: true,
    confidentiality: 'confidential',
    scans: [{ fileName: '押金.pdf', dataBase64: PDF.toString('base64') }],
  });
  await api.addDocument({ fileId, category: 'other', title: '普通函件', docDate: '2024-01-03', pages: 1, isOriginal: false });
  return { ...ctx, fileId, secret };
}

describe('approvals', () => {
  it('a manager approves at the desk with their own password; the requester and lower roles cannot', async () => {
    const { api, secret } = await setup();
    const approval = await api.requestApproval({ kind: 'edit_original', documentId: secret.id, reason: '金额登记错误' });
    expect(approval).toMatchObject({ status: 'pending', requiredRole: 'department_manager', requestedBy: '王芳' });
    expect(await failureCode(api.decideApproval({ approvalId: approval.id, approve: true, reason: '同意' }))).toBe('APPROVER_IS_REQUESTER');
    expect(await failureCode(api.decideApproval({ approvalId: approval.id, approve: true, reason: '同意', approver: { username: 'lixiao', password: 'Clerk-2026-pass' } }))).toBe(
      'APPROVER_NOT_ALLOWED',
    );
    expect(await failureCode(api.decideApproval({ approvalId: approval.id, approve: true, reason: '同意', approver: { username: 'zhaojl', password: 'Wrong-2026-pass' } }))).toBe('WRONG_CREDENTIALS');
    const decided = await api.decideApproval({ approvalId: approval.id, approve: false, reason: '请附原始单据', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: '赵经理', decisionReason: '请附原始单据' });
    expect(await failureCode(api.decideApproval({ approvalId: approval.id, approve: true, reason: '改为同意', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } }))).toBe(
      'APPROVAL_NOT_PENDING',
    );
    const audit = await readAudit({ action: 'approval.' });
    expect(audit.rows.map((r) => r.action)).toEqual(['approval.rejected', 'approval.requested', 'approval.approved', 'approval.requested']);
    expect(audit.rows[0]!.accountName).toBe('赵经理');
  });

  it('nobody approves their own request, even a manager', async () => {
    const ctx = await setup();
    await ctx.api.lock();
    await ctx.api.unlock({ username: 'zhaojl', password: 'Manager-2026-pass' });
    const approval = await ctx.api.requestApproval({ kind: 'view_confidential', documentId: ctx.secret.id, reason: '核对' });
    expect(await failureCode(ctx.api.decideApproval({ approvalId: approval.id, approve: true, reason: '自批' }))).toBe('APPROVER_IS_REQUESTER');
    expect((await ctx.api.listApprovals({ status: 'pending' })).map((a) => a.id)).toEqual([approval.id]);
    await ctx.api.withdrawApproval({ approvalId: approval.id });
    expect(await ctx.api.listApprovals({ status: 'pending' })).toEqual([]);
  });
});

describe('confidentiality', () => {
  it('withholds a confidential document’s details and scans until the general manager allows it, for 24 hours', async () => {
    const ctx = await setup();
    const { api, fileId, secret } = ctx;
    const file = await api.getFile({ fileId });
    const shown = file.documents.find((d) => d.id === secret.id)!;
    expect(shown).toMatchObject({ restricted: true, title: '', scans: [], pages: 2 });
    expect(file.catalogue.find((c) => c.documentId === secret.id)!.title).toBe('');
    expect(file.documents.find((d) => d.id !== secret.id)!.title).toBe('普通函件');
    expect(await failureCode(api.getScan({ scanId: secret.scans[0]!.id }))).toBe('CONFIDENTIAL_RESTRICTED');
    expect((await api.search({ query: '押金结算' })).documents).toEqual([]);

    const request = await api.requestApproval({ kind: 'view_confidential', documentId: secret.id, reason: '审计抽查' });
    expect(request.requiredRole).toBe('general_manager');
    expect(await failureCode(api.decideApproval({ approvalId: request.id, approve: true, reason: '同意', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } }))).toBe(
      'APPROVER_NOT_ALLOWED',
    );
    await api.decideApproval({ approvalId: request.id, approve: true, reason: '同意查阅', approver: { username: 'qianzjl', password: 'General-2026-pass' } });
    const allowed = (await api.getFile({ fileId })).documents.find((d) => d.id === secret.id)!;
    expect(allowed).toMatchObject({ restricted: false, title: '押金结算明细' });
    expect(Buffer.from((await api.getScan({ scanId: secret.scans[0]!.id })).dataBase64, 'base64').equals(PDF)).toBe(true);

    await travel(ctx, 25 * 3600_000);
    expect(await failureCode(api.getScan({ scanId: secret.scans[0]!.id }))).toBe('CONFIDENTIAL_RESTRICTED');
  });

  it('a confidential file makes all its documents confidential; the general manager sees them', async () => {
    const ctx = await setup();
    const { api, fileId } = ctx;
    await signedInAs('zhaojl', () => api.setFileConfidentiality({ fileId, confidentiality: 'confidential', reason: '涉诉' }));
    expect((await api.getFile({ fileId })).documents.every((d) => d.restricted)).toBe(true);
    await api.lock();
    await api.unlock({ username: 'qianzjl', password: 'General-2026-pass' });
    expect((await api.getFile({ fileId })).documents.some((d) => d.restricted)).toBe(false);
    expect((await api.search({ query: '押金结算' })).documents).toHaveLength(1);
  });

  it('a clerk cannot set confidentiality or legal hold; a manager can', async () => {
    const ctx = await setup();
    await ctx.api.lock();
    await ctx.api.unlock({ username: 'lixiao', password: 'Clerk-2026-pass' });
    expect(await failureCode(ctx.api.setLegalHold({ fileId: ctx.fileId, hold: true, reason: '诉讼' }))).toBe('FORBIDDEN');
    await ctx.api.lock();
    await ctx.api.unlock({ username: 'zhaojl', password: 'Manager-2026-pass' });
    expect(await ctx.api.setLegalHold({ fileId: ctx.fileId, hold: true, reason: '诉讼' })).toMatchObject({ legalHold: true, legalHoldReason: '诉讼' });
  });

  it('a clerk cannot lower a confidential document by editing it: lowering is the general manager’s decision, audited', async () => {
    const ctx = await setup();
    const { api, secret, fileId } = ctx;
    await api.lock();
    await api.unlock({ username: 'lixiao', password: 'Clerk-2026-pass' });
    const edit = { documentId: secret.id, category: 'payment', title: '押金结算明细', docDate: '2024-01-02', pages: 2, isOriginal: true, reason: '改为普通' };
    // The probe: lower it with an ordinary edit, then read the scan.
    expect(await failureCode(api.updateDocument({ ...edit, confidentiality: 'ordinary' }))).toBe('CONFIDENTIAL_RESTRICTED');
    expect(await failureCode(api.getScan({ scanId: secret.scans[0]!.id }))).toBe('CONFIDENTIAL_RESTRICTED');
    expect(await failureCode(api.setDocumentConfidentiality({ documentId: secret.id, confidentiality: 'ordinary', reason: '不再保密' }))).toBe('FORBIDDEN');

    // A department manager who may read it (with an approval) still cannot lower it in an edit.
    await api.lock();
    await api.unlock({ username: 'zhaojl', password: 'Manager-2026-pass' });
    const view = await api.requestApproval({ kind: 'view_confidential', documentId: secret.id, reason: '核对' });
    await api.decideApproval({ approvalId: view.id, approve: true, reason: '同意', approver: { username: 'qianzjl', password: 'General-2026-pass' } });
    expect(await failureCode(api.updateDocument({ ...edit, confidentiality: 'ordinary' }))).toBe('DECLASSIFY_NEEDS_APPROVAL');
    expect(await failureCode(api.setDocumentConfidentiality({ documentId: secret.id, confidentiality: 'ordinary', reason: '不再保密' }))).toBe('DECLASSIFY_NEEDS_APPROVAL');

    // The request goes to the general manager; approving it lowers the document, audited as such.
    await api.lock();
    await api.unlock({ username: 'lixiao', password: 'Clerk-2026-pass' });
    const request = await api.requestApproval({ kind: 'declassify', documentId: secret.id, reason: '合同已公开' });
    expect(request.requiredRole).toBe('general_manager');
    expect(request.summary).not.toContain('押金');
    expect(await failureCode(api.decideApproval({ approvalId: request.id, approve: true, reason: '同意', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } }))).toBe(
      'APPROVER_NOT_ALLOWED',
    );
    expect((await api.getFile({ fileId })).documents.find((d) => d.id === secret.id)!.restricted).toBe(true);
    await api.decideApproval({ approvalId: request.id, approve: true, reason: '同意降密', approver: { username: 'qianzjl', password: 'General-2026-pass' } });
    expect((await api.getFile({ fileId })).documents.find((d) => d.id === secret.id)).toMatchObject({ restricted: false, confidentiality: 'ordinary' });
    await api.lock();
    await api.unlock({ username: 'wangfang', password: adminInput.password });
    const audit = await readAudit({ action: 'document.declassified' });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.accountName).toBe('钱总');
  });

  it('the general manager lowers a document or a file directly; a department manager cannot lower a file', async () => {
    const ctx = await setup();
    const { api, secret, fileId } = ctx;
    await api.lock();
    await api.unlock({ username: 'zhaojl', password: 'Manager-2026-pass' });
    await api.setFileConfidentiality({ fileId, confidentiality: 'confidential', reason: '涉诉' });
    expect(await failureCode(api.setFileConfidentiality({ fileId, confidentiality: 'ordinary', reason: '结案' }))).toBe('DECLASSIFY_NEEDS_APPROVAL');
    await api.lock();
    await api.unlock({ username: 'qianzjl', password: 'General-2026-pass' });
    expect((await api.setFileConfidentiality({ fileId, confidentiality: 'ordinary', reason: '结案' })).confidentiality).toBe('ordinary');
    expect(await api.setDocumentConfidentiality({ documentId: secret.id, confidentiality: 'ordinary', reason: '不再保密' })).toMatchObject({ confidentiality: 'ordinary', restricted: false });
  });

  it('withholds a confidential title in revisions and approval summaries from everyone who may not read it, the auditor included', async () => {
    const ctx = await setup();
    const { api, secret } = ctx;
    await asAdmin(() => api.createAccount({ username: 'sunsj', displayName: '孙审计', role: 'auditor', password: 'Auditor-2026-pass', passwordConfirm: 'Auditor-2026-pass' }));
    await api.lock();
    await api.unlock({ username: 'zhaojl', password: 'Manager-2026-pass' });
    const view = await api.requestApproval({ kind: 'view_confidential', documentId: secret.id, reason: '更正' });
    await api.decideApproval({ approvalId: view.id, approve: true, reason: '同意', approver: { username: 'qianzjl', password: 'General-2026-pass' } });
    await api.updateDocument({
      documentId: secret.id,
      category: 'payment',
      title: '押金结算明细（更正）',
      docDate: '2024-01-02',
      pages: 2,
      isOriginal: true,
      confidentiality: 'confidential',
      remarks: '退款账户 6222',
      reason: '金额',
    });
    expect((await api.listDocumentRevisions({ documentId: secret.id }))[0]!.before.title).toBe('押金结算明细');
    for (const [username, password] of [
      ['sunsj', 'Auditor-2026-pass'],
      ['lixiao', 'Clerk-2026-pass'],
    ] as const) {
      await api.lock();
      await api.unlock({ username, password });
      const revisions = await api.listDocumentRevisions({ documentId: secret.id });
      expect(revisions[0]).toMatchObject({ restricted: true, before: { title: '', remarks: null } });
      expect(JSON.stringify(revisions)).not.toContain('押金');
    }
    const request = await api.requestApproval({ kind: 'view_confidential', documentId: secret.id, reason: '核对' });
    expect(JSON.stringify(request)).not.toContain('押金');
    expect(JSON.stringify(await api.listApprovals({}))).not.toContain('押金');
  });
});
