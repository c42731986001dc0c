import { roleMay } from '../../shared/permissions';
import { createElement, type ReactNode } from 'react';
import { getMeta } from '../../db/queries/meta';
import { blacklistedCustomers, emergencyContactsOf, residentFiles } from '../../db/queries/customers';
import type { ExportedFile, FormInfo, RenderedForm } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import { formDefinitions, formIds, type FormId, type FormRecordKind } from '../../shared/forms';
import { formTitleLabels } from '../../shared/labels';
import type { FormParams } from '../../shared/schemas';
import { CreditSurvey, Catalogue, DangerousCustomers, EmergencyContacts, FileRegistration, InfoSurvey, type EmergencyRow, type FileFormData } from '../forms/customer-forms';
import { DepartedCatalogue, DestructionList, InspectionRecord, LoanRegisterSheet, LoanSlip, OverdueReminder, TransferReceipt, type DepartedRow } from '../forms/archive-forms';
import { renderFormDocument, type FormHeader } from '../forms/engine';
import { CoverSheet, LabelSheet, RecoveryKeySheet, fileLabelItems, type CoverSheetData, type LabelItem } from '../forms/label-forms';
import { BLANK_COVER_CODE, coverCode } from './scan-cover';
import { listDocumentCategories } from './documents';
import { ReportSheet } from '../forms/report-forms';
import { reportInput } from '../../shared/schemas';
import type { ReportId } from '../../shared/reports';
import { describeFilters, getReport } from './reports';
import { recordAudit } from './audit';
import { bundleTenants } from '../../db/queries/bundle';
import { loadCustomer } from './customers';
import { nowIso, today, type ServiceContext } from './context';
import { getDestructionRegister } from './destruction';
import { loadFile } from './documents';
import { getInspection } from './inspections';
import { printedHead } from './audit-anchors';
import { auditHead } from '../../db/queries/audit';
import { getBorrower, getLoan, lentInMonth, listOverdue } from './loans';
import { getBox, getFileLabels, loadStorage, markLabelsPrinted, whereIsFile } from './locations';
import type { PdfRenderer } from './pdf';
import { runWorker } from './worker-thread';
import { pageNumberStamps } from '../forms/engine';
import { getTransfer } from './transfers';
import { RecordForms } from '../forms/record-forms';
import { recordKind } from '../../shared/record-kinds';
import { recordLabels } from '../../shared/record-labels';
import { recordsToPrint } from './records';

// One template per paper form; each is printed blank (to fill by hand) or filled from a record.
// Preview, print and PDF all use the HTML made here.

/** `fullView`: only the services pass it (the yearly bundle, with the general manager's approval). */
type Loader = (ctx: ServiceContext, params: FormParams, options?: { fullView?: boolean }) => Promise<unknown>;
type Template = (props: { header: FormHeader; data: never }) => ReactNode;

function need<K extends keyof FormParams>(params: FormParams, key: K, record: FormRecordKind): NonNullable<FormParams[K]> {
  const value = params[key];
  if (value === undefined || value === null || value === '') throw new ArchiveError('FORM_RECORD_REQUIRED', { record });
  return value as NonNullable<FormParams[K]>;
}

async function fileData(ctx: ServiceContext, params: FormParams, options?: { fullView?: boolean }): Promise<FileFormData> {
  const fileId = need(params, 'fileId', 'file');
  // The same masking as the file screen: a confidential document's details stay withheld.
  const viewer = options?.fullView ? undefined : { accountId: ctx.session.accountId, role: ctx.session.role, now: ctx.clock.now() };
  const file = await loadFile(ctx.db, fileId, undefined, viewer);
  return { file, customer: await loadCustomer(ctx.db, file.customer.id), location: await whereIsFile(ctx.db, fileId) };
}

