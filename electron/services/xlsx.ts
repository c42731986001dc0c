import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/api';

/** One sheet: bold headers (kept in view when scrolling, if asked), a row per record. */
export async function xlsxSheet(
  sheetName: string,
  columns: Partial<ExcelJS.Column>[],
  rows: (Record<string, unknown> | unknown[])[],
  options: { created?: Date; freezeHeader?: boolean } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (options.created) workbook.created = options.created;
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  if (options.freezeHeader) sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function xlsxFile(fileName: string, bytes: Buffer): ExportedFile {
  return { fileName, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: bytes.toString('base64') };
}
