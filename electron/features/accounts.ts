import { accountIdInput, changeOwnPasswordInput, createAccountInput, noInput, resetAccountPasswordInput, updateAccountInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as accounts from '../services/accounts';

export const accountsMethods = {
  listAccounts: defineMethod({ input: noInput, permission: 'accounts.manage', handler: (_input, m) => accounts.listAccounts(m.services()) }),
  createAccount: defineMethod({ input: createAccountInput, permission: 'accounts.manage', handler: (input, m) => accounts.createAccount(m.services(), m.vault, input) }),
  updateAccount: defineMethod({ input: updateAccountInput, permission: 'accounts.manage', handler: (input, m) => accounts.updateAccount(m.services(), m.vault, input) }),
  disableAccount: defineMethod({ input: accountIdInput, permission: 'accounts.manage', handler: ({ accountId }, m) => accounts.disableAccount(m.services(), m.vault, accountId) }),
  resetAccountPassword: defineMethod({ input: resetAccountPasswordInput, permission: 'accounts.manage', handler: (input, m) => accounts.resetAccountPassword(m.services(), m.vault, input) }),
  changeOwnPassword: defineMethod({ input: changeOwnPasswordInput, permission: 'signed-in', handler: (input, m) => accounts.changeOwnPassword(m.services(), m.vault, input) }),
};
