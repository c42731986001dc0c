import { PDFDocument } from 'pdf-lib';
import { scannedPdf } from '../scan-pages';
import { callApi } from './helpers';

/** A batch as the desk scans it: a printed cover sheet (the archive's own PDF) before each document's pages. */
export async function batchWithCovers(openUrl: string, parts: { fileId: number; category: string; pages: Buffer[] }[]): Promise<Buffer> {
  const batch = await PDFDocument.create();
  for (const part of parts) {
    const cover = await callApi(openUrl, 'exportFormPdf', { formId: 'scan-cover', blank: false, params: { fileId: part.fileId, category: part.category } });
    const sheet = await PDFDocument.load(Buffer.from(cover.dataBase64, 'base64'));
    for (const p of await batch.copyPages(sheet, [0])) batch.addPage(p);
    const scanned = await PDFDocument.load(await scannedPdf(part.pages));
    for (const p of await batch.copyPages(scanned, scanned.getPageIndices())) batch.addPage(p);
  }
  return Buffer.from(await batch.save());
}
