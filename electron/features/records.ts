import { z } from 'zod';
import { recordKindIds, recordKind } from '../../shared/record-kinds';
import { recordLabels } from '../../shared/record-labels';
import { attachRecordScanInput, exportRecordsInput, fileRecordsInput, listRecordsInput, moveRecordInput, recordIdInput, recordScanIdInput, saveRecordInput } from '../../shared/record-schemas';
import { noInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as records from '../services/records';

/** A refused field of a record is named by its kind's words (fields.category is 投诉类别). */
function recordIssueLabel(path: string, input: unknown, locale: 'zh-CN' | 'en'): string | null {
  const kind = (input as { kind?: unknown } | null)?.kind;
  const [head, key] = path.split('.');
  if (head !== 'fields' || typeof kind !== 'string' || !key || !recordKind(kind)) return null;
  return recordLabels(kind, locale).fields[key] ?? null;
}

// Desk records: one set of methods for every kind; a move's own roles are checked by the service.
export const recordsMethods = {
  draftRecord: defineMethod({
    input: z.object({ kind: z.enum(recordKindIds as [string, ...string[]]), fileId: z.number().int().positive().optional() }).strict(),
    permission: 'customers.write',
    handler: (input, m) => records.draftRecord(m.services(), input),
  }),
  saveRecord: defineMethod({ input: saveRecordInput, permission: 'customers.write', issueLabel: recordIssueLabel, handler: (input, m) => records.saveRecord(m.services(), input) }),
  moveRecord: defineMethod({ input: moveRecordInput, permission: 'customers.read', handler: (input, m) => records.moveRecord(m.services(), input) }),
  getRecord: defineMethod({ input: recordIdInput, permission: 'customers.read', handler: ({ recordId }, m) => records.getRecord(m.services(), recordId) }),
  listRecords: defineMethod({ input: listRecordsInput, permission: 'customers.read', handler: (input, m) => records.listRecords(m.services(), input) }),
  fileRecords: defineMethod({ input: fileRecordsInput, permission: 'customers.read', handler: ({ fileId }, m) => records.fileRecords(m.services(), fileId) }),
  openRecords: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => records.openRecords(m.services()) }),
  exportRecords: defineMethod({ input: exportRecordsInput, permission: 'customers.export', handler: (input, m) => records.exportRecords(m.services(), input) }),
  attachRecordScan: defineMethod({ input: attachRecordScanInput, permission: 'customers.write', handler: ({ recordId, scan }, m) => records.attachRecordScan(m.services(), recordId, scan) }),
  getRecordScan: defineMethod({ input: recordScanIdInput, permission: 'customers.read', handler: ({ scanId }, m) => records.getRecordScan(m.services(), scanId) }),
};
