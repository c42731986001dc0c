import {
  addDocumentInput,
  addScanInput,
  documentIdInput,
  fileReasonInput,
  getFileInput,
  noInput,
  saveDocumentCategoryInput,
  scanIdInput,
  setDocumentConfidentialityInput,
  setFileConfidentialityInput,
  setLegalHoldInput,
  updateDocumentInput,
} from '../../shared/schemas';
import { defineMethod, type MethodContext } from './define';
import type { TextReadingStatus } from '../../shared/api';
import * as documents from '../services/documents';

export const documentsMethods = {
  getFile: defineMethod({
    input: getFileInput,
    permission: 'customers.read',
    handler: ({ fileId, category }, m) => documents.viewFile(m.services(), fileId, category),
  }),
  correctFileRef: defineMethod({ input: fileReasonInput, permission: 'customers.write', handler: ({ fileId, reason }, m) => documents.correctFileRef(m.services(), fileId, reason) }),
  reopenFile: defineMethod({ input: fileReasonInput, permission: 'files.manage', handler: ({ fileId, reason }, m) => documents.reopenFile(m.services(), fileId, reason) }),
  addDocument: defineMethod({ input: addDocumentInput, permission: 'customers.write', handler: (input, m) => readAfter(m, documents.addDocument(m.services(), input)) }),
  updateDocument: defineMethod({ input: updateDocumentInput, permission: 'customers.write', handler: (input, m) => documents.updateDocument(m.services(), input) }),
  listDocumentRevisions: defineMethod({ input: documentIdInput, permission: 'customers.read', handler: ({ documentId }, m) => documents.listDocumentRevisions(m.services(), documentId) }),
  addScan: defineMethod({ input: addScanInput, permission: 'customers.write', handler: ({ documentId, scan }, m) => readAfter(m, documents.addScan(m.services(), documentId, scan)) }),
  getScanText: defineMethod({ input: scanIdInput, permission: 'customers.read', handler: ({ scanId }, m) => documents.getScanText(m.services(), scanId) }),
  textReadingStatus: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => textStatus(m) }),
  getScan: defineMethod({ input: scanIdInput, permission: 'customers.read', handler: ({ scanId }, m) => documents.getScan(m.services(), scanId) }),
  listDocumentCategories: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => documents.listDocumentCategories(m.db()) }),
  saveDocumentCategory: defineMethod({ input: saveDocumentCategoryInput, permission: 'settings.manage', handler: (input, m) => documents.saveDocumentCategory(m.services(), input) }),
  setFileConfidentiality: defineMethod({ input: setFileConfidentialityInput, permission: 'files.manage', handler: (input, m) => readAfter(m, documents.setFileConfidentiality(m.services(), input)) }),
  // Raising is any file manager's; lowering the service leaves to the general manager.
  setDocumentConfidentiality: defineMethod({
    input: setDocumentConfidentialityInput,
    permission: 'files.manage',
    handler: (input, m) => readAfter(m, documents.setDocumentConfidentiality(m.services(), input)),
  }),
  setLegalHold: defineMethod({ input: setLegalHoldInput, permission: 'files.manage', handler: (input, m) => documents.setLegalHold(m.services(), input) }),
};

/** A change that adds scans (or makes sealed ones ordinary again) sets the text reader going. */
async function readAfter<T>(m: MethodContext, change: Promise<T>): Promise<T> {
  const result = await change;
  m.textReader?.kick();
  return result;
}

async function textStatus(m: MethodContext): Promise<TextReadingStatus> {
  if (!m.textReader?.readsText) return { available: false, reading: false, waiting: 0, pagesRead: 0 };
  return { available: true, ...(await m.textReader.status()) };
}
