import { dashboardInput, listFollowUpsInput, reportInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as dashboard from '../services/dashboard';
import * as reports from '../services/reports';

export const reportsMethods = {
  getDashboard: defineMethod({ input: dashboardInput, permission: 'customers.read', handler: (input, m) => dashboard.getDashboard(m.services(), input) }),
  listFollowUps: defineMethod({ input: listFollowUpsInput, permission: 'customers.read', handler: (input, m) => dashboard.listFollowUps(m.services(), input) }),
  getReport: defineMethod({ input: reportInput, permission: 'customers.read', handler: (input, m) => reports.getReport(m.services(), input) }),
  exportReport: defineMethod({ input: reportInput, permission: 'customers.export', handler: (input, m) => reports.exportReport(m.services(), input) }),
};
