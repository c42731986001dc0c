import { categoryLabels, documentKeysOf, fileForRegister } from '../../db/queries/documents';
import { allBoxes } from '../../db/queries/locations';
import { fileCountsByBox } from '../../db/queries/locations';
import { registerFields, type ImportIssueCode, type JobStep, type RegisterField, type RegisterImportIssue, type RegisterImportPreview, type RegisterImportResult } from '../../shared/api';
import { confidentialityLevels, locales, type Confidentiality, type RegisterSheet } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { confidentialityLabels, registerFieldLabels, systemMoveReasons } from '../../shared/labels';
import { requirePermission } from '../../shared/permissions';
import { refNoVariants } from '../../shared/ref-numbers';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import { insertDocument } from './documents';
import { IMPORT_STEP, cellText, enumValue, formulaWithoutValue, importLimits, normalizeDate, readSheet } from './excel';
import { cancelled, pause } from './jobs';
import { fileInto } from './locations';

// Going live from paper (003 §9): the desk's old Excel registers, the 卷内目录 of each file and the
// box each file sits in, are read like the customer sheet: headers matched by name, every bad row
// listed with its number, then all rows or none. Rows the archive already holds are left alone,
// so a register imported twice adds nothing the second time.

type Mapping = Partial<Record<RegisterField, string>>;
type Sheet = Awaited<ReturnType<typeof readSheet>>;

/** Other names a paper register's column goes by, besides the field's own labels. */
const headerAliases: Partial<Record<RegisterField, string[]>> = {
  refNo: ['档案号', '案卷号'],
  title: ['题名', '文件题名', '文件名', '文件名称'],
  category: ['类别', '文件类别', '文件类型'],
  docDate: ['日期', '文件日期', '形成日期'],
  pages: ['页数', '张数'],
  isOriginal: ['原件/复印件', '原件', '载体'],
  confidentiality: ['密级'],
  remarks: ['备注'],
  box: ['档案盒', '盒号', '档案盒编号', '存放位置'],
};

function guessMapping(register: RegisterSheet, headers: string[]): Mapping {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const mapping: Mapping = {};
  for (const field of registerFields[register]) {
    const names = [field, ...locales.map((l) => registerFieldLabels[l][field]), ...(headerAliases[field] ?? [])].map(norm);
    const header = headers.find((h) => names.includes(norm(h)));
    if (header) mapping[field] = header;
  }
  return mapping;
}

const required: Record<RegisterSheet, RegisterField[]> = { documents: ['refNo', 'title', 'category', 'docDate', 'pages', 'isOriginal'], positions: ['refNo', 'box'] };

const yes = ['原件', '是', 'y', 'yes', 'true', '1', 'original'];
const no = ['复印件', '复印', '否', 'n', 'no', 'false', '0', 'copy'];

interface DocumentRow {
  row: number;
  fileId: number;
  fields: { category: string; title: string; docDate: string; pages: number; isOriginal: boolean; confidentiality: Confidentiality; remarks?: string };
}
interface PositionRow {
  row: number;
  file: { id: number; home_box_id: number | null };
  boxId: number;
}

interface Analysis {
  headers: string[];
  mapping: Mapping;
  rowCount: number;
  issues: RegisterImportIssue[];
  documents: DocumentRow[];
  positions: PositionRow[];
  unchanged: number;
}

