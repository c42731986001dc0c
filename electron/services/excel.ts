import { fileCountOf } from '../../db/queries/customers';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type z } from 'zod';
import { importFields, type CustomerDetail, type ExportedFile, type ImportField, type ImportIssue, type ImportPreview, type ImportResult, type JobStep } from '../../shared/api';
import { classifications, companyNatures, customerKinds, type CompanyNature, locales, valueGrades, type Locale } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { classificationLabels, companyNatureLabels, customerFieldLabels, customerKindLabels, fileStatusLabels, valueGradeLabels } from '../../shared/labels';
import { type exportCustomersInput, registerCustomerInput, type updateCustomerInput, type RegisterCustomerInput } from '../../shared/schemas';
import { recordAudit } from './audit';
import { xlsxFile, xlsxSheet } from './xlsx';
import { today, type ServiceContext } from './context';
import { blacklistHit } from './admission';
import { allFilesForExport, fileByRefNo, findDuplicate, loadCustomer, registerCustomerIn, updateCustomerIn } from './customers';
import { cancelled, pause } from './jobs';
import { readSettings } from './settings';
import { inReadingOrder } from './xlsx-order';

type Mapping = Partial<Record<ImportField, string>>;
type Labels = Record<Locale, Record<string, string>>;

/** How many times its size a workbook may unpack to (sheet XML packs some 5 to 15 times). */
const UNPACKS_TO = 16;

export interface ImportLimits {
  maxRows: number;
  maxMegabytes: number;
}

/**
 * Reads the first sheet as a stream, row by row, so a huge or hostile workbook is refused as soon
 * as it passes the limits instead of being unpacked whole into memory.
 */
export async function readSheet(base64: string, limits: ImportLimits): Promise<{ headers: string[]; rows: { row: number; values: Record<string, unknown> }[] }> {
  // base64 is 4 characters for 3 bytes: the size is known before decoding.
  const bytes = Math.floor((base64.length * 3) / 4);
  if (bytes > limits.maxMegabytes * 1024 * 1024) {
    throw new ArchiveError('IMPORT_FILE_TOO_LARGE', { sizeMb: (bytes / 1024 / 1024).toFixed(1), maxMb: limits.maxMegabytes });
  }
  const workbook = await inReadingOrder(Buffer.from(base64, 'base64'), limits.maxMegabytes * UNPACKS_TO * 1024 * 1024);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([workbook]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const headers: string[] = [];
  const rows: { row: number; values: Record<string, unknown> }[] = [];
  let sawSheet = false;
  try {
    for await (const worksheet of reader) {
      if (sawSheet) break; // only the first sheet is imported
      sawSheet = true;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number === 1) {
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            if (col <= 200) headers[col - 1] = cellText(cell.value);
          });
          continue;
        }
        if (row.number - 1 > limits.maxRows) {
          throw new ArchiveError('IMPORT_TOO_MANY_ROWS', { maxRows: limits.maxRows });
        }
        const values: Record<string, unknown> = {};
        let any = false;
        headers.forEach((header, i) => {
          if (!header) return;
          const value = row.getCell(i + 1).value;
          if (value !== null && value !== undefined && cellText(value) !== '') any = true;
          values[header] = value;
        });
        if (any) rows.push({ row: row.number, values });
      }
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('IMPORT_UNREADABLE');
  }
  if (headers.filter(Boolean).length === 0) throw new ArchiveError('IMPORT_UNREADABLE');
  return { headers: headers.filter(Boolean), rows };
}

export async function importLimits(ctx: ServiceContext): Promise<ImportLimits> {
  const settings = await readSettings(ctx.db);
  return { maxRows: settings.maxImportRows, maxMegabytes: settings.maxImportMegabytes };
}

