// `npm run bench`, second part: form PDFs through the system Chromium. One call per form against
// many forms rendered in one call (as the yearly bundle does). Prints pages per second.
//   npx tsx bench/forms.ts -- --files 200
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchiveApi } from '../electron/api';
import { chromiumPdfRenderer } from '../electron/pdf/chromium-pdf-renderer';
import { systemClock } from '../electron/services/clock';
import { renderFormBatch } from '../electron/services/forms';
import { ArchiveVault } from '../electron/services/vault';
import { numberArg } from './args';

const FILES = numberArg('--files', 200);
const DOCS = numberArg('--docs', 30);
const SINGLE = numberArg('--single', 20);

function pages(bytes: Uint8Array, dir: string): number {
  const path = join(dir, 'count.pdf');
  writeFileSync(path, bytes);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-forms-'));
  const vault = new ArchiveVault(dir, systemClock, { passwordCost: { N: 2 ** 12, r: 8, p: 1 }, recoveryCost: { N: 2 ** 12, r: 8, p: 1 } });
  const pdf = chromiumPdfRenderer();
  const api = createArchiveApi({ vault, clock: systemClock, pdf });
  try {
    // 三员分立: the administrator makes the archive and the desk's account, who does the file work.
    await api.createArchive({ organisation: '华联物业客务部', username: 'admin', displayName: '系统管理员', password: 'Desk-2026-pass', passwordConfirm: 'Desk-2026-pass' });
    await api.createAccount({ username: 'wangfang', displayName: '王芳', role: 'clerk', password: 'Desk-2026-pass', passwordConfirm: 'Desk-2026-pass' });
    await api.lock();
    await api.unlock({ username: 'wangfang', password: 'Desk-2026-pass' });
    const fileIds: number[] = [];
    for (let i = 0; i < FILES; i++) {
      const fileId = (await api.registerCustomer({ kind: 'tenant', name: `测试租户${i}`, floor: String(1 + (i % 20)), units: [`U-${i}`] })).customer.files[0]!.id;
      for (let d = 0; d < DOCS; d++) await api.addDocument({ fileId, category: 'other', title: `文件第${d + 1}号 租赁合同及附件`, docDate: '2024-01-01', pages: 2, isOriginal: false });
      fileIds.push(fileId);
    }
    // Warm the browser once, as the app keeps it warm.
    await api.exportFormPdf({ formId: 'file-catalogue', blank: true });

    let t0 = performance.now();
    let singlePages = 0;
    for (const fileId of fileIds.slice(0, SINGLE)) {
      const file = await api.exportFormPdf({ formId: 'file-catalogue', params: { fileId } });
      singlePages += pages(Buffer.from(file.dataBase64, 'base64'), dir);
    }
    const singleSeconds = (performance.now() - t0) / 1000;

    t0 = performance.now();
    const ctx = { db: vault.db(), clock: systemClock, session: vault.session! };
    const html = await renderFormBatch(
      ctx,
      'file-catalogue',
      fileIds.map((fileId) => ({ fileId })),
    );
    const htmlSeconds = (performance.now() - t0) / 1000;
    const bytes = await pdf.render(html);
    const batchSeconds = (performance.now() - t0) / 1000;
    const batchPages = pages(bytes, dir);

    console.log(`\nForm PDFs (卷内目录, ${DOCS} documents each) through the system Chromium`);
    console.table([
      { mode: `one call per form (${SINGLE})`, pages: singlePages, seconds: singleSeconds.toFixed(2), 'pages/s': (singlePages / singleSeconds).toFixed(1) },
      { mode: `one call for ${FILES} forms`, pages: batchPages, seconds: batchSeconds.toFixed(2), 'pages/s': (batchPages / batchSeconds).toFixed(1), 'of which HTML s': htmlSeconds.toFixed(2) },
    ]);
    console.log(`batch / single: ${(batchPages / batchSeconds / (singlePages / singleSeconds)).toFixed(1)}× the pages per second`);
  } finally {
    await pdf.close();
    await vault.lock().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
