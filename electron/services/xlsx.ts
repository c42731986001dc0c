import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/api';

/**
 * One sheet: bold headers (kept in view when scrolling, if asked), a row per record. Written row
 * by row (exceljs' streaming writer): a row is serialised as it is added and dropped, so 100,000
 * rows take seconds and little memory (the in-memory workbook took 80 s for the customer export).
 */
export async function xlsxSheet(
  sheetName: string,
  columns: Partial<ExcelJS.Column>[],
  rows: Iterable<Record<string, unknown> | unknown[]>,
  options: { created?: Date; freezeHeader?: boolean } = {},
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  if (options.created) workbook.created = options.created;
  const sheet = workbook.addWorksheet(sheetName, options.freezeHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : undefined);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

export function xlsxFile(fileName: string, bytes: Buffer): ExportedFile {
  return { fileName, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: bytes.toString('base64') };
}
