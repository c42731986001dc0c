import { confirmDestructionInput, createDestructionRegisterInput, noInput, registerIdInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as destruction from '../services/destruction';

export const destructionMethods = {
  listAppraisal: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => destruction.listAppraisal(m.db(), { clock: m.clock }) }),
  createDestructionRegister: defineMethod({ input: createDestructionRegisterInput, permission: 'customers.write', handler: (input, m) => destruction.createDestructionRegister(m.services(), input) }),
  listDestructionRegisters: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => destruction.listDestructionRegisters(m.db()) }),
  getDestructionRegister: defineMethod({ input: registerIdInput, permission: 'customers.read', handler: ({ registerId }, m) => destruction.getDestructionRegister(m.db(), registerId) }),
  confirmDestruction: defineMethod({ input: confirmDestructionInput, permission: 'customers.write', handler: (input, m) => destruction.confirmDestruction(m.services(), m.vault, input) }),
};
