import { fileIdInput, listDutyFilesInput, noInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as duties from '../services/duties';

export const dutiesMethods = {
  countDuties: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => duties.countDuties(m.services()) }),
  listDutyFiles: defineMethod({ input: listDutyFilesInput, permission: 'customers.read', handler: (input, m) => duties.listDutyFiles(m.services(), input) }),
  getFileDuties: defineMethod({ input: fileIdInput, permission: 'customers.read', handler: ({ fileId }, m) => duties.getFileDuties(m.services(), fileId) }),
};