/** A cell's text as a person sees it: dates as YYYY-MM-DD, rich text and links as their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (v.richText)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return cellText(v.result);
    // Anything else (a formula with no stored result) reads as nothing; parseRow names it.
    return '';
  }
  return String(value).trim();
}

/** Matches headers to fields by their zh-CN or English label, or the field's own name. */
export function guessMapping(headers: string[]): Mapping {
  const mapping: Mapping = {};
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  for (const field of importFields) {
    const names = [field, ...locales.map((l) => customerFieldLabels[l][field])].map(norm);
    const header = headers.find((h) => names.includes(norm(h)));
    if (header) mapping[field] = header;
  }
  return mapping;
}

/** Accepts an enum value as its key or as its label in either language. */
export function enumValue<T extends string>(text: string, values: readonly T[], labels: Labels): T | undefined | null {
  if (!text) return undefined;
  const t = text.trim().toLowerCase();
  for (const value of values) {
    if (value === t || locales.some((l) => labels[l]![value]?.toLowerCase() === t)) return value;
  }
  return null;
}

export function normalizeDate(text: string): string | undefined | null {
  if (!text) return undefined;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

type Parsed = { row: number; refNo: string; input?: z.output<typeof registerCustomerInput>; issues: ImportIssue[] };

/** A formula whose result the file does not hold (a sheet written by a script, an error value). */
export function formulaWithoutValue(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as { formula?: string; sharedFormula?: string; result?: unknown };
  const formula = v.formula ?? v.sharedFormula;
  if (formula === undefined) return null;
  const result = v.result;
  const missing = result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object));
  return missing ? `=${formula}` : null;
}

function parseRow(row: number, values: Record<string, unknown>, mapping: Mapping): Parsed {
  const issues: ImportIssue[] = [];
  for (const field of importFields) {
    const header = mapping[field];
    const formula = header ? formulaWithoutValue(values[header]) : null;
    if (formula) issues.push({ row, field, code: 'FORMULA_WITHOUT_VALUE', value: formula });
  }
  const get = (field: ImportField) => (mapping[field] ? cellText(values[mapping[field]!]) : '');
  const enumField = <T extends string>(field: ImportField, all: readonly T[], labels: Labels) => {
    const value = enumValue(get(field), all, labels);
    if (value === null) issues.push({ row, field, code: 'INVALID_VALUE', value: get(field) });
    return value ?? undefined;
  };
  const dateField = (field: ImportField) => {
    const value = normalizeDate(get(field));
    if (value === null) issues.push({ row, field, code: 'INVALID_DATE', value: get(field) });
    return value ?? undefined;
  };
  const staff = get('staffCount');
  const deposit = get('deposit');
  const contact = get('contactName') ? [{ name: get('contactName'), title: get('contactTitle'), phone: get('contactPhone') }] : [];
  const emergency = get('emergencyName') ? [{ name: get('emergencyName'), phone: get('emergencyPhone') }] : [];
  const candidate: RegisterCustomerInput = {
    kind: enumField('kind', customerKinds, customerKindLabels) as RegisterCustomerInput['kind'],
    name: get('name'),
    shortName: get('shortName'),
    companyNature: enumField('companyNature', companyNatures, companyNatureLabels),
    legalRepresentative: get('legalRepresentative'),
    address: get('address'),
    phone: get('phone'),
    fax: get('fax'),
    businessScope: get('businessScope'),
    staffCount: staff === '' ? undefined : Number(staff),
    relationshipStart: dateField('relationshipStart'),
    paymentTerms: get('paymentTerms'),
    creditGrade: get('creditGrade'),
    industry: get('industry'),
    region: get('region'),
    website: get('website'),
    licenceNo: get('licenceNo'),
    licenceExpiry: dateField('licenceExpiry'),
    deposit: deposit === '' ? undefined : Number(deposit.replace(/[,，￥¥\s]/g, '')),
    notes: get('notes'),
    building: get('building'),
    floor: get('floor'),
    units: get('units')
      .split(/[,，、;；\s]+/)
      .filter(Boolean),
    moveInDate: dateField('moveInDate'),
    moveOutDate: dateField('moveOutDate'),
    classification: enumField('classification', classifications, classificationLabels) ?? 'ordinary',
    valueGrade: enumField('valueGrade', valueGrades, valueGradeLabels),
    contacts: contact,
    emergencyContacts: emergency,
  };
  const refNo = get('refNo');
  if (!candidate.kind && get('kind') === '') issues.push({ row, field: 'kind', code: 'REQUIRED' });
  if (issues.length) return { row, refNo, issues };
  const parsed = registerCustomerInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, , sub] = issue.path.map(String);
      const field = (
        head === 'contacts'
          ? sub === 'phone'
            ? 'contactPhone'
            : sub === 'title'
              ? 'contactTitle'
              : 'contactName'
          : head === 'emergencyContacts'
            ? sub === 'phone'
              ? 'emergencyPhone'
              : 'emergencyName'
            : head
      ) as ImportField;
      const custom = (issue as { params?: { code?: string } }).params?.code;
      const code =
        custom === 'INVALID_PHONE' ? 'INVALID_PHONE' : custom === 'INVALID_DATE' ? 'INVALID_DATE' : issue.code === 'too_small' ? 'REQUIRED' : issue.code === 'too_big' ? 'TOO_LONG' : 'INVALID_VALUE';
      issues.push({ row, field: importFields.includes(field) ? field : null, code, value: field && mapping[field] ? get(field) : undefined });
    }
    return { row, refNo, issues };
  }
  if (parsed.data.moveInDate && parsed.data.moveOutDate && parsed.data.moveOutDate < parsed.data.moveInDate) {
    return { row, refNo, issues: [{ row, field: 'moveOutDate', code: 'DATES_OUT_OF_ORDER', value: parsed.data.moveOutDate }] };
  }
  return { row, refNo, input: parsed.data, issues: [] };
}

