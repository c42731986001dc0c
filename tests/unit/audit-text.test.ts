import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditActions, auditSentenceLabels } from '../../shared/audit-labels';
import { adminInput, asAdmin, failureCode, readAudit, signedInAs } from './helpers';
import { setupStorage } from './storage-fixture';

// The audit log read by a person: each entry a sentence in the UI language (who, what, which
// customer or file by name and 档号), times in the desk's local time, found by Chinese words.

const manager = { username: 'zhaojl', password: 'Manager-2026-pass' };

async function busyDay() {
  const ctx = await setupStorage();
  const { api, byCode, file } = ctx;
  await asAdmin(() => api.createAccount({ username: manager.username, displayName: '赵经理', role: 'department_manager', password: manager.password, passwordConfirm: manager.password }));
  await asAdmin(() => api.createAccount({ username: 'sunsj', displayName: '孙审计', role: 'auditor', password: 'Auditor-2026-pass', passwordConfirm: 'Auditor-2026-pass' }));
  const a = await file('华强电子有限公司', 'A-301');
  const refNo = (await api.getFile({ fileId: a })).refNo;
  await api.moveFile({ fileId: a, toBoxId: byCode['B-002']!.id, reason: '入盒' });
  const liu = await api.saveBorrower({ name: '刘强', department: '工程部', phone: '13800138000' });
  const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '核对面积', kind: 'take_out', term: 'short' });
  await api.decideApproval({ approvalId: loan.approval!.id, approve: true, reason: '同意', approver: manager });
  await api.lendFiles({ borrowerId: liu.id, fileIds: [a] });
  await api.returnFiles({ items: [{ fileId: a, condition: 'complete' }] });
  await api.lock();
  await failureCode(api.unlock({ username: 'wangfang', password: 'Wrong-2026-pass' }));
  await api.unlock({ username: 'wangfang', password: adminInput.password });
  return { ...ctx, a, refNo };
}

const codeLike = /\b[a-z]+[._][a-z_]+\b|[{}]|"\w+":|\bfile \d|\b(?:WRONG|ACCOUNT)_[A-Z_]+/;

describe('the audit log in words', () => {
  it('gives every action a sentence in both languages, naming who and what', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const action of auditActions) {
        const sentence = auditSentenceLabels[locale][action];
        expect(sentence.length, `${locale} ${action}`).toBeGreaterThan(3);
        expect(sentence.replace(/\{who\}|\{target\}/g, ''), `${locale} ${action}`).not.toMatch(/[{}]/);
      }
    }
  });

  it("shows each entry as a sentence with the customer's name and 档号, in local time, and finds entries by Chinese words", async () => {
    const { vault, refNo } = await busyDay();
    await signedInAs(
      'sunsj',
      async () => {
        const all = await readAudit({ pageSize: 500 });
        for (const row of all.rows) {
          expect(row.summary, `${row.action}: ${row.summary}`).not.toMatch(codeLike);
          expect(row.summary.length).toBeGreaterThan(3);
        }
        const viewed = all.rows.find((r) => r.action === 'file.viewed')!;
        expect(viewed.summary).toBe(`王芳查看了档案 ${refNo}（华强电子有限公司）。`);
        const moved = all.rows.find((r) => r.action === 'file.moved')!;
        expect(moved.summary).toContain('档案盒：无 → B-002');
        expect(moved.summary).toContain('原因：入盒');
        const lent = all.rows.find((r) => r.action === 'loan.lent')!;
        expect(lent.summary).toMatch(/^王芳借出了借阅单 JY-2026-00001（借阅人 刘强；档案 .*华强电子有限公司）。应还日期：2026-11-26。$/);
        const failed = all.rows.find((r) => r.action === 'login.failed')!;
        expect(failed.summary).toMatch(/^登录失败。用户名：wangfang，原因：[^。]*密码[^。]*。$/);
        // Searching by the customer's name, by 档号 and by an action word.
        const byName = await readAudit({ text: '华强', pageSize: 500 });
        // Exactly the entries whose sentence names the customer: registered, viewed, moved, asked for, approved, lent, returned.
        expect(byName.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => r.summary.includes('华强')).map((r) => r.id));
        expect(new Set(byName.rows.map((r) => r.action))).toEqual(
          new Set(['customer.registered', 'file.viewed', 'file.moved', 'approval.requested', 'approval.approved', 'loan.lent', 'loan.returned']),
        );
        expect((await readAudit({ text: refNo })).rows.map((r) => r.action)).toContain('loan.lent');
        const lending = await readAudit({ text: '借出' });
        expect(lending.rows.map((r) => r.action)).toContain('loan.lent');
        expect(lending.rows.every((r) => r.summary.includes('借出'))).toBe(true);
        expect((await readAudit({ text: '登录' })).rows.map((r) => r.action)).toEqual(expect.arrayContaining(['login', 'login.failed']));
        expect((await readAudit({ group: 'loan' })).rows.map((r) => r.action).sort()).toEqual(['borrower.saved', 'loan.lent', 'loan.returned']);
        // English, when the screen is in English.
        const en = await readAudit({ pageSize: 500, locale: 'en' });
        expect(en.rows.find((r) => r.action === 'file.viewed')!.summary).toBe(`王芳 viewed file ${refNo} (华强电子有限公司).`);
      },
      vault,
    );
  });

  it('exports the same sentences to xlsx, with times in the desk’s time zone', async () => {
    const { api, clock, refNo } = await busyDay();
    const file = await signedInAs('sunsj', () => api.exportAuditLog({}));
    expect(file.fileName).toBe('审计日志-2026-11-23.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '时间（UTC+08:00）', '操作人', '记录', '原始记录', '链式哈希']);
    const rows: string[][] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1).map(String)));
    const viewed = rows.find((r) => r[3]!.startsWith('王芳查看了档案'))!;
    expect(viewed[3]).toBe(`王芳查看了档案 ${refNo}（华强电子有限公司）。`);
    // 02:20 on 11-23 in China; the stored moment is 18:20 UTC on 11-22.
    expect(viewed[1]).toMatch(/^2026-11-23 02:2\d:\d\d$/);
    expect(viewed[4]).toContain('file.viewed');
    expect(clock.now().toISOString().slice(0, 10)).toBe('2026-11-22');
  });
});
