import type { Kysely } from 'kysely';
import { customersById, documentsById, filesById, loansById, namesById, recordsById, scansById, type DocumentFacts, type FileFacts, intakesById } from '../../db/queries/audit-targets';
import { recordLabels } from '../../shared/record-labels';
import type { ArchiveDatabase } from '../../db/schema';
import { auditActions, auditDetailLabels, auditGroupLabels, auditGroups, auditSentenceLabels, auditTargetLabels, actionsOfGroup, type AuditAction } from '../../shared/audit-labels';
import { localDate, localDateTime } from '../../shared/dates';
import { approvalKinds, confidentialityLevels, roles, type ApprovalKind, type Confidentiality, type Locale, type Role } from '../../shared/domain';
import { errorCodes, type ErrorCode } from '../../shared/errors';
import { formIds, type FormId } from '../../shared/forms';
import { approvalKindLabels, confidentialityLabels, errorMessages, formTitleLabels, reportTitleLabels, returnConditionLabels, roleLabels } from '../../shared/labels';
import { reportIds, type ReportId } from '../../shared/reports';

type Db = Kysely<ArchiveDatabase>;

/** One stored entry as the log keeps it (ids, codes, JSON details). */
export interface RawAuditEntry {
  at: string;
  accountName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: string | null;
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Who did it, what, to whom and why, as one sentence in the reader's language. */
export async function describeAuditEntries(db: Db, rows: RawAuditEntry[], locale: Locale): Promise<string[]> {
  const zh = locale === 'zh-CN';
  const details = rows.map((r) => parseDetails(r.details));
  const of = (type: string) => rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!);
  // Files named inside details (a loan's files, a move, a form printed for a file) read by name too.
  const fileIdsInDetails = details
    .flatMap((d) => [d.fileId, ...(Array.isArray(d.fileIds) ? d.fileIds : []), d.params && typeof d.params === 'object' ? (d.params as Record<string, unknown>).fileId : undefined])
    .filter((v) => v !== undefined)
    .map(String);
  const boxIds = details
    .flatMap((d, i) => (rows[i]!.action === 'file.moved' ? [d.from, d.to] : []))
    .filter((v) => v !== undefined && v !== null)
    .map(String);
  const [files, customers, documents, scans, loans, accounts, borrowers, rooms, boxes, transfers, approvals, registers, inspections, records, intakes] = await Promise.all([
    filesById(db, [...of('file'), ...fileIdsInDetails]),
    customersById(db, of('customer')),
    documentsById(db, of('document')),
    scansById(db, of('scan')),
    loansById(db, of('loan')),
    namesById(db, 'accounts', of('account')),
    namesById(db, 'borrowers', of('borrower')),
    namesById(db, 'rooms', of('room')),
    namesById(db, 'boxes', [...of('box'), ...boxIds]),
    namesById(db, 'transfers', of('transfer')),
    namesById(db, 'approvals', of('approval')),
    namesById(db, 'destruction_registers', of('destruction_register')),
    namesById(db, 'inspections', of('inspection')),
    recordsById(db, of('record')),
    intakesById(db, of('intake')),
  ]);
  const sep = zh ? '，' : ', ';
  const fileText = (f: FileFacts | undefined, id: string) => (f ? (zh ? `档案 ${f.refNo}（${f.customer}）` : `file ${f.refNo} (${f.customer})`) : gone('file', id));
  const docText = (d: DocumentFacts | undefined, id: string) => {
    if (!d) return gone('document', id);
    const title = d.confidential ? (zh ? `机密文件（${d.docDate}）` : `a confidential document (${d.docDate})`) : zh ? `《${d.title}》` : `“${d.title}”`;
    return zh ? `文件${title}（档案 ${d.refNo}，${d.customer}）` : `document ${title} (file ${d.refNo}, ${d.customer})`;
  };
  const gone = (type: string, id: string) => {
    const word = (auditTargetLabels[locale] as Record<string, string>)[type] ?? (zh ? '对象' : 'item');
    return zh ? `${word}（已不在档案库中，编号 ${id}）` : `${word} (no longer in the archive, no. ${id})`;
  };

