import { bundlePathInput, checkBundleInput, readBundleFileInput, requestBundleApprovalInput, startBundleExportInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as approvals from '../services/approvals';
import * as bundle from '../services/bundle';
import { verifyBundle } from '../services/bundle-open';
import { checkOutputFolder } from '../services/local-paths';

export const bundleMethods = {
  checkBundle: defineMethod({ input: checkBundleInput, permission: 'customers.read', handler: (input, m) => bundle.checkBundle(m.services(), input) }),
  requestBundleApproval: defineMethod({
    input: requestBundleApprovalInput,
    permission: 'customers.export',
    handler: async (input, m) => {
      const id = await bundle.requestBundleApproval(m.services(), input);
      return (await approvals.loadApprovals(m.db(), { id }))[0]!;
    },
  }),
  startBundleExport: defineMethod({
    input: startBundleExportInput,
    permission: 'customers.export',
    handler: async (input, m) => {
      // A folder that may not be written is refused at once, not as a failed job.
      checkOutputFolder(input.folder);
      const context = m.services();
      const jobId = m.jobs.start('bundle-export', { preparing: [0, 0], tenants: [0, 0.8], catalogue: [0.8, 0.03], manifest: [0.83, 0.01], zip: [0.84, 0.08], verify: [0.92, 0.08] }, (report, signal) =>
        bundle.exportBundle(context, m.pdf, input, report, signal),
      );
      return { jobId };
    },
  }),
  verifyBundle: defineMethod({ input: bundlePathInput, permission: 'customers.read', handler: ({ path, password }) => verifyBundle(path, password) }),
  openBundle: defineMethod({ input: bundlePathInput, permission: 'customers.read', handler: ({ path, password }, m) => m.bundles.open(path, password) }),
  readBundleFile: defineMethod({
    input: readBundleFileInput,
    permission: 'customers.read',
    handler: async ({ path, file, password }, m) => {
      const bytes = await m.bundles.read(path, file, password);
      const ext = file.split('.').pop()?.toLowerCase() ?? '';
      const mime =
        ({ pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', json: 'application/json', csv: 'text/csv', txt: 'text/plain' } as Record<string, string>)[ext] ??
        'application/octet-stream';
      return { dataBase64: bytes.toString('base64'), mime, fileName: file.split('/').pop() ?? file };
    },
  }),
};
