import {
  changeClassificationInput,
  closeCustomerInput,
  customerIdInput,
  listBlacklistInput,
  listNewFilesInput,
  resubmitFileReviewInput,
  reopenCustomerInput,
  dueForReviewInput,
  exportCustomersInput,
  listCustomersInput,
  registerCustomerInput,
  searchInput,
  updateCustomerInput,
} from '../../shared/schemas';
import { defineMethod } from './define';
import * as customers from '../services/customers';
import * as excel from '../services/excel';
import * as blacklist from '../services/blacklist';
import * as newFiles from '../services/new-files';

export const customersMethods = {
  listCustomers: defineMethod({ input: listCustomersInput, permission: 'customers.read', handler: (input, m) => customers.listFiles(m.db(), input) }),
  search: defineMethod({
    input: searchInput,
    permission: 'customers.read',
    handler: (input, m) => {
      const { query, limit } = input;
      return customers.searchArchive(m.db(), query, limit, m.session().role === 'general_manager');
    },
  }),
  getCustomer: defineMethod({
    input: customerIdInput,
    permission: 'customers.read',
    handler: ({ customerId }, m) => customers.viewCustomer(m.services(), customerId),
  }),
  registerCustomer: defineMethod({ input: registerCustomerInput, permission: 'customers.write', handler: async (input, m) => ({ customer: await customers.registerCustomer(m.services(), input) }) }),
  updateCustomer: defineMethod({ input: updateCustomerInput, permission: 'customers.write', handler: (input, m) => customers.updateCustomer(m.services(), input) }),
  changeClassification: defineMethod({ input: changeClassificationInput, permission: 'customers.write', handler: (input, m) => customers.changeClassification(m.services(), input) }),
  listDueForReview: defineMethod({ input: dueForReviewInput, permission: 'customers.read', handler: ({ months }, m) => customers.listDueForReview(m.services(), months) }),
  /** 客户黑名单 (004 四.1 d). */
  listBlacklist: defineMethod({ input: listBlacklistInput, permission: 'customers.read', handler: (input, m) => blacklist.listBlacklist(m.db(), input) }),
  /** 淘汰: closed with a reason, on the blacklist too when asked. */
  /** 新建档案: files waiting for review, returned, or in no box (with the box suggested). */
  listNewFiles: defineMethod({ input: listNewFilesInput, permission: 'customers.read', handler: (input, m) => newFiles.listNewFiles(m.services(), input) }),
  /** 重新提交审核: files returned for correction go to the reviewer again. */
  resubmitFileReview: defineMethod({ input: resubmitFileReviewInput, permission: 'customers.write', handler: (input, m) => newFiles.resubmitFileReview(m.services(), input) }),
  closeCustomer: defineMethod({ input: closeCustomerInput, permission: 'customers.write', handler: (input, m) => blacklist.closeCustomer(m.services(), input) }),
  reopenCustomer: defineMethod({ input: reopenCustomerInput, permission: 'customers.write', handler: (input, m) => blacklist.reopenCustomer(m.services(), input) }),
  exportCustomers: defineMethod({ input: exportCustomersInput, permission: 'customers.export', handler: (input, m) => excel.exportCustomers(m.services(), input) }),
};