type Sheet = Awaited<ReturnType<typeof readSheet>>;
/** Rows between progress reports (and turns of the event loop) in the import job. */
export const IMPORT_STEP = 250;

async function analyse(ctx: ServiceContext, sheet: Sheet, given?: Record<string, string>, step?: (done: number, total: number) => Promise<void>) {
  const mapping: Mapping = given
    ? (Object.fromEntries(Object.entries(given).filter(([f, h]) => importFields.includes(f as ImportField) && sheet.headers.includes(h))) as Mapping)
    : guessMapping(sheet.headers);
  const parsed = sheet.rows.map((r) => parseRow(r.row, r.values, mapping));
  const issues = parsed.flatMap((p) => p.issues);
  if (!mapping.name) issues.unshift({ row: 1, field: 'name', code: 'REQUIRED' });
  if (!mapping.kind) issues.unshift({ row: 1, field: 'kind', code: 'REQUIRED' });
  const seen = new Map<string, number>();
  const updates = new Map<number, CustomerUpdate>();
  for (const [i, p] of parsed.entries()) {
    if (step && i % IMPORT_STEP === 0) await step(i, parsed.length);
    if (!p.input) continue;
    if (p.refNo) {
      // A row with a 档号 (an exported sheet, edited) changes that file's customer.
      const file = await fileByRefNo(ctx.db, p.refNo);
      if (!file) {
        issues.push({ row: p.row, field: 'refNo', code: 'UNKNOWN_REF_NO', value: p.refNo });
        continue;
      }
      let update = updates.get(file.customerId);
      if (!update) {
        update = startUpdate(await loadCustomer(ctx.db, file.customerId));
        updates.set(file.customerId, update);
      }
      issues.push(...mergeRow(update, p.row, p.input, mapping));
      continue;
    }
    const units = p.input.units.length ? p.input.units : [''];
    for (const unit of units) {
      const key = `${p.input.name.toLowerCase()}\u0000${unit}`;
      if (seen.has(key)) issues.push({ row: p.row, field: 'name', code: 'DUPLICATE_IN_SHEET', value: p.input.name });
      else seen.set(key, p.row);
    }
    if (await findDuplicate(ctx.db, p.input.name, units)) issues.push({ row: p.row, field: 'name', code: 'DUPLICATE_CUSTOMER', value: p.input.name });
    const listed = await blacklistHit(ctx.db, p.input);
    if (listed) issues.push({ row: p.row, field: 'name', code: 'BLACKLISTED', value: `${listed.value}（${listed.name}）` });
  }
  const changed = [...updates.values()].filter((u) => u.changedBy.size > 0);
  for (const u of changed) {
    const row = Math.min(...u.changedBy.values());
    if (u.next.moveInDate && u.next.moveOutDate && u.next.moveOutDate < u.next.moveInDate)
      issues.push({ row: u.changedBy.get('moveOutDate') ?? u.changedBy.get('moveInDate') ?? row, field: 'moveOutDate', code: 'DATES_OUT_OF_ORDER', value: u.next.moveOutDate });
    const units = u.next.units.length ? u.next.units : [''];
    if (await findDuplicate(ctx.db, u.next.name, units, u.customerId)) issues.push({ row: u.changedBy.get('name') ?? row, field: 'name', code: 'DUPLICATE_CUSTOMER', value: u.next.name });
    const identity = (['name', 'phone', 'licenceNo'] as const).filter((f) => u.changedBy.has(f));
    const listed = identity.length ? await blacklistHit(ctx.db, u.next, u.customerId) : null;
    if (listed) issues.push({ row: u.changedBy.get(identity[0]!) ?? row, field: identity[0]!, code: 'BLACKLISTED', value: `${listed.value}（${listed.name}）` });
  }
  issues.sort((a, b) => a.row - b.row);
  const creates = parsed.filter((p) => !p.refNo).length;
  return { headers: sheet.headers, mapping, parsed, issues, creates, updates: changed, unchanged: parsed.filter((p) => p.refNo).length - changed.reduce((n, u) => n + u.rows.size, 0) };
}