/** A cover sheet for a file (a new document of a category) or for one of its documents (a new scan of it). */
async function coverData(ctx: ServiceContext, params: FormParams): Promise<CoverSheetData> {
  const fileId = need(params, 'fileId', 'file');
  const file = await loadFile(ctx.db, fileId, undefined, { accountId: ctx.session.accountId, role: ctx.session.role, now: ctx.clock.now() });
  const categories = new Map((await listDocumentCategories(ctx.db)).map((c) => [c.code, c.labelZh]));
  const doc = params.documentId ? file.documents.find((d) => d.id === params.documentId) : undefined;
  if (params.documentId && !doc) throw new ArchiveError('NOT_FOUND');
  const category = doc?.category ?? need(params, 'category', 'file');
  if (!categories.has(category)) throw new ArchiveError('UNKNOWN_CATEGORY', { category });
  // A document the one printing may not read keeps its title off the sheet too.
  const title = doc ? (doc.restricted ? '' : doc.title) : (params.title ?? '');
  const docDate = doc?.docDate ?? params.docDate ?? '';
  const isOriginal = doc ? doc.isOriginal : (params.isOriginal ?? true);
  return {
    code: coverCode({ refNo: file.refNo, category, documentId: doc?.id, title: doc ? undefined : title || undefined, docDate: doc ? undefined : docDate || undefined, isOriginal }),
    refNo: file.refNo,
    customerName: file.customer.name,
    unit: file.unit ?? '',
    category: categories.get(category)!,
    title,
    docDate,
    isOriginal,
    forDocument: !!doc,
  };
}

async function emergencyData(ctx: ServiceContext, params: FormParams): Promise<{ building: string | null; rows: EmergencyRow[] }> {
  const files = await residentFiles(ctx.db, params.building);
  const contacts = await emergencyContactsOf(ctx.db, [...new Set(files.map((f) => f.id))]);
  return {
    building: params.building ?? null,
    rows: files.map((f) => {
      const mine = contacts.filter((c) => c.customer_id === f.id);
      return {
        unit: f.unit,
        name: f.name,
        contacts: mine.map((c) => c.name).join('、'),
        phones: mine
          .map((c) => c.phone ?? '')
          .filter(Boolean)
          .join('、'),
      };
    }),
  };
}

async function departedData(ctx: ServiceContext, params: FormParams): Promise<{ year: number; building: string | null; rows: DepartedRow[] }> {
  const year = need(params, 'year', 'year');
  // The bundle's own selection: the catalogue lists exactly the tenants the bundle carries.
  return { year, building: params.building ?? null, rows: await bundleTenants(ctx.db, year, params.building) };
}

/** A report printed with the period and place it was shown with (printed in zh-CN, as every form). */
function reportForm(report: ReportId): { load: Loader; template: Template } {
  return {
    load: async (ctx, params) => {
      const data = await getReport(ctx, reportInput.parse({ report, from: params.from, to: params.to, building: params.building, floor: params.floor }));
      return { report: data, filters: describeFilters(data, 'zh-CN') };
    },
    template: ReportSheet as Template,
  };
}

