import { clearPasswordFailures, findAccountByUsername, recordPasswordFailure } from '../../db/queries/accounts';
import type { Account } from '../../db/schema';
import { ArchiveError } from '../../shared/errors';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import type { ArchiveVault } from './vault';

/** Wrong passwords in a row before an account pauses, and for how long. */
export const MAX_PASSWORD_FAILURES = 5;
export const PAUSE_MINUTES = 15;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A password typed while someone is signed in (a manager approving at the desk, a password
 * change) is checked here: every failure is audited and counted per account, each one waits
 * longer, and the fifth pauses the account for 15 minutes. The count lives in the archive.
 */
export async function checkTypedPassword(
  ctx: ServiceContext,
  vault: ArchiveVault,
  username: string,
  password: string,
  purpose: 'desk_approval' | 'password_change',
): Promise<{ account: Account; confidentialKey: Buffer | null }> {
  const account = await findAccountByUsername(ctx.db, username);
  const now = ctx.clock.now();
  if (account?.paused_until && Date.parse(account.paused_until) > now.getTime()) {
    const minutes = Math.ceil((Date.parse(account.paused_until) - now.getTime()) / 60_000);
    await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'password.refused_paused', { targetType: 'account', targetId: String(account.id), details: { username: account.username, purpose } });
    throw new ArchiveError('TOO_MANY_ATTEMPTS', { username: account.username, failures: MAX_PASSWORD_FAILURES, minutes });
  }
  const checked = await vault.checkPasswordKeys(username, password);
  if (checked.ok && account !== undefined && account.status === 'active') {
    await clearPasswordFailures(ctx.db, account.id);
    return { account, confidentialKey: account.role === 'general_manager' ? checked.confidentialKey : null };
  }
  const failures = (account?.failed_attempts ?? 0) + 1;
  const paused = failures >= MAX_PASSWORD_FAILURES;
  if (account) await recordPasswordFailure(ctx.db, account.id, paused ? 0 : failures, paused ? new Date(now.getTime() + PAUSE_MINUTES * 60_000).toISOString() : null);
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'password.failed', {
    targetType: account ? 'account' : undefined,
    targetId: account ? String(account.id) : undefined,
    details: { username, purpose, failures, paused },
  });
  if (paused) throw new ArchiveError('TOO_MANY_ATTEMPTS', { username: account!.username, failures, minutes: PAUSE_MINUTES });
  // Each wrong guess in a row answers more slowly.
  await wait(Math.min(2_000, (failures - 1) * 250));
  throw new ArchiveError('WRONG_CREDENTIALS');
}
