import { jobIdInput } from '../../shared/schemas';
import { defineMethod } from './define';

export const jobsMethods = {
  getJob: defineMethod({ input: jobIdInput, permission: 'signed-in', handler: async ({ jobId }, m) => m.jobs.get(jobId) }),
  cancelJob: defineMethod({ input: jobIdInput, permission: 'signed-in', handler: async ({ jobId }, m) => m.jobs.cancel(jobId) }),
};