/** `blank`: what a blank form needs to know (a desk record's kind), when it is more than nothing. */
const forms: Record<FormId, { load: Loader; template: Template; blank?: (params: FormParams) => unknown }> = {
  'file-registration': { load: fileData, template: FileRegistration as Template },
  'customer-info-survey': { load: fileData, template: InfoSurvey as Template },
  'customer-credit-survey': { load: fileData, template: CreditSurvey as Template },
  'emergency-contacts': { load: emergencyData, template: EmergencyContacts as Template },
  'dangerous-customers': {
    load: async (ctx, params) => ({ building: params.building ?? null, rows: (await blacklistedCustomers(ctx.db, params.building)).map((r) => ({ ...r, complaints: Number(r.complaints ?? 0) })) }),
    template: DangerousCustomers as Template,
  },
  'file-catalogue': { load: fileData, template: Catalogue as Template },
  'loan-register': {
    load: async (ctx, params) => {
      const month = need(params, 'month', 'month');
      return { period: month.replace('-', ' 年 ') + ' 月', ...(await lentInMonth(ctx, month)) };
    },
    template: LoanRegisterSheet as Template,
  },
  'loan-slip': { load: (ctx, params) => getLoan(ctx, need(params, 'loanId', 'loan')), template: LoanSlip as Template },
  'overdue-reminder': {
    load: async (ctx, params) => {
      const borrower = await getBorrower(ctx.db, need(params, 'borrowerId', 'borrower'));
      const rows = (await listOverdue(ctx)).filter((r) => r.borrowerId === borrower.id);
      return { borrower: borrower.name, department: borrower.department, date: today(ctx), rows };
    },
    template: OverdueReminder as Template,
  },
  'transfer-receipt': { load: (ctx, params) => getTransfer(ctx.db, need(params, 'transferId', 'transfer')), template: TransferReceipt as Template },
  'inspection-record': {
    // The audit chain's head is printed on the record: a paper anchor that verify can be given.
    load: async (ctx, params) => ({ ...(await getInspection(ctx.db, need(params, 'inspectionId', 'inspection'))), auditHead: printedHead(await auditHead(ctx.db)) }),
    template: InspectionRecord as Template,
  },
  'destruction-list': { load: (ctx, params) => getDestructionRegister(ctx.db, need(params, 'registerId', 'register')), template: DestructionList as Template },
  'departed-catalogue': { load: departedData, template: DepartedCatalogue as Template },
  'file-labels': {
    load: async (ctx, params): Promise<LabelItem[]> => {
      const fileIds = params.fileIds?.length ? params.fileIds : (await getBox(ctx.db, need(params, 'boxId', 'box'))).files.map((f) => f.fileId);
      return fileIds.length ? fileLabelItems(await getFileLabels(ctx.db, fileIds)) : [];
    },
    template: LabelSheet as Template,
  },
  'box-labels': {
    // A whole cabinet's boxes, or one box (its spine label reprinted).
    load: async (ctx, params): Promise<LabelItem[]> => {
      const cabinets = (await loadStorage(ctx.db)).flatMap((r) => r.cabinets);
      const cabinet = params.boxId ? cabinets.find((c) => c.shelves.some((s) => s.boxes.some((b) => b.id === params.boxId))) : cabinets.find((c) => c.id === need(params, 'cabinetId', 'cabinet'));
      if (!cabinet) throw new ArchiveError('NOT_FOUND');
      return cabinet.shelves.flatMap((s) =>
        s.boxes
          .filter((b) => !params.boxId || b.id === params.boxId)
          .map((b) => ({
            title: b.code,
            lines: [`${cabinet.code} / 第 ${s.position} 层`, [b.servesBuilding, b.servesFloor && `${b.servesFloor}F`, b.purpose === 'departed' ? '退租档案' : ''].filter(Boolean).join(' ')],
            code: b.code,
          })),
      );
    },
    template: LabelSheet as Template,
  },
  'scan-cover': { load: coverData, template: CoverSheet as Template, blank: () => ({ code: BLANK_COVER_CODE, blank: true }) },
  'recovery-key': {
    load: async (ctx, params) => ({ recoveryKey: need(params, 'recoveryKey', 'recoveryKey'), archiveDir: params.archiveDir ?? '', createdAt: today(ctx) }),
    template: RecoveryKeySheet as Template,
  },
  'desk-record': { load: (ctx, params) => recordsToPrint(ctx, params), template: RecordForms as Template, blank: (params) => ({ kind: recordKind(params.recordKind ?? ''), records: [] }) },
  'report-composition': reportForm('composition'),
  'report-borrowing': reportForm('borrowing'),
  'report-storage': reportForm('storage'),
  'report-movement': reportForm('movement'),
  'report-complaints': reportForm('complaints'),
  'report-satisfaction': reportForm('satisfaction'),
};

export function listForms(): FormInfo[] {
  // Reports print from their own screen (报表), with its filters.
  // Desk records print from their register and their own drawer, with their kind.
  return formIds.filter((id) => !['report', 'record', 'cover'].includes(formDefinitions[id].record)).map((id) => ({ id, title: formTitleLabels['zh-CN'][id], ...formDefinitions[id] }));
}

async function headerFor(ctx: ServiceContext, formId: FormId, params: FormParams): Promise<FormHeader> {
  const def = formDefinitions[formId];
  const kind = formId === 'desk-record' ? recordKind(params.recordKind ?? '') : undefined;
  if (formId === 'desk-record' && !kind) throw new ArchiveError('FORM_RECORD_REQUIRED', { record: 'record' });
  return {
    title: kind ? recordLabels(kind.id, 'zh-CN').title : formTitleLabels['zh-CN'][formId],
    formNo: kind ? (kind.formNo ?? null) : def.formNo,
    orientation: def.orientation,
    organisation: (await getMeta(ctx.db, 'organisation')) ?? '',
    // One label a page for a label printer (96 × 52 mm).
    pageSize: params.labelLayout === 'single' && (formId === 'file-labels' || formId === 'box-labels') ? '96mm 52mm' : undefined,
  };
}

