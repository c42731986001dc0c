import { noInput, reportInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as dashboard from '../services/dashboard';
import * as reports from '../services/reports';

export const reportsMethods = {
  getDashboard: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => dashboard.getDashboard(m.services()) }),
  getReport: defineMethod({ input: reportInput, permission: 'customers.read', handler: (input, m) => reports.getReport(m.services(), input) }),
  exportReport: defineMethod({ input: reportInput, permission: 'customers.export', handler: (input, m) => reports.exportReport(m.services(), input) }),
};