  function target(r: RawAuditEntry, d: Record<string, unknown>): string {
    const id = r.targetId ?? '';
    const n = Number(id);
    switch (r.targetType) {
      case 'file':
        return fileText(files.get(n), id);
      case 'customer': {
        const c = customers.get(n);
        return c ? (zh ? `客户“${c.customer}”${c.refNo ? `（档号 ${c.refNo}）` : ''}` : `customer “${c.customer}”${c.refNo ? ` (file ${c.refNo})` : ''}`) : gone('customer', id);
      }
      case 'document':
        return docText(documents.get(n), id);
      case 'intake': {
        const f = intakes.get(n);
        const name = f?.source_name ?? String(d.fileName ?? '');
        if (!name) return gone('intake', id);
        const when = f ? localDateTime(f.received_at) : '';
        return zh ? `扫描件“${name}”${when ? `（${when} 收入）` : ''}` : `the scan “${name}”${when ? ` (taken in ${when})` : ''}`;
      }
      case 'scan': {
        const s = scans.get(n);
        return s ? (zh ? `扫描件 ${s.fileName}，属${docText(s, id)}` : `scan ${s.fileName} of ${docText(s, id)}`) : gone('scan', id);
      }
      case 'loan': {
        const l = loans.get(n);
        if (!l) return gone('loan', id);
        const list = l.files
          .slice(0, 3)
          .map((f) => `${f.refNo} ${f.customer}`)
          .join(zh ? '、' : '; ');
        const more = l.files.length > 3 ? (zh ? ` 等 ${l.files.length} 份` : ` and ${l.files.length - 3} more`) : '';
        return zh ? `借阅单 ${l.slipNo}（借阅人 ${l.borrower}；档案 ${list}${more}）` : `loan slip ${l.slipNo} (borrower ${l.borrower}; files ${list}${more})`;
      }
      case 'account': {
        const a = accounts.get(n);
        return a ? (zh ? `账户“${a.display_name}”（${a.username}）` : `account “${a.display_name}” (${a.username})`) : gone('account', id);
      }
      case 'borrower': {
        const b = borrowers.get(n);
        return b ? (zh ? `借阅人 ${b.name}（${b.department}）` : `borrower ${b.name} (${b.department})`) : gone('borrower', id);
      }
      case 'room':
        return rooms.get(n) ? (zh ? `库房“${rooms.get(n)!.name}”` : `store room “${rooms.get(n)!.name}”`) : gone('room', id);
      case 'box':
        return boxes.get(n) ? (zh ? `档案盒 ${boxes.get(n)!.code}` : `box ${boxes.get(n)!.code}`) : gone('box', id);
      case 'cabinet':
      case 'shelf':
        return gone(r.targetType, id).replace(/（已不在档案库中，|\(no longer in the archive, /, zh ? '（' : '(');
      case 'transfer': {
        const t = transfers.get(n);
        return t ? (zh ? `移交单 ${t.transfer_no}（${t.from_department} → ${t.to_department}）` : `transfer ${t.transfer_no} (${t.from_department} → ${t.to_department})`) : gone('transfer', id);
      }
      case 'approval': {
        const a = approvals.get(n);
        const kind = String(a?.kind ?? d.kind ?? '');
        const what = (approvalKinds as readonly string[]).includes(kind) ? approvalKindLabels[locale][kind as ApprovalKind] : '';
        const summary = a?.summary ? (zh ? `：${a.summary}` : `: ${a.summary}`) : '';
        return zh ? `${what}审批${summary}` : `the ${what.toLowerCase()} approval${summary}`;
      }
      case 'destruction_register': {
        const g = registers.get(n);
        return g ? (zh ? `销毁清册（${localDate(g.created_at!)}，${g.reason}）` : `the destruction register (${localDate(g.created_at!)}, ${g.reason})`) : gone('destruction_register', id);
      }
      case 'inspection': {
        const i = inspections.get(n);
        return i ? (zh ? `${localDateTime(i.started_at!)} 开始的档案检查` : `the inspection started ${localDateTime(i.started_at!)}`) : gone('inspection', id);
      }
      case 'form': {
        const title = (formIds as readonly string[]).includes(id) ? formTitleLabels[locale][id as FormId] : id;
        const params = (d.params ?? {}) as Record<string, unknown>;
        const about = params.fileId !== undefined ? files.get(Number(params.fileId)) : undefined;
        return `“${title}”${about ? (zh ? `（${fileText(about, '')}）` : ` (${fileText(about, '')})`) : ''}${d.blank ? (zh ? '（空白表）' : ' (blank)') : ''}`;
      }
      case 'record': {
        const rec = records.get(n);
        if (!rec) return gone('record', id);
        const title = recordLabels(rec.kind, locale).title;
        const of = rec.refNo ? (zh ? `（档案 ${rec.refNo}，${rec.customer}）` : ` (file ${rec.refNo}, ${rec.customer})`) : '';
        return zh ? `${title} ${rec.recordNo}${of}` : `${title.toLowerCase()} ${rec.recordNo}${of}`;
      }
      case 'records':
        return recordLabels(id, locale).title;
      case 'report':
        return (reportIds as readonly string[]).includes(id)
          ? zh
            ? `报表“${reportTitleLabels[locale][id as ReportId]}”`
            : `the report “${reportTitleLabels[locale][id as ReportId]}”`
          : gone('report', id);
      default:
        return '';
    }
  }

  function extras(r: RawAuditEntry, d: Record<string, unknown>): string[] {
    const L = auditDetailLabels[locale];
    const out: string[] = [];
    const say = (label: string, value: unknown) => out.push(zh ? `${label}：${String(value).replace(/[。.]$/, '')}` : `${label}: ${String(value).replace(/\.$/, '')}`);
    const level = (v: unknown) => ((confidentialityLevels as readonly string[]).includes(String(v)) ? confidentialityLabels[locale][v as Confidentiality] : String(v));
    const fileList = (list: unknown) =>
      Array.isArray(list)
        ? list
            .slice(0, 5)
            .map((f) => (typeof f === 'number' ? (files.get(f) ? `${files.get(f)!.refNo} ${files.get(f)!.customer}` : String(f)) : String(f)))
            .join(zh ? '、' : '; ') + (list.length > 5 ? (zh ? ` 等 ${list.length} 份` : ` and ${list.length - 5} more`) : '')
        : '';
    if (r.action === 'login.failed') {
      if (d.username) say(L.username, d.username);
      const code = String(d.reason ?? '');
      if (code) say(L.reason, (errorCodes as readonly string[]).includes(code) ? errorMessages[locale][code as ErrorCode] : code);
      return out;
    }
    if (r.action === 'file.moved') {
      const box = (v: unknown) => (v === null || v === undefined ? (zh ? '无' : 'none') : (boxes.get(Number(v))?.code ?? String(v)));
      say(L.box, `${box(d.from)} → ${box(d.to)}`);
    } else if (r.action === 'file.ref_corrected') say(L.refNo, `${d.from} → ${d.to}`);
    else if (
      r.action === 'file.confidentiality' ||
      r.action === 'document.classified' ||
      r.action === 'document.declassified' ||
      r.action === 'record.classified' ||
      r.action === 'record.declassified'
    ) {
      if (d.from !== undefined || d.to !== undefined) say(L.confidentiality, `${level(d.from)} → ${level(d.to)}`);
    } else if (r.action === 'loan.renewed') say(L.renewedTo, d.to);
    else if (r.action === 'record.moved') {
      const kind = records.get(Number(r.targetId))?.kind;
      const step = kind && typeof d.move === 'string' ? recordLabels(kind, locale).moves?.[d.move] : undefined;
      if (step) say(L.step, step);
    } else if (r.action === 'record.superseded') say(L.replacedBy, d.by);
    else if (r.action === 'customer.admitted' && Array.isArray(d.checks)) say(L.checks, d.checks.join(zh ? '、' : '; '));
    else if (r.action === 'customer.handed_over') {
      say(L.handedTo, d.toName);
      say(L.customers, d.customers);
    }
    if (r.targetType === 'record' && typeof d.recordDue === 'string') say(L.recordDue, d.recordDue);
    else if (r.action === 'account.created' || r.action === 'account.updated') {
      const role = (d.role ?? (d.after as Record<string, unknown> | undefined)?.role) as string | undefined;
      if (role && (roles as readonly string[]).includes(role)) say(L.role, roleLabels[locale][role as Role]);
    } else if (r.action === 'audit.verified') {
      say(L.checked, d.checked);
      say(L.result, d.ok ? L.ok : L.broken);
    } else if (r.action === 'loan.entered_late') {
      say(L.lentOn, d.lentOn);
      const approver = d.paperApprovedBy ? (zh ? `审批人 ${d.paperApprovedBy}` : `approved by ${d.paperApprovedBy}`) : null;
      if (d.paperSlipNo || approver) say(L.paperSlip, [d.paperSlipNo, approver].filter(Boolean).join(zh ? '，' : ', '));
    } else if (r.action === 'loan.returned' && typeof d.condition === 'string' && d.condition in returnConditionLabels[locale]) {
      say(L.condition, returnConditionLabels[locale][d.condition as keyof (typeof returnConditionLabels)['zh-CN']] + (d.note ? `（${d.note}）` : ''));
    }
    if (typeof d.blacklistMatch === 'string') say(L.blacklistMatch, d.blacklistMatch);
    if (typeof d.firstContactOn === 'string') say(L.firstContact, d.firstContactOn);
    if (typeof d.openedLateDays === 'number' && d.openedLateDays > 0) say(L.openedLate, d.openedLateDays);
    if (Array.isArray(d.fileIds) && r.targetType !== 'loan') say(L.files, fileList(d.fileIds));
    if (Array.isArray(d.files)) say(L.files, fileList(d.files));
    if (typeof d.dueDate === 'string') say(L.dueDate, d.dueDate);
    if (typeof d.to === 'string' && r.action === 'transfer.done') say(L.toDepartment, d.to);
    if (typeof d.rows === 'number') say(L.rows, d.rows);
    if (typeof d.tenants === 'number') say(L.tenants, d.tenants);
    if (typeof d.blacklisted === 'number') say(L.blacklistedCount, d.blacklisted);
    if (typeof d.username === 'string' && r.action !== 'login.failed' && r.targetType !== 'account') say(L.username, d.username);
    if (typeof d.failures === 'number' && d.failures > 0) say(L.failures, d.failures);
    if (d.paused) out.push(L.paused);
    if (typeof d.reason === 'string' && d.reason && r.action !== 'login.failed') say(L.reason, d.reason);
    if (typeof d.note === 'string' && d.note && r.action !== 'loan.returned') say(L.note, d.note);
    if (typeof d.path === 'string') say(L.folder, d.path);
    else if (typeof d.folder === 'string') say(L.folder, d.folder);
    // Times inside details are stored UTC: shown local, as every time a person reads.
    for (const [key, value] of Object.entries(d)) {
      if (typeof value === 'string' && ISO_MOMENT.test(value) && (key === 'since' || key === 'lastEntryAt'))
        say(zh ? (key === 'since' ? '上次打开' : '最后一条记录') : key === 'since' ? 'last opened' : 'last entry', localDateTime(value));
    }
    return out;
  }

  return rows.map((r, i) => {
    const d = details[i]!;
    const known = (auditActions as readonly string[]).includes(r.action);
    const who = r.accountName ?? (zh ? '系统' : 'The system');
    const base = known ? auditSentenceLabels[locale][r.action as AuditAction] : zh ? `{who}：${r.action}` : `{who}: ${r.action}`;
    const sentence = base.replace('{who}', who).replace('{target}', target(r, d) || (zh ? '（无对象）' : '(nothing named)'));
    const more = extras(r, d);
    return more.length ? `${sentence}${zh ? '。' : '. '}${more.join(sep)}${zh ? '。' : '.'}` : `${sentence}${zh ? '。' : '.'}`;
  });
}

function parseDetails(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The actions whose words contain the searched text (借 finds lending, returning, renewing…). */
export function actionsNamed(text: string): AuditAction[] {
  const found = new Set<AuditAction>();
  const needle = text.toLowerCase();
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const a of auditActions) {
      const words = auditSentenceLabels[locale][a].replace(/\{who\}|\{target\}/g, '').toLowerCase();
      if (words.includes(needle)) found.add(a);
    }
    for (const g of auditGroups) if (auditGroupLabels[locale][g].toLowerCase().includes(needle)) for (const a of actionsOfGroup(g)) found.add(a);
  }
  return [...found];
}
