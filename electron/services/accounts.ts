import type { Account } from '../../db/schema';
import type { AccountInfo } from '../../shared/api';
import type { Role } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { accountById, accountRows, activeAdministrators, findAccountByUsername, insertAccount, updateAccountRow } from '../../db/queries/accounts';
import { recordAudit } from './audit';
import { nowIso, type ServiceContext } from './context';
import { checkNewPassword } from './password-policy';
import { checkTypedPassword } from './password-attempts';
import type { ArchiveVault } from './vault';

function toInfo(a: Account): AccountInfo {
  return {
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role,
    status: a.status,
    createdAt: a.created_at,
    lastLoginAt: a.last_login_at,
    passwordChangedAt: a.password_changed_at,
  };
}

async function requireAccount(ctx: ServiceContext, accountId: number): Promise<Account> {
  const account = await accountById(ctx.db, accountId);
  if (!account) throw new ArchiveError('NOT_FOUND');
  return account;
}

/** The last active administrator can be neither disabled nor given another role. */
async function guardLastAdministrator(ctx: ServiceContext, account: Account, nextRole: Role | null): Promise<void> {
  if (account.role !== 'administrator' || account.status !== 'active' || nextRole === 'administrator') return;
  if ((await activeAdministrators(ctx.db)) <= 1) throw new ArchiveError('LAST_ADMINISTRATOR');
}

export async function listAccounts(ctx: ServiceContext): Promise<AccountInfo[]> {
  const rows = await accountRows(ctx.db);
  return rows.map(toInfo);
}

/** A new account gets its own key slot: its password opens the archive from now on. */
export async function createAccount(
  ctx: ServiceContext,
  vault: ArchiveVault,
  input: { username: string; displayName: string; role: Role; password: string; passwordConfirm: string },
): Promise<AccountInfo> {
  const username = input.username.trim();
  checkNewPassword(input.password, input.passwordConfirm, username);
  if (await findAccountByUsername(ctx.db, username)) throw new ArchiveError('USERNAME_TAKEN', { username });
  const at = nowIso(ctx);
  const account = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertAccount(trx, { username, display_name: input.displayName, role: input.role, created_at: at, updated_at: at, password_changed_at: at });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'account.created', { targetType: 'account', targetId: String(created.id), details: { username, role: input.role } });
    return created;
  });
  // The slot is written after the row commits; should writing it fail, the account exists
  // without a slot and an administrator resets its password (nothing is half-written).
  await vault.writePasswordSlot(username, input.password);
  return toInfo(account);
}

export async function updateAccount(ctx: ServiceContext, vault: ArchiveVault, input: { accountId: number; displayName: string; role: Role }): Promise<AccountInfo> {
  const before = await requireAccount(ctx, input.accountId);
  await guardLastAdministrator(ctx, before, input.role);
  // Nobody gives themselves another role: an administrator does not become the one who reads files or the log.
  if (input.accountId === ctx.session.accountId && input.role !== before.role) throw new ArchiveError('ROLE_SEPARATION');
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await updateAccountRow(trx, input.accountId, { display_name: input.displayName, role: input.role, updated_at: nowIso(ctx) });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'account.updated', {
      targetType: 'account',
      targetId: String(input.accountId),
      details: { before: { displayName: before.display_name, role: before.role }, after: { displayName: input.displayName, role: input.role } },
    });
    return row;
  });
  if (input.accountId === ctx.session.accountId) vault.refreshSession({ displayName: updated.display_name, role: updated.role });
  // A role that may no longer read confidential scans loses its key at once.
  if (before.role !== updated.role) await vault.syncConfidentialGrants();
  return toInfo(updated);
}

/** Disabling removes the account's key slot, so its password no longer opens the archive. */
export async function disableAccount(ctx: ServiceContext, vault: ArchiveVault, accountId: number): Promise<AccountInfo> {
  if (accountId === ctx.session.accountId) throw new ArchiveError('CANNOT_DISABLE_SELF');
  const account = await requireAccount(ctx, accountId);
  await guardLastAdministrator(ctx, account, null);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await updateAccountRow(trx, accountId, { status: 'disabled', updated_at: nowIso(ctx) });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'account.disabled', { targetType: 'account', targetId: String(accountId) });
    return row;
  });
  vault.removePasswordSlot(account.username);
  return toInfo(updated);
}

/** An administrator sets a new password (and so a new slot) for an account, enabling it again. */
export async function resetAccountPassword(ctx: ServiceContext, vault: ArchiveVault, input: { accountId: number; newPassword: string; newPasswordConfirm: string }): Promise<AccountInfo> {
  const account = await requireAccount(ctx, input.accountId);
  checkNewPassword(input.newPassword, input.newPasswordConfirm, account.username);
  await vault.writePasswordSlot(account.username, input.newPassword);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx);
    const row = await updateAccountRow(trx, input.accountId, { status: 'active', password_changed_at: at, updated_at: at });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'account.password_reset', { targetType: 'account', targetId: String(input.accountId) });
    return row;
  });
  return toInfo(updated);
}

/** Anyone changes their own password after proving the current one; only their slot is rewrapped. */
export async function changeOwnPassword(ctx: ServiceContext, vault: ArchiveVault, input: { currentPassword: string; newPassword: string; newPasswordConfirm: string }): Promise<void> {
  const username = ctx.session.username;
  await checkTypedPassword(ctx, vault, username, input.currentPassword, 'password_change');
  checkNewPassword(input.newPassword, input.newPasswordConfirm, username);
  await vault.writePasswordSlot(username, input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx);
    await updateAccountRow(trx, ctx.session.accountId, { password_changed_at: at, updated_at: at });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'account.password_changed', { targetType: 'account', targetId: String(ctx.session.accountId) });
  });
}
