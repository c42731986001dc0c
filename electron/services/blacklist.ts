import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ArchiveDatabase } from '../../db/schema';
import { blacklistPage } from '../../db/queries/blacklist';
import { customerRow, insertClassificationChanges, updateCustomerRow } from '../../db/queries/customers';
import type { BlacklistRow, CustomerDetail, Page } from '../../shared/api';
import { ArchiveError } from '../../shared/errors';
import type { closeCustomerInput, listBlacklistInput, reopenCustomerInput } from '../../shared/schemas';
import { recordAudit } from './audit';
import { nowIso, type ServiceContext } from './context';
import { loadCustomer } from './customers';

type Db = Kysely<ArchiveDatabase>;

// The way out (004 四.1 d): a customer closed (淘汰) keeps its files and history and says why it
// was closed; one closed for cause goes on the blacklist in the same step, so it is met again
// when its name, phone or licence number is registered anew.

export async function listBlacklist(db: Db, input: z.output<typeof listBlacklistInput>): Promise<Page<BlacklistRow>> {
  const { total, rows } = await blacklistPage(db, input);
  return { total, rows, page: input.page, pageSize: input.pageSize };
}

export async function closeCustomer(ctx: ServiceContext, input: z.output<typeof closeCustomerInput>): Promise<CustomerDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await customerRow(trx, input.customerId);
    if (!before) throw new ArchiveError('NOT_FOUND');
    if (before.closed_at) throw new ArchiveError('CUSTOMER_CLOSED');
    const at = nowIso(ctx);
    const listing = input.blacklist && before.blacklisted !== 1;
    await updateCustomerRow(trx, input.customerId, {
      closed_at: at,
      closed_reason: input.reason,
      ...(listing ? { blacklisted: 1, blacklist_reason: input.reason, blacklisted_at: at } : {}),
      updated_at: at,
    });
    if (listing) {
      await insertClassificationChanges(trx, [
        { customer_id: input.customerId, at, account_id: ctx.session.accountId, field: 'blacklist', from_value: null, to_value: input.reason, reason: input.reason },
      ]);
    }
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.closed', {
      targetType: 'customer',
      targetId: String(input.customerId),
      details: { reason: input.reason, ...(listing ? { blacklisted: 1 } : {}) },
    });
    return loadCustomer(trx, input.customerId);
  });
}

/** A closed customer taken on again; the blacklist is left as it is (taking one off is 调整分类's, with its own reason). */
export async function reopenCustomer(ctx: ServiceContext, input: z.output<typeof reopenCustomerInput>): Promise<CustomerDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await customerRow(trx, input.customerId);
    if (!before) throw new ArchiveError('NOT_FOUND');
    if (!before.closed_at) throw new ArchiveError('CUSTOMER_NOT_CLOSED');
    const at = nowIso(ctx);
    await updateCustomerRow(trx, input.customerId, { closed_at: null, closed_reason: null, updated_at: at });
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'customer.reopened', {
      targetType: 'customer',
      targetId: String(input.customerId),
      details: { reason: input.reason, closedAt: before.closed_at },
    });
    return loadCustomer(trx, input.customerId);
  });
}
