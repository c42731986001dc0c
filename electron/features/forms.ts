import { formInput, noInput } from '../../shared/schemas';
import { normalizeRecoveryKey } from '../../db/key-slots';
import { ArchiveError } from '../../shared/errors';
import type { FormInput } from '../../shared/schemas';
import { defineMethod, type MethodContext } from './define';
import * as forms from '../services/forms';

export const formsMethods = {
  listForms: defineMethod({ input: noInput, permission: 'signed-in', handler: async () => forms.listForms() }),
  // Each form's data is read with the caller's own confidentiality rules.
  renderForm: defineMethod({ input: formInput, permission: 'customers.read', handler: async (input, m) => forms.renderForm(m.services(), await realRecoveryKey(input, m)) }),
  recordFormPrinted: defineMethod({ input: formInput, permission: 'customers.read', handler: (input, m) => forms.recordFormPrinted(m.services(), input) }),
  exportFormPdf: defineMethod({ input: formInput, permission: 'customers.read', handler: async (input, m) => forms.exportFormPdf(m.services(), m.pdf, await realRecoveryKey(input, m)) }),
};

/** The recovery-key sheet prints this archive's recovery key and nothing else (a typo would be worthless on paper). */
async function realRecoveryKey<T extends FormInput & { formId: string; blank: boolean; params: { recoveryKey?: string } }>(input: T, m: MethodContext): Promise<T> {
  if (input.formId !== 'recovery-key' || input.blank) return input;
  const key = input.params.recoveryKey ? normalizeRecoveryKey(input.params.recoveryKey) : '';
  if (!key || !(await m.vault.isRecoveryKey(key))) throw new ArchiveError('WRONG_RECOVERY_KEY');
  return { ...input, params: { ...input.params, recoveryKey: key } };
}