// ---------------------------------------------------------------- rows that carry a 档号

/** The columns that are not the customer's own fields: the file's, the review's, the contacts'. */
const notCustomerLevel = ['refNo', 'units', 'classification', 'valueGrade', 'contactName', 'contactTitle', 'contactPhone', 'emergencyName', 'emergencyPhone'] as const;
type CustomerLevelField = Exclude<ImportField, (typeof notCustomerLevel)[number]>;
/** The fields an exported row holds for its customer (the contacts are the first of each). */
const customerLevelFields = importFields.filter((f): f is CustomerLevelField => !(notCustomerLevel as readonly string[]).includes(f));

type UpdateFields = z.output<typeof updateCustomerInput>;
type ContactInput = UpdateFields['contacts'][number];

/** One customer's changes gathered from every row of the sheet that names one of its files. */
interface CustomerUpdate {
  customerId: number;
  base: CustomerDetail;
  next: UpdateFields;
  /** Each changed field (or contact), the row that changed it and what to. */
  changedBy: Map<string, number>;
  changedTo: Map<string, string>;
  rows: Set<number>;
}

function startUpdate(base: CustomerDetail): CustomerUpdate {
  const fields = Object.fromEntries(customerLevelFields.map((f) => [f, base[f] ?? undefined]));
  const next = { ...fields, customerId: base.id, allowDuplicate: true, units: [...base.units], contacts: [...base.contacts], emergencyContacts: [...base.emergencyContacts] } as UpdateFields;
  return { customerId: base.id, base, next, changedBy: new Map(), changedTo: new Map(), rows: new Set() };
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const contactKey = (c: { name: string; title?: string; phone?: string } | undefined) => (c ? JSON.stringify([c.name, c.title ?? '', c.phone ?? '']) : '');

/**
 * Merges one row into its customer's update: a cell equal to the archive changes nothing (so a
 * customer's other rows need not be edited alike), a cell that differs changes that field, and two
 * rows changing one field differently are refused. Only the sheet's columns are read: a column
 * left out of the sheet leaves its field as it is. Contacts: the row holds the first of each.
 */
function mergeRow(u: CustomerUpdate, row: number, input: z.output<typeof registerCustomerInput>, mapping: Mapping): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const change = (key: string, field: ImportField, value: string, current: string, apply: () => void) => {
    const earlier = u.changedBy.get(key);
    if (earlier === undefined) {
      if (value === current) return;
      apply();
      u.changedBy.set(key, row);
      u.changedTo.set(key, value);
      u.rows.add(row);
    } else if (value !== current && value !== u.changedTo.get(key)) {
      issues.push({ row, field, code: 'CONFLICTING_ROWS', value });
    }
  };
  const next = u.next as Record<string, unknown>;
  for (const f of customerLevelFields) {
    if (!mapping[f]) continue;
    const value = input[f];
    change(f, f, text(value), text(u.base[f]), () => (next[f] = value));
  }
  if (mapping.units) {
    for (const unit of input.units) {
      if (u.next.units.includes(unit)) continue;
      u.next.units = [...u.next.units, unit];
      u.changedBy.set(`unit:${unit}`, row);
      u.rows.add(row);
    }
  }
  if (mapping.contactName || mapping.contactTitle || mapping.contactPhone) {
    const given = input.contacts[0];
    change('contact', 'contactName', contactKey(given), contactKey(u.base.contacts[0]), () => (u.next.contacts = [...(given ? [given] : []), ...(u.base.contacts.slice(1) as ContactInput[])]));
  }
  if (mapping.emergencyName || mapping.emergencyPhone) {
    const given = input.emergencyContacts[0];
    change(
      'emergency',
      'emergencyName',
      contactKey(given),
      contactKey(u.base.emergencyContacts[0]),
      () => (u.next.emergencyContacts = [...(given ? [given] : []), ...(u.base.emergencyContacts.slice(1) as ContactInput[])]),
    );
  }
  // Classification is reviewed with a reason in the file, never changed by a sheet.
  if (mapping.classification && input.classification !== u.base.classification) issues.push({ row, field: 'classification', code: 'CLASSIFICATION_IN_APP', value: input.classification });
  if (mapping.valueGrade && text(input.valueGrade) !== text(u.base.valueGrade)) issues.push({ row, field: 'valueGrade', code: 'CLASSIFICATION_IN_APP', value: input.valueGrade ?? '' });
  return issues;
}

