import {
  borrowerIdInput,
  clearFileFlagInput,
  enterPaperLoanInput,
  exportLoansInput,
  handOverCustomersInput,
  lendFilesInput,
  listBorrowersInput,
  listLoansInput,
  loanIdInput,
  markBorrowerLeftInput,
  noInput,
  renewLoanInput,
  requestLoanInput,
  requestRenewalInput,
  returnFilesInput,
  saveBorrowerInput,
} from '../../shared/schemas';
import { defineMethod } from './define';
import * as loans from '../services/loans';
import * as owners from '../services/owners';

export const loansMethods = {
  listBorrowers: defineMethod({ input: listBorrowersInput, permission: 'customers.read', handler: (input, m) => loans.listBorrowers(m.db(), input) }),
  saveBorrower: defineMethod({ input: saveBorrowerInput, permission: 'loans.manage', handler: (input, m) => loans.saveBorrower(m.services(), input) }),
  getBorrowerHoldings: defineMethod({
    input: borrowerIdInput,
    permission: 'customers.read',
    handler: async ({ borrowerId }, m) => ({
      borrower: await loans.getBorrower(m.db(), borrowerId),
      items: await loans.listLoans(m.services(), { borrowerId, status: 'out', limit: null }),
    }),
  }),
  markBorrowerLeft: defineMethod({ input: markBorrowerLeftInput, permission: 'loans.manage', handler: (input, m) => loans.markBorrowerLeft(m.services(), input) }),
  handOverCustomers: defineMethod({ input: handOverCustomersInput, permission: 'customers.write', handler: (input, m) => owners.handOverCustomers(m.services(), input) }),
  requestLoan: defineMethod({ input: requestLoanInput, permission: 'loans.manage', handler: (input, m) => loans.requestLoan(m.services(), input) }),
  getLoan: defineMethod({ input: loanIdInput, permission: 'customers.read', handler: ({ loanId }, m) => loans.getLoan(m.services(), loanId) }),
  lendFiles: defineMethod({ input: lendFilesInput, permission: 'loans.manage', handler: (input, m) => loans.lendFiles(m.services(), input) }),
  /** Going live: a loan already out on the paper register, with its real lend and due dates. */
  enterPaperLoan: defineMethod({ input: enterPaperLoanInput, permission: 'loans.manage', handler: (input, m) => loans.enterPaperLoan(m.services(), input) }),
  returnFiles: defineMethod({ input: returnFilesInput, permission: 'loans.manage', handler: (input, m) => loans.returnFiles(m.services(), input) }),
  requestRenewal: defineMethod({ input: requestRenewalInput, permission: 'loans.manage', handler: (input, m) => loans.requestRenewal(m.services(), input) }),
  renewLoan: defineMethod({ input: renewLoanInput, permission: 'loans.manage', handler: (input, m) => loans.renewLoan(m.services(), input) }),
  listLoans: defineMethod({ input: listLoansInput, permission: 'customers.read', handler: (input, m) => loans.listLoans(m.services(), input) }),
  listOverdue: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => loans.listOverdue(m.services()) }),
  exportLoans: defineMethod({ input: exportLoansInput, permission: 'customers.export', handler: (input, m) => loans.exportLoans(m.services(), input) }),
  clearFileFlag: defineMethod({ input: clearFileFlagInput, permission: 'locations.manage', handler: (input, m) => loans.clearFileFlag(m.services(), input) }),
};
