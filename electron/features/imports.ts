import { importInput, registerImportInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as excel from '../services/excel';
import { importInWorker } from '../services/import-job';
import * as registerImport from '../services/register-import';

export const importMethods = {
  previewCustomerImport: defineMethod({ input: importInput, permission: 'customers.import', handler: ({ fileBase64, mapping }, m) => excel.previewCustomerImport(m.services(), fileBase64, mapping) }),
  /** All or nothing, in the background: progress and cancel through getJob / cancelJob. */
  startCustomerImport: defineMethod({
    input: importInput,
    permission: 'customers.import',
    handler: async ({ fileBase64, mapping }, m) => {
      const context = m.services();
      const jobId = m.jobs.start('customer-import', { preparing: [0, 0], checking: [0.05, 0.1], importing: [0.15, 0.85] }, (report, signal) =>
        importInWorker(m.vault, context, { kind: 'customers', fileBase64, mapping }, report, signal),
      );
      return { jobId };
    },
  }),
  // A positions sheet moves files: its service also checks locations.manage.
  /** The 卷内目录 or the box positions from an old Excel register: dry run, then all or nothing. */
  previewRegisterImport: defineMethod({ input: registerImportInput, permission: 'customers.import', handler: (input, m) => registerImport.previewRegisterImport(m.services(), input) }),
  startRegisterImport: defineMethod({
    input: registerImportInput,
    permission: 'customers.import',
    handler: async (input, m) => {
      const context = m.services();
      // Refused at once (not as a failed job) when the role may not do it.
      registerImport.mayImport(context, input.register);
      const jobId = m.jobs.start('register-import', { preparing: [0, 0], checking: [0.05, 0.25], importing: [0.3, 0.7] }, (report, signal) =>
        importInWorker(m.vault, context, { kind: 'register', register: input.register, fileBase64: input.fileBase64 }, report, signal),
      );
      return { jobId };
    },
  }),
};