/** The dry run: every bad row with its row number and reason; nothing is written. */
export async function previewCustomerImport(ctx: ServiceContext, base64: string, mapping?: Record<string, string>): Promise<ImportPreview> {
  const result = await analyse(ctx, await readSheet(base64, await importLimits(ctx)), mapping);
  return {
    headers: result.headers,
    mapping: result.mapping,
    rowCount: result.parsed.length,
    issues: result.issues,
    ready: result.issues.length === 0 && result.creates + result.updates.length > 0,
    creates: result.creates,
    updates: result.updates.length,
    unchanged: result.unchanged,
  };
}

/**
 * The import job. All or nothing: any bad row, a cancel or a failure and nothing is imported. The
 * rows are checked again inside the transaction that writes them, so a customer registered since
 * the dry run cannot slip past the duplicate check. It runs in the import worker on a connection
 * of its own (startCustomerImport): the desk reads meanwhile; a save meanwhile is refused (ARCHIVE_BUSY).
 * `yieldStep` is where it lets a cancel, a test's hold or the desk's other calls in.
 */
export async function importCustomers(
  ctx: ServiceContext,
  base64: string,
  mapping?: Record<string, string>,
  report: (step: JobStep) => void = () => undefined,
  signal?: AbortSignal,
  yieldStep: () => Promise<void> = () => pause(signal),
): Promise<ImportResult> {
  report({ phase: 'preparing', done: 0, total: 0 });
  const sheet = await readSheet(base64, await importLimits(ctx));
  cancelled(signal);
  return ctx.db.transaction().execute(async (trx) => {
    const result = await analyse({ ...ctx, db: trx }, sheet, mapping, async (done, total) => {
      report({ phase: 'checking', done, total });
      await yieldStep();
    });
    if (result.issues.length > 0 || result.creates + result.updates.length === 0) {
      throw new ArchiveError('IMPORT_HAS_ERRORS', { count: result.issues.length, issues: result.issues.slice(0, 100) });
    }
    const fresh = result.parsed.filter((p) => !p.refNo);
    const total = fresh.length + result.updates.length;
    let files = 0;
    let done = 0;
    const step = async () => {
      if (done++ % IMPORT_STEP !== 0) return;
      report({ phase: 'importing', done: done - 1, total });
      await yieldStep();
    };
    for (const p of fresh) {
      await step();
      // The sheet's duplicates were just checked, against the archive and within the sheet.
      await registerCustomerIn(trx, ctx, { ...p.input!, allowDuplicate: true, allowBlacklisted: true }, { fromSheet: true });
      files += Math.max(1, p.input!.units.length);
    }
    for (const u of result.updates) {
      await step();
      const before = u.base.files.length;
      await updateCustomerIn(trx, ctx, { ...u.next, allowBlacklisted: true }, { fromSheet: true });
      files += await fileCountOf(trx, u.customerId);
      files -= before;
    }
    report({ phase: 'importing', done: total, total });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customers.imported', { details: { rows: result.parsed.length, created: fresh.length, updated: result.updates.length } });
    return { imported: fresh.length, updated: result.updates.length, files };
  });
}