/** The print-ready HTML of a form, blank or filled. */
export async function renderForm(ctx: ServiceContext, input: { formId: FormId; blank: boolean; params: FormParams }): Promise<RenderedForm> {
  const def = formDefinitions[input.formId];
  const header = await headerFor(ctx, input.formId, input.params);
  const form = forms[input.formId];
  const data = input.blank ? (form.blank?.(input.params) ?? null) : await form.load(ctx, input.params);
  const html = renderFormDocument(header, createElement(form.template, { header, data: data as never }));
  const subject = input.blank ? '空白' : describeParams(input.params);
  return { html, title: header.title, orientation: def.orientation, fileName: `${header.title}-${subject}-${today(ctx)}.pdf`.replace(/[\\/:*?"<>|]/g, '-') };
}

/**
 * Many filled copies of one form in one document (the yearly bundle prints thousands of pages):
 * one PDF call renders them all, each starting on a new page.
 */
export async function renderFormBatch(ctx: ServiceContext, formId: FormId, paramsList: FormParams[], pageNumbers = true, fullView = false): Promise<string> {
  const header = { ...(await headerFor(ctx, formId, paramsList[0] ?? {})), pageNumbers };
  const bodies: ReactNode[] = [];
  for (const [i, params] of paramsList.entries()) {
    bodies.push(createElement(forms[formId].template, { key: i, header, data: (await forms[formId].load(ctx, params, { fullView })) as never }));
  }
  return renderFormDocument(header, bodies);
}

/**
 * One PDF per record, made in a single print run: the batch is printed with a bookmark per form,
 * split at the bookmarks, and each part numbered on its own.
 */
export async function renderFormPdfs(ctx: ServiceContext, pdf: PdfRenderer, formId: FormId, paramsList: FormParams[], fullView = false): Promise<Uint8Array[]> {
  if (paramsList.length === 0) return [];
  const html = await renderFormBatch(ctx, formId, paramsList, false, fullView);
  const bytes = await pdf.render(html, { outline: true });
  // pdf-lib holds the whole batch as objects while it splits: that happens in a thread of its own,
  // capped, whose memory is given back when it ends (the yearly bundle splits a batch per 25 tenants).
  return runWorker<Uint8Array[]>('pdf-split-worker', {
    data: { bytes, expected: paramsList.length },
    services: { numberPages: (pairs: { page: number; count: number }[]) => pdf.render(pageNumberStamps(pairs)) },
  });
}

function describeParams(p: FormParams): string {
  return String(p.month ?? p.year ?? p.fileId ?? p.loanId ?? p.transferId ?? p.inspectionId ?? p.registerId ?? p.borrowerId ?? p.boxId ?? p.cabinetId ?? p.building ?? '');
}

/** What the audit log keeps of a form's parameters: never a recovery key. */
function auditParams(p: FormParams): Record<string, unknown> {
  const { recoveryKey: _key, ...rest } = p;
  return rest;
}

/** A form went to the printer (the print dialog is the browser's; this records it). */
export async function recordFormPrinted(ctx: ServiceContext, input: { formId: FormId; blank: boolean; params: FormParams }): Promise<void> {
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'form.printed', { targetType: 'form', targetId: input.formId, details: { blank: input.blank, params: auditParams(input.params) } });
  // A printed file label carries the current name: "label out of date" clears (003 §9.5).
  // Only a role that may mark labels printed clears the flag by printing; anyone who may read may print.
  if (input.formId === 'file-labels' && !input.blank && roleMay(ctx.session.role, 'customers.write')) {
    const fileIds = input.params.fileIds?.length ? input.params.fileIds : input.params.boxId ? (await getBox(ctx.db, input.params.boxId)).files.map((f) => f.fileId) : [];
    if (fileIds.length) await markLabelsPrinted(ctx, fileIds);
  }
}

export async function exportFormPdf(ctx: ServiceContext, pdf: PdfRenderer | undefined, input: { formId: FormId; blank: boolean; params: FormParams }): Promise<ExportedFile> {
  if (!pdf) throw new ArchiveError('PDF_UNAVAILABLE');
  const form = await renderForm(ctx, input);
  const bytes = await pdf.render(form.html);
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'form.pdf', {
    targetType: 'form',
    targetId: input.formId,
    details: { blank: input.blank, params: auditParams(input.params), bytes: bytes.length, at: nowIso(ctx) },
  });
  return { fileName: form.fileName, mime: 'application/pdf', dataBase64: Buffer.from(bytes).toString('base64') };
}