async function analyse(ctx: ServiceContext, register: RegisterSheet, sheet: Sheet, step?: (done: number, total: number) => Promise<void>): Promise<Analysis> {
  const mapping = guessMapping(register, sheet.headers);
  const issues: RegisterImportIssue[] = [];
  for (const field of required[register]) if (!mapping[field]) issues.push({ row: 1, field, code: 'REQUIRED' });
  const result: Analysis = { headers: sheet.headers, mapping, rowCount: sheet.rows.length, issues, documents: [], positions: [], unchanged: 0 };
  if (issues.length) return result;
  const categories = await categoryLabels(ctx.db);
  const boxes = new Map((await allBoxes(ctx.db)).map((b) => [b.code.toLowerCase(), b]));
  // Each 档号 is read once, with what the checks need (a register names a file on many rows).
  const files = new Map<string, { id: number; status: string; transferred_at: string | null; home_box_id: number | null } | null>();
  const fileOf = async (refNo: string) => {
    if (!files.has(refNo)) {
      const found = await fileForRegister(ctx.db, refNoVariants(refNo));
      files.set(refNo, found ?? null);
    }
    return files.get(refNo)!;
  };
  const placed = new Map<number, { row: number; boxId: number }>();
  for (const [i, { row, values }] of sheet.rows.entries()) {
    if (step && i % IMPORT_STEP === 0) await step(i, sheet.rows.length);
    const rowIssues: RegisterImportIssue[] = [];
    const issue = (field: RegisterField, code: ImportIssueCode, value?: string) => rowIssues.push({ row, field, code, value });
    const get = (field: RegisterField) => {
      const header = mapping[field];
      if (!header) return '';
      const formula = formulaWithoutValue(values[header]);
      if (formula) issue(field, 'FORMULA_WITHOUT_VALUE', formula);
      // The formula stands in for the missing value: the row is refused once, for the formula.
      return formula ?? cellText(values[header]);
    };
    const refNo = get('refNo');
    if (!refNo) issue('refNo', 'REQUIRED');
    const file = refNo ? await fileOf(refNo) : null;
    if (refNo && !file) issue('refNo', 'UNKNOWN_REF_NO', refNo);
    if (file?.status === 'destroyed') issue('refNo', 'FILE_DESTROYED', refNo);
    else if (file?.transferred_at && register === 'documents') issue('refNo', 'FILE_TRANSFERRED', refNo);

    if (register === 'documents') {
      const title = get('title');
      if (!title) issue('title', 'REQUIRED');
      else if (title.length > 200) issue('title', 'TOO_LONG', title.slice(0, 40));
      const categoryText = get('category');
      const category = categories.find((c) => [c.code, c.label_zh, c.label_en].some((n) => n.toLowerCase() === categoryText.toLowerCase()));
      if (!categoryText) issue('category', 'REQUIRED');
      else if (!category) issue('category', 'UNKNOWN_CATEGORY', categoryText);
      const dateText = get('docDate');
      const docDate = normalizeDate(dateText);
      if (!dateText) issue('docDate', 'REQUIRED');
      else if (!docDate) issue('docDate', 'INVALID_DATE', dateText);
      const pagesText = get('pages');
      const pages = Number(pagesText);
      if (!pagesText) issue('pages', 'REQUIRED');
      else if (!Number.isInteger(pages) || pages < 1 || pages > 100_000) issue('pages', 'INVALID_VALUE', pagesText);
      const originalText = get('isOriginal').toLowerCase();
      const isOriginal = yes.includes(originalText) ? true : no.includes(originalText) ? false : null;
      if (!originalText) issue('isOriginal', 'REQUIRED');
      else if (isOriginal === null) issue('isOriginal', 'INVALID_VALUE', get('isOriginal'));
      const levelText = get('confidentiality');
      const level = enumValue(levelText, confidentialityLevels, confidentialityLabels);
      if (level === null) issue('confidentiality', 'INVALID_VALUE', levelText);
      const remarks = get('remarks');
      if (remarks.length > 1000) issue('remarks', 'TOO_LONG', remarks.slice(0, 40));
      if (rowIssues.length === 0 && file && category && docDate && isOriginal !== null) {
        result.documents.push({ row, fileId: file.id, fields: { category: category.code, title, docDate, pages, isOriginal, confidentiality: level ?? 'ordinary', remarks: remarks || undefined } });
      }
    } else {
      const code = get('box');
      const box = code ? boxes.get(code.toLowerCase()) : undefined;
      if (!code) issue('box', 'REQUIRED');
      else if (!box) issue('box', 'UNKNOWN_BOX', code);
      else if (box.retired_at) issue('box', 'BOX_RETIRED', code);
      if (file && box && placed.has(file.id) && placed.get(file.id)!.boxId !== box.id) issue('refNo', 'DUPLICATE_IN_SHEET', refNo);
      if (rowIssues.length === 0 && file && box) {
        if (!placed.has(file.id)) {
          placed.set(file.id, { row, boxId: box.id });
          if (file.home_box_id === box.id) result.unchanged++;
          else result.positions.push({ row, file, boxId: box.id });
        } else result.unchanged++;
      }
    }
    issues.push(...rowIssues);
  }
  if (register === 'documents') await dropDocumentsAlreadyHeld(ctx, result);
  else await checkCapacity(ctx, result, [...boxes.values()]);
  issues.sort((a, b) => a.row - b.row);
  return result;
}