/**
 * Any filtered list to .xlsx: a row per file with 档号 and every field the register holds, under
 * the headers the import recognises, so the sheet can be edited and imported back (matched by 档号).
 */
export async function exportCustomers(ctx: ServiceContext, input: z.output<typeof exportCustomersInput>): Promise<ExportedFile> {
  const { locale, ...filters } = input;
  const rows = await allFilesForExport(ctx.db, filters);
  const L = customerFieldLabels[locale];
  const statusHeader = locale === 'zh-CN' ? '档案状态' : 'File status';
  const widths: Partial<Record<ImportField, number>> = { refNo: 32, name: 28, address: 30, businessScope: 30, notes: 30, paymentTerms: 20 };
  const columns = [
    ...importFields.map((f) => ({ header: L[f], key: f, width: widths[f] ?? (f.endsWith('Date') || f === 'relationshipStart' || f === 'licenceExpiry' ? 12 : 14) })),
    { header: statusHeader, key: 'status', width: 10 },
  ];
  const label = <K extends string>(labels: Record<Locale, Record<K, string>>, v: K | null) => (v ? labels[locale][v] : '');
  const buffer = await xlsxSheet(
    locale === 'zh-CN' ? '客户档案' : 'Customer files',
    columns,
    rows.map((r) => ({
      ...r,
      units: r.unit,
      kind: label(customerKindLabels, r.kind),
      companyNature: label(companyNatureLabels, r.companyNature as CompanyNature | null),
      classification: label(classificationLabels, r.classification),
      valueGrade: label(valueGradeLabels, r.valueGrade),
      status: label(fileStatusLabels, r.status),
    })),
    { created: ctx.clock.now(), freezeHeader: true },
  );
  // A list leaving the desk with blacklisted customers on it is said to the clerk and in the log (004 四.1 d).
  const blacklisted = new Set(rows.filter((r) => r.blacklisted === 1).map((r) => r.customerId)).size;
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'customers.exported', { details: { rows: rows.length, filters, ...(blacklisted ? { blacklisted } : {}) } });
  const stamp = today(ctx);
  return { ...xlsxFile(`${locale === 'zh-CN' ? '客户档案' : 'customer-files'}-${stamp}.xlsx`, buffer), blacklisted };
}
