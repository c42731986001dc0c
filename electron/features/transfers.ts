import { noInput, requestTransferInput, transferIdInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as transfers from '../services/transfers';

export const transfersMethods = {
  requestTransfer: defineMethod({ input: requestTransferInput, permission: 'loans.manage', handler: (input, m) => transfers.requestTransfer(m.services(), input) }),
  listTransfers: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => transfers.listTransfers(m.db()) }),
  getTransfer: defineMethod({ input: transferIdInput, permission: 'customers.read', handler: ({ transferId }, m) => transfers.getTransfer(m.db(), transferId) }),
  completeTransfer: defineMethod({ input: transferIdInput, permission: 'loans.manage', handler: ({ transferId }, m) => transfers.completeTransfer(m.services(), transferId) }),
};
