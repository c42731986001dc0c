import { describe, expect, it } from 'vitest';
import { createArchiveApi } from '../../electron/api';
import type { ArchiveApi } from '../../shared/api';
import type { Role } from '../../shared/domain';
import { pageImage, scannedPdf } from '../scan-pages';
import { makeVault, openDesk } from './helpers';
import { insertPageText, pagesMatching } from '../../db/queries/scan-text';
import { pageTextBody, pageTextQuery } from '../../electron/services/search';

// Scanned pages are read in the background and found by their words; what a clerk may not read
// is neither read nor kept.

async function readDesk(role: Role = 'clerk') {
  const ctx = makeVault();
  await openDesk(ctx, role);
  // The same archive behind an API that reads text (makeVault's does not).
  const api = createArchiveApi({ vault: ctx.vault, clock: ctx.clock, readText: true, log: () => undefined });
  await api.lock();
  await api.unlock({ username: 'wangfang', password: 'Desk-2026-pass' });
  const fileId = (await api.registerCustomer({ kind: 'tenant', name: '华联商贸', units: ['A-0101'] })).customer.files[0]!.id;
  return { ...ctx, api, fileId };
}

async function allRead(api: ArchiveApi) {
  for (let i = 0; i < 600; i++) {
    const status = await api.textReadingStatus();
    if (!status.reading && status.waiting === 0) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the text reader did not finish');
}

const twoPages = async () =>
  scannedPdf([await pageImage(['装修完工验收单', '验收日期：2026年10月8日'], { width: 1200 }), await pageImage(['备注：公共区域电梯停运两天，已安排维修。'], { width: 1200, jpeg: true })]);

describe('the text of scanned pages', () => {
  it('reads every page in the background and finds a page by a phrase on it, the words marked', async () => {
    const { api, fileId } = await readDesk();
    const doc = await api.addDocument({
      fileId,
      category: 'fit_out',
      title: '二次装修竣工验收单',
      docDate: '2026-10-08',
      pages: 2,
      isOriginal: true,
      scans: [{ fileName: '验收.pdf', dataBase64: (await twoPages()).toString('base64') }],
    });
    expect((await allRead(api)).pagesRead).toBe(2);
    const found = await api.search({ query: '电梯停运' });
    expect(found.pages).toHaveLength(1);
    const hit = found.pages[0]!;
    expect(hit).toMatchObject({ documentId: doc.id, pageNo: 2, title: '二次装修竣工验收单', customerName: '华联商贸' });
    expect(hit.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['电梯停运']);
    // Two characters are enough; a word on page 1 finds page 1; one character alone finds no page.
    expect((await api.search({ query: '验收' })).pages.map((p) => p.pageNo)).toContain(1);
    expect((await api.search({ query: '梯' })).pages).toEqual([]);
    expect((await api.search({ query: '锅炉' })).pages).toEqual([]);
    const text = await api.getScanText({ scanId: doc.scans[0]!.id });
    expect(text.state).toBe('read');
    expect(text.pages.map((p) => p.pageNo)).toEqual([1, 2]);
    expect(text.pages[0]!.text).toContain('装修完工验收单');
  }, 120_000);

  it('does not read a confidential scan, and forgets the text of one raised to confidential: kept nowhere, found by no one', async () => {
    const { api, fileId, vault } = await readDesk('department_manager');
    const sealed = await api.addDocument({
      fileId,
      category: 'payment',
      title: '押金结算',
      docDate: '2026-10-08',
      pages: 1,
      isOriginal: true,
      confidentiality: 'confidential',
      scans: [{ fileName: '押金.png', dataBase64: (await pageImage(['押金退还协议：退还押金伍万元整'], { width: 1200 })).toString('base64') }],
    });
    const receipt = await api.addDocument({
      fileId,
      category: 'payment',
      title: '收据',
      docDate: '2026-10-08',
      pages: 1,
      isOriginal: true,
      scans: [{ fileName: '收据.png', dataBase64: (await pageImage(['押金收据 第一联'], { width: 1200 })).toString('base64') }],
    });
    await allRead(api);
    expect((await api.search({ query: '退还押金' })).pages).toEqual([]);
    expect((await api.search({ query: '押金收据' })).pages.map((p) => p.documentId)).toEqual([receipt.id]);
    const atRest = (documentId: number) =>
      vault
        .sqlite()
        .prepare('select scans.text_state as state, count(scan_pages.id) as pages from scans left join scan_pages on scan_pages.scan_id = scans.id where scans.document_id = ? group by scans.id')
        .get(documentId);
    expect(atRest(sealed.id)).toEqual({ state: 'withheld', pages: 0 });
    expect(atRest(receipt.id)).toEqual({ state: 'read', pages: 1 });
    // Raised to confidential: its page leaves the archive and the index.
    await api.setDocumentConfidentiality({ documentId: receipt.id, confidentiality: 'confidential', reason: '含押金金额' });
    expect(atRest(receipt.id)).toEqual({ state: 'withheld', pages: 0 });
    expect((await api.search({ query: '押金收据' })).pages).toEqual([]);
    expect(vault.sqlite().prepare(`select count(*) as n from page_text where page_text match '"押金 金收 收据"'`).get()).toEqual({ n: 0 });
  }, 120_000);

  it('a lock stops the reading at a page; the next sign-in reads the rest, and no page twice', async () => {
    const { api, fileId, vault } = await readDesk();
    const pages = await Promise.all(['第一页 租赁合同', '第二页 付款方式', '第三页 违约责任'].map((l) => pageImage([l], { width: 1200 })));
    await api.addDocument({
      fileId,
      category: 'other',
      title: '租赁合同',
      docDate: '2026-10-08',
      pages: 3,
      isOriginal: true,
      scans: [{ fileName: '合同.pdf', dataBase64: (await scannedPdf(pages)).toString('base64') }],
    });
    const count = () => (vault.sqlite().prepare('select count(*) as n from scan_pages').get() as { n: number }).n;
    for (let i = 0; i < 600 && count() === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const before = count();
    await api.lock();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(3);
    await api.unlock({ username: 'wangfang', password: 'Desk-2026-pass' });
    await allRead(api);
    expect(vault.sqlite().prepare('select page_no from scan_pages order by page_no').all()).toEqual([{ page_no: 1 }, { page_no: 2 }, { page_no: 3 }]);
    expect((await api.search({ query: '违约责任' })).pages.map((p) => p.pageNo)).toEqual([3]);
  }, 120_000);

  it('finds the newest pages first, and as many as asked even when the newest hits are confidential ones left out', async () => {
    const ctx = makeVault();
    await openDesk(ctx, 'department_manager');
    const { api, vault } = ctx;
    const fileId = (await api.registerCustomer({ kind: 'tenant', name: '华联商贸', units: ['A-0101'] })).customer.files[0]!.id;
    const doc = async (confidentiality: 'ordinary' | 'confidential') =>
      (await api.addDocument({ fileId, category: 'correspondence', title: '联系函', docDate: '2026-10-08', pages: 1, isOriginal: true, confidentiality })).id;
    const db = vault.db();
    const pages = async (documentId: number, n: number) => {
      const { id: scanId } = await db
        .insertInto('scans')
        .values({
          document_id: documentId,
          file_name: 'a.pdf',
          mime: 'application/pdf',
          size: 4,
          sha256: `s-${documentId}`,
          data: Buffer.from('%PDF'),
          created_at: new Date().toISOString(),
          text_state: 'read',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let pageNo = 1; pageNo <= n; pageNo++) {
        const text = `第${pageNo}页 电梯停运通知`;
        await insertPageText(db, { scanId, pageNo, text, lines: '[]', confidence: 1, width: 10, height: 10, turned: 0, skew: 0, readAt: new Date().toISOString() }, pageTextBody(text));
      }
      return scanId;
    };
    const older = await pages(await doc('ordinary'), 30);
    await pages(await doc('confidential'), 200);
    const found = await pagesMatching(db, pageTextQuery('电梯停运')!, false, 20);
    expect(found).toHaveLength(20);
    expect(found.every((p) => p.scanId === older)).toBe(true);
    expect(found.map((p) => p.pageNo)).toEqual(Array.from({ length: 20 }, (_, i) => 30 - i));
  });
});