/** A row whose document the file already holds (same category, title and date) is not added again. */
async function dropDocumentsAlreadyHeld(ctx: ServiceContext, result: Analysis): Promise<void> {
  const key = (fileId: number, f: { category: string; title: string; docDate: string }) => `${fileId}\u0000${f.category}\u0000${f.title}\u0000${f.docDate}`;
  const held = new Map<string, number>();
  const fileIds = [...new Set(result.documents.map((d) => d.fileId))];
  for (let i = 0; i < fileIds.length; i += 500) {
    const rows = await documentKeysOf(ctx.db, fileIds.slice(i, i + 500));
    for (const r of rows) {
      const k = key(r.file_id, { category: r.category, title: r.title, docDate: r.doc_date });
      held.set(k, (held.get(k) ?? 0) + 1);
    }
  }
  result.documents = result.documents.filter((d) => {
    const k = key(d.fileId, d.fields);
    const left = held.get(k) ?? 0;
    if (left === 0) return true;
    held.set(k, left - 1);
    result.unchanged++;
    return false;
  });
}

/** Each box must hold what it holds now, less the files leaving it, plus the files coming in. */
async function checkCapacity(ctx: ServiceContext, result: Analysis, boxes: { id: number; code: string; capacity: number }[]): Promise<void> {
  const counts = await fileCountsByBox(ctx.db);
  for (const p of result.positions) if (p.file.home_box_id !== null) counts.set(p.file.home_box_id, (counts.get(p.file.home_box_id) ?? 0) - 1);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  for (const p of result.positions) {
    const box = byId.get(p.boxId)!;
    const n = (counts.get(p.boxId) ?? 0) + 1;
    counts.set(p.boxId, n);
    if (n > box.capacity) result.issues.push({ row: p.row, field: 'box', code: 'BOX_FULL', value: `${box.code}（${box.capacity}）` });
  }
}

/** Putting files in boxes is location work, whichever door it comes through. */
export function mayImport(ctx: Pick<ServiceContext, 'session'>, register: RegisterSheet): void {
  if (register === 'positions') requirePermission(ctx.session.role, 'locations.manage');
}

/** The dry run: every bad row with its number and reason; nothing is written. */
export async function previewRegisterImport(ctx: ServiceContext, input: { register: RegisterSheet; fileBase64: string }): Promise<RegisterImportPreview> {
  mayImport(ctx, input.register);
  const a = await analyse(ctx, input.register, await readSheet(input.fileBase64, await importLimits(ctx)));
  const adds = input.register === 'documents' ? a.documents.length : a.positions.length;
  return { register: input.register, headers: a.headers, mapping: a.mapping, rowCount: a.rowCount, issues: a.issues, ready: a.issues.length === 0 && adds > 0, adds, unchanged: a.unchanged };
}

/** The import job: checked again inside the transaction that writes it; any bad row and nothing is written. */
export async function importRegister(
  ctx: ServiceContext,
  input: { register: RegisterSheet; fileBase64: string },
  report: (step: JobStep) => void = () => undefined,
  signal?: AbortSignal,
  yieldStep: () => Promise<void> = () => pause(signal),
): Promise<RegisterImportResult> {
  mayImport(ctx, input.register);
  report({ phase: 'preparing', done: 0, total: 0 });
  const sheet = await readSheet(input.fileBase64, await importLimits(ctx));
  cancelled(signal);
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const a = await analyse(tx, input.register, sheet, async (done, total) => {
      report({ phase: 'checking', done, total });
      await yieldStep();
    });
    const total = input.register === 'documents' ? a.documents.length : a.positions.length;
    if (a.issues.length > 0 || total === 0) throw new ArchiveError('IMPORT_HAS_ERRORS', { count: a.issues.length, issues: a.issues.slice(0, 100) });
    const reason = systemMoveReasons.registerImport;
    for (let i = 0; i < total; i++) {
      if (i % IMPORT_STEP === 0) {
        report({ phase: 'importing', done: i, total });
        await yieldStep();
      }
      if (input.register === 'documents') {
        const d = a.documents[i]!;
        const doc = await insertDocument(trx, tx, d.fileId, d.fields);
        await recordAudit(trx, ctx.clock, ctx.session.accountId, 'document.added', { targetType: 'document', targetId: String(doc.id), details: { fileId: d.fileId, fromRegister: true } });
      } else {
        const p = a.positions[i]!;
        await fileInto(trx, tx, p.file, p.boxId, reason);
      }
    }
    report({ phase: 'importing', done: total, total });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, input.register === 'documents' ? 'document.register_imported' : 'file.positions_imported', {
      details: { rows: a.rowCount, imported: total, unchanged: a.unchanged },
    });
    return { register: input.register, imported: total, unchanged: a.unchanged };
  });
}
