// Every method of the contract, collected from the feature modules. The names, the input
// schemas, the permission table and the renderer's `api` type all come from this one table.
import type { Role } from '../../shared/domain';
import { roleMay } from '../../shared/permissions';
import { accountsMethods } from './accounts';
import { approvalsMethods } from './approvals';
import { archiveAccessMethods } from './archive';
import { auditMethods } from './audit';
import { backupMethods } from './backup';
import { bundleMethods } from './bundle';
import { customersMethods } from './customers';
import type { ApiOf } from './define';
import { destructionMethods } from './destruction';
import { dutiesMethods } from './duties';
import { documentsMethods } from './documents';
import { formsMethods } from './forms';
import { importMethods } from './imports';
import { inspectionsMethods } from './inspections';
import { intakeMethods } from './intake';
import { jobsMethods } from './jobs';
import { loansMethods } from './loans';
import { locationsMethods } from './locations';
import { recordsMethods } from './records';
import { reportsMethods } from './reports';
import { transfersMethods } from './transfers';

export const methodTable = {
  ...archiveAccessMethods,
  ...backupMethods,
  ...accountsMethods,
  ...customersMethods,
  ...importMethods,
  ...documentsMethods,
  ...intakeMethods,
  ...auditMethods,
  ...approvalsMethods,
  ...destructionMethods,
  ...locationsMethods,
  ...inspectionsMethods,
  ...loansMethods,
  ...transfersMethods,
  ...formsMethods,
  ...bundleMethods,
  ...jobsMethods,
  ...reportsMethods,
  ...dutiesMethods,
  ...recordsMethods,
};

export type ArchiveApi = ApiOf<typeof methodTable>;
export type ArchiveMethod = keyof typeof methodTable;

export const methodNames = Object.keys(methodTable) as ArchiveMethod[];

export function isArchiveMethod(name: unknown): name is ArchiveMethod {
  return typeof name === 'string' && Object.hasOwn(methodTable, name);
}

/** The methods a role may call: the screens show an action only to whom it will not be refused. */
export function methodsFor(role: Role): ArchiveMethod[] {
  return methodNames.filter((method) => roleMay(role, methodTable[method].permission));
}
